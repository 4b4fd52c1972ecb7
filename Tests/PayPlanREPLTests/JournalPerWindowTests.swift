import Foundation
import Testing
import TestSupport
@testable import PayPlanREPL

/// Issue 11 (trust, left from the fresh-user test): each payplan window has its own crash-recovery
/// journal, so a save in one never drops the other's edits; a live window's journal is never
/// offered; and a journalled import or `source` is never replayed against a file that changed.
@Suite struct JournalPerWindowTests {
    /// A private copy of electronics-sales.json and a journal directory.
    func scratch() throws -> (dir: String, scenario: String) {
        let dir = tempDir("journal-windows")
        let scenario = dir + "/e.json"
        try FileManager.default.copyItem(atPath: electronics, toPath: scenario)
        return (dir, scenario)
    }

    /// Two windows (processes 1001 and 1002) on one scenario: each journals its own edits; a save
    /// in one (its journal emptied) leaves the other's; each sees the other as live, by pid, and
    /// never as something to recover; once one is gone (its lock released, as the kernel does at a
    /// kill -9), the other sees its journal as an orphan holding exactly its edits.
    @Test func twoWindowsKeepTheirEditsApart() throws {
        let (dir, scenario) = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = EditJournal(scenario: scenario, directory: dir + "/j", pid: 1001)
        var b: EditJournal? = EditJournal(scenario: scenario, directory: dir + "/j", pid: 1002)
        #expect(a.file != b!.file)
        #expect(a.claim() && b!.claim())
        #expect(a.others() == [EditJournal.Other(journal: b!.file, pid: 1002, live: true, pending: nil)])
        #expect(b!.liveOthers() == [1001])

        a.append("李雷.sales[2026-03] = 15万")
        b!.append("王芳.expenses[2026-04] = 650")
        a.clear()  // window a saved
        #expect(a.pending() == nil)
        #expect(b!.pending()?.commands == ["王芳.expenses[2026-04] = 650"], "a's save kept b's edits")
        #expect(a.others().allSatisfy { $0.live && $0.pending == nil }, "a live window's edits are never offered")

        let bFile = b!.file
        b = nil  // b's process is gone: its lock goes with it
        let orphans = a.others()
        #expect(orphans.count == 1)
        #expect(orphans.first?.live == false && orphans.first?.pid == 1002 && orphans.first?.journal == bFile)
        #expect(orphans.first?.pending?.commands == ["王芳.expenses[2026-04] = 650"])
        #expect(a.liveOthers().isEmpty)

        // An orphan with no edit (a window killed before any edit) is removed, not offered.
        let c = EditJournal(scenario: scenario, directory: dir + "/j", pid: 1003)
        #expect(c.claim())
        c.remove()
        let empty = dir + "/j/" + (c.file as NSString).lastPathComponent
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(a.others().map(\.pid) == [1002])
        #expect(!FileManager.default.fileExists(atPath: empty))

        // A version 1 journal (one per scenario, no pid) is still read, as an orphan.
        EditJournal.discard(try #require(orphans.first?.pending))
        let v1 = dir + "/j/e-" + EditJournal.key(URL(fileURLWithPath: scenario).standardizedFileURL.path) + ".journal"
        let stamp = a.stamp()
        try Data(("{\"journal\":1,\"mtime\":\"\(stamp.mtime)\",\"scenario\":\"\(a.scenario)\",\"size\":\(stamp.size)}\n"
                  + "{\"at\":1780000000,\"command\":\"李雷.sales[2026-03] = 1\"}\n").utf8).write(to: URL(fileURLWithPath: v1))
        let old = a.others()
        #expect(old.count == 1 && old[0].pid == nil && !old[0].live && old[0].pending?.fileUnchanged == true)
        #expect(old[0].pending?.commands == ["李雷.sales[2026-03] = 1"])
    }

    /// The second window's note, in both languages, names the pid.
    @Test func openElsewhereNamesThePid() {
        let m = JournalMessage.openElsewhere(file: "e.json", pids: [4242])
        #expect(m.text(.en) == "note: e.json is also open in another payplan window (pid 4242): a save in one window replaces what the other saved; each window's unsaved edits are kept apart for recovery")
        #expect(m.text(.zh) == "注意：e.json 也在另一个 payplan 窗口中打开（进程号 4242）：一个窗口保存会覆盖另一个窗口保存的内容；各窗口未保存的修改分开记着，可分别恢复")
    }

    /// Orders for 李雷 (S01) in March with the ids given, `amount` each (the electronics mapping's columns).
    static func ordersCSV(_ ids: [Int], amount: String) -> String {
        "\u{FEFF}订单编号,业务员,签收日期,付款方式,金额,利润,业务及运输费用,回款日期,低毛利审批,核销日期,抵债货物价值,备注\n"
            + ids.map { "\($0),S01,2026/3/5,cash,\(amount),200.00,10.00,2026/3/5,,,,\n" }.joined()
    }

    /// Imports `file` in a session that fingerprints what it reads, as the shell does, and journals it.
    func importAndJournal(_ command: String, scenario: String, journal: EditJournal) throws {
        let session = try Session(path: scenario)
        session.fingerprintsReads = true
        let out = session.execute(command)
        #expect(!out.failed, "\(out.errors.map(\.message))")
        #expect(!session.filesRead.isEmpty)
        journal.append(command, files: session.filesRead, cwd: (scenario as NSString).deletingLastPathComponent)
    }

    /// Every way the imported file can differ — other bytes of the same size, more rows, gone —
    /// refuses that command's replay with the file and what changed, and imports nothing; the edits
    /// around it are replayed. The file as it was (only touched) is replayed.
    @Test func changedImportFileIsNeverReplayed() throws {
        let (dir, scenario) = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = dir + "/o.csv"
        let original = Self.ordersCSV([9_100_001, 9_100_002], amount: "1000.00")
        try original.write(toFile: csv, atomically: true, encoding: .utf8)
        let before = try Session(path: scenario).workspace.orders.count
        // The command names the file relatively: the replay runs it in the directory it ran in.
        let command = "orders import o.csv --map-name electronics"

        func replayed(after change: () throws -> Void) throws -> (session: Session, failures: [String]) {
            let journal = EditJournal(scenario: scenario, directory: dir + "/j-\(UUID().uuidString)")
            try original.write(toFile: csv, atomically: true, encoding: .utf8)
            journal.append("李雷.sales[2026-03] = 15万")
            try importAndJournal(command, scenario: scenario, journal: journal)
            journal.append("王芳.expenses[2026-04] = 650")
            try change()
            let session = try Session(path: scenario)
            let r = EditJournal.replay(try #require(journal.pending()), on: session)
            // The edits around the import are replayed either way.
            #expect(session.execute("李雷.sales[2026-03]").text == "李雷.sales[2026-03] = 150,000.00")
            #expect(session.execute("王芳.expenses[2026-04]").text == "王芳.expenses[2026-04] = 650.00")
            return (session, r.failures)
        }

        // Untouched, and touched only (same bytes, new time): the two orders come back.
        for change: () throws -> Void in [{}, { try original.write(toFile: csv, atomically: true, encoding: .utf8) }] {
            let (session, failures) = try replayed(after: change)
            #expect(failures.isEmpty)
            #expect(session.workspace.orders.count == before + 2)
        }

        let path = URL(fileURLWithPath: csv).standardizedFileURL.path
        let size = original.utf8.count
        // Same size, other amounts (1000.00 → 9000.00): the hash tells.
        var (session, failures) = try replayed { try Self.ordersCSV([9_100_001, 9_100_002], amount: "9000.00").write(toFile: csv, atomically: true, encoding: .utf8) }
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("could not be replayed: \(command): \(path) changed since it was read (the same size, \(size) bytes; modified ") == true)
        #expect(failures.first?.hasSuffix("), so it was not read again: that would bring in other data") == true)
        #expect(session.workspace.orders.count == before, "nothing of the changed file was imported")

        // A row more: the sizes before and after.
        let longer = Self.ordersCSV([9_100_001, 9_100_002, 9_100_003], amount: "1000.00")
        (session, failures) = try replayed { try longer.write(toFile: csv, atomically: true, encoding: .utf8) }
        #expect(failures.first?.contains("\(path) changed since it was read (size \(size) → \(longer.utf8.count) bytes; modified ") == true)
        #expect(session.workspace.orders.count == before)

        // Gone.
        (session, failures) = try replayed { try FileManager.default.removeItem(atPath: csv) }
        #expect(failures == ["could not be replayed: \(command): \(path) can no longer be read (moved or removed since it was read), so it was not read again"])
        #expect(session.workspace.orders.count == before)

        // In Chinese.
        let zh = JournalMessage.readFileChanged(file: "o.csv", sizeBefore: 10, sizeNow: 12, modifiedBefore: "17:02", modifiedNow: "17:20").text(.zh)
        #expect(zh == "o.csv 在读入之后被改动过（大小 10 → 12 字节；修改时间 17:02 → 17:20），所以没有重读：重读会读入别的数据")
    }

    /// `performance import` and `source` are fingerprinted the same way (the kind: every command that reads a file).
    @Test func performanceImportAndSourceAreFingerprinted() throws {
        let dir = tempDir("journal-reads")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let shop = dir + "/shop.json"
        try FileManager.default.copyItem(atPath: onlineShop, toPath: shop)
        let performance = repositoryRoot + "/Tests/PayPlanImportTests/Fixtures/chitu-performance.csv"
        let session = try Session(path: shop)
        session.fingerprintsReads = true
        #expect(!session.execute("performance import \(performance)").failed)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: performance))
        #expect(session.filesRead == [FileFingerprint(path: performance, data: bytes)])
        #expect(session.filesRead.first?.size == Int64(bytes.count))

        // source reads its script, and the script's import reads its file: both are recorded.
        let csv = dir + "/o.csv", script = dir + "/s.txt"
        try FileManager.default.copyItem(atPath: electronics, toPath: dir + "/e.json")
        try Self.ordersCSV([9_100_001], amount: "1000.00").write(toFile: csv, atomically: true, encoding: .utf8)
        try "orders import \(csv) --map-name electronics\n".write(toFile: script, atomically: true, encoding: .utf8)
        let e = try Session(path: dir + "/e.json")
        e.fingerprintsReads = true
        #expect(!e.execute("source \(script)").failed)
        #expect(e.filesRead.map(\.path) == [script, csv])
        // The next command starts a new list; off, nothing is recorded.
        _ = e.execute("agents")
        #expect(e.filesRead.isEmpty)
        let off = try Session(path: dir + "/e.json")
        _ = off.execute("source \(script)")
        #expect(off.filesRead.isEmpty)
    }
}
