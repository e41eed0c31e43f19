/// A publication instant with the UTC offset it was written in.
///
/// Dates in the articles are Vietnam local time (UTC+7, no daylight saving). The value keeps both the
/// instant and the offset so that it renders back as the source wrote it:
/// `2019-11-12T08:21:00+07:00`.
public struct PublishedTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64
    /// The offset from UTC in minutes (420 for Vietnam).
    public var utcOffsetMinutes: Int

    /// Vietnam's offset from UTC: seven hours.
    public static let vietnamOffsetMinutes = 7 * 60

    /// Creates a time from an instant and an offset.
    public init(secondsSince1970: Int64, utcOffsetMinutes: Int = PublishedTime.vietnamOffsetMinutes) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Creates a time from local calendar fields; `nil` if a field is out of range.
    public init?(
        year: Int,
        month: Int,
        day: Int,
        hour: Int = 0,
        minute: Int = 0,
        second: Int = 0,
        utcOffsetMinutes: Int = PublishedTime.vietnamOffsetMinutes
    ) {
        guard (1...9999).contains(year), (1...12).contains(month), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second),
            (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.secondsSince1970 = local - Int64(utcOffsetMinutes * 60)
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The local calendar fields in the value's own offset.
    public var localComponents: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let local = secondsSince1970 + Int64(utcOffsetMinutes * 60)
        var days = local / 86_400
        var seconds = local % 86_400
        if seconds < 0 {
            seconds += 86_400
            days -= 1
        }
        let (year, month, day) = Self.civilFromDays(Int(days))
        let s = Int(seconds)
        return (year, month, day, s / 3600, (s / 60) % 60, s % 60)
    }

    /// The RFC 3339 rendering with the offset, for example `2019-11-12T08:21:00+07:00`.
    public var rfc3339: String {
        let c = localComponents
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let offset = abs(utcOffsetMinutes)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
            + "\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
    }

    /// Same as ``rfc3339``.
    public var description: String { rfc3339 }

    /// Orders by instant.
    public static func < (lhs: PublishedTime, rhs: PublishedTime) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
