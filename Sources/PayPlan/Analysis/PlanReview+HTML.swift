/// The review as one self-contained HTML page (no scripts, no external files):
/// totals, a bar chart of each person's pay under both plans, a chart of pay
/// against performance, the minimum-wage months, the cliffs added and removed,
/// and the spread of pay. Chinese fonts are named with fallbacks.
extension PlanReview {
    /// The page, in Chinese when `chinese`; `labels` maps figure names to the plan's labels.
    /// - Complexity: O(people × months).
    public func html(chinese: Bool, labels: [String: String]) -> String {
        func t(_ en: String, _ zh: String) -> String { chinese ? zh : en }
        func esc(_ s: String) -> String { Chart.xmlEscape(s) }
        func name(_ f: String) -> String { chinese ? (labels[f] ?? f) : f }
        func money(_ f: Fixed?) -> String { f?.moneyText ?? "#" }
        // Under zh, full-width punctuation: 方案评审：…, 老板的工资总成本（应发工资）：….
        let colon = t(": ", "："), open = t(" (", "（"), close = t(")", "）")
        func signed(_ a: Fixed?, _ b: Fixed?) -> String {
            guard let a, let b, let d = Fixed.checkedSubtract(b, a) else { return "" }
            return d.isNegative ? "−" + d.magnitude.moneyText : "+" + d.moneyText
        }
        var h = """
        <!DOCTYPE html>
        <html lang="\(chinese ? "zh-CN" : "en")"><head><meta charset="utf-8">
        <title>\(esc(t("Plan review", "方案评审"))) \(esc(nameB)) / \(esc(nameA)) \(period)</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; max-width: 960px; }
        h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        table { border-collapse: collapse; } td, th { padding: 3px 10px; border-bottom: 1px solid #eee; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } .loss { color: #c92a2a; } .gain { color: #2b8a3e; }
        .big { font-size: 18px; }
        </style></head><body>
        <h1>\(esc(t("Plan review", "方案评审")))\(colon)\(esc(nameB)) \(esc(t("against", "对比"))) \(esc(nameA)) — \(period)</h1>

        """
        h += "<p class=\"big\">\(esc(t("Cost to the owner", "老板的工资总成本")))\(open)\(esc(name(payFigure)))\(close)\(colon)\(esc(nameA)) \(money(totalPayA)) → \(esc(nameB)) \(money(totalPayB)) <b>\(signed(totalPayA, totalPayB))</b></p>\n"
        if costFigure != payFigure {
            h += "<p class=\"big\">\(esc(t("Employer cost", "雇主成本")))\(open)\(esc(name(costFigure)))\(close)\(colon)\(money(totalCostA)) → \(money(totalCostB)) <b>\(signed(totalCostA, totalCostB))</b></p>\n"
        }
        // People.
        h += "<h2>\(esc(t("Each person, the largest loss first", "每个人，损失最大的在前")))</h2>\n<table><tr><th>\(esc(t("agent", "员工")))</th><th class=\"n\">\(esc(nameA))</th><th class=\"n\">\(esc(nameB))</th><th class=\"n\">\(esc(t("difference", "差额")))</th></tr>\n"
        for p in people {
            let cls = p.difference.map { $0.isNegative ? "loss" : ($0.isZero ? "" : "gain") } ?? ""
            h += "<tr><td>\(esc(p.name))</td><td class=\"n\">\(money(p.payA))</td><td class=\"n\">\(money(p.payB))</td><td class=\"n \(cls)\">\(signed(p.payA, p.payB))</td></tr>\n"
        }
        h += "</table>\n"
        h += barChart(chinese: chinese)
        // Performance chart.
        if let input = performanceFigure {
            h += "<h2>\(esc(t("Pay against \(input), month by month", "每月工资与\(name(input))")))</h2>\n"
            h += scatterChart(chinese: chinese, xLabel: name(input) + t(" (CNY)", "（元）"), yLabel: name(payFigure) + t(" (CNY)", "（元）"))
        }
        // Minimum wage.
        h += "<h2>\(esc(t("Months under the minimum wage", "低于最低工资的月份")))</h2>\n"
        if minimumWageA == nil && minimumWageB == nil {
            h += "<p>\(esc(t("The plans have no minimum_wage parameter.", "方案没有 minimum_wage 参数。")))</p>\n"
        } else {
            let under = people.filter { !$0.underMinimumA.isEmpty || !$0.underMinimumB.isEmpty }
            if under.isEmpty { h += "<p>\(esc(t("None, under either plan.", "两个方案下都没有。")))</p>\n" } else {
                h += "<table><tr><th>\(esc(t("agent", "员工")))</th><th>\(esc(nameA))</th><th>\(esc(nameB))</th></tr>\n"
                for p in under {
                    h += "<tr><td>\(esc(p.name))</td><td>\(p.underMinimumA.map(\.description).joined(separator: ", "))</td><td>\(p.underMinimumB.map(\.description).joined(separator: ", "))</td></tr>\n"
                }
                h += "</table>\n"
            }
        }
        // Cliffs.
        if let input = performanceInput {
            h += "<h2>\(esc(t("Cliffs the proposal adds or removes", "方案新增或消除的断崖")))</h2>\n"
            var rows = ""
            for p in people {
                for c in p.cliffsAdded { rows += "<tr><td>\(esc(p.name))</td><td class=\"loss\">\(esc(t("added", "新增")))</td><td class=\"n\">\(c.to.moneyText)</td><td class=\"n\">\(c.before.moneyText) → \(c.after.moneyText)</td></tr>\n" }
                for (a, b) in p.cliffsChanged { rows += "<tr><td>\(esc(p.name))</td><td>\(esc(t("changed", "变化")))</td><td class=\"n\">\(b.to.moneyText)</td><td class=\"n\">\(esc(t("jump", "跳变"))) \(a.changeText) → \(b.changeText)</td></tr>\n" }
                for c in p.cliffsRemoved { rows += "<tr><td>\(esc(p.name))</td><td class=\"gain\">\(esc(t("removed", "消除")))</td><td class=\"n\">\(c.to.moneyText)</td><td class=\"n\">\(c.before.moneyText) → \(c.after.moneyText)</td></tr>\n" }
            }
            if rows.isEmpty { h += "<p>\(esc(t("None.", "没有。")))</p>\n" } else {
                h += "<table><tr><th>\(esc(t("agent", "员工")))</th><th></th><th class=\"n\">\(esc(name(input)))</th><th class=\"n\">\(esc(name(payFigure)))</th></tr>\n" + rows + "</table>\n"
            }
        }
        // Spread.
        h += "<h2>\(esc(t("Spread of pay", "工资分布")))</h2>\n<table><tr><th></th><th class=\"n\">\(esc(t("min", "最低")))</th><th class=\"n\">\(esc(t("median", "中位")))</th><th class=\"n\">\(esc(t("max", "最高")))</th><th class=\"n\">\(esc(t("top ÷ median", "最高 ÷ 中位")))</th></tr>\n"
        for (n, s) in [(nameA, spreadA), (nameB, spreadB)] {
            guard let s else { continue }
            h += "<tr><td>\(esc(n))</td><td class=\"n\">\(s.minimum.moneyText)</td><td class=\"n\">\(s.median.moneyText)</td><td class=\"n\">\(s.maximum.moneyText)</td><td class=\"n\">\(s.topToMedian.map { $0.format(minimumFractionDigits: 2, grouping: false) + "×" } ?? "—")</td></tr>\n"
        }
        h += "</table>\n</body></html>\n"
        return h
    }

