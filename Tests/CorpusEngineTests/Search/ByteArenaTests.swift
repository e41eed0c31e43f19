import Testing

@testable import CorpusEngine

@Suite("ByteArena")
struct ByteArenaTests {
    @Test("small and large (separately mapped) arenas hold exactly what was written")
    func roundTrip() {
        for count in [0, 1, 4_095, ByteArena.hugePageThreshold - 1, ByteArena.hugePageThreshold, 9_000_001] {
            let arena = ByteArena(uninitializedCount: count) { bytes in
                for k in bytes.indices { bytes[k] = UInt8(truncatingIfNeeded: k &* 7 &+ 3) }
            }
            #expect(arena.count == count)
            var mismatches = 0
            for k in 0..<count where arena.pointer(at: k).pointee != UInt8(truncatingIfNeeded: k &* 7 &+ 3) {
                mismatches += 1
            }
            #expect(mismatches == 0, "count \(count)")
        }
    }
}
