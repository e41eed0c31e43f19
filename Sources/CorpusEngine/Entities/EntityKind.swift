/// The kinds of named entities the engine extracts. The raw values are the wire enum names.
public enum EntityKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A person (`Ngô Công Thức`).
    case person = "PERSON"
    /// A place (`An Phú`, `Phước Hưng`).
    case location = "LOCATION"
    /// An organization (`Bộ Chính trị`, `Ủy ban nhân dân` alias `UBND`).
    case organization = "ORGANIZATION"
    /// A legal or party document (`Chỉ thị số 35-CT/TW`).
    case document = "DOCUMENT"

    /// The prefix of entity ids of this kind: `person`, `location`, `organization`, `document`.
    public var idPrefix: String { rawValue.lowercased() }

    /// Parses `PERSON`, `person`, `Person` and so on.
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// The declaration index (0 for persons …), for hashing and ordering without a lookup.
    var ordinal: Int {
        switch self {
        case .person: return 0
        case .location: return 1
        case .organization: return 2
        case .document: return 3
        }
    }

    /// Orders kinds as declared.
    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The stable id of an entity of this kind with the given name: the kind and the folded name with
    /// every run of other characters turned into `-`, for example `person:vo-anh-kiet` or
    /// `document:chi-thi-so-35-ct-tw`. The same name gives the same id in every load.
    public func entityID(forName name: String) -> String {
        var slug: [UInt8] = Array(idPrefix.utf8)
        slug.append(0x3A)
        let prefixLength = slug.count
        var pendingDash = false
        for byte in VietnameseText.fold(name).utf8 {
            let isAlphanumeric =
                byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isAlphanumeric {
                if pendingDash, slug.count > prefixLength { slug.append(0x2D) }
                pendingDash = false
                slug.append(byte)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }
}
