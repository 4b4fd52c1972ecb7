import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Edits of the plan or the years never leave entered values that no input holds (issue 11,
/// item 5): the loader refuses such values, so `drop INPUT`, `years …` and a redefinition that
/// changes an input's grain or makes it a team input remove them, say how many, and undo brings
/// them back; every accepted edit saves a file that reopens with the same figures. A definition
/// declaring a range that an agent's attribute breaks is refused.
@Suite struct StoredInputEditTests {
    /// 甲 and 乙 on 2026–2027; points is an input nothing reads, sales feeds pay = 3000 + 2% × sales.
    static func session() throws -> Session {
        let s = try Session()
        run(s, "years 2026-2027", "input month sales default 0", "input month points default 0", "month pay = 3000 + 2% * sales",
            "report total pay", "agent add 甲", "agent add 乙",
            "甲.sales[2026-03] = 10000", "甲.sales[2027-03] = 20000", "甲.points[2026-03] = 5", "乙.points[2026-04] = 7")
        return s
    }

    /// Saves `s` to a new file and reopens it: the same inputs, and 甲's pay as worked by hand.
    static func expectReopens(_ s: Session, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = tempDir("stored-inputs")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        run(s, "save \(dir)/s.json", sourceLocation: sourceLocation)
        let reopened = try Session(path: dir + "/s.json")
        #expect(reopened.workspace.inputs == s.workspace.inputs, "\(what)", sourceLocation: sourceLocation)
        #expect(reopened.workspace.teamInputs == s.workspace.teamInputs, "\(what)", sourceLocation: sourceLocation)
        #expect(query(reopened, "甲.pay[2026-03]") == query(s, "甲.pay[2026-03]"), "\(what)", sourceLocation: sourceLocation)
    }

    @Test func droppingAnInputRemovesItsValuesAndUndoBringsThemBack() throws {
        let s = try Self.session()
        let out = run(s, "drop points")
        #expect(out == ["dropped points", "removed 2 entered values that no input holds now: points (2); undo brings them back"])
        #expect(s.workspace.inputs["甲"]?["points"] == nil && s.workspace.inputs["乙"] == nil)
        // pay = 3000 + 2% × 10,000 = 3,200.00, unchanged by the drop.
        #expect(query(s, "甲.pay[2026-03]") == "3,200.00")
        try Self.expectReopens(s, "drop points")
        run(s, "undo")
        #expect(query(s, "甲.points[2026-03]") == "5.00" && query(s, "乙.points[2026-04]") == "7.00")
        try Self.expectReopens(s, "undo of drop")
    }

    /// `years 2027` on the shipped electronics scenario (years 2026) removes every value entered for 2026,
    /// said by input with counts taken from the file itself (Foundation's JSON reader, not payplan's), in
    /// en and zh; undo brings them back.
    @Test func movingTheYearsSaysTheValuesAreOutsideThem() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: electronics))) as! [String: Any]
        var counts: [String: Int] = [:]
        for (_, byInput) in json["inputs"] as! [String: [String: [String: Any]]] {
            for (input, series) in byInput { counts[input, default: 0] += series.keys.filter { $0.hasPrefix("2026") }.count }
        }
        let total = counts.values.reduce(0, +)
        #expect(total > 0)
        let s = try Session(path: electronics)
        let before = s.workspace
        let out = run(s, "years 2027")
        let line = try #require(out.first { $0.hasPrefix("removed") }, "\(out)")
        #expect(line.hasPrefix("removed \(total) entered values dated 2026, outside the years 2027: "), "\(line)")
        for (input, n) in counts where n > 0 { #expect(line.contains("\(input) (\(n))"), "\(line)") }
        #expect(line.hasSuffix("; undo brings them back (years 2026-2027 keeps them)"))
        run(s, "undo")
        #expect(s.workspace == before)
        s.language = .zh
        let zh = run(s, "years 2027")
        #expect(zh.contains { $0.hasPrefix("已删除 \(total) 个日期在 2026 年、不在方案年份 2027 内的已录入值：") && $0.hasSuffix("；undo 可恢复（years 2026-2027 可保留它们）") }, "\(zh)")
    }

    @Test func narrowingTheYearsRemovesTheValuesOutsideThem() throws {
        let s = try Self.session()
        let out = run(s, "years 2026")
        #expect(out.first == "this scenario now covers 2026")
        // The values are said to be removed for their dates, with the range that keeps them (fresh-user M8).
        #expect(out.contains("removed 1 entered value dated 2027, outside the years 2026: sales (1); undo brings it back (years 2026-2027 keeps it)"), "\(out)")
        #expect(s.workspace.inputs["甲"]?["sales"] == [Period(text: "2026-03")!: Fixed(10000)])
        try Self.expectReopens(s, "years 2026")
        run(s, "undo")
        // 2027-03: 3000 + 2% × 20,000 = 3,400.00 again.
        #expect(query(s, "甲.pay[2027-03]") == "3,400.00")
        try Self.expectReopens(s, "undo of years")
        // Widening removes nothing.
        #expect(!run(s, "years 2025-2027").contains { $0.hasPrefix("removed") })
    }

    @Test func changingAnInputsGrainOrHolderRemovesTheValuesItCannotHold() throws {
        let s = try Self.session()
        #expect(run(s, "input quarter points default 0").contains("removed 2 entered values that no input holds now: points (2); undo brings them back"))
        run(s, "甲.points[2026-Q1] = 9")
        try Self.expectReopens(s, "points by quarter")
        #expect(run(s, "input team quarter points default 0").contains("removed 1 entered value that no input holds now: points (1); undo brings it back"))
        try Self.expectReopens(s, "points for the team")
        run(s, "undo")
        #expect(query(s, "甲.points[2026-Q1]") == "9.00")
        // Redefining with the same grain and holder keeps every value.
        #expect(run(s, "input quarter points \"积分\" default 0") == ["redefined points"])
        #expect(query(s, "甲.points[2026-Q1]") == "9.00")
        s.language = .zh
        #expect(run(s, "drop points").contains("已删除 1 个不再对应任何录入项的已录入值：points（1）；undo 可恢复"))
    }

    @Test func aRangeAnAgentBreaksIsRefused() throws {
        let s = try Self.session()
        run(s, "attribute level default 1", "agent set 乙 level=5")
        expectRefused(s, "attribute level default 1 range 0..3",
                      "乙 has level=5.00, outside the range 0..3 the plan would declare for level; change it first (agent set 乙 level=…); nothing was changed")
        run(s, "agent set 乙 level=2", "attribute level default 1 range 0..3")
        try Self.expectReopens(s, "a range every agent keeps")
    }
}
