import Foundation

/// How one Unicode scalar takes part in Vietnamese text: a letter with its vowel shape, tone mark and
/// case, a digit, a combining mark, white space or a class of punctuation.
///
/// The tables are built once (the first time they are used) from the 134 precomposed Vietnamese
/// letters and from Foundation's canonical decomposition for the rest of Latin-1 and Latin
/// Extended-A/B; the hot loops only index arrays.
struct LetterTable: @unchecked Sendable {
    /// Vowel shapes `a ă â e ê i o ô ơ u ư y` are 1...12, `đ` is 13, other letters of other alphabets
    /// are 14, ASCII consonants are their lowercase ASCII code (0x62...0x7A) and digits their ASCII
    /// code (0x30...0x39).
    enum Shape {
        static let a: UInt8 = 1
        static let aBreve: UInt8 = 2
        static let aCircumflex: UInt8 = 3
        static let e: UInt8 = 4
        static let eCircumflex: UInt8 = 5
        static let i: UInt8 = 6
        static let o: UInt8 = 7
        static let oCircumflex: UInt8 = 8
        static let oHorn: UInt8 = 9
        static let u: UInt8 = 10
        static let uHorn: UInt8 = 11
        static let y: UInt8 = 12
        static let dStroke: UInt8 = 13
        static let other: UInt8 = 14
        /// A connector kept inside a code token (`-`, `/`, `.`, `,`, `'`): the scalar is written as is.
        static let connector: UInt8 = 15

        @inline(__always)
        static func isVowel(_ shape: UInt8) -> Bool { shape >= a && shape <= y }

        @inline(__always)
        static func isModifiedVowel(_ shape: UInt8) -> Bool {
            shape == aBreve || shape == aCircumflex || shape == eCircumflex || shape == oCircumflex
                || shape == oHorn || shape == uHorn
        }
    }

    /// Scalar classes beyond letters; stored in the `kind` bits of ``Info``.
    enum Kind: UInt8 {
        case other = 0
        case letter
        case digit
        case combining
        case space
        case newline
        case sentenceEnd
        case comma
        case colon
        case openQuote
        case closeQuote
        case ambiguousQuote
        case openBracket
        case closeBracket
        case dash
        case slash
        case period
        case apostrophe
        case ignorable
    }

    /// Packed description of one scalar: bits 0...7 shape, 8...10 tone, 11 uppercase, 12...16 kind.
    struct Info: Sendable {
        var raw: UInt32

        @inline(__always) var shape: UInt8 { UInt8(truncatingIfNeeded: raw) }
        @inline(__always) var tone: UInt8 { UInt8(truncatingIfNeeded: (raw >> 8) & 0x7) }
        @inline(__always) var isUpper: Bool { raw & (1 << 11) != 0 }
        // Only ``init(kind:shape:tone:upper:)`` writes these bits, so they always hold a valid case.
        @inline(__always) var kind: Kind { unsafeBitCast(UInt8(truncatingIfNeeded: raw >> 12), to: Kind.self) }

        init(kind: Kind, shape: UInt8 = 0, tone: UInt8 = 0, upper: Bool = false) {
            self.raw = UInt32(shape) | UInt32(tone) << 8 | (upper ? 1 << 11 : 0) | UInt32(kind.rawValue) << 12
        }
    }

    /// Lowercase vowels by shape (1...12) and tone (0 none, 1 grave, 2 hook above, 3 tilde, 4 acute,
    /// 5 dot below).
    static let lowerVowels: [String] = [
        "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
        "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
    ]
    static let upperVowels: [String] = [
        "AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
        "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ",
    ]
    /// ASCII base letter of each vowel shape and of `đ`, indexed by shape.
    static let foldedASCII: [UInt8] = Array(" aaaeeiooouuyd".utf8)

    // The tables live as long as the process (``shared`` is never released), so the hot loops read
    // them through pointers, without bounds checks or reference counting.

