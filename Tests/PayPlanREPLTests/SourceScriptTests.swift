import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `source FILE` runs each line of a script as its own command and its own undo step, as a pipe and
/// `payplan -f` do (issue 11; `Output`'s doc): a failing line changes nothing itself, the lines that
/// worked stay, and the output says how many took effect (`Output.tookEffect`). A script whose
/// failing lines are all it changed says nothing of the kind and leaves the workspace as it was.
@Suite struct SourceScriptTests {
    static func script(_ text: String) throws -> (folder: String, file: String) {
        let folder = tempDir("source")
        let file = folder + "/edits.txt"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    /// Plan C as shipped: 李雷's sales of March are 120,000 and 韩梅梅's of April what the file says.
    @Test func theLinesThatWorkedStayAndTheOutputSaysSo() throws {
        let (folder, file) = try Self.script("李雷.sales[2026-03] = 9万\n李雷.sales[2026-03] = abc\n李雷.expenses[2026-03] = 1,200\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let s = try Session(path: electronics)
        let undo = s.undoStack.count
        let out = s.execute("source \(file)")
        #expect(out.failed && out.tookEffect)
        #expect(out.errors.count == 1)
        #expect(out.errors.first?.message.hasPrefix("\(file) line 2: an input must be an amount") == true, "\(out.text)")
        #expect(out.lines.last == "\(file): 1 command failed; the 2 that changed the workspace took effect, each its own undo step")
        // Lines 1 and 3 took effect (90,000 and 1,200 as written), each its own undo step.
        #expect(query(s, "李雷.sales[2026-03]") == "90,000.00")
        #expect(query(s, "李雷.expenses[2026-03]") == "1,200.00")
        #expect(s.undoStack.count == undo + 2 && s.isDirty)
        run(s, "undo")
        #expect(query(s, "李雷.sales[2026-03]") == "90,000.00")
        #expect(query(s, "李雷.expenses[2026-03]") != "1,200.00")
        run(s, "undo")
        #expect(query(s, "李雷.sales[2026-03]") == "120,000.00")
        #expect(!s.isDirty)
        // In Chinese too.
        run(s, "set lang zh")
        let zh = s.execute("source \(file)")
        #expect(zh.lines.last == "\(file)：1 条命令失败；更改了工作区的 2 条已生效，每条可单独撤销")
    }

    /// --bail stops at line 2: line 1 stays, line 3 never runs.
    @Test func bailKeepsWhatRanBeforeTheStop() throws {
        let (folder, file) = try Self.script("李雷.sales[2026-03] = 9万\n李雷.sales[2026-03] = abc\n李雷.expenses[2026-03] = 1,200\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let s = try Session(path: electronics)
        let expensesBefore = query(s, "李雷.expenses[2026-03]")
        let out = s.execute("source \(file) --bail")
        #expect(out.failed && out.tookEffect)
        #expect(out.lines.suffix(2) == ["stopped at \(file) line 2 (--bail): the commands after it were not run",
                                       "\(file): 1 command failed; the 1 that changed the workspace took effect, each its own undo step"])
        #expect(query(s, "李雷.sales[2026-03]") == "90,000.00")
        #expect(query(s, "李雷.expenses[2026-03]") == expensesBefore)
    }

    /// Only failing lines and queries: the error is an error like any other, and nothing changed.
    @Test func aScriptThatChangedNothingSaysNothingTookEffect() throws {
        let (folder, file) = try Self.script("李雷.sales[2026-03] = abc\n李雷.sales[2026-03]\nmonth y = (sales + 1\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let s = try Session(path: electronics)
        let before = s.workspace, undo = s.undoStack.count
        let out = s.execute("source \(file)")
        #expect(out.failed && !out.tookEffect)
        #expect(out.errors.count == 2)
        #expect(!out.lines.contains { $0.contains("took effect") })
        #expect(out.lines == ["李雷.sales[2026-03] = 120,000.00"])
        #expect(s.workspace == before && s.undoStack.count == undo && !s.isDirty)
    }

    /// Every other command's refusal changes nothing, so none sets `tookEffect` (the fuzzer checks it for all).
    @Test func onlySourceSetsTookEffect() throws {
        let s = try Session(path: electronics)
        for line in ["李雷.sales[2026-03] = abc", "years 1800", "load! /nonexistent.json", "agent rm nobody", "month y = (sales"] {
            let out = s.execute(line)
            #expect(out.failed && !out.tookEffect, "\(line)")
        }
    }
}
