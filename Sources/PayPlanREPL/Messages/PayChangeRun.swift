import PayPlan

/// An agent who comes or goes with no amount in any period (`agent add X base=3000` with no hire date:
/// `X.pay` is `#MISSING` every month) told in one line, not one a month: `X.pay[2026-01 … 2026-12]:
/// — → #MISSING (all 12 months)` (session 12, fresh user). A run with an amount on either side keeps its lines.
public struct PayChangeRun: MessageCatalogue, Equatable {
    /// The first figure of the run as users write it (`X.pay[2026-01]`).
    var first: String
    /// The last period of the run (`2026-12`).
    var last: String
    /// How many periods of `grain` the run holds.
    var count: Int
    var grain: Grain
    /// Before and after, as `PayChange` shows them (`—` for none).
    var old: String, new: String

    public var wording: Wording {
        let cell = first.hasSuffix("]") ? String(first.dropLast()) + " … \(last)]" : first
        let g = MessageWords.grain(grain)
        return Wording(en: "\(cell): \(old) → \(new) (all \(count) \(g.en)s)", zh: "\(cell)：\(old) → \(new)（全部 \(count) 个\(g.zh)）")
    }

    public var tone: Tone { .plain }

    public static var samples: [PayChangeRun] {
        [PayChangeRun(first: "X.pay[2026-01]", last: "2026-12", count: 12, grain: .month, old: "—", new: "#MISSING")]
    }

    /// `changes`, with each run of two or more consecutive lines of one figure (`X.pay[…]`) where neither
    /// side is an amount and every line reads the same (`— → #MISSING`) told as one `PayChangeRun`.
    /// - Complexity: O(changes).
    static func collapsed(_ changes: [PayChange], grain: Grain) -> [OutputLine] {
        var out: [OutputLine] = [], i = 0
        func figure(_ c: PayChange) -> Substring { c.cell.prefix { $0 != "[" } }
        func noAmount(_ c: PayChange) -> Bool { c.old?.number == nil && c.new?.number == nil }
        // As shown: two months' #MISSING differ in where their error began, and read the same.
        func said(_ c: PayChange) -> (String, String) { (c.old?.displayText ?? "—", c.new?.displayText ?? "—") }
        while i < changes.count {
            var j = i + 1
            while j < changes.count, noAmount(changes[i]), figure(changes[j]) == figure(changes[i]), said(changes[j]) == said(changes[i]) { j += 1 }
            if j - i >= 2, let open = changes[j - 1].cell.firstIndex(of: "[") {
                let c = changes[i], lastPeriod = String(changes[j - 1].cell[changes[j - 1].cell.index(after: open)...].dropLast())
                out.append(OutputLine(PayChangeRun(first: c.cell, last: lastPeriod, count: j - i, grain: grain,
                                                   old: c.old?.displayText ?? "—", new: c.new?.displayText ?? "—")))
            } else {
                out += changes[i..<j].map(OutputLine.init)
            }
            i = j
        }
        return out
    }
}
