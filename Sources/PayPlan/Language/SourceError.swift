/// A position range in a statement's source text, in `Character` offsets.
public typealias SourceRange = Range<Int>

/// A mistake in what the user wrote, with the place to put a caret under.
///
/// Thrown by the lexer, the parser, the compiler (unknown names, a monthly
/// figure used in a half-year rule, a cycle), `Agent.set` and the session's command parser.
/// Its `kind` says what is wrong as data (the REPL renders it in English or Chinese);
/// `message` is the English text.
public struct SourceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, with its arguments.
    public var kind: Kind
    /// The English text of the error.
    public var message: String { kind.english }
    /// The offending text's range in `source`, in characters; `nil` when the
    /// error is about the statement as a whole.
    public var range: SourceRange?
    /// The text the range refers to (a statement, a command line).
    public var source: String

    /// An error of `kind`, with a caret under `range` of `source` when given.
    public init(_ kind: Kind, at range: SourceRange? = nil, in source: String = "") {
        self.kind = kind; self.range = range; self.source = source
    }
    public var description: String { message }
}
