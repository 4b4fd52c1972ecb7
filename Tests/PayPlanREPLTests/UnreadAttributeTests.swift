import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding H1 (issue 11): `agent set 李雷 bsae=3500` was accepted, `agents` showed a new
/// column `bsae`, and the base stayed 3,000 without a word. An attribute no rule reads that is one slip
/// (a change, an insertion, a deletion or a swap of neighbours, per three characters) from one that is
/// read is refused, in `agent add`, `agent set` and `offer`, naming the attribute it most likely meant;
/// one named like nothing is kept with a note that no pay reads it; one the agents already carry (a kept
/// key of the scenario file, such as `phone`) is taken as it is.
@Suite struct UnreadAttributeTests {
    /// `command` is refused with `en` (contained) in English and `zh` (contained, after 错误：没有任何规则读取) in
    /// Chinese; the file's bytes and the session's workspace are unchanged.
    func expectTypoRefused(_ s: Session, _ command: String, en: String, zh: String, file: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        s.language = .en
        expectRefused(s, command, en, sourceLocation: sourceLocation)
        s.language = .zh
        let before = s.workspace
        let out = s.execute(command)
        let said = out.errors.first?.render().first ?? ""
        #expect(out.failed && said.hasPrefix("错误：没有任何规则读取 '") && said.contains(zh), "\(out.text)", sourceLocation: sourceLocation)
        #expect(s.workspace == before, sourceLocation: sourceLocation)
        s.language = .en
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes, sourceLocation: sourceLocation)
    }

    func copy(_ shipped: String) throws -> (dir: String, file: String) {
        let dir = tempDir("unread-attribute")
        let file = dir + "/s.json"
        try FileManager.default.copyItem(atPath: shipped, toPath: file)
        return (dir, file)
    }

    @Test func aMisspelledStandardAttributeIsRefusedNamingTheOneMeant() throws {
        let (dir, file) = try copy(electronics)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: file)
        // C3 (rules.md), 李雷 March: R = 120,000 − 900 = 119,100; 2% × 100,000 + 3% × 19,100 = 2,573; pay 3,000 + 2,573.
        #expect(query(s, "李雷.pay[2026-03]") == "5,573.00")
        // bsae is base with two neighbours swapped: one slip in four characters.
        try expectTypoRefused(s, "agent set 李雷 bsae=3500",
                              en: "no rule reads 'bsae'; did you mean base? (write base=3500); nothing was changed",
                              zh: "没有任何规则读取 'bsae'；是不是想写 base？（请写 base=3500）；未做任何更改", file: file)
        // The other pairs of the same command are not set either (the refusal comes first).
        try expectTypoRefused(s, "agent set 李雷 id=S09 bsae=3500",
                              en: "no rule reads 'bsae'; did you mean base?", zh: "没有任何规则读取 'bsae'；是不是想写 base？", file: file)
        #expect(s.workspace.agents.first { $0.name == "李雷" }?.id == "S01")
        // A new agent: the first typo is named (bsae), then the next one (hierd: hired with e and r swapped).
        try expectTypoRefused(s, "agent add 新 bsae=3500 hierd=2026-01-01",
                              en: "no rule reads 'bsae'; did you mean base? (write base=3500)", zh: "没有任何规则读取 'bsae'；是不是想写 base？（请写 base=3500）", file: file)
        try expectTypoRefused(s, "agent add 新 base=3500 hierd=2026-01-01",
                              en: "no rule reads 'hierd'; did you mean hired? (write hired=2026-01-01); nothing was changed",
                              zh: "没有任何规则读取 'hierd'；是不是想写 hired？（请写 hired=2026-01-01）；未做任何更改", file: file)
        #expect(s.workspace.agents.map(\.name) == ["李雷", "韩梅梅", "王芳", "赵强"])
        // Other slips: a deleted letter (lft → left), an extra one (rolee → role), a changed one (bade → base).
        try expectTypoRefused(s, "agent set 李雷 lft=2026-06-30", en: "did you mean left?", zh: "是不是想写 left？", file: file)
        try expectTypoRefused(s, "agent set 李雷 rolee=sales", en: "did you mean role?", zh: "是不是想写 role？", file: file)
        try expectTypoRefused(s, "agent set 李雷 bade=3500", en: "did you mean base?", zh: "是不是想写 base？", file: file)
        // offer takes the same attributes: a typo there would quote the old base.
        try expectTypoRefused(s, "offer sales 6万 bsae=3500", en: "no rule reads 'bsae'; did you mean base?", zh: "没有任何规则读取 'bsae'；是不是想写 base？", file: file)
        #expect(!s.isDirty)
        // Written right, the base is raised: 3,500 + 2,573 = 6,073.00.
        run(s, "agent set 李雷 base=3500")
        #expect(query(s, "李雷.pay[2026-03]") == "6,073.00")
    }

    @Test func aMisspelledAttributeThePlanDeclaresIsRefused() throws {
        let (dir, file) = try copy(onlineShop)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: file)
        // Plan A declares rotation (轮值顺序) and home_account (常驻旺旺).
        try expectTypoRefused(s, "agent set 小美 rotaton=1",
                              en: "no rule reads 'rotaton'; did you mean rotation? (write rotation=1); nothing was changed",
                              zh: "没有任何规则读取 'rotaton'；是不是想写 rotation？（请写 rotation=1）；未做任何更改", file: file)
        try expectTypoRefused(s, "agent set 小美 home_acount=1", en: "did you mean home_account?", zh: "是不是想写 home_account？", file: file)
        // Declared, the attribute is taken without a note.
        let out = s.execute("agent set 小美 rotation=1")
        #expect(!out.failed && !out.text.contains("no rule reads"), "\(out.text)")
    }

    @Test func anAttributeNamedLikeNothingIsKeptWithANote() throws {
        let s = try Session(path: electronics)
        // phone is four slips from every attribute there is: kept, said in both languages, pay unchanged.
        let out = s.execute("agent set 李雷 phone=13800138000")
        #expect(!out.failed)
        #expect(out.lines == ["updated 李雷", "note: no rule reads 'phone': it is kept with the agent and saved, but no pay changes"])
        #expect(s.workspace.agents.first { $0.name == "李雷" }?.extra["phone"] == .number(Fixed(13_800_138_000)))
        #expect(query(s, "李雷.pay[2026-03]") == "5,573.00")
        // Now an agent carries it: setting it again (for anyone) says nothing more.
        #expect(s.execute("agent set 韩梅梅 phone=139").lines == ["updated 韩梅梅"])
        s.language = .zh
        let added = s.execute("agent add 新 hired=2026-01-01 wechat=xm01")
        #expect(!added.failed)
        #expect(added.lines.first == "已添加 新")
        #expect(added.lines.contains("注意：没有任何规则读取 'wechat'：它随员工保存，但不影响任何工资"), "\(added.lines)")
    }

    @Test func aKeyTheScenarioFileCarriesIsTakenAsItIs() throws {
        // 韩梅梅 carries "phone" in the file (a key payplan keeps as written, TrustFindingsTests).
        let dir = tempDir("unread-attribute")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: electronics))) as? [String: Any])
        var agents = try #require(json["agents"] as? [[String: Any]])
        agents[1]["phone"] = "13900139000"
        json["agents"] = agents
        let file = dir + "/s.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        let s = try Session(path: file)
        let out = s.execute("agent set 李雷 phone=13800138000")
        #expect(out.lines == ["updated 李雷"], "\(out.text)")
        // One slip from it is a typo of it.
        try expectTypoRefused(s, "agent set 王芳 phnoe=1",
                              en: "no rule reads 'phnoe'; did you mean phone? (write phone=1); nothing was changed",
                              zh: "没有任何规则读取 'phnoe'；是不是想写 phone？（请写 phone=1）；未做任何更改", file: file)
    }

    /// The distance counts a swap of neighbours as one slip; the bound is one slip per three characters.
    @Test func theNearNameSearchCountsASwapAsOneSlip() {
        let d = { (a: String, b: String) in Session.transpositionDistance(Array(a), Array(b)) }
        #expect(d("bsae", "base") == 1)      // swap
        #expect(d("hierd", "hired") == 1)    // swap
        #expect(d("bas", "base") == 1)       // deletion
        #expect(d("basee", "base") == 1)     // insertion
        #expect(d("phone", "base") == 4)     // they share only the last e: at least 5 − 1 = 4; phon → bas is 3 changes and a deletion
        #expect(d("", "abc") == 3)
        // 4 characters allow one slip: bsea is two from base (not suggested); 6 allow two.
        #expect(Session.nearestName(to: "bsea", among: ["base"]) == nil)
        #expect(Session.nearestName(to: "hierdd", among: ["hired", "left"]) == "hired")
    }
}
