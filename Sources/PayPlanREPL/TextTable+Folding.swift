extension TextTable {
    /// The table as lines that fit `width` terminal columns: when it is wider, its columns after the
    /// first `keep` (the names) are folded into blocks, one under the other and a blank line apart,
    /// each block repeating the `keep` columns so every row still reads across. A table that fits,
    /// or whose widest single column does not, is rendered as it is.
    ///
    /// - Complexity: O(rows × columns).
    public func render(fitting width: Int, keep: Int = 1) -> [String] {
        let whole = render()
        guard whole.contains(where: { DisplayWidth.of($0) > width }), header.count > keep + 1 else { return whole }
        var widths = header.map(DisplayWidth.of)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        let kept = (0..<keep).reduce(0) { $0 + widths[$1] + 2 }
        var blocks: [[Int]] = [], current: [Int] = [], used = kept
        for c in keep..<header.count {
            if !current.isEmpty, used + widths[c] > width { blocks.append(current); current = []; used = kept }
            current.append(c); used += widths[c] + 2
        }
        if !current.isEmpty { blocks.append(current) }
        var out: [String] = []
        for (b, columns) in blocks.enumerated() {
            let pick = Array(0..<keep) + columns
            var t = TextTable(header: pick.map { header[$0] }, rightAligned: pick.map { rightAligned[$0] })
            t.rows = rows.map { r in pick.map { $0 < r.count ? r[$0] : "" } }
            // A last row with nothing in this block's columns (a total of the first block's) is left out.
            while let last = t.rows.last, last.dropFirst(keep).allSatisfy(\.isEmpty), t.rows.count > 1 { t.rows.removeLast() }
            t.separatorBefore = separatorBefore
            if b > 0 { out.append("") }
            out += t.render()
        }
        return out
    }
}
