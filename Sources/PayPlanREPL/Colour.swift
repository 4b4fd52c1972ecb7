import Foundation

/// ANSI colour for the interactive shell: errors in red (with the caret
/// line), changed pay figures green when they go up and red when they go down.
public struct Colour: Sendable {
    /// False: every function returns its input unchanged.
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour is used on a terminal only, and never with `--no-color` or a
    /// non-empty `NO_COLOR` (https://no-color.org).
    public static func wanted(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> Bool {
        isTerminal && !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }

    static let red = "\u{1B}[31m", green = "\u{1B}[32m", reset = "\u{1B}[0m"

    /// An output line; a change `NAME: OLD → NEW` between two amounts is
    /// green when NEW is larger and red when it is smaller.
    public func line(_ text: String) -> String {
        guard enabled, let (old, new) = Colour.change(text), old != new else { return text }
        return (new > old ? Colour.green : Colour.red) + text + Colour.reset
    }

    /// A rendered diagnostic (`Diagnostic.render`): the `error:` line and
    /// the caret line in red, the quoted source as it is.
    public func error(_ lines: [String]) -> [String] {
        guard enabled else { return lines }
        return lines.enumerated().map { index, line in
            index == 0 || line.trimmingCharacters(in: .whitespaces).hasPrefix("^") ? Colour.red + line + Colour.reset : line
        }
    }

    /// The two amounts of a change line (`李雷.pay[2026-03]: 5,000.00 → 5,500.00`),
    /// or `nil` when the line is not one or either side is not a number.
    static func change(_ text: String) -> (Decimal, Decimal)? {
        guard let colon = text.range(of: ": ", options: .backwards) else { return nil }
        let sides = text[colon.upperBound...].components(separatedBy: " → ")
        guard sides.count == 2, let old = amount(sides[0]), let new = amount(sides[1]) else { return nil }
        return (old, new)
    }

    static func amount(_ text: String) -> Decimal? {
        let plain = text.replacingOccurrences(of: ",", with: "")
        guard !plain.isEmpty, plain.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX"))
    }
}
