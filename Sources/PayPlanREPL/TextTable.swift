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
        let lineWidth = widths.reduce(0, +) + 2 * widths.count
        let spaces = String(repeating: " ", count: (widths.max() ?? 0) + 2)
        // One string per line; spaces are written only before text, so none trail.
        func line(_ cells: [String]) -> String {
            var s = ""
            s.reserveCapacity(lineWidth)
            var pending = 0
            func put(_ text: String) {
                while pending > 0 { let n = min(pending, spaces.utf8.count); s += spaces.prefix(n); pending -= n }
                s += text
            }
            for (i, w) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = max(0, w - DisplayWidth.of(cell))
                if i > 0 { pending += 2 }
                if rightAligned[i] { pending += pad }
                if !cell.isEmpty { put(cell) }
                if !rightAligned[i] { pending += pad }
            }
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
