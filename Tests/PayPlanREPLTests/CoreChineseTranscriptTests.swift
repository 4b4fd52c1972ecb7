import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Issue 13, point 1: under `set lang zh` the core commands — edits, undo/redo, agents, orders,
/// calendar, as of, years, check, show/drop, files, source, statement's refusals, unknown names —
/// answer with no English words but names, IDs, files and REPL syntax. The words a name may be
/// are the plan's own (its definitions, fields) and the scenario's agents and orders.
@Suite struct CoreChineseTranscriptTests {
    static let commands = [
        "agents", "李雷.sales[2026-03] = 20万", "李雷.sales[2026-03] = 1万", "undo", "redo", "undo", "undo",
        "month x2 = sales", "show x2", "undo", "drop nothing_here", "show nothing_here",
        "agent add 王五 base=3000 hired=2026-01-01", "agent set 王五 base=3500", "agent add 王五", "agent add 1abc", "agent add month",
        "agent add 王.五", "agent set 赵六 base=1", "agent set 王五", "agent set 王五 left=2025-01-01", "agent set 王五 base", "agent rm 赵六",
        "agent rm 王五", "agent frob x", "agent", "agents x",
        "order add T9 agent=李雷 date=2026-03-05 amount=1000", "order set T9 amount=2000", "orders 李雷 2026-03", "order rm T9", "order rm T9",
        // Not here yet: `order add T9 agent=李雷`, `order frob T9` and `order` alone are read as a definition, and the
        // parser's messages (SourceError in PayPlan) are still English.
        "order add T9 date=2031-01-01", "order add T9 date=soon",
        "calendar", "calendar holiday 2026-10-01..2026-10-07", "calendar holiday 2026-10-07..2026-10-01", "calendar frob 2026-10-01", "calendar holiday",
        "as of", "as of 2026-06-30", "as of tomorrow", "years 2026", "years abc", "check", "check x",
        "nonsense", "pya", "李雷.pya[2026-03]", "李雷.pay", "李雷.pay[2026-13]", "李雷.pay[2030-03]", "pay[2026-03]", "李雷.pay[2026-03]",
        "李雷.pay[2026-03] = 5", "李雷.sales[2026-Q1] = 5",
        "explain", "explain 李雷.pya[2026-03]", "explain 李雷.pay[3月]", "explain 李雷.pay[2026-03] --depth x",
        "report", "report 2026-13", "report 2026 2027", "report 2030",
        "load", "load nofile.json", "source nofile.txt", "source", "statement", "statement 李雷 2026-13", "statement 王五 2026-03",
        "statement 李雷 2026-03 --format pdf", "help nosuch", "set lang fr", "quit x", "redo", "redo", "redo", "save",
    ]

    @Test func coreCommandsSpeakChineseOnly() throws {
        let dir = NSTemporaryDirectory() + "payplan-zh-core-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/shop.json"
        try FileManager.default.copyItem(atPath: electronics, toPath: file)
        let s = try Session(path: file)
        #expect(s.execute("set lang zh").lines == ["已切换为中文"])
        var names = Set(s.workspace.plan.definitions.map(\.name))
        names.formUnion(s.workspace.orders.flatMap { $0.fields.keys })
        names.formUnion(s.workspace.agents.flatMap { $0.extra.keys })
        names.formUnion(["x2", "nothing_here", "abc", "pya", "frob", "nonsense", "nofile", "nosuch", "soon", "tomorrow", "fr", "pdf", "x", "shop"])
        var transcript: [String] = []
        for c in Self.commands {
            let out = s.execute(c)
            transcript.append("> " + c)
            transcript += out.lines + out.errors.map(\.message)
        }
        let english = transcript.filter { !$0.hasPrefix("> ") }.flatMap { line in
            MessageCatalogueTests.englishWords(line).filter { !names.contains($0) }.map { "\($0) in: \(line)" }
        }
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
        // A few lines worked out by hand: the texts the messages give.
        #expect(transcript.contains("已添加 王五"))
        #expect(transcript.contains("没有可撤销的操作") || transcript.contains("没有可重做的操作"))
        #expect(transcript.contains("没有名为 '赵六' 的员工（员工：\(s.workspace.agents.map(\.name).prefix(12).joined(separator: "、"))）")
                || transcript.contains { $0.hasPrefix("没有名为 '赵六' 的员工") })
        #expect(transcript.contains("已保存 \(file)"))
    }
}
