/// Integer ids for the syllables of the entity word lists, so that the rules compare integers.
///
/// Each token of a field is looked up once by the FNV-1a hash of its normalized UTF-8 bytes; tokens
/// that are not in any list get id -1. Token hashes also key the known-name tables, which avoids
/// Swift's Unicode-aware `String` hashing in the hot path.
struct LexiconVocabulary: @unchecked Sendable {
    struct Flags: OptionSet, Sendable {
        var rawValue: UInt8
        static let surname = Flags(rawValue: 1)
        static let middleName = Flags(rawValue: 2)
        static let stopWord = Flags(rawValue: 4)
    }

    // Immortal tables (see ``ImmortalBuffer``): open-addressing slots, then each word's bytes in a pool.
    private let slots: UnsafePointer<Int32>
    private let slotHashes: UnsafePointer<UInt64>
    private let wordStarts: UnsafePointer<Int32>
    private let wordLengths: UnsafePointer<Int32>
    private let pool: UnsafePointer<UInt8>
    private let flagTable: UnsafePointer<Flags>
    private let mask: Int
    /// The number of words.
    let count: Int

    static let shared = LexiconVocabulary()

    /// Ids of single words the rules test directly.
    static let so = shared.id(of: "số")
    static let va = shared.id(of: "và")

    private init() {
        var all: [String] = []
        all += EntityLexicon.titles + EntityLexicon.honorifics + EntityLexicon.designators
        all += EntityLexicon.documentTypes + EntityLexicon.organizationHeads + EntityLexicon.provinces
        all += EntityLexicon.fixedOrganizations.map(\.phrase) + EntityRules.notOrganizationPhrases
        all += Array(EntityLexicon.surnames) + Array(EntityLexicon.stopWords) + ["số", "và", "văn", "thị"]
        var words: [[UInt8]] = []
        var index: [[UInt8]: Int32] = [:]
        for phrase in all {
            VietnameseTokenizer().forEachToken(in: phrase) { _, forms in
                let bytes = Array(forms.normalizedUTF8)
                if index[bytes] == nil {
                    index[bytes] = Int32(words.count)
                    words.append(bytes)
                }
            }
        }
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var slotHashes = [UInt64](repeating: 0, count: capacity)
        var starts: [Int32] = []
        var lengths: [Int32] = []
        var pool: [UInt8] = []
        for (id, bytes) in words.enumerated() {
            starts.append(Int32(pool.count))
            lengths.append(Int32(bytes.count))
            pool += bytes
            let hash = bytes.withUnsafeBufferPointer(Self.hash)
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(id)
            slotHashes[slot] = hash
        }
        var flags = [Flags](repeating: [], count: words.count)
        func mark(_ word: String, _ flag: Flags) {
            var key: [UInt8] = []
            VietnameseTokenizer().forEachToken(in: word) { _, forms in key = Array(forms.normalizedUTF8) }
            if let id = index[key] { flags[Int(id)].insert(flag) }
        }
        for word in EntityLexicon.surnames { mark(word, .surname) }
        for word in ["văn", "thị"] { mark(word, .middleName) }
        for word in EntityLexicon.stopWords { mark(word, .stopWord) }
        self.mask = capacity - 1
        self.count = words.count
        self.slots = ImmortalBuffer.make(slots)
        self.slotHashes = ImmortalBuffer.make(slotHashes)
        self.wordStarts = ImmortalBuffer.make(starts)
        self.wordLengths = ImmortalBuffer.make(lengths)
        self.pool = ImmortalBuffer.make(pool)
        self.flagTable = ImmortalBuffer.make(flags)
    }

    /// FNV-1a over bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The id of normalized bytes with the given hash, or -1.
    @inline(__always)
    func id(ofNormalized bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            if slotHashes[slot] == hash, Int(wordLengths[Int(id)]) == bytes.count {
                let word = UnsafeBufferPointer(start: pool + Int(wordStarts[Int(id)]), count: bytes.count)
                if word.elementsEqual(bytes) { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id of a single word, or -1.
    func id(of word: String) -> Int32 {
        var result: Int32 = -1
        VietnameseTokenizer().forEachToken(in: word) { _, forms in
            result = id(ofNormalized: forms.normalizedUTF8, hash: Self.hash(forms.normalizedUTF8))
        }
        return result
    }

    /// The ids of a phrase's tokens (-1 for words outside the vocabulary).
    func ids(of phrase: String) -> [Int32] {
        var result: [Int32] = []
        VietnameseTokenizer().forEachToken(in: phrase) { _, forms in
            result.append(id(ofNormalized: forms.normalizedUTF8, hash: Self.hash(forms.normalizedUTF8)))
        }
        return result
    }

    /// The token hashes of a phrase (as ``FieldScan`` computes them).
    static func hashes(of phrase: String) -> [UInt64] {
        var result: [UInt64] = []
        VietnameseTokenizer().forEachToken(in: phrase) { _, forms in result.append(hash(forms.normalizedUTF8)) }
        return result
    }

    @inline(__always)
    func has(_ id: Int32, _ flag: Flags) -> Bool { id >= 0 && flagTable[Int(id)].contains(flag) }
}
