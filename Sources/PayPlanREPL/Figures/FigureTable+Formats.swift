import Foundation
import PayPlan

/// CSV, JSON and Markdown renderings of figure tables.
extension FigureTable {
    /// RFC 4180 CSV for spreadsheets: a UTF-8 byte order mark first (Excel on Chinese Windows reads a
    /// file without it as GBK), CRLF line ends, numbers as plain decimals (`18396.40`, no thousands
    /// separators, so every spreadsheet reads them as numbers), fields with `,`, `"` or a line break quoted.
    /// The first table's header is the first row (Excel/WPS take row 1 as the column names; a title above
    /// it made a one-column first row); each further table follows an empty line and a line with its title
    /// (attribution's 待核对订单).
    /// - Complexity: O(cells).
    public static func csv(_ tables: [FigureTable]) -> String {
        var out = "\u{FEFF}"
        for (i, t) in tables.enumerated() {
            if i > 0 { out += "\r\n" + csvField(t.title) + "\r\n" }
            out += t.header.map(csvField).joined(separator: ",") + "\r\n"
            for r in t.rows { out += r.map { $0.plainNumber ?? csvField($0.text) }.joined(separator: ",") + "\r\n" }
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.hasPrefix(" ") || s.hasSuffix(" ") else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// JSON: `{"tables": [{"name", "title", "columns", "rows": [{column: value}]}]}`, numbers as JSON
    /// numbers written from their exact decimal text, text as strings, pretty printed with keys in order.
    /// - Complexity: O(cells).
    public static func json(_ tables: [FigureTable]) -> String {
        func str(_ s: String) -> String {
            var o = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": o += "\\\""
                case "\\": o += "\\\\"
                case "\n": o += "\\n"
                case "\r": o += "\\r"
                case "\t": o += "\\t"
                default: if u.value < 0x20 { o += String(format: "\\u%04x", u.value) } else { o.unicodeScalars.append(u) }
                }
            }
            return o + "\""
        }
        var parts: [String] = []
        for t in tables {
            let rows = t.rows.map { r in
                "      {" + zip(t.header, r).map { h, c in str(h) + ": " + (c.plainNumber ?? str(c.text)) }.joined(separator: ", ") + "}"
            }
            parts.append("    {\n      \"name\": \(str(t.name)),\n      \"title\": \(str(t.title)),\n      \"columns\": [" + t.header.map(str).joined(separator: ", ")
                + "],\n      \"rows\": [\n" + rows.map { "  " + $0 }.joined(separator: ",\n") + (rows.isEmpty ? "" : "\n") + "      ]\n    }")
        }
        return "{\n  \"tables\": [\n" + parts.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// GitHub-flavoured Markdown: the title as a heading, a pipe table with numbers right-aligned, `|` escaped.
    /// - Complexity: O(cells).
    public static func markdown(_ tables: [FigureTable]) -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out: [String] = []
        for t in tables {
            out.append("## " + cell(t.title))
            out.append("")
            out.append("| " + t.header.map(cell).joined(separator: " | ") + " |")
            out.append("|" + t.rightAligned.map { $0 ? " ---: |" : " --- |" }.joined())
            for r in t.rows { out.append("| " + r.map { cell($0.text) }.joined(separator: " | ") + " |") }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
