import Foundation
import Testing
import PayPlan
import TestSupport
@testable import PayPlanREPL

/// Attribution is reactive (plan A2): changing `attribution_mode`, the match rule or an agent's ID
/// re-credits every order by its note at once, the changed pay lines show, and `undo` restores them.
@Suite struct ReactiveAttributionTests {
    /// The orders of the shipped plan A scenario whose note names one sales agent first and another last
    /// (`已核对地址—CS01—…;改规格—CS04—…`), read from the notes here: (order, first ID, last ID, credited amount).
    func firstLastConflicts(_ s: Session) -> [(id: String, first: String, last: String, credited: Fixed)] {
        let sales = Set(s.workspace.agents.filter { $0.role == "sales" }.compactMap(\.id))
        return s.workspace.orders.compactMap { o in
            let note = o.fields["note"]?.text ?? ""
            let ids = note.matches(of: /CS\d\d/).map { String($0.output) }.filter(sales.contains)
            guard let f = ids.first, let l = ids.last, f != l else { return nil }
            let c = query(s, "\(o.id).credited").replacingOccurrences(of: ",", with: "")
            return (o.id, f, l, Fixed(decimalText: c)!)
        }
    }

    @Test func modeLastRecreditsAtOnceAndUndoRestores() throws {
        let s = try Session(path: onlineShop)
        let before = s.workspace
        let conflicts = firstLastConflicts(s)
        #expect(conflicts.count == 9, "the shipped notes name two sales agents on 9 orders (attribution lists them)")
        let own = { (name: String) in Fixed(decimalText: query(s, "\(name).own_sales[2026-03]").replacingOccurrences(of: ",", with: ""))! }
        let byID = Dictionary(uniqueKeysWithValues: s.workspace.agents.compactMap { a in a.id.map { ($0, a.name) } })
        let ownBefore = Dictionary(uniqueKeysWithValues: ["小美", "阿杰", "小雨", "大伟"].map { ($0, own($0)) })
        // Under "last" each of these orders moves from its first agent to its last: own sales move by their credited amounts.
        var expected = ownBefore
        for c in conflicts {
            expected[byID[c.first]!] = expected[byID[c.first]!]! - c.credited
            expected[byID[c.last]!] = expected[byID[c.last]!]! + c.credited
        }
        let out = s.execute("param attribution_mode = \"last\"")
        #expect(!out.failed, "\(out.text)")
        #expect(out.lines.contains("orders credited again by their notes: 300 orders, 9 changed (attribution shows them)"))
        for name in ["小美", "阿杰", "小雨", "大伟"] {
            #expect(own(name) == expected[name]!, "\(name)")
            #expect(out.lines.contains { $0.hasPrefix("\(name).pay[2026-03]: ") }, "the changed pay line of \(name) shows")
        }
        for c in conflicts { #expect(s.workspace.order(c.id)?.agent == byID[c.last]) }
        // One undo takes the setting and the credits back; redo brings both again.
        run(s, "undo")
        #expect(s.workspace == before)
        for name in ["小美", "阿杰", "小雨", "大伟"] { #expect(own(name) == ownBefore[name]!) }
        run(s, "redo")
        #expect(own("大伟") == expected["大伟"]!)
    }

    @Test func splitModeSplitsAndJoinsParts() throws {
        let s = try Session(path: onlineShop)
        let before = s.workspace
        let conflicts = firstLastConflicts(s)
        run(s, "param attribution_mode = \"split\"")
        // Each two-agent order becomes two parts, ID#CS01 and ID#CS04, the amount split to the fen.
        #expect(s.workspace.orders.count == 300 + conflicts.count)
        for c in conflicts {
            let parts = s.workspace.orders.filter { $0.id.hasPrefix(c.id + "#") }
            #expect(parts.map(\.id).sorted() == [c.id + "#" + c.first, c.id + "#" + c.last].sorted())
        }
        // Back to first: the parts are joined again into the orders as imported.
        run(s, "param attribution_mode = \"first\"")
        #expect(s.workspace.orders == before.orders)
    }

    @Test func changingAnAgentsIDRecredits() throws {
        let s = try Session(path: onlineShop)
        let mine = s.workspace.orders.filter { $0.agent == "大伟" }.count
        #expect(mine == 35)
        // CS04 no longer names anyone: 大伟's orders whose note names only CS04 become silent.
        let out = s.execute("agent set 大伟 id=CS09")
        #expect(!out.failed, "\(out.text)")
        #expect(s.workspace.orders.filter { $0.agent == "大伟" }.isEmpty)
        #expect(query(s, "大伟.own_sales[2026-03]") == "0.00")
        run(s, "undo")
        #expect(s.workspace.orders.filter { $0.agent == "大伟" }.count == 35)
    }

    @Test func plansWithoutAttributionAreLeftAlone() throws {
        let s = try Session(path: electronics)
        let before = s.workspace.orders
        run(s, "agent set 李雷 id=S99")
        #expect(s.workspace.orders == before)
    }
}
