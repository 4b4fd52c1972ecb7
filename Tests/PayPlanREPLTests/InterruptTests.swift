import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Ctrl-C for the long commands (issue 11, item 6), without a terminal: `interruptCheck`
/// answers yes from its n-th poll, as if Ctrl-C were pressed at that moment. Each command
/// must stop with "… stopped (Ctrl-C): nothing was changed" and leave the workspace, its
/// forks, its file and the files it would write exactly as before, wherever it is stopped.
/// The tmux tests (LongCommandInterruptTests) press the real key.
@Suite struct InterruptTests {
    /// Makes `s` answer Ctrl-C from the `n`-th poll on; returns a counter of the polls.
    final class Polls: @unchecked Sendable { var count = 0 }
    static func stopAt(_ n: Int, _ s: Session) -> Polls {
        let polls = Polls()
        s.interruptCheck = { polls.count += 1; return polls.count >= n }
        return polls
    }

    /// How many times `command` polls Ctrl-C when it is never pressed (it must succeed then).
    static func pollsOf(_ command: String, on s: Session) -> Int {
        let polls = stopAt(Int.max, s)
        let out = s.execute(command)
        #expect(!out.failed, "\(command): \(out.text)")
        s.interruptCheck = { false }
        return polls.count
    }

    /// Stops `command` at the first poll, the last poll and one in between; each stop is refused
    /// with `message` and nothing changed (expectRefused compares workspace, forks and path).
    static func expectStoppable(_ make: () throws -> Session, _ command: String, _ message: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let total = pollsOf(command, on: try make())
        #expect(total >= 2, "\(command) polls Ctrl-C \(total) times", sourceLocation: sourceLocation)
        for n in Set([1, max(1, total / 2), total]).sorted() {
            let s = try make()
            let dirty = s.isDirty
            _ = stopAt(n, s)
            expectRefused(s, command, message, sourceLocation: sourceLocation)
            #expect(s.isDirty == dirty, "\(command) stopped at poll \(n)", sourceLocation: sourceLocation)
        }
    }

    @Test func whatIfSearchesStopWithNothingChanged() throws {
        let make = { try Session(path: electronics) }
        try Self.expectStoppable(make, "sweep sales from 0 to 200000 step 1000 show pay for 李雷 in 2026-03", "sweep stopped (Ctrl-C): nothing was changed")
        try Self.expectStoppable(make, "solve sales for pay = 9000 for 李雷 in 2026-03", "solve stopped (Ctrl-C): nothing was changed")
        try Self.expectStoppable(make, "cliffs pay over sales from 0 to 400000 for 李雷 in 2026-03", "cliffs stopped (Ctrl-C): nothing was changed")
        try Self.expectStoppable(make, "offer sales 3万 6万 10万 base=3500", "offer stopped (Ctrl-C): nothing was changed")
    }

    @Test func exportsStopWithNoFileWritten() throws {
        let dir = tempDir("interrupt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let make = { () throws -> Session in
            let s = try Session(path: electronics)
            run(s, "fork lower", "switch main")
            return s
        }
        for (command, file) in [("report 2026 --xlsx \(dir)/r.xlsx", "r.xlsx"), ("report 2026 --csv --out \(dir)/r.csv", "r.csv"),
                                ("compare main lower 2026 --xlsx \(dir)/c.xlsx", "c.xlsx"),
                                ("statement all 2026-03 --html \(dir)/st", "st")] {
            let name = command.split(separator: " ")[0] + (command.hasPrefix("statement") ? " all" : "")
            try Self.expectStoppable(make, command, "\(name) stopped (Ctrl-C): nothing was changed")
            // The run that was never stopped wrote the file; remove it, then stop one and look.
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(command)")
            try FileManager.default.removeItem(atPath: dir + "/" + file)
            let s = try make()
            _ = Self.stopAt(1, s)
            #expect(s.execute(command).failed)
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + file), "\(command): a stopped export wrote \(file)")
        }
        // A statement folder that exists keeps exactly its files when a run into it is stopped half-way.
        let s = try make()
        run(s, "statement all 2026-03 --html \(dir)/keep")
        let before = try FileManager.default.contentsOfDirectory(atPath: dir + "/keep").sorted()
        let index = try Data(contentsOf: URL(fileURLWithPath: dir + "/keep/index.html"))
        let total = Self.pollsOf("statement all 2026-04 --html \(dir)/keep", on: try make())
        try FileManager.default.removeItem(atPath: dir + "/keep")
        run(s, "statement all 2026-03 --html \(dir)/keep")
        _ = Self.stopAt(total - 1, s)
        expectRefused(s, "statement all 2026-04 --html \(dir)/keep", "statement all stopped (Ctrl-C): nothing was changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/keep").sorted() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/keep/index.html")) == index)
    }

    @Test func importsStopWithNothingImported() throws {
        // 3,000 rows: the reader polls every 1,024 rows, then the merge and the new figures are polled.
        let dir = tempDir("interrupt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "\u{FEFF}订单编号,业务员,签收日期,付款方式,金额,利润,业务及运输费用,回款日期,低毛利审批,核销日期,抵债货物价值,备注\n"
        for i in 0..<3000 { csv += "9\(100000 + i),S0\(1 + i % 4),2026/\(1 + i % 12)/\(1 + i % 28),cash,1000.00,200.00,10.00,2026/\(1 + i % 12)/\(1 + i % 28),,,,\n" }
        try csv.write(toFile: dir + "/orders.csv", atomically: true, encoding: .utf8)
        let ordersImport = "orders import \(dir)/orders.csv --map-name electronics"
        #expect(Self.pollsOf(ordersImport, on: try Session(path: electronics)) >= 4)
        try Self.expectStoppable({ try Session(path: electronics) }, ordersImport, "orders import stopped (Ctrl-C): nothing was changed")
        let performance = "performance import \(repositoryRoot)/Tests/PayPlanImportTests/Fixtures/chitu-performance.csv"
        try Self.expectStoppable({ try Session(path: onlineShop) }, performance, "performance import stopped (Ctrl-C): nothing was changed")
    }

    /// The message under zh: 已停止，未做任何更改.
    @Test func theStopIsSaidInChinese() throws {
        let s = try Session(path: electronics)
        run(s, "set lang zh")
        _ = Self.stopAt(1, s)
        expectRefused(s, "sweep sales from 0 to 200000 step 1000 show pay for 李雷 in 2026-03", "sweep 已停止（Ctrl-C）：未做任何更改")
    }
}
