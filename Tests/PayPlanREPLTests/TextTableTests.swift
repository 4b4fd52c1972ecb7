import Testing
@testable import PayPlanREPL

/// The aligned text table every report, compare and list prints (its lines are written as bytes into
/// one buffer, each cell's width worked out once): the lines below are worked out by hand, column by
/// column (a CJK character is two columns wide, columns two spaces apart, no space at a line's end).
@Suite struct TextTableTests {
    @Test func columnsLineUpWithChineseNamesAndRightAlignedFigures() {
        var t = TextTable(header: ["agent", "pay"], rightAligned: [false, true])
        t.add(["李雷", "5,573.00"])
        t.add(["Bob", "12.50"])
        t.add(["韩梅梅", "-1.00"])
        t.separatorBefore = [2]
        // Widths: agent column max(5, 4, 3, 6) = 6; pay column max(3, 8, 5, 5) = 8.
        #expect(t.render() == [
            "agent        pay",
            "──────  ────────",
            "李雷    5,573.00",
            "Bob        12.50",
            "──────  ────────",
            "韩梅梅     -1.00",
        ])
    }

    @Test func emptyAndMissingCellsWriteNoSpacesAndNothingTrails() {
        var t = TextTable(header: ["a", "b", "c"], rightAligned: [false, false, true])
        t.add(["x"])                 // b and c missing: nothing after x
        t.add(["", "", "7"])         // a and b empty: the spaces before c's 7 only
        t.add(["long", "y", ""])     // c empty: the line ends at y
        t.add(["z  ", "", ""])       // a cell's own spaces at the end of a line go
        t.add(["q", "r", "s", "extra"]) // a cell beyond the header is not shown
        // Widths: a = 4 (long), b = 1, c = 1.
        #expect(t.render() == [
            "a     b  c",
            "────  ─  ─",
            "x",
            "         7",
            "long  y",
            "z",
            "q     r  s",
        ])
    }
}
