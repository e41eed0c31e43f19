public import CorpusProtocol

extension Corpus_V1_EntityKind {
    /// The enum value's name in `corpus.proto`, as the JSON form spells it: `PERSON`, ….
    public var protoName: String {
        switch self {
        case .unspecified: "ENTITY_KIND_UNSPECIFIED"
        case .person: "PERSON"
        case .location: "LOCATION"
        case .organization: "ORGANIZATION"
        case .document: "DOCUMENT"
        case .UNRECOGNIZED(let value): "\(value)"
        }
    }
}
