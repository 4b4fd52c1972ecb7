/// The orders' field values as typed columns, one per field name the plan was
/// compiled with (`CompiledPlan.orderColumns`), so that an order rule reads a field
/// by its column number — resolved when the plan is compiled — with no dictionary
/// lookup and no copy of the order.
///
/// Each column holds, per order (in the engine's order numbering, ID order), a tag
/// saying what the order holds there (nothing, an amount, a date, yes/no, text) and a
/// payload: an amount's raw `Fixed` value (CNY × 10¹²), a date packed as
/// `year << 9 | month << 5 | day`, a flag as 0 or 1, or the number of an interned text.
/// The columns say the same as the orders' `fields` dictionaries: the engine keeps both
/// (the workspace's public order API reads the orders), and each order edit in place
/// writes both (`Engine.replaceOrder`); the debug invariant compares them.
struct OrderColumns: Sendable {
    /// What an order holds in a column.
    enum Tag: UInt8, Sendable { case none = 0, number, date, flag, text }

    /// The column number of the standard fields, read off the order itself, and of a name no order holds.
    static let idColumn = -2, agentColumn = -3, dateColumn = -4, noColumn = -1

    /// One field's values, per order.
    struct Column: Sendable {
        var tags: [Tag]
        var payload: [Int128]
        init(count: Int) { tags = Array(repeating: .none, count: count); payload = Array(repeating: 0, count: count) }
    }

    /// The field names, in column order.
    let names: [String]
    private(set) var columns: [Column]
    /// The interned texts, by number.
    private(set) var texts: [String] = []
    private var textNumbers: [String: Int] = [:]

    /// Columns for `names` holding the fields of `orders`.
    ///
    /// - Complexity: O(orders × (fields per order + columns)).
    init(names: [String], orders: [Order]) {
        self.names = names
        columns = names.map { _ in Column(count: orders.count) }
        var columnOf: [String: Int] = [:]
        for (i, n) in names.enumerated() { columnOf[n] = i }
        for (o, order) in orders.enumerated() {
            for (key, v) in order.fields {
                guard let c = columnOf[key] else { continue }
                put(v, column: c, order: o)
            }
        }
    }

    /// Writes order `o`'s fields into every column (a name the order lacks: nothing held).
    ///
    /// - Complexity: O(columns) dictionary lookups.
    mutating func set(order o: Int, fields: [String: AttributeValue]) {
        for c in names.indices {
            if let v = fields[names[c]] { put(v, column: c, order: o) } else {
                columns[c].tags[o] = .none; columns[c].payload[o] = 0
            }
        }
    }

    private mutating func put(_ v: AttributeValue, column c: Int, order o: Int) {
        switch v {
        case .number(let n): columns[c].tags[o] = .number; columns[c].payload[o] = n.raw
        case .date(let d): columns[c].tags[o] = .date; columns[c].payload[o] = Int128(d.year << 9 | d.month << 5 | d.day)
        case .flag(let b): columns[c].tags[o] = .flag; columns[c].payload[o] = b ? 1 : 0
        case .text(let s):
            let k: Int
            if let known = textNumbers[s] { k = known } else { k = texts.count; texts.append(s); textNumbers[s] = k }
            columns[c].tags[o] = .text; columns[c].payload[o] = Int128(k)
        }
    }

    /// The number of text `s` when an order holds it in some column, else `nil`.
    ///
    /// - Complexity: O(length of `s`): one hash lookup.
    func number(ofText s: String) -> Int? { textNumbers[s] }

    /// The value order `o` holds in column `c` (0 ..< names.count), or `nil` when it holds none.
    ///
    /// - Complexity: O(1); no allocation (a text is the interned string, retained).
    @inline(__always) func value(column c: Int, order o: Int) -> Value? {
        let p = columns[c].payload[o]
        switch columns[c].tags[o] {
        case .none: return nil
        case .number: return .number(Fixed(raw: p))
        case .date:
            let packed = Int(truncatingIfNeeded: p)
            return .date(Day(uncheckedYear: packed >> 9, month: (packed >> 5) & 15, day: packed & 31))
        case .flag: return .bool(p != 0)
        case .text: return .text(texts[Int(truncatingIfNeeded: p)])
        }
    }

    /// The column number of field `name` among `names`: the standard fields' own numbers,
    /// `noColumn` for a name no order holds (a declared field read through its default).
    static func column(of name: String, in names: [String]) -> Int {
        switch name {
        case "id": return idColumn
        case "agent": return agentColumn
        case "date": return dateColumn
        default:
            var lo = 0, hi = names.count
            while lo < hi { let m = (lo + hi) / 2; if names[m] < name { lo = m + 1 } else { hi = m } }
            return lo < names.count && names[lo] == name ? lo : noColumn
        }
    }
}
