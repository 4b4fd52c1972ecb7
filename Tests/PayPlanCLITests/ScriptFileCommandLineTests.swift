import Foundation
import Testing

/// `payplan -f` on a script it cannot run (issue 11, fresh-user findings), as a person runs it: a GBK
/// script names its line and the iconv command; a folder is named as one; and, run as `nobody`, a
/// script only root may read says permission denied with its owner and mode. Exit status 2, nothing
/// run, the scenario file unchanged.
@Suite struct ScriptFileCommandLineTests {
    func payplan(_ arguments: [String], as nobody: Bool = false) throws -> (stderr: String, status: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: nobody ? "/usr/bin/setpriv" : CommandLineTests.binary)
        p.arguments = nobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineTests.binary] + arguments : arguments
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (message, p.terminationStatus)
    }

    func scenarioCopy() throws -> (dir: String, file: String, bytes: Data) {
        let dir = NSTemporaryDirectory() + "payplan-script-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        chmod(dir, 0o755)
        let file = dir + "/s.json"
        try FileManager.default.copyItem(atPath: CommandLineTests.root + "/scenarios/electronics-sales.json", toPath: file)
        chmod(file, 0o644)
        return (dir, file, try Data(contentsOf: URL(fileURLWithPath: file)))
    }

    @Test func aGBKScriptAndAFolder() throws {
        let (dir, file, bytes) = try scenarioCopy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/edits.txt"
        // `# edits`, then 李雷.sales[2026-04] = 15万 in GBK (李 C0 EE, 雷 C0 D7, 万 CD F2), then a save.
        try Data(Array("# edits\n".utf8) + [0xC0, 0xEE, 0xC0, 0xD7] + Array(".sales[2026-04] = 15".utf8) + [0xCD, 0xF2] + Array("\nsave\n".utf8))
            .write(to: URL(fileURLWithPath: script))
        var r = try payplan([file, "-f", script])
        #expect(r.status == 2)
        #expect(r.stderr == "error: -f: \(script) is not UTF-8 text: line 2 reads as GBK (“李雷.sales[2026-04] = 15万”), as files saved on Chinese Windows often are; convert it: iconv -f GBK -t UTF-8 \(script) > \(script).utf8.txt (or save it as UTF-8); nothing was run\n")
        r = try payplan([file, "--lang", "zh", "-f", dir])
        #expect(r.status == 2)
        #expect(r.stderr == "错误：-f：\(dir) 是文件夹，不是脚本文件：请指定其中的文件，例如 \(dir)/edits.txt；未执行任何命令\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
    }

    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to run payplan as another user"))
    func aScriptThisUserMayNotRead() throws {
        let (dir, file, bytes) = try scenarioCopy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/edits.txt"
        try "李雷.sales[2026-04] = 1\nsave\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o600)  // root's, readable only by root
        let r = try payplan([file, "-f", script], as: true)
        #expect(r.status == 2)
        #expect(r.stderr == "error: -f: cannot read \(script): permission denied (it belongs to root, mode 600, and payplan runs as nobody); make it readable (chmod u+r as its owner) or copy it; nothing was run\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
    }
    /// Fresh-user finding (session 11): every `-f` script is read before any command runs. A missing
    /// script after `-e` edits and an `-e save`, or after a good first `-f`, used to be found only after
    /// those had run — the file saved — and then said "nothing was run". Now nothing runs: no output,
    /// the scenario file byte for byte as it was, exit status 2, in English and Chinese.
    @Test func aMissingScriptRunsNothingBeforeIt() throws {
        let (dir, file, bytes) = try scenarioCopy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = dir + "/good.txt", missing = dir + "/nosuch.txt"
        try "李雷.sales[2026-04] = 15万\nsave\n".write(toFile: good, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            ([file, "-e", "李雷.sales[2026-04] = 15万", "-e", "save", "-f", missing],
             "error: -f: cannot read \(missing): no such file; nothing was run\n"),
            ([file, "-f", good, "-f", missing],
             "error: -f: cannot read \(missing): no such file; nothing was run\n"),
            ([file, "--lang", "zh", "-e", "李雷.sales[2026-04] = 15万", "-e", "save", "-f", missing],
             "错误：-f：无法读取 \(missing)：文件不存在；未执行任何命令\n"),
        ]
        for (arguments, said) in cases {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
            p.arguments = arguments
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 2, "\(arguments)")
            #expect(stdout == "", "\(arguments)")
            #expect(stderr == said, "\(arguments)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes, "\(arguments)")
        }
    }
    /// Fresh-user finding (session 11): `-e` and `-f` run in the order given, as psql runs `-c` and `-f`.
    /// `payplan c.json -f edits.txt -e save` used to save first (every -e ran before any -f) and then
    /// leave the edits unsaved. Now the edit of the script is in the saved file, and a report between
    /// two scripts sees the first script's edit and not the second's.
    @Test func commandsAndScriptsRunInTheOrderGiven() throws {
        let (dir, file, _) = try scenarioCopy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = dir + "/first.txt", second = dir + "/second.txt"
        try "李雷.sales[2026-04] = 15万\n".write(toFile: first, atomically: true, encoding: .utf8)
        try "李雷.sales[2026-04] = 16万\n".write(toFile: second, atomically: true, encoding: .utf8)
        func run(_ arguments: [String]) throws -> (stdout: String, status: Int32) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
            p.arguments = arguments
            let out = Pipe()
            p.standardOutput = out
            p.standardError = Pipe()
            try p.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (stdout, p.terminationStatus)
        }
        var r = try run([file, "-f", first, "-e", "李雷.sales[2026-04]", "-f", second, "-e", "save"])
        #expect(r.status == 0)
        // The query between the scripts reads 15万, the first script's value, not yet the second's.
        #expect(r.stdout.contains("李雷.sales[2026-04] = 150,000.00\n"))
        r = try run([file, "-e", "李雷.sales[2026-04]"])
        #expect(r.stdout == "李雷.sales[2026-04] = 160,000.00\n")
    }
}
