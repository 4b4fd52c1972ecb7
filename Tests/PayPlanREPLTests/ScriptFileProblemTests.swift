import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// The fresh-user findings on script files (issue 11): `source DIR` said "permission denied or not a
/// file", and a GBK script only "not UTF-8 text". Now a folder is named as one, and a file that is not
/// UTF-8 names its first such line and, when it reads as GBK, that line and the iconv command that
/// converts it. Each refusal leaves the workspace as it was.
@Suite struct ScriptFileProblemTests {
    /// `# edits` then `李雷.sales[2026-04] = 15万` in GBK: 李 C0 EE, 雷 C0 D7, 万 CD F2 (GBK code table).
    static let gbk: [UInt8] = Array("# edits\n".utf8) + [0xC0, 0xEE, 0xC0, 0xD7] + Array(".sales[2026-04] = 15".utf8) + [0xCD, 0xF2, 0x0A]

    @Test func aFolderIsNamedAsOne() throws {
        let dir = tempDir("source-folder")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: electronics)
        expectRefused(s, "source \(dir)", "\(dir) is a folder, not a script file: give a file in it, e.g. \(dir)/edits.txt; nothing was run")
        s.language = .zh
        #expect(s.execute("source \(dir)").errors.map { $0.said.text(.zh) } == ["\(dir) 是文件夹，不是脚本文件：请指定其中的文件，例如 \(dir)/edits.txt；未执行任何命令"])
        #expect(!s.isDirty)
    }

    /// The GBK line is named (line 2; line 1 is ASCII, the same in both), shown as GBK reads it, and the
    /// suggested iconv command, run as written, gives a script that runs: April's sales become 150,000.
    @Test func aGBKScriptNamesItsLineAndHowToConvertIt() throws {
        let dir = tempDir("source-gbk")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/edits.txt"
        try Data(Self.gbk).write(to: URL(fileURLWithPath: file))
        let s = try Session(path: electronics)
        let message = "\(file) is not UTF-8 text: line 2 reads as GBK (“李雷.sales[2026-04] = 15万”), as files saved on Chinese Windows often are; convert it: iconv -f GBK -t UTF-8 \(file) > \(file).utf8.txt (or save it as UTF-8); nothing was run"
        expectRefused(s, "source \(file)", message)
        #expect(s.execute("source \(file)").errors.map(\.message) == [message])
        s.language = .zh
        #expect(s.execute("source \(file)").errors.map { $0.said.text(.zh) } == ["\(file) 不是 UTF-8 文本：第 2 行是 GBK 编码（“李雷.sales[2026-04] = 15万”），中文系统保存的文件常是这样；请转换：'iconv -f GBK -t UTF-8 \(file) > \(file).utf8.txt'（或另存为 UTF-8）；未执行任何命令"])
        #expect(!s.isDirty)

        // The command as suggested.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "iconv -f GBK -t UTF-8 \(file) > \(file).utf8.txt"]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        s.language = .en
        run(s, "source \(file).utf8.txt")
        #expect(s.workspace.input("sales", agent: "李雷", period: .month(Month(year: 2026, month: 4))) == Fixed(150_000))
    }

    /// Bytes that are neither UTF-8 nor GBK (0xFF leads no GBK character) on line 3.
    @Test func bytesThatAreNeitherSaySo() throws {
        let dir = tempDir("source-bytes")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/edits.txt"
        try Data(Array("# a\n# b\n".utf8) + [0xFF, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: file))
        let s = try Session(path: electronics)
        expectRefused(s, "source \(file)", "\(file) is not UTF-8 text: line 3 has bytes that are neither UTF-8 nor GBK; save the file as UTF-8 text; nothing was run")
        // A UTF-8 byte-order mark is dropped, not refused.
        try Data([0xEF, 0xBB, 0xBF] + Array("李雷.sales[2026-04] = 1".utf8)).write(to: URL(fileURLWithPath: file))
        run(s, "source \(file)")
        #expect(s.workspace.input("sales", agent: "李雷", period: .month(Month(year: 2026, month: 4))) == Fixed(1))
    }
}
