/// Counts further mentions of persons and places already found in the article (and of provinces): a
/// run of capitalized syllables equal to a known name, longest first, 2–4 syllables.
enum KnownNameRule {
    static func run(on scan: FieldScan, collector: inout EntityCollector) {
        var index = 0
        while index < scan.count {
            guard !scan.taken[index], scan.isNameWord(index) else {
                index += 1
                continue
            }
            var runEnd = index + 1
            while runEnd < scan.count, runEnd - index < 4, scan.isNameWord(runEnd), scan.joined(runEnd),
                !scan.taken[runEnd]
            {
                runEnd += 1
            }
            var matched = false
            var length = runEnd - index
            while length >= 2 {
                if let known = collector.knownName(scan.key(index..<(index + length))) {
                    collector.add(known.kind, name: known.name, in: scan, tokens: index..<(index + length))
                    scan.markTaken(index..<(index + length))
                    index += length
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched { index += 1 }
        }
    }
}
