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
    /// - Complexity: O(total bytes of the cells): each cell's width is worked out once, and each line
    ///   is written as bytes into one buffer (a 10,000-agent report: 110,000 cells).
    public func render() -> [String] {
        let columns = header.count
        let headerWidths = header.map(DisplayWidth.of)
        var widths = headerWidths
        // Every row's cell widths, row-major (a missing cell is empty, width 0).
        var cellWidths = [Int](repeating: 0, count: rows.count * columns)
        for (k, r) in rows.enumerated() {
            for (i, c) in r.enumerated() where i < columns {
                let w = DisplayWidth.of(c)
                cellWidths[k * columns + i] = w
                widths[i] = max(widths[i], w)
            }
        }
        let lineWidth = widths.reduce(0, +) + 2 * widths.count
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4 * lineWidth)
        // One string per line; spaces are written only before text, so none trail but a cell's own.
        func line(_ cells: [String], widthOf: (Int) -> Int) -> String {
            buffer.removeAll(keepingCapacity: true)
            var pending = 0
            for (i, w) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = max(0, w - widthOf(i))
                if i > 0 { pending += 2 }
                if rightAligned[i] { pending += pad }
                if !cell.isEmpty {
                    if pending > 0 { buffer.append(contentsOf: repeatElement(0x20, count: pending)); pending = 0 }
                    buffer.append(contentsOf: cell.utf8)
                }
                if !rightAligned[i] { pending += pad }
            }
            var s = String(decoding: buffer, as: UTF8.self)
            // A cell's own trailing spaces at the end of the line go, as whole characters.
            if buffer.last == 0x20 { while s.hasSuffix(" ") { s.removeLast() } }
            return s
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var out = [line(header, widthOf: { headerWidths[$0] }), rule]
        out.reserveCapacity(rows.count + 2 + separatorBefore.count)
        for (k, r) in rows.enumerated() {
            if separatorBefore.contains(k) { out.append(rule) }
            out.append(line(r, widthOf: { i in i < r.count ? cellWidths[k * columns + i] : 0 }))
        }
        return out
    }
}
