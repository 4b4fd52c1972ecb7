/// What a cell holds: a number (money in CNY, a rate as a fraction, a count),
/// a yes/no flag, a date, a piece of text, or an error value that flows on
/// through every formula that uses it, like a spreadsheet's `#DIV/0!`.
public enum Value: Hashable, Sendable {
    case number(Fixed)
    case bool(Bool)
    case date(Day)
    case text(String)
    indirect case error(EvalError)
    /// A list of amounts, internal: the sorted values `rank(…)` reads, or the shares of an `allocate(…)`.
    case ranking([Fixed])

    public var number: Fixed? { if case .number(let n) = self { n } else { nil } }
    public var isError: Bool { if case .error = self { true } else { false } }

    /// Display text: money with two decimals and grouping (`5,600.00`), more
    /// decimals when a value has them (`0.015`) up to six (a ratio such as
    /// 1/3 shows as `0.333333`; the value itself keeps 12), `yes`/`no`, ISO
    /// dates, and the error code for errors (`#DIV/0!`).
    public var displayText: String {
        switch self {
        case .number(let n): n.rounded(toDigits: 6).moneyText
        case .bool(let b): b ? "yes" : "no"
        case .date(let d): d.description
        case .text(let s): s
        case .error(let e): e.code
        case .ranking(let r): "(\(r.count) values: " + r.prefix(6).map(\.moneyText).joined(separator: ", ") + (r.count > 6 ? ", …)" : ")")
        }
    }
}
