/// Cheap measurements of a line that the parser's heuristics use.
enum LineShape {
    /// Number of words separated by spaces or tabs (a U+00A0 inside a line does not separate; lines are
    /// already trimmed of it).
    static func wordCount(_ text: Substring) -> Int {
        text.withUTF8Buffer { bytes in
            var count = 0
            var previousWasSpace = true
            for byte in bytes {
                let isSpace = byte == 0x20 || byte == 0x09
                if !isSpace, previousWasSpace { count += 1 }
                previousWasSpace = isSpace
            }
            return count
        }
    }

    /// Whether the line ends a sentence: its last scalar, ignoring closing quotes and brackets, is
    /// `.`, `!`, `?`, `…`, `;` or `:`.
    static func endsWithTerminalPunctuation(_ text: Substring) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "'", "\u{201D}", "\u{2019}", "\u{BB}", ")", "]": continue
            case ".", "!", "?", "\u{2026}", ";", ":": return true
            default: return false
            }
        }
        return false
    }

    /// Whether the first letter or digit of the line is uppercase or a digit.
    static func startsWithCapitalOrDigit(_ text: Substring) -> Bool {
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic { return properties.isUppercase }
            if properties.numericType != nil { return true }
        }
        return false
    }

    /// Whether every letter of the line is uppercase (and there are at least two letters).
    static func isAllCaps(_ text: Substring) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Whether the line contains an ASCII digit.
    static func containsDigit(_ text: Substring) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Title case per word: `HỮU HUYNH` → `Hữu Huynh`, `NGUYỄN-VĂN A` → `Nguyễn-Văn A`.
    static func titleCased(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var atWordStart = true
        for character in text {
            if character.isLetter {
                result += atWordStart ? character.uppercased() : character.lowercased()
                atWordStart = false
            } else {
                result.append(character)
                atWordStart = true
            }
        }
        return result
    }

    /// Collapses runs of white space (space, tab, U+00A0) to one space; copies the text unchanged when
    /// it has none to collapse.
    static func collapsingSpaces(_ text: Substring) -> String {
        var needsWork = false
        var previousSpace = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x09 || (byte == 0xA0 && previous == 0xC2) || (byte == 0x20 && previousSpace) {
                needsWork = true
                break
            }
            previousSpace = byte == 0x20
            previous = byte
        }
        guard needsWork else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\u{A0}" || scalar == "\t" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
