import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `explain … --rules` under zh names a text value in its notes by the plan's label, as the plain explain,
/// the tables and the headline do (issue 13, point 5): `· terms = 现金（订单 …）`, never `terms = cash`.
/// The labels are read here from each shipped plan's own lines, not from payplan.
@Suite struct RulesTreeLabelTests {
    /// Every `labels` clause of the plan lines of `path`: (name, value, label), by a regular expression over
    /// the scenario's JSON text (`param|attribute|field NAME … labels "v" "l", "v" "l"`).
    static func labels(_ path: String) throws -> [(name: String, value: String, label: String)] {
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let plan = try #require(json["plan"] as? [String])
        var out: [(String, String, String)] = []
        for line in plan {
            guard let head = line.firstMatch(of: /^(?:param|attribute|field) ([A-Za-z_][A-Za-z0-9_]*)/),
                  let clause = line.range(of: " labels ") else { continue }
            for m in line[clause.upperBound...].matches(of: /"([^"]*)" "([^"]*)"/) { out.append((String(head.1), String(m.1), String(m.2))) }
        }
        return out
    }

    /// For every agent of the three shipped scenarios, the tree of their pay in March and April 2026 (six
    /// levels deep, which reaches the orders' terms and the agents' attributes): no note shows a labelled value
    /// as written, and a note naming a labelled field or attribute shows one of its labels.
    @Test(arguments: [electronics, onlineShop, webAgency])
    func noNoteShowsALabelledValueAsWritten(_ path: String) throws {
        let labels = try Self.labels(path).filter { $0.value != $0.label }
        #expect(!labels.isEmpty)
        let s = try Session(path: path)
        s.language = .zh
        var notesNamingLabelled = 0
        for agent in s.workspace.agents.map(\.name) {
            for month in ["2026-03", "2026-04"] {
                let out = s.execute("explain \(agent).pay[\(month)] --rules --depth 6")
                guard !out.failed else { continue }
                for line in out.lines {
                    let note = line.trimmingCharacters(in: .whitespaces)
                    guard note.hasPrefix("· ") else { continue }
                    for l in labels {
                        let prefix = "· \(l.name) = "
                        guard note.hasPrefix(prefix) else { continue }
                        let shown = note.dropFirst(prefix.count).prefix { $0 != "（" }
                        #expect(shown != Substring(l.value), "\(path) \(agent) \(month): \(note)")
                        if shown == Substring(l.label) { notesNamingLabelled += 1 }
                    }
                }
            }
        }
        if path == electronics { #expect(notesNamingLabelled > 0, "the electronics tree reads orders' terms") }
    }

    /// The note of a cash order read by Plan C (`order cash "现金单" = terms = "cash"`), March's first cash
    /// order of 李雷 in April: under zh 现金 (the plan's label), in English cash.
    @Test func aCashOrdersTermsReadByTheirLabel() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let zh = run(s, "explain 李雷.commission[2026-04] --rules --depth 4")
        #expect(zh.contains { $0.hasSuffix("· terms = 现金（订单 2026040710045）") }, "\(zh)")
        #expect(!zh.contains { $0.contains("terms = cash") })
        s.language = .en
        let en = run(s, "explain 李雷.commission[2026-04] --rules --depth 4")
        #expect(en.contains { $0.contains("· terms = cash") && $0.contains("2026040710045") }, "\(en)")
    }

    /// The message itself: a note's value by the labels it is given, an unlabelled value as written.
    @Test func theNoteMessageUsesItsLabels() {
        let labelled = ExplainMessage.note(indent: "", .orderField("terms", .text("net30"), order: "T001", defaulted: false), valueLabels: ["net30": "月结30天"])
        #expect(labelled.text(.zh) == "· terms = 月结30天（订单 T001）")
        #expect(labelled.text(.en).contains("terms = net30"))
        let attribute = ExplainMessage.note(indent: "", .attribute("role", .text("after-sales"), agent: "老周", defaulted: false), valueLabels: ["sales": "销售客服"])
        #expect(attribute.text(.zh) == "· role = after-sales（老周 的属性）")
    }
}
