/// One decoded letter, digit or in-token connector of a token, before tone placement and output.
struct Letter {
    /// The scalar as it appeared (after combining marks were folded into ``shape`` and ``tone``).
    var value: UInt32
    var shape: UInt8
    var tone: UInt8
    var isUpper: Bool
    var isDigit: Bool
}

/// A growable buffer over manually managed memory, reused across the tokens of one scan so that the
/// hot loop never allocates. The owner must call ``deallocate()``.
struct Scratch<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Makes room for `extra` more elements, so that ``appendUnchecked(_:)`` may follow.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        while count + extra > capacity { grow() }
    }

    /// Appends without checking the capacity; call ``reserve(_:)`` first.
    @inline(__always)
    mutating func appendUnchecked(_ element: Element) {
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
    var mutableBuffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    func deallocate() { base.deallocate() }
}

extension Scratch where Element == UInt8 {
    /// Appends the UTF-8 encoding of a scalar value.
    @inline(__always)
    mutating func appendScalar(_ value: UInt32) {
        if value < 0x80 {
            append(UInt8(truncatingIfNeeded: value))
        } else if value < 0x800 {
            append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
            append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        } else if value < 0x10000 {
            append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
            append(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
            append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        } else {
            append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
            append(UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F))
            append(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
            append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        }
    }
}

extension LetterTable {
    /// Folds a combining mark into the previous letter, as NFC composition would for Vietnamese.
    ///
    /// - Returns: `false` when the mark has no Vietnamese meaning on that letter (the caller then falls
    ///   back to Foundation's NFC for the token).
    @inline(__always)
    func combine(_ mark: UInt32, into letter: inout Letter) -> Bool {
        typealias S = Shape
        switch mark {
        case 0x300, 0x340: return setTone(1, on: &letter)
        case 0x309: return setTone(2, on: &letter)
        case 0x303: return setTone(3, on: &letter)
        case 0x301, 0x341: return setTone(4, on: &letter)
        case 0x323: return setTone(5, on: &letter)
        case 0x306:
            guard letter.shape == S.a else { return false }
            letter.shape = S.aBreve
        case 0x302:
            switch letter.shape {
            case S.a: letter.shape = S.aCircumflex
            case S.e: letter.shape = S.eCircumflex
            case S.o: letter.shape = S.oCircumflex
            default: return false
            }
        case 0x31B:
            switch letter.shape {
            case S.o: letter.shape = S.oHorn
            case S.u: letter.shape = S.uHorn
            default: return false
            }
        default: return false
        }
        letter.value = composedScalar(shape: letter.shape, tone: letter.tone, upper: letter.isUpper)
        return true
    }

    @inline(__always)
    private func setTone(_ tone: UInt8, on letter: inout Letter) -> Bool {
        guard Shape.isVowel(letter.shape), letter.tone == 0 else { return false }
        letter.tone = tone
        letter.value = composedScalar(shape: letter.shape, tone: tone, upper: letter.isUpper)
        return true
    }

    /// Writes the normalized form of one letter: NFC, lowercase unless `keepCase`, tone as placed.
    @inline(__always)
    func appendNormalized(_ letter: Letter, keepCase: Bool, to out: inout Scratch<UInt8>) {
        let shape = letter.shape
        if shape <= Shape.dStroke, shape != 0, !letter.isDigit {
            out.appendScalar(composedScalar(shape: shape, tone: letter.tone, upper: keepCase && letter.isUpper))
        } else if shape >= 0x30, shape <= 0x7A {
            out.append(keepCase && letter.isUpper ? shape - 0x20 : shape)
        } else if shape == Shape.other, !letter.isDigit, !keepCase {
            out.appendScalar(otherLetterForms(letter.value).lower)
        } else if shape == Shape.connector {
            switch letter.value {
            case 0x2019: out.append(0x27)
            case 0x2010, 0x2011: out.append(0x2D)
            default: out.appendScalar(letter.value)
            }
        } else {
            out.appendScalar(letter.value)
        }
    }

    /// Writes the folded form of one letter: lowercase ASCII base letter, `đ` → `d`.
    @inline(__always)
    func appendFolded(_ letter: Letter, to out: inout Scratch<UInt8>) {
        let shape = letter.shape
        if shape == 0, !letter.isDigit { return }  // a combining mark left over after NFC
        if shape <= Shape.dStroke, shape != 0, !letter.isDigit {
            out.append(folded[Int(shape)])
        } else if shape >= 0x30, shape <= 0x7A {
            out.append(shape)
        } else if shape == Shape.other, !letter.isDigit {
            out.appendScalar(otherLetterForms(letter.value).folded)
        } else {
            appendNormalized(letter, keepCase: false, to: &out)
        }
    }
}

extension LetterTable {
    /// Writes both forms of a token's letters; the fast path for Vietnamese and ASCII letters.
    @inline(__always)
    func appendForms(
        _ letters: UnsafeBufferPointer<Letter>,
        normalized: inout Scratch<UInt8>,
        folded: inout Scratch<UInt8>
    ) {
        normalized.reserve(letters.count * 3)
        folded.reserve(letters.count)
        for letter in letters {
            let shape = letter.shape
            if letter.isDigit || shape > Shape.dStroke || shape == 0 {
                if shape >= 0x30, shape <= 0x7A {
                    normalized.appendUnchecked(shape)
                    folded.appendUnchecked(shape)
                } else {
                    appendNormalized(letter, keepCase: false, to: &normalized)
                    appendFolded(letter, to: &folded)
                    normalized.reserve(letters.count * 3)
                    folded.reserve(letters.count)
                }
                continue
            }
            let packed = composedUTF8[Int(shape) &* 6 &+ Int(letter.tone)]
            normalized.appendUnchecked(UInt8(truncatingIfNeeded: packed))
            if packed >> 24 >= 2 { normalized.appendUnchecked(UInt8(truncatingIfNeeded: packed >> 8)) }
            if packed >> 24 == 3 { normalized.appendUnchecked(UInt8(truncatingIfNeeded: packed >> 16)) }
            folded.appendUnchecked(self.folded[Int(shape)])
        }
    }
}

extension LetterTable {
    /// Writes only the normalized form of a token's letters (for callers that do not need the folded
    /// form, such as entity extraction).
    @inline(__always)
    func appendNormalizedForm(_ letters: UnsafeBufferPointer<Letter>, to normalized: inout Scratch<UInt8>) {
        normalized.reserve(letters.count * 3)
        for letter in letters {
            let shape = letter.shape
            if letter.isDigit || shape > Shape.dStroke || shape == 0 {
                if shape >= 0x30, shape <= 0x7A {
                    normalized.appendUnchecked(shape)
                } else {
                    appendNormalized(letter, keepCase: false, to: &normalized)
                    normalized.reserve(letters.count * 3)
                }
                continue
            }
            let packed = composedUTF8[Int(shape) &* 6 &+ Int(letter.tone)]
            normalized.appendUnchecked(UInt8(truncatingIfNeeded: packed))
            if packed >> 24 >= 2 { normalized.appendUnchecked(UInt8(truncatingIfNeeded: packed >> 8)) }
            if packed >> 24 == 3 { normalized.appendUnchecked(UInt8(truncatingIfNeeded: packed >> 16)) }
        }
    }
}
