import Foundation
import Testing
import PayPlan
@testable import PayPlanREPL
import TestSupport

/// A mistyped command or help topic is answered with the nearest one ("did you mean"),
/// in English and Chinese, and changes nothing.
@Suite struct TypoSuggestionTests {
    /// Swapping two neighbouring letters of each of these is one or two edits from it and
    /// more from every other command word, so the hint must name exactly that word.
    @Test func mistypedCommandsGetTheNearestCommand() throws {
        let s = try Session(path: electronics)
        let cases = [("reprot 2026", "report"), ("agnets", "agents"), ("statemnet 李雷 2026-03", "statement"),
                     ("forcast main 2026", "forecast"), ("reveiw main main", "review")]
        for (typed, meant) in cases {
            let word = String(typed.prefix { $0 != " " })
            let kind = typed.contains(" ") ? "unknown command" : "unknown command or name"
            expectRefused(s, typed, "\(kind) '\(word)' (did you mean '\(meant)'?); type 'help' for the list of commands")
        }
        // Nothing near: no hint.
        expectRefused(s, "xyzzy", "unknown command or name 'xyzzy'; type 'help' for the list of commands")
    }

    @Test func mistypedHelpTopicAndChinese() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "help statment", "no help on 'statment' (did you mean 'statement'?); topics: commands")
        run(s, "set lang zh")
        let out = s.execute("reprot 2026")
        #expect(out.errors.first?.message == "未知命令 'reprot'（是否想写 'report'？）；输入 help 查看命令列表")
        let help = s.execute("help statment")
        #expect(help.errors.first?.message.hasPrefix("没有关于 'statment' 的帮助（是否想写 'statement'？）；主题：") == true)
    }
}
