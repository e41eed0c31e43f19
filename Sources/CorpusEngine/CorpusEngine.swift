/// The corpus engine: article parsing, Vietnamese text normalization, entity extraction and
/// search. It has no networking and no dependency on the wire protocol.
public enum CorpusEngine {
    /// The engine's version, reported by `Stats` and `corpus --version`.
    public static let version = "0.1.0"
}
