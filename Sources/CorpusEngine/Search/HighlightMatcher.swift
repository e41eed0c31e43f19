/// Finds the tokens of article text that are the query's matched syllables.
///
/// The index knows every raw spelling (surface) of its terms (`Đảng` and `đảng` are two surfaces of
/// one term), so the surfaces of the highlighted terms are listed once per result list and the text
/// is searched for their bytes; only the words around an occurrence are tokenized.
struct HighlightMatcher {
    private let index: SearchIndex
    private let terms: [UInt32]
    /// Collected on first use (a bare search builds no snippet).
    private var surfaces: HighlightSurfaces? = nil

    init(index: SearchIndex, terms: Set<UInt32>) {
        self.index = index
        self.terms = terms.sorted()
    }

    /// Normalized term id → folded id.
    var foldedOfTerm: [UInt32] { self.index.foldedOfTerm }

    /// Calls `body` with the Unicode scalar range and normalized term id of each matched token of
    /// `text`, in order.
    ///
    /// - Parameters:
    ///   - text: Indexed text: a unit of one of the index's documents (every token of it is in the
    ///     index's surface table).
    ///   - scanner: A reusable scanner without forms (see ``TokenScanner/run(over:_:)``).
    ///   - body: Receives each match.
    mutating func matches(
        in text: String,
        scanner: inout TokenScanner,
        _ body: (_ scalarRange: Range<Int>, _ term: Int) -> Void
    ) {
        if self.terms.isEmpty { return }
        if self.surfaces == nil { self.surfaces = HighlightSurfaces(index: self.index, terms: self.terms) }
        var text = text
        text.withUTF8 { bytes in self.surfaces?.forEachMatch(in: bytes, scanner: &scanner, body) }
    }
}
