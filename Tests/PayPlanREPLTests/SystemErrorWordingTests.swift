import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The errors that reached the user as English text under zh (issue 13, points 1 and 5), each said from its
/// type: a Foundation/POSIX error from its file and error number (`SystemErrorMessage`), a cycle of rules in
/// a loaded plan (`ScenarioError.Kind.planCycle`), a bad `--map`, and `payplan --help` (`CommandLineHelp`).
@Suite struct SystemErrorWordingTests {
    /// `statement all 2026-03 --html FILE/工资条` (FILE a plain file) printed Foundation's
    /// `Error Domain=NSCocoaErrorDomain Code=512 "(null)" … "Not a directory"`. ENOTDIR is 20 on Linux and macOS:
    /// the message says the path holds a part that is no folder, in both languages, and nothing is written.
    @Test func aFolderUnderAFileIsSaidFromItsErrorNumber() throws {
        let tmp = tempDir("sys-errors")
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let file = tmp + "/plain.txt"
        try "x\n".write(toFile: file, atomically: true, encoding: .utf8)
        let s = try Session(path: electronics)
        for language in DisplayLanguage.allCases {
            s.language = language
            let out = s.execute("statement all 2026-03 --html \(file)/工资条")
            #expect(out.failed && out.errors.allSatisfy { $0.said.message != nil })
            let text = out.errors.first?.message ?? ""
            if language == .zh {
                #expect(text.hasPrefix("无法写入 \(file)/工资条") && text.contains("：路径中有一项不是文件夹；") && text.hasSuffix("没有工资条写入 \(file)/工资条"), "\(text)")
            } else {
                #expect(text.hasPrefix("cannot write \(file)/工资条") && text.contains(": Not a directory"), "\(text)")
            }
            #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("Domain="), "\(text)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x\n")
    }

    /// Every Cocoa file code payplan names maps to its error number, with the read/write side from the code's
    /// range (256–511 read, 512–767 write); a POSIX error keeps its own number; an unknown type says nothing English under zh.
    @Test func foundationErrorsMapToTheirNumbers() {
        func ns(_ code: Int, underlying: Int32? = nil) -> NSError {
            var info: [String: Any] = [NSFilePathErrorKey: "a.json"]
            if let u = underlying { info[NSUnderlyingErrorKey] = NSError(domain: NSPOSIXErrorDomain, code: Int(u)) }
            return NSError(domain: NSCocoaErrorDomain, code: code, userInfo: info)
        }
        let cases: [(NSError, SystemErrorMessage, String)] = [
            (ns(260), .file(path: "a.json", errno: ENOENT, writing: false), "无法读取 a.json：没有这个文件或文件夹"),
            (ns(257), .file(path: "a.json", errno: EACCES, writing: false), "无法读取 a.json：没有权限"),
            (ns(513), .file(path: "a.json", errno: EACCES, writing: true), "无法写入 a.json：没有权限"),
            (ns(640), .file(path: "a.json", errno: ENOSPC, writing: true), "无法写入 a.json：磁盘空间不足"),
            (ns(642), .file(path: "a.json", errno: EROFS, writing: true), "无法写入 a.json：文件系统只读"),
            (ns(4), .file(path: "a.json", errno: ENOENT, writing: nil), "a.json：没有这个文件或文件夹"),
            (ns(512, underlying: EISDIR), .file(path: "a.json", errno: EISDIR, writing: true), "无法写入 a.json：这是一个文件夹"),
            (ns(512), .code(path: "a.json", code: 512), "a.json：系统拒绝了这项操作（错误代码 512）"),
            (NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR)), .file(path: nil, errno: ENOTDIR, writing: nil), "路径中有一项不是文件夹"),
        ]
        for (error, message, zh) in cases {
            #expect(SystemErrorMessage(error).wording == message.wording, "\(error)")
            #expect(Session.said(error).text(.zh) == zh)
        }
        struct Odd: Error {}
        #expect(Session.said(Odd()).text(.zh) == "payplan 内部出错，无法说明原因")
    }

    /// A loaded plan whose rules read each other in a circle (a → b → a, and three rules round) was refused with
    /// the English `circular reference: …` under zh; now with its place and the circle in both languages.
    @Test func aCycleInALoadedPlanIsSaidInBothLanguages() throws {
        let tmp = tempDir("cycle")
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let path = tmp + "/cycle.json"
        try "{\"format\": \"payplan-scenario\", \"version\": 1, \"name\": \"x\", \"years\": \"2026\", \"plan\": [\"month a = b + 1\", \"month b = a + 1\"], \"agents\": [], \"inputs\": {}}"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let s = try Session(path: webAgency)
        let before = s.workspace
        s.language = .zh
        let zh = s.execute("load \(path)")
        #expect(zh.failed && zh.errors.allSatisfy { $0.said.message != nil })
        let text = zh.errors.first?.message ?? ""
        #expect(text.contains("循环引用：") && !text.contains("circular"), "\(text)")
        s.language = .en
        #expect(s.execute("load \(path)").errors.first?.message.contains("circular reference: ") == true)
        #expect(s.workspace == before)
        // The kind itself, as every error of a plan file says it.
        #expect(ScenarioErrorMessage(.at("cycle.json", .planCycle(["a", "b", "c", "a"]))).wording
                == Wording(en: "cycle.json: plan: circular reference: a → b → c → a", zh: "cycle.json：方案：循环引用：a → b → c → a"))
    }

    /// `orders import … --map 金额` (no `=`) and `--map =x` are said in Chinese with the pair's syntax.
    @Test func aBadMapIsSaidInChinese() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        for map in ["金额", "=x"] {
            let out = s.execute("orders import \(repositoryRoot)/scenarios/electronics-orders.csv --map \(map)")
            #expect(out.errors.first?.message == "--map \(map)：请写用逗号分隔的 列名=字段 对，例如 --map 订单编号=id,业务员=agent,签收日期=date")
            #expect(out.errors.allSatisfy { $0.said.message != nil })
        }
    }

    /// `payplan --help` under Chinese: every option `CommandLineCheck` knows is listed (and no other), each with
    /// a Chinese summary, and no English word but the options, file names and `payplan`'s own name.
    @Test func theCommandLineHelpIsChinese() {
        let zh = CommandLineHelp.text(.zh)
        for o in CommandLineCheck.valueOptions + CommandLineCheck.flags {
            #expect(zh.contains(" " + o + " ") || zh.contains(" " + o + ",") || zh.contains(o + "  "), "\(o) is not in the help")
        }
        let listed = CommandLineHelp.options.flatMap { $0.usage.zh.split(separator: ",").map { String($0.split(separator: " ")[0]).trimmingCharacters(in: .whitespaces) } }
        #expect(Set(listed) == Set(CommandLineCheck.valueOptions + CommandLineCheck.flags), "\(listed)")
        // The options, the language codes the user types (`zh`, `en`, a locale `zh_CN`) and the NO_COLOR variable are syntax.
        let found = ZhTranscriptTests.englishWords(in: zh.replacingOccurrences(of: #"(?<=[\s\[])--?[a-z-]+|NO_COLOR|zh_CN|\bzh\b|\ben\b"#, with: " ", options: .regularExpression),
                                                   plan: [], names: [])
        #expect(found.isEmpty, "\(found)")
        #expect(CommandLineHelp.asked(["--help"]) && CommandLineHelp.asked(["a.json", "-h"]) && CommandLineHelp.asked(["--lang", "zh", "--help"]))
        #expect(!CommandLineHelp.asked(["-e", "--help"]) && !CommandLineHelp.asked(["--", "--help"]) && !CommandLineHelp.asked(["a.json"]))
        #expect(CommandLineHelp.text(.en).contains("OPTIONS:"))
    }
}
