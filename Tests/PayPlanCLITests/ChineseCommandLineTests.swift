import Foundation
import Testing
import TestSupport

/// payplan's own command line refused under Chinese is said in Chinese (fresh-user finding M-A:
/// `payplan --lang zh --htlm x.json` printed ArgumentParser's "Error: Unknown option '--htlm'"), both by
/// `--lang zh` and by a zh locale; English keeps ArgumentParser's text; the exit status stays 64 (usage).
@Suite struct ChineseCommandLineTests {
    /// Runs the real binary with `environment` (LANG and LC_* taken out first, then set as given).
    func payplan(_ args: [String], environment: [String: String] = [:]) throws -> (stdout: String, stderr: String, status: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: CommandLineTests.root)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LC_") && $0.key != "LANG" }
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), p.terminationStatus)
    }

    static let usage = "写法：payplan [方案.json] [-e 命令]… [-f 脚本]… [--bail] [--no-color] [--force] [--recover] [--lang zh|en]（payplan --help 列出各选项）"
    static let options = "-e、-f、--lang、--bail、--no-color、--force、--recover、--help、--version"

    @Test func anUnknownOptionIsSaidInChineseByFlagAndByLocale() throws {
        // --htlm is two letters from --help (h-t-l-m against h-e-l-p), the nearest option.
        let expected = "错误：没有选项 --htlm（可用选项：\(Self.options)；是不是想写 --help？）；\(Self.usage)\n"
        for (args, env) in [(["--lang", "zh", "--htlm", "x.json"], [:]), (["--htlm", "x.json"], ["LANG": "zh_CN.UTF-8"]),
                            (["--lang=zh", "--htlm", "x.json"], ["LANG": "C"])] {
            let r = try payplan(args, environment: env)
            #expect(r.status == 64 && r.stdout.isEmpty)
            #expect(r.stderr == expected, "\(args) \(env): \(r.stderr)")
        }
        // English (by flag, or the locale overridden by --lang en): ArgumentParser's own text, as before.
        for (args, env) in [(["--htlm", "x.json"], [String: String]()), (["--lang", "en", "--htlm", "x.json"], ["LANG": "zh_CN.UTF-8"])] {
            let r = try payplan(args, environment: env)
            #expect(r.status == 64)
            #expect(r.stderr.hasPrefix("Error: Unknown option '--htlm'\nUsage: payplan"), "\(r.stderr)")
        }
        // Beside --version too (which ArgumentParser would answer before reading the rest).
        let v = try payplan(["--lang", "zh", "--version", "--frob"])
        #expect(v.status == 64 && v.stdout.isEmpty)
        #expect(v.stderr == "错误：没有选项 --frob（可用选项：\(Self.options)）；\(Self.usage)\n")
    }

    /// A language payplan does not speak, under a zh locale: said in Chinese, exit 64 as every usage error (was 2).
    @Test func anUnknownLanguageIsAUsageErrorInChinese() throws {
        let r = try payplan(["--lang", "fr", "-e", "help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr == "错误：--lang 只能是 zh 或 en，不能是 'fr'\n")
    }

    @Test func aMissingValueAndASecondScenarioAreSaidInChinese() throws {
        let e = try payplan(["scenarios/electronics-sales.json", "--lang", "zh", "-e"])
        #expect(e.status == 64 && e.stderr == "错误：-e 后面要写值；\(Self.usage)\n")
        let two = try payplan(["--lang", "zh", "a.json", "b.json"])
        #expect(two.status == 64 && two.stderr == "错误：一次只能打开一个方案文件：给了 a.json 和 b.json 两个；\(Self.usage)\n")
        #expect(!FileManager.default.fileExists(atPath: CommandLineTests.root + "/a.json"))
        // A right command line under zh still runs, and --lang zh's own value is not taken for the scenario.
        let ok = try payplan(["--lang", "zh", "scenarios/electronics-sales.json", "-e", "李雷.pay[2026-03]"])
        #expect(ok.status == 0 && ok.stdout == "李雷.pay[2026-03] = 5,573.00\n", "\(ok.stderr)")
    }
}
