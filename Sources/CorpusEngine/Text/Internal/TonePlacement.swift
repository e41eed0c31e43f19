/// Moves the tone mark of one syllable to its canonical vowel.
///
/// The canonical placement is the traditional ("old") convention that most Vietnamese news sites and
/// the seed articles use: `hòa`, `thủy`, `ủy`, `khỏe` (the new convention writes `hoà`, `thuỷ`,
/// `uỷ`, `khoẻ`). The rules, applied to the vowel nucleus after the onset:
///
/// 1. `qu` and `gi` are onsets when another vowel follows (`quý` → nucleus `y`, `giữa` → `ưa`,
///    but `gì` → nucleus `i`).
/// 2. A nucleus with a modified vowel (`ă â ê ô ơ ư`) carries the tone on the last of them
///    (`thuyền`, `người` → `ơ`, `hưởng`).
/// 3. Otherwise a syllable with a final consonant carries it on the last vowel (`hoàng`, `huỳnh`).
/// 4. Otherwise an open syllable carries it on the only vowel, the first of two (`hòa`, `mùa`,
///    `thủy`) or the middle of three (`ngoài`, `khuỷu`).
///
/// Words that are not a single syllable (vowels separated by consonants, as in `café`), that carry no
/// tone or more than one, or that contain letters of other alphabets are left unchanged.
enum TonePlacement {
    typealias S = LetterTable.Shape

    static func canonicalize(_ letters: UnsafeMutableBufferPointer<Letter>) {
        let n = letters.count
        guard n >= 1, n <= 12 else { return }
        var toneIndex = -1
        for index in 0..<n {
            let letter = letters[index]
            if letter.isDigit || letter.shape == S.other || letter.shape == S.connector || letter.shape == 0 {
                return
            }
            if letter.tone != 0 {
                if toneIndex >= 0 { return }
                toneIndex = index
            }
        }
        guard toneIndex >= 0 else { return }

        var start = 0
        while start < n, !S.isVowel(letters[start].shape) { start += 1 }
        guard start < n else { return }
        if start > 0, start + 1 < n, S.isVowel(letters[start + 1].shape) {
            let onset = letters[start - 1].shape
            let first = letters[start].shape
            if (onset == 0x71 && first == S.u) || (onset == 0x67 && first == S.i) { start += 1 }
        }
        var end = start
        while end < n, S.isVowel(letters[end].shape) { end += 1 }
        for index in end..<n where S.isVowel(letters[index].shape) { return }

        var target = -1
        for index in start..<end where S.isModifiedVowel(letters[index].shape) { target = index }
        if target < 0 {
            if end < n {
                target = end - 1
            } else {
                target = end - start >= 3 ? start + 1 : start
            }
        }
        guard target != toneIndex else { return }
        let tone = letters[toneIndex].tone
        letters[toneIndex].tone = 0
        letters[target].tone = tone
    }
}
