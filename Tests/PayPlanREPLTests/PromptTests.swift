import Testing
import TestSupport
@testable import PayPlanREPL

@Suite struct PromptTests {
    @Test func prompts() {
        #expect(Prompt.main(name: "electronics-sales", isDirty: false) == "electronics-sales> ")
        #expect(Prompt.main(name: "electronics-sales", isDirty: true) == "electronics-sales*> ")
        #expect(Prompt.continuation(.en) == "...(unfinished)> ")
        #expect(Prompt.continuation(.zh) == "……（未写完）> ")
    }

    @Test func historyFileLocation() {
        #expect(History.filePath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/payplan/history")
        #expect(History.filePath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/payplan/history")
        #expect(History.filePath(environment: ["HOME": "/h"]) == "/h/.local/state/payplan/history")
        #expect(History.filePath(environment: [:]) == nil)
    }

    @Test func historyEntryJoinsContinuedLines() {
        #expect(History.entry("李雷.sales[2026-03] = 15万") == "李雷.sales[2026-03] = 15万")
        #expect(History.entry("month x = 1 +\n    2") == "month x = 1 + 2")
        #expect(History.entry("month x = 1 \\\n  + 2") == "month x = 1 + 2")
    }
}

/// The unsaved-changes question on leaving, answer by answer.
@Suite struct LeaveDialogTests {
    let file = LeaveDialog.Question.saveChanges(file: "plan.json")

    @Test func cleanWorkspaceLeavesAtOnce() {
        #expect(LeaveDialog.start(isDirty: false, file: "plan.json") == .leave)
        #expect(LeaveDialog.start(isDirty: true, file: "plan.json") == .ask(file, message: nil))
        #expect(file.prompt == "save changes to plan.json? [y/n/c] ")
    }

    @Test func answers() {
        #expect(LeaveDialog.next(after: file, answer: "y") == .save(file: "plan.json"))
        #expect(LeaveDialog.next(after: file, answer: " YES ") == .save(file: "plan.json"))
        #expect(LeaveDialog.next(after: file, answer: "n") == .leave)
        guard case .stay = LeaveDialog.next(after: file, answer: "c") else { Issue.record("c should stay"); return }
        guard case .ask(file, message: _?) = LeaveDialog.next(after: file, answer: "maybe") else {
            Issue.record("an unclear answer should ask again"); return
        }
    }

    @Test func ctrlCOrCtrlDAtTheQuestionCancels() {
        guard case .stay = LeaveDialog.next(after: file, answer: nil) else { Issue.record("should stay"); return }
        guard case .stay = LeaveDialog.next(after: .fileName, answer: nil) else { Issue.record("should stay"); return }
    }

    @Test func noFileYetAsksForOne() {
        let question = LeaveDialog.Question.saveChanges(file: nil)
        #expect(LeaveDialog.start(isDirty: true, file: nil) == .ask(question, message: nil))
        #expect(LeaveDialog.next(after: question, answer: "y") == .ask(.fileName, message: nil))
        #expect(LeaveDialog.next(after: .fileName, answer: " new.json ") == .save(file: "new.json"))
        guard case .stay = LeaveDialog.next(after: .fileName, answer: "") else { Issue.record("empty name should stay"); return }
        #expect(LeaveDialog.next(after: question, answer: "n") == .leave)
    }
}

@Suite struct ColourTests {
    let on = Colour(enabled: true), off = Colour(enabled: false)

    @Test func onlyOnATerminalAndNotWhenRefused() {
        #expect(Colour.wanted(isTerminal: true, noColorFlag: false, environment: [:]))
        #expect(Colour.wanted(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": ""]))
        #expect(!Colour.wanted(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": "1"]))
        #expect(!Colour.wanted(isTerminal: true, noColorFlag: true, environment: [:]))
        #expect(!Colour.wanted(isTerminal: false, noColorFlag: false, environment: [:]))
    }

    /// Colour comes from a line's meaning (MessageCatalogueTests has the session's change lines).
    @Test func colourByTone() {
        let up = "李雷.pay[2026-03]: 5,000.00 → 5,500.00"
        #expect(on.line(up, tone: .better) == "\u{1B}[32m\(up)\u{1B}[0m")
        #expect(on.line(up, tone: .worse) == "\u{1B}[31m\(up)\u{1B}[0m")
        #expect(on.line(up, tone: .plain) == up)
        #expect(on.line("1 条警告", tone: .warning) == "\u{1B}[33m1 条警告\u{1B}[0m")
        #expect(off.line(up, tone: .better) == up)
    }

    @Test func errorsRedWithTheCaretLine() {
        let lines = Diagnostic(OutputLine(fixed: "an input must be an amount"), source: "李雷.sales[2026-03] = abc", range: 21..<24).render()
        #expect(on.error(lines) == ["\u{1B}[31m\(lines[0])\u{1B}[0m", lines[1], "\u{1B}[31m\(lines[2])\u{1B}[0m"])
        #expect(off.error(lines) == lines)
    }
}
