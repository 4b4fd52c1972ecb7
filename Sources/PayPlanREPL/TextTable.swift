/// A plain-text table whose columns line up in a terminal, Chinese included.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Per column: right-align (numbers) or left-align (names).
    public var rightAligned: [Bool]
    /// Rows after which a rule line is drawn (e.g. before the total row).
    public var separatorBefore: Set<Int> = []

    public init(header: [String], rightAligned: [Bool]) {
        self.header = header; self.rightAligned = rightAligned
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines, columns two spaces apart, a rule under the header.
    public func render() -> [String] {
        var widths = header.map(DisplayWidth.of)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, w) in widths.enumerated() {
                parts.append(DisplayWidth.padded(i < cells.count ? cells[i] : "", to: w, alignRight: rightAligned[i]))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var out = [line(header), rule]
        for (i, r) in rows.enumerated() {
            if separatorBefore.contains(i) { out.append(rule) }
            out.append(line(r))
        }
        return out
    }
}
