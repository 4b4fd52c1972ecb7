import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Bad input of every kind a first user tried: each gets a clear message
/// naming the problem, never a crash, and leaves the workspace unchanged.
@Suite struct BadInputTests {
    @Test func formulasTooDeepAreRefusedNotCrashed() throws {
        let s = try Session(path: electronics)
        let sum = "param y = " + Array(repeating: "1", count: 1000).joined(separator: "+")
        // A flat chain is not nested: it is said to be long (fresh-user finding: 201 terms "nest").
        expectRefused(s, sum, "joins more than about 200 terms in one chain (with + - * / and or); split it into several rules")
        expectRefused(s, "param y = " + Array(repeating: "2", count: 201).joined(separator: " * "), "joins more than about 200 terms in one chain")
        expectRefused(s, "param y = " + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000), "nests more than 200 levels")
        expectRefused(s, "param y = " + String(repeating: "-", count: 100_000) + "1", "nests more than 200 levels")
        expectRefused(s, "param y = " + Array(repeating: "yes", count: 500).joined(separator: " and "), "joins more than about 200 terms in one chain")
        // Deep brackets with a short chain inside are nesting.
        expectRefused(s, "param y = " + String(repeating: "(", count: 199) + "1+1+1" + String(repeating: ")", count: 199), "nests more than 200 levels")
        // 150 terms are fine: 150 × 1 = 150.
        run(s, "param y = " + Array(repeating: "1", count: 150).joined(separator: "+"))
        #expect(query(s, "y") == "150.00")
    }

    /// An amount written with an exponent is refused as such (a spreadsheet user types 1e26 or 2.5E-3),
    /// the caret under the whole number, sign and exponent digits included; other letters glued to a
    /// number keep the general message.
    @Test func exponentsAreRefusedAsExponents() throws {
        let s = try Session(path: electronics)
        for (text, width) in [("1e26", 4), ("2.5E-3", 6), ("1e+5", 4)] {
            expectRefused(s, "李雷.sales[2026-03] = \(text)", "'\(text)' is not a number: payplan does not read exponents; write the amount out",
                          sourceLine: "  李雷.sales[2026-03] = \(text)")
            // The number starts at display column 22: 李雷 is 2 × 2 columns, ".sales[2026-03] = " 18.
            let caret = s.execute("李雷.sales[2026-03] = \(text)").errors.first?.render().last
            #expect(caret == "  " + String(repeating: " ", count: 22) + "^" + String(repeating: "~", count: width - 1))
        }
        // Under zh the exponent is named too (not the general "write amounts like" hint).
        s.language = .zh
        expectRefused(s, "李雷.sales[2026-03] = 1e26", "'1e26' 不是数字：payplan 不读科学计数法；请把金额写全，例如 100000 或 10万")
        s.language = .en
        expectRefused(s, "李雷.sales[2026-03] = 1ex", "'1ex' is not a number: write amounts like 12万")
        expectRefused(s, "李雷.sales[2026-03] = 3e", "'3e' is not a number: write amounts like 12万")
    }

    @Test func tableThresholdsMustRiseWhenDefined() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "table t [lo, hi): 0 -> 1, 2万 -> 2, 1万 -> 3", "thresholds must rise from tier to tier: 10,000.00 comes after 20,000.00")
        expectRefused(s, "table t [lo, hi): 0 -> 1, 1万 -> 2, 1万 -> 3", "thresholds must rise")
        expectRefused(s, "table t [lo, hi): 0 -> 1 1万 -> 2", "expected ',' between the table's tiers")
    }

    @Test func periodsOutsideTheScenarioAreRefusedUntilYearsAreWidened() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "李雷.sales[9999-12] = 5", "9999-12 is outside this scenario's years (2026); to plan further, first widen them: years 2026-9999")
        expectRefused(s, "李雷.sales[2025-12] = 5", "outside this scenario's years")
        expectRefused(s, "years 2026-9999", "at most 50 years")
        run(s, "years 2026-2027")
        run(s, "李雷.sales[2027-01] = 5万")
        // 5万, no expenses, not on probation: 1,000 commission at 2%; pay 4,000.00.
        #expect(query(s, "李雷.pay[2027-01]") == "4,000.00")
    }

    @Test func clearerMessages() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "param y \"abc = 5", "this text has no closing \"")
        expectRefused(s, "李雷.half_bonus[2026-03]", "'half_bonus' is per half: give a half such as 2026-H1")
        expectRefused(s, "李雷.sales[2026-03] = 99999999999999999999999999999", "is too large")
        expectRefused(s, "李雷.sales[2026-03] = 1,00", "a comma groups exactly three digits")
        let small = try Session()
        run(small, "month a = 1", "report columns a")
        expectRefused(small, "drop a", "cannot drop a: it is a rule that report columns reads; drop or redefine it first; nothing was changed")
        expectRefused(s, "help nonsense", "no help on 'nonsense'")
        expectRefused(s, "agents extra", "agents takes nothing after it")
        #expect(!small.execute("drop a").errors[0].message.contains("report columns: no figure"))
    }

    @Test func commentsAfterCommandsAndFullWidthPunctuation() throws {
        let s = try Session(path: electronics)
        #expect(run(s, "李雷.pay[2026-03] # March") == ["李雷.pay[2026-03] = 5,573.00"])
        #expect(run(s, "report 2026-03 # the month").first == "electronics-sales — 2026-03")
        // ［ ］ ＝ ， and full-width digits from a Chinese input method.
        run(s, "李雷.sales［２０２６-03］＝ 15万")
        #expect(query(s, "李雷.pay[2026-03]") == "6,473.00")
        run(s, "param y = max（1， 2）")
        #expect(s.workspace.plan.definition(named: "y")?.source == "param y = max(1, 2)")
    }

    @Test func newAgentWithoutHireDateGetsANote() throws {
        let s = try Session(path: electronics)
        let lines = run(s, "agent add 新人")
        #expect(lines.last == "note: 新人's pay cannot be computed yet: 新人 has no hire date (set it with: agent set 新人 hired=2025-06-01)")
        run(s, "agent set 新人 hired=2026-05-01")
        #expect(query(s, "新人.pay[2026-05]") == "1,800.00") // probation, no sales: 3000 − 40%
    }

    @Test func shippedScenarioSavesBackByteForByte() throws {
        let s = try Session(path: electronics)
        let path = NSTemporaryDirectory() + "payplan-resave-\(UUID().uuidString).json"
        run(s, "save \(path)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: electronics)))
    }

    @Test func jsonSyntaxErrorsSayWhere() {
        #expect(ScenarioFileProbe.error("{\n  \"a\": 1,\n  \"b\" 2\n}") == "not valid JSON: line 3, column 7: expected ':' after a key")
        #expect(ScenarioFileProbe.error("{\"a\": [1, 2}") == "not valid JSON: line 1, column 12: expected ',' or ']'")
        #expect(ScenarioFileProbe.error("{\"名\": \"x\",\n \"v\": tru}") == "not valid JSON: line 2, column 7: expected a value")
        #expect(ScenarioFileProbe.error("") == "not valid JSON: line 1, column 1: the text ends where a value is expected")
    }

    @Test func savingWritesThroughLinksKeepsModesAndRefusesDevices() throws {
        let dir = NSTemporaryDirectory() + "payplan-save-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let s = try Session(path: electronics)
        // A link: the target is replaced, the link stays a link.
        try "old".write(toFile: dir + "/target.json", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: dir + "/target.json")
        run(s, "save! \(dir)/link.json")  // another existing file than the workspace's: save! replaces it
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == dir + "/target.json")
        #expect(try String(contentsOfFile: dir + "/target.json", encoding: .utf8).hasPrefix("{"))
        // An existing file keeps its permissions.
        chmod(dir + "/target.json", 0o640)
        run(s, "save \(dir)/target.json")
        var info = stat()
        stat(dir + "/target.json", &info)
        #expect(info.st_mode & 0o777 == 0o640)
        // A FIFO (like a device) is not replaced.
        mkfifo(dir + "/fifo", 0o644)
        let out = s.execute("save \(dir)/fifo")
        #expect(out.errors.first?.message.contains("it is not a regular file") == true)
        lstat(dir + "/fifo", &info)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
    }
}

/// Reaches the scenario decoder's first error message.
enum ScenarioFileProbe {
    static func error(_ text: String) -> String? {
        do { _ = try ScenarioFile.decode(Data(text.utf8)); return nil } catch { return "\(error)" }
    }
}
