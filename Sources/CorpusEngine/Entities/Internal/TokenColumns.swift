/// The tokens of every field of one article, column by column, in buffers reused across articles.
///
/// ``EntityExtractor`` fills the columns for all fields first, then hands out ``FieldScan`` views; the
/// buffers only grow while filling, so the views stay valid for the rest of the article. Reusing the
/// buffers keeps entity extraction free of per-field allocations.
struct TokenColumns {
    struct FieldRange {
        var field: Int
        var byteStart: Int
        var byteCount: Int
        var tokenStart: Int
        var tokenCount: Int
    }

    private var bytes = Scratch<UInt8>(capacity: 1_024)
    private var flags = Scratch<Token.Flags>(capacity: 1_024)
    private var scalarStarts = Scratch<Int32>(capacity: 1_024)
    private var scalarEnds = Scratch<Int32>(capacity: 1_024)
    private var utf8Starts = Scratch<Int32>(capacity: 1_024)
    private var utf8Ends = Scratch<Int32>(capacity: 1_024)
    private var ids = Scratch<Int32>(capacity: 1_024)
    private var hashes = Scratch<UInt64>(capacity: 1_024)
    private var taken = Scratch<Bool>(capacity: 1_024)
    private var fields = Scratch<FieldRange>(capacity: 64)
    private var forms = TokenFormCache()

    /// Forgets the previous article's tokens.
    mutating func removeAll() {
        bytes.removeAll()
        flags.removeAll()
        scalarStarts.removeAll()
        scalarEnds.removeAll()
        utf8Starts.removeAll()
        utf8Ends.removeAll()
        ids.removeAll()
        hashes.removeAll()
        taken.removeAll()
        fields.removeAll()
    }

    /// Copies a field's text and tokenizes it, with each token's vocabulary id and normalized-form hash
    /// (from the ``TokenFormCache``; a token not seen before is normalized on its own).
    mutating func append(field: Int, text: String, vocabulary: LexiconVocabulary) {
        let byteStart = bytes.count
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        let byteCount = bytes.count - byteStart
        // Tokens are separated by at least one byte, so a field has at most (n + 1) / 2 of them.
        let capacity = (byteCount + 1) / 2 + 1
        flags.reserve(capacity)
        scalarStarts.reserve(capacity)
        scalarEnds.reserve(capacity)
        utf8Starts.reserve(capacity)
        utf8Ends.reserve(capacity)
        ids.reserve(capacity)
        hashes.reserve(capacity)
        taken.reserve(capacity)
        let tokenStart = flags.count
        let flagsOut = flags.base + tokenStart
        let scalarStartsOut = scalarStarts.base + tokenStart
        let scalarEndsOut = scalarEnds.base + tokenStart
        let utf8StartsOut = utf8Starts.base + tokenStart
        let utf8EndsOut = utf8Ends.base + tokenStart
        let idsOut = ids.base + tokenStart
        let hashesOut = hashes.base + tokenStart
        let takenOut = taken.base + tokenStart
        var count = 0
        let text = UnsafeBufferPointer(start: bytes.base + byteStart, count: byteCount)
        var scanner = TokenScanner(bytes: text, wantsForms: false)
        var cache = self.forms
        scanner.run { token, _ in
            let raw = UnsafeBufferPointer(rebasing: text[token.utf8Range])
            let value = cache.value(of: raw) { raw in
                var value = TokenFormCache.Value(hash: 0, id: -1)
                var tokens = 0
                var single = TokenScanner(bytes: raw, wantsForms: true, wantsFolded: false)
                single.run { _, forms in
                    value.hash = LexiconVocabulary.hash(forms.normalizedUTF8)
                    value.id = vocabulary.id(ofNormalized: forms.normalizedUTF8, hash: value.hash)
                    tokens += 1
                }
                assert(tokens == 1, "a token's text alone must scan as that one token")
                return value
            }
            flagsOut[count] = token.flags
            scalarStartsOut[count] = Int32(truncatingIfNeeded: token.scalarRange.lowerBound)
            scalarEndsOut[count] = Int32(truncatingIfNeeded: token.scalarRange.upperBound)
            utf8StartsOut[count] = Int32(truncatingIfNeeded: token.utf8Range.lowerBound)
            utf8EndsOut[count] = Int32(truncatingIfNeeded: token.utf8Range.upperBound)
            hashesOut[count] = value.hash
            idsOut[count] = value.id
            takenOut[count] = false
            count += 1
        }
        self.forms = cache
        flags.advance(by: count)
        scalarStarts.advance(by: count)
        scalarEnds.advance(by: count)
        utf8Starts.advance(by: count)
        utf8Ends.advance(by: count)
        ids.advance(by: count)
        hashes.advance(by: count)
        taken.advance(by: count)
        fields.append(
            FieldRange(
                field: field,
                byteStart: byteStart,
                byteCount: byteCount,
                tokenStart: tokenStart,
                tokenCount: count
            )
        )
    }

    /// Views of the fields appended since ``removeAll()``, in order.
    func scans() -> [FieldScan] {
        fields.buffer.map { range in
            let start = range.tokenStart
            return FieldScan(
                field: range.field,
                count: range.tokenCount,
                text: UnsafeBufferPointer(start: bytes.base + range.byteStart, count: range.byteCount),
                flags: UnsafePointer(flags.base + start),
                scalarStarts: UnsafePointer(scalarStarts.base + start),
                scalarEnds: UnsafePointer(scalarEnds.base + start),
                utf8Starts: UnsafePointer(utf8Starts.base + start),
                utf8Ends: UnsafePointer(utf8Ends.base + start),
                ids: UnsafePointer(ids.base + start),
                hashes: UnsafePointer(hashes.base + start),
                taken: taken.base + start
            )
        }
    }

    /// Frees the buffers; the columns must not be used afterwards.
    func deallocate() {
        bytes.deallocate()
        flags.deallocate()
        scalarStarts.deallocate()
        scalarEnds.deallocate()
        utf8Starts.deallocate()
        utf8Ends.deallocate()
        ids.deallocate()
        hashes.deallocate()
        taken.deallocate()
        forms.deallocate()
        fields.deallocate()
    }
}

/// Owns the ``TokenColumns`` of an ``EntityCollector`` and frees them with it.
final class TokenColumnsBox {
    var columns = TokenColumns()

    deinit { columns.deallocate() }
}