    /// Display coordinate of an amount (display only: money stays `Fixed`).
    private static func d(_ f: Fixed) -> Double { Double(f.raw) / Double(Fixed.scale) }

    /// Grouped horizontal bars: each person's pay under A and B.
    func barChart(chinese: Bool) -> String {
        let rowH = 34.0, left = 110.0, width = 860.0, right = 120.0
        let values = people.flatMap { [$0.payA, $0.payB] }.compactMap { $0 }.map(PlanReview.d)
        let top = max(values.max() ?? 1, 1), low = min(values.min() ?? 0, 0)
        let height = Double(people.count) * rowH + 50
        func x(_ v: Double) -> Double { left + (v - low) / (top - low) * (width - left - right) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-size=\"12\" font-family=\"Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif\">\n"
        s += "<rect x=\"\(Int(left))\" y=\"6\" width=\"12\" height=\"10\" fill=\"#adb5bd\"/><text x=\"\(Int(left) + 16)\" y=\"15\">\(Chart.xmlEscape(nameA))</text>"
        s += "<rect x=\"\(Int(left) + 120)\" y=\"6\" width=\"12\" height=\"10\" fill=\"#1f5fbf\"/><text x=\"\(Int(left) + 136)\" y=\"15\">\(Chart.xmlEscape(nameB))</text>\n"
        for (i, p) in people.enumerated() {
            let y = 30 + Double(i) * rowH
            s += "<text x=\"\(Int(left) - 8)\" y=\"\(Int(y + 18))\" text-anchor=\"end\">\(Chart.xmlEscape(p.name))</text>\n"
            for (k, v) in [p.payA, p.payB].enumerated() {
                guard let v else { continue }
                let dv = PlanReview.d(v), x0 = x(min(0, dv)), x1 = x(max(0, dv))
                s += "<rect x=\"\(Int(x0))\" y=\"\(Int(y) + k * 13)\" width=\"\(max(1, Int(x1 - x0)))\" height=\"12\" fill=\"\(k == 0 ? "#adb5bd" : "#1f5fbf")\"/>"
                s += "<text x=\"\(Int(x1) + 4)\" y=\"\(Int(y) + k * 13 + 10)\" font-size=\"10\">\(v.moneyText)</text>\n"
            }
        }
        return s + "</svg>\n"
    }

    /// Pay against performance: one dot per person and month, grey for A, blue for B.
    func scatterChart(chinese: Bool, xLabel: String, yLabel: String) -> String {
        let W = 860.0, H = 420.0, ml = 80.0, mr = 20.0, mt = 30.0, mb = 50.0
        var pts: [(Double, Double, Int)] = []
        for p in people { for m in p.months { if let x = m.performance {
            if let a = m.payA { pts.append((PlanReview.d(x), PlanReview.d(a), 0)) }
            if let b = m.payB { pts.append((PlanReview.d(x), PlanReview.d(b), 1)) }
        } } }
        let x0 = min(0, pts.map(\.0).min() ?? 0), x1 = max(pts.map(\.0).max() ?? 1, x0 + 1)
        let y0 = min(0, pts.map(\.1).min() ?? 0), y1 = max(pts.map(\.1).max() ?? 1, y0 + 1) * 1.05
        func sx(_ v: Double) -> Double { ml + (v - x0) / (x1 - x0) * (W - ml - mr) }
        func sy(_ v: Double) -> Double { H - mb - (v - y0) / (y1 - y0) * (H - mt - mb) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(W))\" height=\"\(Int(H))\" font-size=\"12\" font-family=\"Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif\">\n"
        for t in Chart.ticks(y0, y1) {
            s += "<line x1=\"\(Int(ml))\" y1=\"\(Int(sy(t)))\" x2=\"\(Int(W - mr))\" y2=\"\(Int(sy(t)))\" stroke=\"#eee\"/><text x=\"\(Int(ml) - 6)\" y=\"\(Int(sy(t)) + 4)\" text-anchor=\"end\">\(Chart.xmlEscape(Chart.tickText(t)))</text>\n"
        }
        for t in Chart.ticks(x0, x1) {
            s += "<text x=\"\(Int(sx(t)))\" y=\"\(Int(H - mb) + 16)\" text-anchor=\"middle\">\(Chart.xmlEscape(Chart.tickText(t)))</text>\n"
        }
        s += "<line x1=\"\(Int(ml))\" y1=\"\(Int(H - mb))\" x2=\"\(Int(W - mr))\" y2=\"\(Int(H - mb))\" stroke=\"black\"/><line x1=\"\(Int(ml))\" y1=\"\(Int(mt))\" x2=\"\(Int(ml))\" y2=\"\(Int(H - mb))\" stroke=\"black\"/>\n"
        s += "<text x=\"\(Int((ml + W - mr) / 2))\" y=\"\(Int(H) - 12)\" text-anchor=\"middle\">\(Chart.xmlEscape(xLabel))</text>\n"
        s += "<text transform=\"translate(16 \(Int((mt + H - mb) / 2))) rotate(-90)\" text-anchor=\"middle\">\(Chart.xmlEscape(yLabel))</text>\n"
        for (x, y, k) in pts {
            s += "<circle cx=\"\(Int(sx(x)))\" cy=\"\(Int(sy(y)))\" r=\"\(k == 0 ? 5 : 3)\" fill=\"\(k == 0 ? "none" : "#1f5fbf")\" stroke=\"\(k == 0 ? "#868e96" : "#1f5fbf")\"/>\n"
        }
        s += "<circle cx=\"\(Int(ml) + 14)\" cy=\"\(Int(mt) - 14)\" r=\"5\" fill=\"none\" stroke=\"#868e96\"/><text x=\"\(Int(ml) + 24)\" y=\"\(Int(mt) - 10)\">\(Chart.xmlEscape(nameA))</text>"
        s += "<circle cx=\"\(Int(ml) + 134)\" cy=\"\(Int(mt) - 14)\" r=\"3\" fill=\"#1f5fbf\"/><text x=\"\(Int(ml) + 144)\" y=\"\(Int(mt) - 10)\">\(Chart.xmlEscape(nameB))</text>\n"
        return s + "</svg>\n"
    }
}
