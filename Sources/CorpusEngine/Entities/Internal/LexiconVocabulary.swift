/// Integer ids for the syllables of the entity word lists, so that the rules compare integers.
///
/// Each token of a field is looked up once by the FNV-1a hash of its normalized UTF-8 bytes; tokens
/// that are not in any list get id -1. Token hashes also key the known-name tables, which avoids
/// Swift's Unicode-aware `String` hashing in the hot path.
struct LexiconVocabulary: Sendable {
    struct Flags: OptionSet, Sendable {
        var rawValue: UInt8
        static let surname = Flags(rawValue: 1)
        static let middleName = Flags(rawValue: 2)
        static let stopWord = Flags(rawValue: 4)
    }

    private var slots: [Int32]
    private var slotHashes: [UInt64]
    private(set) var words: [[UInt8]] = []
    private(set) var flags: [Flags] = []
    private let mask: Int

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
        var unique: [[UInt8]] = []
        var seen: Set<[UInt8]> = []
        for phrase in all {
            VietnameseTokenizer().forEachToken(in: phrase) { _, forms in
                let bytes = Array(forms.normalizedUTF8)
                if seen.insert(bytes).inserted { unique.append(bytes) }
            }
        }
        var capacity = 16
        while capacity < unique.count * 4 { capacity *= 2 }
        mask = capacity - 1
        slots = Array(repeating: -1, count: capacity)
        slotHashes = Array(repeating: 0, count: capacity)
        for bytes in unique {
            let id = Int32(words.count)
            words.append(bytes)
            flags.append([])
            let hash = bytes.withUnsafeBufferPointer(Self.hash)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
            slotHashes[slot] = hash
        }
        for word in EntityLexicon.surnames { mark(word, .surname) }
        for word in ["văn", "thị"] { mark(word, .middleName) }
        for word in EntityLexicon.stopWords { mark(word, .stopWord) }
    }

    private mutating func mark(_ word: String, _ flag: Flags) {
        let id = id(of: word)
        if id >= 0 { flags[Int(id)].insert(flag) }
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
            if slotHashes[slot] == hash, words[Int(id)].elementsEqual(bytes) { return id }
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
    func has(_ id: Int32, _ flag: Flags) -> Bool { id >= 0 && flags[Int(id)].contains(flag) }
}
