/// The orders' field values as typed columns, one per field name the plan was
/// compiled with (`CompiledPlan.orderColumns`), so that an order rule reads a field
/// by its column number — resolved when the plan is compiled — with no dictionary
/// lookup and no copy of the order.
///
/// Each column holds, per order (in the engine's order numbering, ID order), a tag
/// saying what the order holds there (nothing, an amount, a date, yes/no, text) and a
/// payload: an amount's raw `Fixed` value (CNY × 10¹²), a date as its `Day.ordinal` (days from
/// 1970-01-01, as the column evaluator's date lanes hold it), a flag as 0 or 1, or the number of an
/// interned text. The orders' own dates are a column too (`dates`, ordinals), always filled.
/// Only the columns the plan reads are filled (`CompiledPlan.orderColumnsRead`; `filled`): a
/// field no formula reads (a Taobao import's buyer name and note, one distinct text an order)
/// is not typed, and its texts are not interned; a plan that comes to read one fills it then
/// (`fill`). A filled column says the same as the orders' `fields` dictionaries: the engine keeps
/// both (the workspace's public order API reads the orders), and each order edit in place
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
    /// Each order's own date (`Order.date`) as its `Day.ordinal`, in the engine's order numbering: an order
    /// rule reading `date` reads it here, not through each order (which worked the ordinal out per read).
    private(set) var dates: [Int32]
    private(set) var columns: [Column]
    /// The interned texts, by number.
    private(set) var texts: [String] = []
    private var textNumbers: [String: Int] = [:]

    /// Whether each column holds the orders' fields (false: never read, so never filled; all nothing).
    private(set) var filled: [Bool]

    /// Columns for `names`, the columns numbered in `read` holding the fields of `orders` (the others empty).
    ///
    /// - Complexity: O(orders × fields per order × columns read) name comparisons: one pass over the orders.
    init(names: [String], orders: [Order], reading read: [Int]) {
        self.names = names
        dates = orders.map { Int32(truncatingIfNeeded: $0.date.ordinal) }
        filled = Array(repeating: false, count: names.count)
        columns = names.indices.map { _ in Column(count: 0) }
        fill(read, orders: orders)
    }

    /// Fills the columns numbered in `read` not filled yet from `orders` (the engine's, in its numbering).
    ///
    /// Each order's fields are walked once and their names compared with the names wanted (a field name is
    /// short: comparing it is a word or two, where a lookup by name hashes it); a text is interned through
    /// the last few texts met, compared by their bytes (`TextMemo`: a status column holds a handful of Chinese
    /// texts, which hashing normalises first), and hashed only when it is none of them.
    /// - Complexity: O(orders × fields per order × columns to fill) name comparisons when some are to be
    ///   filled, else O(columns read).
    mutating func fill(_ read: [Int], orders: [Order]) {
        let missing = read.filter { $0 >= 0 && $0 < names.count && !filled[$0] }
        guard !missing.isEmpty else { return }
        for c in missing { columns[c] = Column(count: orders.count); filled[c] = true }
        let wanted = missing.map { names[$0] }
        var memo = TextMemo()
        for (o, order) in orders.enumerated() where !order.fields.isEmpty {
            for (key, v) in order.fields {
                guard let k = wanted.firstIndex(of: key) else { continue }
                put(v, column: missing[k], order: o, memo: &memo)
            }
        }
    }

    /// Writes order `o`'s date and fields into every filled column (a name the order lacks: nothing held).
    ///
    /// - Complexity: O(filled columns) dictionary lookups.
    mutating func set(order o: Int, date: Day, fields: [String: AttributeValue]) {
        dates[o] = Int32(truncatingIfNeeded: date.ordinal)
        for c in names.indices where filled[c] {
            if let v = fields[names[c]] { put(v, column: c, order: o) } else {
                columns[c].tags[o] = .none; columns[c].payload[o] = 0
            }
        }
    }

    private mutating func put(_ v: AttributeValue, column c: Int, order o: Int) {
        var memo = TextMemo()
        put(v, column: c, order: o, memo: &memo)
    }

    private mutating func put(_ v: AttributeValue, column c: Int, order o: Int, memo: inout TextMemo) {
        switch v {
        case .number(let n): columns[c].tags[o] = .number; columns[c].payload[o] = n.raw
        case .date(let d): columns[c].tags[o] = .date; columns[c].payload[o] = Int128(d.ordinal)
        case .flag(let b): columns[c].tags[o] = .flag; columns[c].payload[o] = b ? 1 : 0
        case .text(let s):
            let k: Int
            if let met = memo.number(of: s) { k = met } else {
                if let known = textNumbers[s] { k = known } else { k = texts.count; texts.append(s); textNumbers[s] = k }
                memo.remember(s, k)
            }
            columns[c].tags[o] = .text; columns[c].payload[o] = Int128(k)
        }
    }

    /// The first few texts interned while filling, with their numbers, matched by their bytes: the same bytes
    /// are the same text, so the number is the one `textNumbers` gives; a text not held is hashed as before.
    struct TextMemo {
        private var held: [(text: String, number: Int)] = []

        /// The number held for exactly these bytes, if any.
        /// - Complexity: O(texts held × length), at most 8 texts.
        func number(of s: String) -> Int? {
            for e in held where e.text.hasSameBytes(as: s) { return e.number }
            return nil
        }

        mutating func remember(_ s: String, _ number: Int) { if held.count < 8 { held.append((s, number)) } }
    }

    /// The number of text `s` when an order holds it in some column, else `nil`.
    ///
    /// - Complexity: O(length of `s`): one hash lookup.
    func number(ofText s: String) -> Int? { textNumbers[s] }

    /// The value order `o` holds in column `c` (0 ..< names.count, a filled one), or `nil` when it holds none.
    ///
    /// - Complexity: O(1); no allocation (a text is the interned string, retained).
    @inline(__always) func value(column c: Int, order o: Int) -> Value? {
        let p = columns[c].payload[o]
        switch columns[c].tags[o] {
        case .none: return nil
        case .number: return .number(Fixed(raw: p))
        case .date: return .date(Day(ordinal: Int(truncatingIfNeeded: p)))
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
