/// Recognizes the date line (`12/11/2019 - 08:21`) and `# date` header values.
enum DateLine {
    /// Parses a short line holding a `dd/MM/yyyy` date and an optional `HH:mm` time, in any order, with
    /// at most a few words around them (`Thứ ba, 12/11/2019 - 08:21 (GMT+7)`). The time is Vietnam
    /// local time.
    static func parse(_ line: Substring) -> PublishedTime? {
        guard LineShape.scalarCount(line, upTo: 64) <= 64 else { return nil }
        var numbers: [(value: Int, digits: Int, separator: UInt8)] = []
        var letterRuns = 0
        var inLetters = false
        var current = -1
        var digits = 0
        for byte in line.utf8 {
            if byte >= 0x30, byte <= 0x39 {
                current = (current < 0 ? 0 : current) * 10 + Int(byte - 0x30)
                digits += 1
                inLetters = false
                continue
            }
            if current >= 0 {
                numbers.append((current, digits, byte))
                current = -1
                digits = 0
            }
            let isLetter = byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isLetter, !inLetters { letterRuns += 1 }
            inLetters = isLetter
        }
        if current >= 0 { numbers.append((current, digits, 0)) }
        guard letterRuns <= 6 else { return nil }

        var date: (day: Int, month: Int, year: Int)?
        var time: (hour: Int, minute: Int)?
        var index = 0
        while index < numbers.count {
            let n = numbers[index]
            if date == nil, index + 2 < numbers.count, n.digits <= 2, [0x2F, 0x2D, 0x2E].contains(n.separator),
                numbers[index + 1].digits <= 2, numbers[index + 1].separator == n.separator,
                numbers[index + 2].digits == 4
            {
                date = (n.value, numbers[index + 1].value, numbers[index + 2].value)
                index += 3
                continue
            }
            if time == nil, index + 1 < numbers.count, n.digits <= 2, n.separator == 0x3A || n.separator == 0x68,
                numbers[index + 1].digits == 2
            {
                time = (n.value, numbers[index + 1].value)
                index += 2
                if index < numbers.count, numbers[index - 1].separator == 0x3A, numbers[index].digits == 2 {
                    index += 1  // seconds
                }
                continue
            }
            index += 1
        }
        guard let date else { return nil }
        return PublishedTime(
            year: date.year,
            month: date.month,
            day: date.day,
            hour: time?.hour ?? 0,
            minute: time?.minute ?? 0
        )
    }

    /// Parses a `# date = …` header value: `20201001`, `2020-10-01`, `2020-10-01 08:30`,
    /// `2020-10-01T08:30:00+07:00` or a `dd/MM/yyyy` date line. Without an offset the time is Vietnam
    /// local time.
    static func parseHeaderValue(_ value: Substring) -> PublishedTime? {
        let digitsOnly = value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if digitsOnly, value.utf8.count == 8, let number = Int(value) {
            return PublishedTime(year: number / 10_000, month: (number / 100) % 100, day: number % 100)
        }
        let parts = value.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if parts.count >= 3, let first = value.first, first.isNumber, value.utf8.count >= 10,
            value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: 4)] == 0x2D
        {
            var offset = PublishedTime.vietnamOffsetMinutes
            if value.hasSuffix("Z") {
                offset = 0
            } else if parts.count >= 8, let sign = value.utf8.dropFirst(19).first(where: { $0 == 0x2B || $0 == 0x2D }) {
                offset = (parts[6] * 60 + parts[7]) * (sign == 0x2D ? -1 : 1)
            }
            return PublishedTime(
                year: parts[0],
                month: parts[1],
                day: parts[2],
                hour: parts.count > 3 ? parts[3] : 0,
                minute: parts.count > 4 ? parts[4] : 0,
                second: parts.count > 5 ? parts[5] : 0,
                utcOffsetMinutes: offset
            )
        }
        return parse(value)
    }
}
