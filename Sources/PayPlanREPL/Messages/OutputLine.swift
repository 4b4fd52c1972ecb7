/// One line of a command's output (or the message of a `Diagnostic`), kept as what it means
/// until it is shown: a `Message` rendered in the session's language, or a fixed text (a table row,
/// a value, already in its final language). There is no line of English text alone: a sentence
/// payplan writes is a message, so it exists in both languages (nothing is translated by matching text).
public struct OutputLine: Sendable {
    enum Content: Sendable {
        /// Text shown as it is in every language (tables, values, source text, rendered warnings).
        case fixed(String, Tone)
        /// A message rendered late.
        case message(any Message)
    }
    var content: Content

    /// A line from a message.
    public init(_ message: any Message) { content = .message(message) }
    /// A line shown as it is, in every language, with its meaning for colour.
    public init(fixed text: String, tone: Tone = .plain) { content = .fixed(text, tone) }

    /// The line in `language` (`verbatim`: machine-read output, printed exactly).
    public func text(_ language: DisplayLanguage, verbatim: Bool = false) -> String {
        let text = switch content {
        case .fixed(let s, _): s
        case .message(let m): m.text(language)
        }
        // A control character from the user's data is shown, not obeyed (`TerminalText`); CSV, JSON and
        // Markdown (`verbatim`) are printed exactly.
        return verbatim ? text : TerminalText.safe(text)
    }

    /// What the line means, for its colour.
    public var tone: Tone {
        switch content {
        case .fixed(_, let t): t
        case .message(let m): m.tone
        }
    }

    /// The message the line was built from, if any.
    public var message: (any Message)? { if case .message(let m) = content { m } else { nil } }
}

extension OutputLine: Equatable {
    /// Lines are equal when they read the same in both languages and mean the same.
    public static func == (a: OutputLine, b: OutputLine) -> Bool {
        a.text(.en) == b.text(.en) && a.text(.zh) == b.text(.zh) && a.tone == b.tone
    }
}
