import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Control characters in the user's data are shown, not obeyed (fresh-user finding M4, 2026-12-02: an
/// order number `E<ESC>[2J1` from a CSV cleared the screen when `orders` printed it; a scenario's name
/// with ESC and a line break reached the banner and prompt raw).
@Suite struct TerminalTextTests {
    /// Every C0 control but tab and line break, DEL and every C1 control, one at a time, is shown as a
    /// visible character: the control pictures are U+2400 + the code (U+241B ␛ for ESC), ␡ for DEL, � for C1.
    @Test func everyControlCharacterIsShown() {
        for code in UInt32(0)...0x9F where code < 0x20 || code >= 0x7F {
            let text = "a" + String(Unicode.Scalar(code)!) + "b"
            let shown = TerminalText.safe(text)
            if code == 0x09 || code == 0x0A { #expect(shown == text); continue }
            let expected: Unicode.Scalar = code < 0x20 ? Unicode.Scalar(0x2400 + code)! : code == 0x7F ? "\u{2421}" : "\u{FFFD}"
            #expect(shown == "a" + String(expected) + "b", "U+\(String(code, radix: 16))")
        }
        #expect(TerminalText.safe("李雷 ¥9,420.00 é") == "李雷 ¥9,420.00 é", "text without controls is unchanged (é is U+00E9, after C1)")
    }

    @Test func anImportedOrderNumberWithAnEscapeSequenceIsShownNotObeyed() throws {
        let s = try Session(path: electronics)
        let csv = try tempFile(Data("订单编号,业务员,签收日期,付款方式,金额\nE\u{1B}[2J1,李雷,2026/5/6,cash,100\n".utf8), "esc.csv")
        run(s, "orders import \(csv) --map-name electronics")
        #expect(s.workspace.order("E\u{1B}[2J1") != nil, "the data is kept as it is")
        for language in [DisplayLanguage.en, .zh] {
            s.language = language
            let out = s.execute("orders 李雷 2026-05")
            #expect(!out.text.unicodeScalars.contains("\u{1B}"), "\(out.text)")
            #expect(out.text.contains("E\u{241B}[2J1"))
            // An error naming it is shown the same way.
            let refused = s.execute("order set E\u{1B}[2J1 amount=abc")
            #expect(refused.failed && !refused.text.unicodeScalars.contains("\u{1B}"), "\(refused.text)")
        }
    }

    @Test func aScenarioNameIsShownNotObeyedInTheBannerAndPrompt() {
        let name = "evil\u{1B}[2J"
        #expect(Prompt.main(name: name, isDirty: false) == "evil\u{241B}[2J> ")
        for language in [DisplayLanguage.en, .zh] {
            let banner = ShellMessage.banner(name: name, agents: 4, years: "2026").text(language)
            #expect(!banner.unicodeScalars.contains("\u{1B}") && banner.hasPrefix("evil\u{241B}[2J"), "\(banner)")
        }
    }
}
