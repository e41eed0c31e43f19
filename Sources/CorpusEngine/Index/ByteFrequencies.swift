/// How often each byte value occurs in a sample of the indexed text.
///
/// Highlighting searches article text for the rarest byte of each spelling of the query's terms;
/// this sample tells which bytes are rare in this corpus (in Vietnamese UTF-8, `n`, `h` and the lead
/// bytes of accented letters are frequent, the last bytes of most accented letters rare).
enum ByteFrequencies {
    /// Counts the bytes of the leads and paragraphs of the first documents, up to about `budget` bytes.
    static func sample(_ documents: [IndexDocument], budget: Int = 1 << 18) -> [UInt32] {
        var counts = [UInt32](repeating: 0, count: 256)
        var total = 0
        for document in documents {
            if total >= budget { break }
            for text in [document.lead] + document.paragraphs {
                for byte in text.utf8 { counts[Int(byte)] &+= 1 }
                total += text.utf8.count
            }
        }
        return counts
    }
}