    /// Info for scalars 0..<0x250 (ASCII, Latin-1, Latin Extended-A and -B).
    let low: UnsafePointer<Info>
    /// Info for the Vietnamese block of Latin Extended Additional, 0x1EA0..<0x1F00.
    let vietnamese: UnsafePointer<Info>
    /// Composed scalar per `shape * 6 + tone` (lowercase, then uppercase from index 84).
    let composed: UnsafePointer<UInt32>
    /// UTF-8 of the lowercase composed scalar per `shape * 6 + tone`: up to three bytes, little end
    /// first, and the byte count in the top byte.
    let composedUTF8: UnsafePointer<UInt32>
    /// ASCII base letter per shape (vowels and `đ`).
    let folded: UnsafePointer<UInt8>
    /// Lowercase and folded scalars of "other" letters in the low range, keyed by scalar value. Kept out
    /// of the table value so that copies of the table hold no reference-counted storage (the tokenizer
    /// runs on several threads at once and would otherwise contend on the dictionary's reference count).
    static let otherForms: [UInt32: (lower: UInt32, folded: UInt32)] = {
        var forms: [UInt32: (lower: UInt32, folded: UInt32)] = [:]
        for value in UInt32(0x80)..<0x250 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            let lowerValue = lower.count == 1 ? lower.first!.value : value
            let base = String(Character(Unicode.Scalar(lowerValue) ?? scalar)).decomposedStringWithCanonicalMapping
            forms[value] = (lowerValue, base.unicodeScalars.first?.value ?? lowerValue)
        }
        return forms
    }()

    static let shared = LetterTable()

    private init() {
        var low = [Info](repeating: Info(kind: .other), count: 0x250)
        var vietnamese = [Info](repeating: Info(kind: .other), count: 0x60)
        var composed = [UInt32](repeating: 0, count: 14 * 6 * 2)

        let vowelShapeOfASCII: [UInt8: UInt8] = [
            0x61: Shape.a, 0x65: Shape.e, 0x69: Shape.i, 0x6F: Shape.o, 0x75: Shape.u, 0x79: Shape.y,
        ]
        for byte in UInt8(0x61)...0x7A {
            let shape = vowelShapeOfASCII[byte] ?? byte
            low[Int(byte)] = Info(kind: .letter, shape: shape)
            low[Int(byte - 0x20)] = Info(kind: .letter, shape: shape, upper: true)
        }
        for byte in UInt8(0x30)...0x39 { low[Int(byte)] = Info(kind: .digit, shape: byte) }
        for (byte, kind) in LetterTable.asciiPunctuation { low[Int(byte)] = Info(kind: kind) }

        for (index, (lower, upper)) in zip(Self.lowerVowels, Self.upperVowels).enumerated() {
            let shape = UInt8(index + 1)
            for (tone, (l, u)) in zip(lower.unicodeScalars, upper.unicodeScalars).enumerated() {
                composed[Int(shape) * 6 + tone] = l.value
                composed[84 + Int(shape) * 6 + tone] = u.value
                for (scalar, isUpper) in [(l, false), (u, true)] {
                    let info = Info(kind: .letter, shape: shape, tone: UInt8(tone), upper: isUpper)
                    if scalar.value < 0x250 {
                        low[Int(scalar.value)] = info
                    } else if scalar.value >= 0x1EA0, scalar.value < 0x1F00 {
                        vietnamese[Int(scalar.value - 0x1EA0)] = info
                    }
                }
            }
        }
        composed[Int(Shape.dStroke) * 6] = 0x111
        composed[84 + Int(Shape.dStroke) * 6] = 0x110
        low[0x111] = Info(kind: .letter, shape: Shape.dStroke)
        low[0x110] = Info(kind: .letter, shape: Shape.dStroke, upper: true)
        // U+00D0 (Latin capital eth) looks like `Đ` and stands in for it in some scraped pages.
        low[0xD0] = Info(kind: .letter, shape: Shape.dStroke, upper: true)

        for value in UInt32(0x80)..<0x250 where low[Int(value)].kind == .other {
            guard let scalar = Unicode.Scalar(value) else { continue }
            low[Int(value)] = LetterTable.classifyNonLetter(scalar)
            guard low[Int(value)].kind == .other, scalar.properties.isAlphabetic else { continue }
            low[Int(value)] = Info(kind: .letter, shape: Shape.other, upper: scalar.properties.isUppercase)
        }
        var composedUTF8 = [UInt32](repeating: 0, count: 84)
        for index in 0..<84 where composed[index] != 0 {
            let bytes = Array(String(Unicode.Scalar(composed[index]) ?? " ").utf8)
            var packed = UInt32(bytes.count) << 24
            for (offset, byte) in bytes.enumerated() { packed |= UInt32(byte) << (8 * UInt32(offset)) }
            composedUTF8[index] = packed
        }
        self.low = Self.immortal(low)
        self.vietnamese = Self.immortal(vietnamese)
        self.composed = Self.immortal(composed)
        self.composedUTF8 = Self.immortal(composedUTF8)
        self.folded = Self.immortal(Self.foldedASCII)
    }

    private static func immortal<T>(_ array: [T]) -> UnsafePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: array.count)
        pointer.initialize(from: array, count: array.count)
        return UnsafePointer(pointer)
    }

    static let asciiPunctuation: [(UInt8, Kind)] = [
        (0x20, .space), (0x09, .space), (0x0B, .space), (0x0C, .space), (0x0A, .newline), (0x0D, .newline),
        (0x2E, .period), (0x21, .sentenceEnd), (0x3F, .sentenceEnd), (0x2C, .comma), (0x3B, .comma),
        (0x3A, .colon), (0x22, .ambiguousQuote), (0x27, .apostrophe), (0x60, .ambiguousQuote),
        (0x28, .openBracket), (0x5B, .openBracket), (0x7B, .openBracket),
        (0x29, .closeBracket), (0x5D, .closeBracket), (0x7D, .closeBracket),
        (0x2D, .dash), (0x2F, .slash),
    ]

    /// Classifies a scalar that is not a letter of the tables: spaces, quotes, dashes, marks.
    static func classifyNonLetter(_ scalar: Unicode.Scalar) -> Info {
        switch scalar.value {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return Info(kind: .space)
        case 0x85, 0x2028, 0x2029: return Info(kind: .newline)
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD: return Info(kind: .ignorable)
        case 0x300...0x36F, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return Info(kind: .combining)
        case 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E: return Info(kind: .sentenceEnd)
        case 0x201C, 0x201E, 0xAB, 0x2039, 0x2018, 0x201A: return Info(kind: .openQuote)
        case 0x201D, 0xBB, 0x203A, 0x201F: return Info(kind: .closeQuote)
        case 0x2019: return Info(kind: .apostrophe)
        case 0x2010...0x2015, 0x2212: return Info(kind: .dash)
        case 0xFF0C, 0x3001: return Info(kind: .comma)
        default: return Info(kind: .other)
        }
    }

    /// Info for any scalar value.
    @inline(__always)
    func info(_ value: UInt32) -> Info {
        if value < 0x250 { return low[Int(value)] }
        if value >= 0x1EA0, value < 0x1F00 {
            let info = vietnamese[Int(value - 0x1EA0)]
            if info.kind == .letter { return info }
        }
        return Self.slowInfo(value)
    }

    /// Scalars outside the tables: other alphabets are letters of shape ``Shape/other``.
    static func slowInfo(_ value: UInt32) -> Info {
        guard let scalar = Unicode.Scalar(value) else { return Info(kind: .other) }
        let info = classifyNonLetter(scalar)
        if info.kind != .other { return info }
        let properties = scalar.properties
        if properties.numericType == .decimal { return Info(kind: .digit, shape: Shape.other) }
        if properties.isAlphabetic { return Info(kind: .letter, shape: Shape.other, upper: properties.isUppercase) }
        return info
    }

    /// Lowercase and folded scalar values of a letter of shape ``Shape/other``.
    func otherLetterForms(_ value: UInt32) -> (lower: UInt32, folded: UInt32) {
        if let forms = Self.otherForms[value] { return forms }
        guard let scalar = Unicode.Scalar(value) else { return (value, value) }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        let lowerValue = lower.count == 1 ? lower.first!.value : value
        return (lowerValue, lowerValue)
    }

    /// The composed scalar for a vowel shape (or `đ`) and tone.
    @inline(__always)
    func composedScalar(shape: UInt8, tone: UInt8, upper: Bool) -> UInt32 {
        composed[(upper ? 84 : 0) + Int(shape) * 6 + Int(tone)]
    }
}
