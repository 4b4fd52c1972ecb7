import Foundation
import Testing
import TestSupport

/// Runs the real `payplan` binary as a script or CI would: `-e` commands and piped input.
@Suite struct CommandLineTests {
    static let root = repositoryRoot

    /// The binary built beside this test bundle.
    static var binary: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("payplan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root + "/.build/debug/payplan"
    }

    struct Result { var stdout: String; var stderr: String; var status: Int32 }

    func payplan(_ args: [String], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: CommandLineTests.root)
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), status: p.terminationStatus)
    }

    @Test func quickStartReportsTheYear() throws {
        let r = try payplan(["scenarios/electronics-sales.json", "-e", "report 2026"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("electronics-sales — 2026\n"))
        #expect(r.stdout.contains("韩梅梅"))
        #expect(r.stdout.split(separator: "\n").last!.hasPrefix("total"))
        #expect(r.stderr.isEmpty)
    }

    @Test func pipedScriptReportsChangedPayAndErrorsWithLineNumbers() throws {
        // 李雷's March: sales 12万, expenses 900 → R 119,100; commission 2,000 + 3% × 19,100 = 2,573; pay 5,573.
        // Setting sales to 15万 → R 149,100: 2,000 + 1,473 = 3,473; pay 6,473.
        let script = """
            # a comment
            李雷.pay[2026-03]
            李雷.sales[2026-03] = 15万
            month pay2 = revnue
            李雷.sales[2026-13] = 1
            table t [lo, hi):
              0 -> 1%,
              1万 -> 2%
            param demo = marginal(t, 15000)
            demo
            """
        let r = try payplan(["scenarios/electronics-sales.json"], stdin: script)
        #expect(r.status == 1)
        #expect(r.stdout.components(separatedBy: "\n") == [
            "李雷.pay[2026-03] = 5,573.00",
            "李雷.pay[2026-03]: 5,573.00 → 6,473.00",
            "defined t",
            "defined demo",
            "demo = 200.00",
            "",
        ])
        let errors = r.stderr.components(separatedBy: "\n")
        #expect(errors[0] == "error: line 4: in 'pay2': unknown name 'revnue' (did you mean 'revenue'?)")
        #expect(errors[1] == "  month pay2 = revnue")
        #expect(errors[2] == "               ^~~~~~")
        #expect(errors[3].hasPrefix("error: line 5: '2026-13' is not a period"))
        // No prompt and no colour codes on a pipe.
        #expect(!r.stdout.contains("\u{1B}["))
        #expect(!r.stdout.contains(">"))
    }

    @Test func chineseByFlag() throws {
        let r = try payplan(["scenarios/electronics-sales.json", "--lang", "zh", "-e", "李雷.sales[2026-03] = 15万", "-e", "undo", "-e", "nonsense"])
        #expect(r.stdout.components(separatedBy: "\n") == [
            "李雷.pay[2026-03]: 5,573.00 → 6,473.00",
            "已撤销：李雷.sales[2026-03] = 150,000.00",
            "李雷.pay[2026-03]: 6,473.00 → 5,573.00",
            "",
        ])
        #expect(r.stderr.hasPrefix("错误：-e 3：未知命令或名称 'nonsense'；输入 help 查看命令列表"))
        // A language payplan does not speak is a usage error, exit 64 as ArgumentParser's own (was 2), said in both languages.
        let fr = try payplan(["--lang", "fr", "-e", "help"])
        #expect(fr.status == 64 && fr.stdout.isEmpty && fr.stderr == "error: --lang takes zh or en, not 'fr'\n")
    }

    @Test func aMissingScenarioFileStartsAnEmptyOneAndSaysSo() throws {
        let dir = try temporaryFolder()
        let file = dir + "/new-plan.json"
        let r = try payplan([file, "-e", "agents", "-e", "agent add 李雷 base=3000", "-e", "save"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "\(file): a new, empty scenario (the file does not exist yet); save writes it there\n")
        #expect(r.stdout.hasSuffix("added 李雷\nsaved \(file)\n"))
        // The file written opens again, with the agent and the name taken from the file.
        let again = try payplan([file, "-e", "agents"])
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
        #expect(again.stdout.contains("李雷"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("\"name\" : \"new-plan\""))
    }

    @Test func aMissingFileThatCannotBeANewScenarioIsAClearError() throws {
        // A mistyped folder or a name without .json would only start an empty scenario by accident.
        let r = try payplan(["no-such-folder/plan.json", "-e", "report 2026"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: no-such-folder/plan.json: no such folder no-such-folder, so a new scenario could not be saved there\n")
        let t = try payplan(["scenarios/electronics-sales", "-e", "report 2026"])
        #expect(t.status == 2)
        #expect(t.stderr == "error: scenarios/electronics-sales: no such file (a new scenario needs a name ending in .json, e.g. scenarios/electronics-sales.json)\n")
        #expect(!FileManager.default.fileExists(atPath: CommandLineTests.root + "/no-such-folder"))
    }

    @Test func versionNamesTheBuildAndTheScenarioFormat() throws {
        let r = try payplan(["--version"])
        #expect(r.status == 0)
        // The scenario files this build reads and writes are format version 1 (ScenarioFile.version).
        #expect(r.stdout.hasPrefix("payplan 0."))
        #expect(r.stdout.hasSuffix(" (scenario format 1)\n"))
        // Beside other arguments the version is printed only when they are right (fresh-user finding:
        // `--version --frob` printed it and exited 0).
        let bad = try payplan(["--version", "--frob"])
        #expect(bad.status != 0)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("--frob"))
        let good = try payplan(["--version", "scenarios/electronics-sales.json"])
        #expect(good.status == 0)
        #expect(good.stdout == r.stdout)
    }

    @Test func scriptFilesRunAfterCommandsAndNameTheirLines() throws {
        let dir = try temporaryFolder()
        let script = dir + "/edits.txt"
        // 李雷's March under plan C: sales 12万 → pay 5,573.00; 15万 → 6,473.00 (README tour, rules C1–C3).
        try "李雷.sales[2026-03] = 15万\nnonsense here\n李雷.pay[2026-03]\n".write(toFile: script, atomically: true, encoding: .utf8)
        let r = try payplan(["scenarios/electronics-sales.json", "-e", "李雷.pay[2026-03]", "-f", script])
        #expect(r.status == 1)
        #expect(r.stdout == "李雷.pay[2026-03] = 5,573.00\n李雷.pay[2026-03]: 5,573.00 → 6,473.00\n李雷.pay[2026-03] = 6,473.00\n")
        #expect(r.stderr.hasPrefix("error: \(script) line 2: unknown command"))
        let missing = try payplan(["scenarios/electronics-sales.json", "-f", dir + "/none.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: -f: cannot read \(dir)/none.txt: no such file; nothing was run\n")
    }

    @Test func bailStopsBeforeTheSaveThatWouldFollowAFailure() throws {
        let dir = try temporaryFolder()
        let file = dir + "/plan.json", script = dir + "/script.txt"
        try "agent add 王芳\nagent add 王芳\nsave\n".write(toFile: script, atomically: true, encoding: .utf8)
        // From a script file.
        let r = try payplan([file, "-f", script, "--bail"])
        #expect(r.status == 1)
        #expect(r.stdout == "added 王芳\n")
        #expect(r.stderr.contains("error: \(script) line 2: there is already an agent named 王芳\n"))
        #expect(r.stderr.hasSuffix("stopped at \(script) line 2 (--bail): the commands after it were not run\n"
                                   + "note: the changes of this run were not saved (end the commands with save to keep them)\n"))
        #expect(!FileManager.default.fileExists(atPath: file))
        // From -e and from a pipe, the same.
        let e = try payplan([file, "--bail", "-e", "agent add 王芳", "-e", "agent add 王芳", "-e", "save"])
        #expect(e.status == 1 && e.stdout == "added 王芳\n")
        #expect(!FileManager.default.fileExists(atPath: file))
        let piped = try payplan([file, "--bail"], stdin: "agent add 王芳\nagent add 王芳\nsave\n")
        #expect(piped.status == 1 && piped.stdout == "added 王芳\n")
        #expect(!FileManager.default.fileExists(atPath: file))
        // Without --bail the script goes on and saves: the failure is still the exit status.
        let on = try payplan([file, "-f", script])
        #expect(on.status == 1)
        #expect(on.stdout == "added 王芳\nsaved \(file)\n")
        #expect(FileManager.default.fileExists(atPath: file))
    }

    /// Edits given by -e, -f or a pipe that no `save` wrote are not kept: the run ends with a note on
    /// standard error saying so (en and zh), and standard output stays the figures. A run that only
    /// reads, or that saves, ends without it.
    @Test func unsavedChangesAtTheEndOfARunAreNoted() throws {
        let dir = try temporaryFolder()
        let file = dir + "/plan.json"
        try FileManager.default.copyItem(atPath: "scenarios/electronics-sales.json", toPath: file)
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        let piped = try payplan([file], stdin: "李雷.sales[2026-03] = 15万\n")
        #expect(piped.status == 0)
        #expect(piped.stderr == "note: the changes of this run were not saved (end the commands with save to keep them)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == original)
        let zh = try payplan([file, "--lang", "zh", "-e", "李雷.sales[2026-03] = 15万"])
        #expect(zh.stderr == "注意：本次运行的修改没有保存（命令最后加上 save 即可保留）\n")
        let reading = try payplan([file, "-e", "李雷.pay[2026-03]"])
        #expect(reading.status == 0 && reading.stderr.isEmpty, "\(reading.stderr)")
        let saving = try payplan([file, "-e", "李雷.sales[2026-03] = 15万", "-e", "save"])
        #expect(saving.status == 0 && saving.stderr.isEmpty, "\(saving.stderr)")
        // Undone back to the saved state: nothing is lost, so nothing is said.
        let undone = try payplan([file, "-e", "李雷.sales[2026-03] = 16万", "-e", "undo"])
        #expect(undone.stderr.isEmpty, "\(undone.stderr)")
    }

    @Test func quitEndsAScript() throws {
        let r = try payplan(["scenarios/electronics-sales.json", "-e", "李雷.pay[2026-03]", "-e", "quit", "-e", "nonsense"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == "李雷.pay[2026-03] = 5,573.00\n")
    }

    /// A fresh folder under the system's temporary folder.
    func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("payplan-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Scripts that end early or continue lines: commands are never swallowed.
@Suite struct ScriptShapeTests {
    let cli = CommandLineTests()

    @Test func anIncompleteCommandDoesNotSwallowTheNext() throws {
        let r = try cli.payplan(["scenarios/electronics-sales.json"], stdin: "李雷.sales[2026-03] = 5 +\n李雷.pay[2026-03]\n")
        #expect(r.status == 1)
        #expect(r.stdout == "李雷.pay[2026-03] = 5,573.00\n")
        #expect(r.stderr.hasPrefix("error: line 1: the formula ends too early"))
    }

    @Test func inputEndingInsideADefinitionChangesNothing() throws {
        let r = try cli.payplan(["scenarios/electronics-sales.json"], stdin: "table deduction_rate [lo, hi):\n  0 -> 30%,\n  1万 -> 20%,\n")
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: line 1: the input ended in the middle of this definition; nothing was changed\n")
    }

    @Test func errorsInALongDefinitionNameTheirLine() throws {
        let r = try cli.payplan(["scenarios/electronics-sales.json"], stdin: "李雷.pay[2026-03]\nmonth extra = 1 +\n  2 +\n  revnue\n")
        #expect(r.stderr.hasPrefix("error: line 4: in 'extra': unknown name 'revnue'"))
    }

    @Test func outputAndErrorsStayInOrderOnOneStream() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        p.arguments = ["scenarios/electronics-sales.json", "-e", "李雷.pay[2026-03]", "-e", "nonsense", "-e", "李雷.pay[2026-04]"]
        p.currentDirectoryURL = URL(fileURLWithPath: CommandLineTests.root)
        let both = Pipe()
        p.standardOutput = both; p.standardError = both
        try p.run()
        let text = String(decoding: both.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "李雷.pay[2026-03] = 5,573.00")
        #expect(lines.dropFirst().first?.hasPrefix("error: -e 2: unknown command") == true)
        #expect(lines.last?.hasPrefix("李雷.pay[2026-04] = ") == true)
    }
}
