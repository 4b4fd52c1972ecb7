import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// Plan A rule A2: crediting an order by the employee ID or name in its seller note.
@Suite struct AttributionTests {
    let team: [Attribution.Person] = [
        .init(name: "小美", id: "CS01", isSales: true),
        .init(name: "阿杰", id: "CS02", isSales: true),
        .init(name: "小雨", id: "CS03", isSales: true),
        .init(name: "大伟", id: "CS04", isSales: true),
        .init(name: "老周", id: "AS01", isSales: false),
    ]
    func credit(_ note: String, _ match: Attribution.Match = .id, _ mode: Attribution.Mode = .first) -> Attribution.Result {
        Attribution.attribute(note: note, agents: team, match: match, mode: mode)
    }

    @Test func oneIDCredits() {
        let r = credit("CS01")
        #expect(r.credited == ["小美"])
        #expect(r.findings.isEmpty)
        #expect(credit("已核对地址 cs03 3/2").credited == ["小雨"])
    }

    @Test func appendedNotesFirstLastSplit() {
        // The issue's example: an after-sales change by CS02, then CS01 closed it.
        let note = "改地址—CS02—3/5 14:20;CS01 成交"
        let first = credit(note)
        #expect(first.credited == ["阿杰"])
        #expect(first.findings == [.conflict(["阿杰", "小美"])])
        #expect(credit(note, .id, .last).credited == ["小美"])
        let split = credit(note, .id, .split)
        #expect(split.credited == ["阿杰", "小美"])
        #expect(split.findings.isEmpty)
        // Leftover fen go to the agent listed first (by ID): CS01 before CS02.
        let shares = split.shares(of: Fixed(decimalText: "100.01")!, agents: team)
        #expect(shares.map(\.agent) == ["小美", "阿杰"])
        #expect(shares.map(\.amount) == [Fixed(decimalText: "50.01")!, Fixed(decimalText: "50.00")!])
    }

    @Test func duplicateIDCreditsOnce() {
        let r = credit("CS01;CS01")
        #expect(r.credited == ["小美"])
        #expect(r.findings == [.duplicate("小美")])
        #expect(credit("CS01;CS01", .id, .split).credited == ["小美"])
    }

    @Test func unknownIDIsReportedAndNotCredited() {
        let r = credit("CS07 成交")
        #expect(r.credited.isEmpty)
        #expect(r.findings == [.silent, .unknownID("CS07")])
        // A known ID inside a longer one is not that ID: CS010 is unknown, not CS01.
        let r2 = credit("CS010—3/5")
        #expect(r2.credited.isEmpty)
        #expect(r2.findings == [.silent, .unknownID("CS010")])
        // Beside an unknown ID a known one still credits.
        let r3 = credit("CS09 改价;CS03 成交")
        #expect(r3.credited == ["小雨"])
        #expect(r3.findings == [.unknownID("CS09")])
    }

    @Test func afterSalesAgentsTakeNoCredit() {
        let r = credit("换货—AS01—3/8;CS04")
        #expect(r.credited == ["大伟"])
        #expect(r.findings == [.afterSales("老周")])
        let only = credit("退差价—AS01—3/8")
        #expect(only.credited.isEmpty)
        #expect(only.findings == [.silent, .afterSales("老周")])
    }

    @Test func silentOrders() {
        #expect(credit("").findings == [.silent])
        #expect(credit("送赠品 红旗").credited.isEmpty)
        #expect(credit("").isSilent)
    }

    @Test func namesAsWholeTokens() {
        #expect(credit("小美 3.5 已核对地址", .name).credited == ["小美"])
        #expect(credit("小美3.5", .name).credited == ["小美"])
        // Inside a longer run of Chinese it is not the name.
        #expect(credit("小美丽的地址", .name).credited.isEmpty)
        // IDs are not read when matching names, and names not when matching IDs.
        #expect(credit("CS01", .name).credited.isEmpty)
        #expect(credit("小美", .id).credited.isEmpty)
        let both = credit("小雨 改地址;CS01", .idOrName)
        #expect(both.credited == ["小雨"])
        #expect(both.findings == [.conflict(["小雨", "小美"])])
    }

    @Test func patternMatching() {
        let p = Attribution.Match(setting: "pattern", pattern: "CS[0-9]{2}")!
        #expect(credit("成交CS02", p).credited == ["阿杰"])
        let r = credit("CS08;CS02", p)
        #expect(r.credited == ["阿杰"])
        #expect(r.findings == [.unknownID("CS08")])
        // Whole tokens only.
        #expect(credit("CS021", p).credited.isEmpty)
        #expect(Attribution.Match(setting: "pattern", pattern: "(") == nil)
        #expect(Attribution.Match(setting: "id") == .id)
        #expect(Attribution.Match(setting: "both") == .idOrName)
        #expect(Attribution.Match(setting: "nonsense") == nil)
    }

    @Test func splitAmongThreeAddsUpExactly() {
        let r = credit("CS03 CS02 CS01", .id, .split)
        let shares = r.shares(of: Fixed(decimalText: "100")!, agents: team)
        #expect(shares.map(\.agent) == ["小美", "阿杰", "小雨"])
        #expect(shares.map { $0.amount.moneyText } == ["33.34", "33.33", "33.33"])
    }

    // MARK: Notes read from their bytes (issue 10)

    /// The byte reading of IDs (`idMentionsFromBytes`) finds what the character reading finds, in the same order,
    /// on generated notes with every neighbour an ID can have: CJK, full-width and general punctuation, combining
    /// marks, joiners, prepended marks, emoji, line breaks; where it cannot be sure it declines (nil).
    @Test func byteReadingOfIDsAgreesWithCharacters() {
        let a = Attribution.Attributor(agents: team, match: .id, mode: .first)
        let pieces = ["CS01", "cs02", "CS03", "AS01", "CS1", "CS010", "CS", "X9", "1", " ", "成交", "—", "；", "、", "：", "。", "３",
                      "\u{0301}", "\u{200D}", "\u{FE0F}", "\u{0600}", "\u{302A}", "\u{FF9E}", "é", "😀", "\r\n", "\n", "/", "#", "Ａ"]
        var rng = SplitMix64(seed: 42)
        var fast = 0
        for _ in 0..<5000 {
            var note = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { note += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let byChars = a.idMentions(Array(note)).map { "\($0.person.map(String.init) ?? "?") \($0.text)" }
            guard let byBytes = a.idMentionsFromBytes(note) else { continue }
            fast += 1
            #expect(byBytes.map { "\($0.person.map(String.init) ?? "?") \($0.text)" } == byChars, "\(note.unicodeScalars.map(\.value))")
        }
        #expect(fast > 1000) // most notes are read from their bytes
        // By hand: the usual notes are read from bytes, with the right agent.
        #expect(a.idMentionsFromBytes("改地址—CS02—3/5 14:20;CS01 成交")?.map(\.text) == ["CS02", "CS01"])
        #expect(a.idMentionsFromBytes("中CS03文")?.map(\.person) == [2])
        // A combining acute on the 1 makes "1́" one character that is not ASCII: the token is CS0 (an unknown ID
        // shaped like one), and only the character reading says so.
        #expect(a.idMentionsFromBytes("CS01\u{0301} 成交") == nil)
        #expect(credit("CS01\u{0301} 成交").credited == [])
        #expect(credit("CS01\u{0301} 成交").findings.contains(.unknownID("CS0")))
        #expect(credit("已核对地址—cs03—3/2").credited == ["小雨"])
    }
}
