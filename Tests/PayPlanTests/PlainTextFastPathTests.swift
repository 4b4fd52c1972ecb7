import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The plain-text fast paths of grouping plan lines (`StatementText.scan`, `trimmed`): on text whose
/// every scalar is its own character they walk scalars instead of characters, and must find what the
/// character walk and Foundation's `trimmingCharacters(in: .whitespaces)` find, on any text.
@Suite struct PlainTextFastPathTests {
    /// Pieces that matter: spaces of every kind (U+2003 and U+202F are spaces the fast path leaves to
    /// Foundation), comment marks, quotes, ASCII and fullwidth brackets, Chinese, and scalars that join
    /// the one before them into a character (a combining acute, the kana voicing mark, ZWJ, a variation
    /// selector, Hangul jamo, the halfwidth voicing mark), CR LF, an emoji and a soft hyphen.
    static let pieces = [" ", "\t", "\u{A0}", "\u{3000}", "\u{2003}", "\u{202F}", "#", "\"", "(", ")", "[", "]", "（", "）", "［", "］",
                         "a", "=", "提成", "销售额", "\u{301}", "\u{3099}", "\u{200D}", "\u{FE0F}", "👍", "\r", "\r\n", "，", "%",
                         "\u{AD}", "é", "x", "1", "万", "\u{1100}", "\u{1161}", "ｰ", "\u{FF9E}", "〰", "×"]

    @Test(arguments: [UInt64(7), 8])
    func scanAndTrimAgreeWithTheCharacterWalkAndFoundation(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var differences: [String] = []
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 15) { s += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let start = Int(rng.next() % 3)
            var d1 = start, d2 = start
            let fast = StatementText.scan(s, depth: &d1), slow = StatementText.scanCharacters(s, depth: &d2)
            if fast != slow || d1 != d2 { differences.append("scan \(s.unicodeScalars.map { String($0.value, radix: 16) })") }
            if StatementText.trimmed(s) != s.trimmingCharacters(in: .whitespaces) {
                differences.append("trim \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    /// By hand: a plan line's code without its comment and outer spaces, brackets counted outside quotes.
    @Test func aPlanLineByHand() {
        var depth = 0
        #expect(StatementText.scan("  month pay \"工资（元）\" = (base + 1 # 注释 (", depth: &depth) == "month pay \"工资（元）\" = (base + 1")
        #expect(depth == 1)   // the quoted （） and the commented ( do not count
        #expect(StatementText.trimmed("\u{3000} 提成\u{A0}\t") == "提成")
        #expect(StatementText.trimmed("\u{2003}x\u{2003}") == "x")   // U+2003 em space: Zs, trimmed through Foundation
    }
}
