import Foundation

/// A transaction (订单): one sale, credited to an agent, with the fields a
/// plan reads (`amount`, `profit`, `terms`, `paid`, `costs`, …).
///
/// Orders are data, like agent attributes: their fields are read by `order`
/// rules by name, and changing an order rebuilds the engine.
public struct Order: Hashable, Sendable {
    /// The order number, unique in the workspace (订单编号). Orders are kept sorted by it.
    public var id: String
    /// The credited agent's name, or `nil` for an order nobody is credited with (a silent order, 闷拍).
    public var agent: String?
    /// The booking date: the order counts in this date's month (plan C: the day the customer signed).
    public var date: Day
    /// Other fields: amounts (CNY), dates, yes/no, text.
    public var fields: [String: AttributeValue]

    public init(id: String, agent: String?, date: Day, fields: [String: AttributeValue] = [:]) {
        self.id = id; self.agent = agent; self.date = date; self.fields = fields
    }

    /// The names every order has.
    public static let standardFields = ["id", "agent", "date"]

    /// The field called `key` as a value, or `nil` when the order has none.
    public func field(_ key: String) -> Value? {
        switch key {
        case "id": return .text(id)
        case "agent": return agent.map(Value.text)
        case "date": return .date(date)
        default: return fields[key]?.value
        }
    }

    /// Compares order numbers the way people read them: `O2` before `O10`,
    /// equal-length digit strings by value, otherwise as text.
    ///
    /// - Complexity: O(n) in the IDs' lengths; ASCII IDs are compared on their bytes.
    public static func idPrecedes(_ a: String, _ b: String) -> Bool {
        if let fast = a.utf8.withContiguousStorageIfAvailable({ ua in
            b.utf8.withContiguousStorageIfAvailable { ub in asciiIDPrecedes(ua, ub) } ?? nil
        }) ?? nil { return fast }
        return idPrecedesByCharacters(a, b)
    }

    /// `idPrecedes` on `Character`s: the definition, for IDs that are not ASCII.
    static func idPrecedesByCharacters(_ a: String, _ b: String) -> Bool {
        if a.count != b.count, a.allSatisfy(\.isNumber) == b.allSatisfy(\.isNumber) {
            let pa = a.prefix { !$0.isNumber }, pb = b.prefix { !$0.isNumber }
            if pa == pb, let na = Int(a.dropFirst(pa.count)), let nb = Int(b.dropFirst(pb.count)) { return na < nb }
        }
        return a < b
    }

    /// `idPrecedes` for two ASCII IDs, on their bytes (the same order); `nil` when either is not ASCII.
    static func asciiIDPrecedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var allDigitsA = true, allDigitsB = true
        for c in a { if c >= 0x80 { return nil }; if c &- 0x30 >= 10 { allDigitsA = false } }
        for c in b { if c >= 0x80 { return nil }; if c &- 0x30 >= 10 { allDigitsB = false } }
        if a.count != b.count, allDigitsA == allDigitsB {
            var pa = 0, pb = 0
            while pa < a.count, a[pa] &- 0x30 >= 10 { pa += 1 }
            while pb < b.count, b[pb] &- 0x30 >= 10 { pb += 1 }
            if pa == pb, memcmp(a.baseAddress!, b.baseAddress!, pa) == 0,
               let na = wholeNumber(a, from: pa), let nb = wholeNumber(b, from: pb) {
                return na < nb
            }
        }
        let n = min(a.count, b.count)
        if n > 0 { let r = memcmp(a.baseAddress!, b.baseAddress!, n); if r != 0 { return r < 0 } }
        return a.count < b.count
    }

    /// The bytes from `start` as an `Int` when they are all ASCII digits (at least one) and fit; else `nil`.
    static func wholeNumber(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < b.count else { return nil }
        var v = 0
        for k in start..<b.count {
            let d = b[k] &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d))
            if o1 || o2 { return nil }
            v = s
        }
        return v
    }
}
