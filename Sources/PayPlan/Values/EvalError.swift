/// An error value: what went wrong, as a typed detail with its arguments (names, amounts, periods),
/// and, for `explain`, the cell where it started. The REPL renders the detail late, in English
/// (`EvalError.Detail.english`) or Chinese; nothing here is a sentence built for one language.
public struct EvalError: Hashable, Sendable, CustomStringConvertible {
    /// The error value's code, as a spreadsheet shows it.
    public enum Kind: String, Sendable {
        case divisionByZero = "#DIV/0!"
        case missing = "#MISSING"
        case overflow = "#OVERFLOW"
        case type = "#TYPE"
        case outOfRange = "#RANGE"
        /// Raised by the plan itself: `error("commission_mode must be individual or pool")`.
        case raised = "#ERROR"
    }
    /// What went wrong, with its arguments; it decides the `kind`.
    public let detail: Detail
    /// The cell where the error started (`nil` until the engine stamps it).
    public var origin: CellReference?

    public init(_ detail: Detail, origin: CellReference? = nil) {
        self.detail = detail; self.origin = origin
    }
    /// The error value's code class (`#MISSING` …), from its detail.
    public var kind: Kind { detail.kind }
    /// `#MISSING`, `#DIV/0!` …
    public var code: String { kind.rawValue }
    /// The detail in English, e.g. `no sales for 李雷 in 2026-03`.
    public var message: String { detail.english }
    /// `#MISSING no sales for 李雷 in 2026-03 (from 李雷.sales[2026-03])`, in English (logs and tests).
    public var description: String { origin.map { "\(code) \(message) (from \($0))" } ?? "\(code) \(message)" }
}
