import Foundation

/// A calendar day (proleptic Gregorian), such as a hire date or an order date.
///
/// Stored packed in 32 bits (`year << 9 | month << 5 | day`), so that a cell's `Value` holding a
/// date is no larger than one holding an amount (24 bytes a cell, not 32).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `year << 9 | month << 5 | day`: ordered as the dates are.
    private let packed: Int32
    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int((packed >> 5) & 15) }
    public var day: Int { Int(packed & 31) }
    private init(_ year: Int, _ month: Int, _ day: Int) { packed = Int32(truncatingIfNeeded: year << 9 | month << 5 | day) }

    /// A validated day; `nil` for `2026-02-30` and other impossible dates.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        self.init(year, month, day)
    }

    /// `year`-`month`-`day` with each part brought into range: the year into 1…9999, the
    /// month into 1…12, the day into the month. For days built from parts that are valid once
    /// the scenario's years are (a month's first and last day, a year's end): a workspace
    /// made in code with years outside 1…9999 gets a day at the end of the range, not a trap.
    public static func clamped(year: Int, month: Int, day: Int) -> Day {
        let y = min(max(year, 1), 9999), m = min(max(month, 1), 12)
        return Day(uncheckedYear: y, month: m, day: min(max(day, 1), Day.daysIn(year: y, month: m)))
    }

    init(uncheckedYear year: Int, month: Int, day: Int) { self.init(year, month, day) }

    /// Parses `2026-03-15`, `2026/3/15` and `2026-3-15` (a time after a space is ignored).
    public init?(text: String) {
        // Fast path: `YYYY-MM-DD` in ASCII, as scenario files write it.
        var t = text
        if let fast = t.withUTF8({ Day.parseISO($0) }) { self = fast; return }
        let datePart = text.split(separator: " ").first.map(String.init) ?? text
        let parts = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD` from UTF-8 bytes, exactly ten ASCII bytes; `nil` for any other shape or an impossible day.
    /// - Complexity: O(1), no allocation.
    public static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func digit(_ k: Int) -> Int? { let d = b[k] &- 0x30; return d < 10 ? Int(d) : nil }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        return Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Day of the week, 1 = Monday … 7 = Sunday.
    public var weekday: Int { Day.weekday(ordinal: ordinal) }
    /// The weekday (1 = Monday … 7 = Sunday) of the day `ordinal` days after 1970-01-01 (a Thursday).
    public static func weekday(ordinal: Int) -> Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

    /// The day `n` days later (earlier when `n` is negative); `nil` when that is before 0001-01-01
    /// or after 9999-12-31, the days payplan can write (never a trap, whatever `n` is).
    public func adding(days n: Int) -> Day? {
        let (o, overflow) = ordinal.addingReportingOverflow(n)
        guard !overflow, o >= Day.firstOrdinal, o <= Day.lastOrdinal else { return nil }
        return Day(ordinal: o)
    }
    /// The ordinals of 0001-01-01 and 9999-12-31.
    static let firstOrdinal = Day(year: 1, month: 1, day: 1)!.ordinal
    static let lastOrdinal = Day(year: 9999, month: 12, day: 31)!.ordinal
    public var monthValue: Month { Month(year: year, month: month) }

    public static func < (a: Day, b: Day) -> Bool { a.packed < b.packed }
    public var description: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buf in
            var k = Day.writeYear(year, buf.baseAddress!)
            buf[k] = 0x2D; buf[k + 1] = UInt8(0x30 + month / 10); buf[k + 2] = UInt8(0x30 + month % 10)
            buf[k + 3] = 0x2D; buf[k + 4] = UInt8(0x30 + day / 10); buf[k + 5] = UInt8(0x30 + day % 10)
            k += 6
            return String(decoding: UnsafeBufferPointer(start: buf.baseAddress!, count: k), as: UTF8.self)
        }
    }

    /// Writes `year` with at least four digits (as `%04d`); returns the bytes written (at most 12).
    static func writeYear(_ year: Int, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        guard year >= 0 && year <= 9999 else {
            let s = Array(String(year).utf8)
            let pad = max(0, 4 - s.count)
            for i in 0..<pad { out[i] = 0x30 }
            for (i, c) in s.enumerated() { out[pad + i] = c }
            return pad + s.count
        }
        out[0] = UInt8(0x30 + year / 1000); out[1] = UInt8(0x30 + year / 100 % 10)
        out[2] = UInt8(0x30 + year / 10 % 10); out[3] = UInt8(0x30 + year % 10)
        return 4
    }
}

/// A calendar month, the grain of most pay rules.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `year × 12 + (month − 1)`.
    public let index: Int
    public init(index: Int) { self.index = index }
    public init(year: Int, month: Int) { self.index = year * 12 + month - 1 }
    public var year: Int { index / 12 }
    public var month: Int { index % 12 + 1 }
    /// The month's first day (clamped into years 1…9999: `Day.clamped`).
    public var firstDay: Day { Day.clamped(year: year, month: month, day: 1) }
    /// The month's last day (clamped into years 1…9999: `Day.clamped`).
    public var lastDay: Day { Day.clamped(year: year, month: month, day: 31) }
    public static func < (a: Month, b: Month) -> Bool { a.index < b.index }
    public var description: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buf in
            var k = Day.writeYear(year, buf.baseAddress!)
            buf[k] = 0x2D; buf[k + 1] = UInt8(0x30 + month / 10); buf[k + 2] = UInt8(0x30 + month % 10)
            k += 3
            return String(decoding: UnsafeBufferPointer(start: buf.baseAddress!, count: k), as: UTF8.self)
        }
    }
}

/// How long a period is. Rules are written for one grain (`month revenue = …`,
/// `half half_bonus = …`); `.none` is the whole workspace (parameters).
public enum Grain: Int, Comparable, Sendable, CaseIterable {
    case month = 1, quarter = 3, half = 6, year = 12
    case none = 0

    /// Months in one period of this grain (0 for `.none`).
    public var months: Int { rawValue }
    public static func < (a: Grain, b: Grain) -> Bool { a.order < b.order }
    private var order: Int { self == .none ? 100 : rawValue }

    /// The keyword used in the pay language and in period text.
    public var keyword: String {
        switch self {
        case .month: "month"; case .quarter: "quarter"; case .half: "half"; case .year: "year"; case .none: "workspace"
        }
    }
}

/// A period of some grain: `2026-03`, `2026-Q1`, `2026-H1`, `2026`.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let grain: Grain
    /// The period's first month.
    public let start: Month

    public init(grain: Grain, start: Month) { self.grain = grain; self.start = start }
    public static func month(_ m: Month) -> Period { Period(grain: .month, start: m) }
    /// The period of `grain` that contains month `m`.
    public static func containing(_ m: Month, grain: Grain) -> Period {
        let y = m.year, i = (m.month - 1) / grain.months
        return Period(grain: grain, start: Month(year: y, month: i * grain.months + 1))
    }

    public var months: [Month] { (0..<grain.months).map { Month(index: start.index + $0) } }
    public var lastMonth: Month { Month(index: start.index + grain.months - 1) }
    public var firstDay: Day { start.firstDay }
    public var lastDay: Day { lastMonth.lastDay }
    public static func < (a: Period, b: Period) -> Bool { (a.start, a.grain.months) < (b.start, b.grain.months) }

    public var description: String {
        if grain == .month { return start.description }
        let y = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buf in
            String(decoding: UnsafeBufferPointer(start: buf.baseAddress!, count: Day.writeYear(start.year, buf.baseAddress!)), as: UTF8.self)
        }
        switch grain {
        case .month: return start.description
        case .quarter: return "\(y)-Q\((start.month - 1) / 3 + 1)"
        case .half: return "\(y)-H\((start.month - 1) / 6 + 1)"
        case .year: return y
        case .none: return "-"
        }
    }

    /// `YYYY-MM` from UTF-8 bytes (seven ASCII bytes, month 01–12, year ≥ 1); `nil` for any other shape.
    /// - Complexity: O(1), no allocation.
    public static func parseMonth(_ b: UnsafeBufferPointer<UInt8>) -> Period? {
        guard b.count == 7, b[4] == 0x2D else { return nil }
        var y = 0, m = 0
        for k in 0..<7 where k != 4 {
            let d = b[k] &- 0x30
            guard d < 10 else { return nil }
            if k < 4 { y = y * 10 + Int(d) } else { m = m * 10 + Int(d) }
        }
        guard y >= 1, (1...12).contains(m) else { return nil }
        return .month(Month(year: y, month: m))
    }

    /// Parses `2026-03`, `2026-3`, `2026-Q1`, `2026-H2`, `2026` (case-insensitive q/h).
    public init?(text: String) {
        // Fast path: `YYYY-MM` in ASCII, as scenario files write it.
        var bytes = text
        if let fast = bytes.withUTF8({ Period.parseMonth($0) }) { self = fast; return }
        let t = text.uppercased()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let y = Int(first), y >= 1 else { return nil }
        if parts.count == 1 { self.init(grain: .year, start: Month(year: y, month: 1)); return }
        guard parts.count == 2 else { return nil }
        let p = parts[1]
        if p.hasPrefix("Q"), let q = Int(p.dropFirst()), (1...4).contains(q) {
            self.init(grain: .quarter, start: Month(year: y, month: (q - 1) * 3 + 1)); return
        }
        if p.hasPrefix("H"), let h = Int(p.dropFirst()), (1...2).contains(h) {
            self.init(grain: .half, start: Month(year: y, month: (h - 1) * 6 + 1)); return
        }
        if (1...2).contains(p.count), p.allSatisfy(\.isNumber), let m = Int(p), (1...12).contains(m) {
            self.init(grain: .month, start: Month(year: y, month: m)); return
        }
        return nil
    }
}
