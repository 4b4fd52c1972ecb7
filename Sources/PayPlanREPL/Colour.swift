/// ANSI colour for the interactive shell, chosen from each line's `Tone`: errors in red (with the
/// caret line), changed pay figures green when they go up and red when they go down.
public struct Colour: Sendable {
    /// False: every function returns its input unchanged.
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour is used on a terminal only, and never with `--no-color` or a
    /// non-empty `NO_COLOR` (https://no-color.org).
    public static func wanted(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> Bool {
        isTerminal && !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }

    static let red = "\u{1B}[31m", green = "\u{1B}[32m", yellow = "\u{1B}[33m", bold = "\u{1B}[1m", reset = "\u{1B}[0m"

    /// An output line coloured by what it means: a pay figure that went up green (`.better`),
    /// down red (`.worse`), an error red, a warning yellow, a heading bold, anything else as it is.
    /// The colour comes from the line's message, never from its printed text.
    public func line(_ text: String, tone: Tone) -> String {
        guard enabled, !text.isEmpty else { return text }
        let code: String? = switch tone {
        case .plain: nil
        case .heading: Colour.bold
        case .warning: Colour.yellow
        case .error, .worse: Colour.red
        case .better: Colour.green
        }
        return code.map { $0 + text + Colour.reset } ?? text
    }

    /// A rendered diagnostic (`Diagnostic.render`): the `error:` line and
    /// the caret line in red, the quoted source as it is.
    public func error(_ lines: [String]) -> [String] {
        guard enabled else { return lines }
        return lines.enumerated().map { index, line in
            index == 0 || line.trimmingCharacters(in: .whitespaces).hasPrefix("^") ? Colour.red + line + Colour.reset : line
        }
    }
}
