/// Text from the user's data (order numbers, names, notes from an import or a scenario file) made safe
/// for a terminal: a control character would otherwise be obeyed, not shown — an ESC sequence in a CSV's
/// order number cleared the screen when `orders` printed it (fresh-user finding M4, 2026-12-02).
///
/// Each C0 control but the tab and the line break is shown as its Unicode control picture (ESC as ␛,
/// U+241B), DEL as ␡ and each C1 control (U+0080–U+009F) as �. The data itself is kept as it is;
/// only what is printed changes. Machine-read output (CSV, JSON, Markdown) is printed exactly.
enum TerminalText {
    /// `text` with its control characters shown, or `text` itself when it has none.
    /// - Complexity: O(n) over the UTF-8 bytes, no allocation when there is nothing to show.
    static func safe(_ text: String) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A: out.append(u)
            case 0..<0x20: out.append(Unicode.Scalar(0x2400 + u.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            default: out.append(u)
            }
        }
        return String(out)
    }
}
