/// A position range in a statement's source text, in `Character` offsets.
public typealias SourceRange = Range<Int>

/// A mistake in what the user wrote, with the place to put a caret under.
///
/// Thrown by the lexer, the parser, the compiler (unknown names, a monthly
/// figure used in a half-year rule, a cycle) and the session's command parser.
public struct SourceError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// The offending text's range in `source`, in characters; `nil` when the
    /// error is about the statement as a whole.
    public var range: SourceRange?
    /// The text the range refers to (a statement, a command line).
    public var source: String

    public init(_ message: String, at range: SourceRange? = nil, in source: String = "") {
        self.message = message; self.range = range; self.source = source
    }
    public var description: String { message }
}

/// One token of the pay language.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A number with its unit folded in: `12万` → 120000, `2%` → 0.02, `40k` → 40000.
        case number(Fixed)
        case string(String)
        case date(Day)
        case period(Period)
        case identifier(String)
        /// Operators and punctuation, normalised to ASCII: `×` → `*`, `≤` → `<=`, `（` → `(`.
        case symbol(String)
        case end
    }
    public let kind: Kind
    public let range: SourceRange

    public var identifier: String? { if case .identifier(let s) = kind { s } else { nil } }
    public func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }
    public func isKeyword(_ s: String) -> Bool { kind == .identifier(s) }
}
