import Foundation

/// Whole-string transforms behind ``VietnameseText``: letter runs are decoded into ``Letter``s,
/// get their tone placed and are written in the requested form; other scalars are copied.
enum TextTransform {
    enum Mode {
        /// Lowercase, canonical tones, white space collapsed.
        case normalize
        /// As ``normalize``, then diacritics removed and `đ` → `d`.
        case fold
        /// Canonical tones only: case and white space are kept.
        case canonicalTones
    }

    static func apply(_ text: String, mode: Mode) -> String {
        let source = VietnameseText.nfc(text)
        var out = Scratch<UInt8>(capacity: source.utf8.count + 8)
        defer { out.deallocate() }
        source.withUTF8Buffer { bytes in
            write(bytes, mode: mode, to: &out)
        }
        return String(decoding: out.buffer, as: UTF8.self)
    }

    /// Forms of one token whose combining marks the fast path could not compose: NFC by Foundation,
    /// then the ordinary letter path.
    static func slowForms(
        _ bytes: UnsafeBufferPointer<UInt8>,
        normalized: inout Scratch<UInt8>,
        folded: inout Scratch<UInt8>
    ) {
        let text = String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
        text.withUTF8Buffer { composed in
            write(composed, mode: .normalize, to: &normalized)
            write(composed, mode: .fold, to: &folded)
        }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, mode: Mode, to out: inout Scratch<UInt8>) {
        let table = LetterTable.shared
        var letters = Scratch<Letter>(capacity: 32)
        defer { letters.deallocate() }
        var pendingSpace = false
        var index = 0

        func flush(_ letters: inout Scratch<Letter>, _ out: inout Scratch<UInt8>) {
            guard letters.count > 0 else { return }
            var isWord = true
            for i in 0..<letters.count where letters[i].isDigit { isWord = false }
            if isWord { TonePlacement.canonicalize(letters.mutableBuffer) }
            for i in 0..<letters.count {
                switch mode {
                case .normalize: table.appendNormalized(letters[i], keepCase: false, to: &out)
                case .fold: table.appendFolded(letters[i], to: &out)
                case .canonicalTones: table.appendNormalized(letters[i], keepCase: true, to: &out)
                }
            }
            letters.removeAll()
        }

        while index < bytes.count {
            let (value, length) = bytes.decodeScalar(at: index)
            let info = table.info(value)
            switch info.kind {
            case .letter, .digit:
                if pendingSpace, out.count > 0 { out.append(0x20) }
                pendingSpace = false
                letters.append(
                    Letter(
                        value: value,
                        shape: info.shape,
                        tone: info.tone,
                        isUpper: info.isUpper,
                        isDigit: info.kind == .digit
                    )
                )
            case .combining:
                var combined = false
                if letters.count > 0 {
                    var last = letters[letters.count - 1]
                    if !last.isDigit, table.combine(value, into: &last) {
                        letters[letters.count - 1] = last
                        combined = true
                    }
                }
                if !combined {
                    letters.append(Letter(value: value, shape: 0, tone: 0, isUpper: false, isDigit: false))
                }
            case .space, .newline, .ignorable:
                flush(&letters, &out)
                if mode == .canonicalTones {
                    for offset in 0..<length { out.append(bytes[index + offset]) }
                } else if info.kind != .ignorable {
                    pendingSpace = true
                }
            default:
                flush(&letters, &out)
                if pendingSpace, out.count > 0 { out.append(0x20) }
                pendingSpace = false
                for offset in 0..<length { out.append(bytes[index + offset]) }
            }
            index += length
        }
        flush(&letters, &out)
    }
}
