/// Charts of a figure against an input: a braille plot for the terminal and a
/// small hand-written SVG. Amounts are CNY as `Fixed`; they are converted to
/// `Double` only for pixel coordinates, never for the figures printed.
public enum Chart {
    /// A series of (input, figure) points, inputs rising.
    public typealias Series = [(x: Fixed, y: Fixed)]

    static func d(_ f: Fixed) -> Double { Double(f.raw) / Double(Fixed.scale) }

    /// A braille line plot `width` characters by `height` lines (each braille
    /// character is 2 × 4 dots), with the y range on the left and the x range
    /// underneath. Points are joined by straight segments.
    public static func braille(_ s: Series, width: Int = 60, height: Int = 15) -> [String] {
        guard let first = s.first, let last = s.last else { return ["(no points)"] }
        let ys = s.map(\.y)
        let lo = ys.min()!, hi = ys.max()!
        let dw = width * 2, dh = height * 4
        var dots = Array(repeating: Array(repeating: false, count: dw), count: dh)
        let x0 = d(first.x), x1 = d(last.x), y0 = d(lo), y1 = d(hi)
        func px(_ x: Fixed) -> Int { x1 == x0 ? 0 : min(dw - 1, max(0, Int(((d(x) - x0) / (x1 - x0) * Double(dw - 1)).rounded()))) }
        func py(_ y: Fixed) -> Int { y1 == y0 ? dh / 2 : min(dh - 1, max(0, Int(((y1 - d(y)) / (y1 - y0) * Double(dh - 1)).rounded()))) }
        var prev: (Int, Int)? = nil
        for p in s {
            let (cx, cy) = (px(p.x), py(p.y))
            if let (lx, ly) = prev {
                // A straight segment; the points either side of a cliff make it vertical.
                let steps = max(abs(cx - lx), abs(cy - ly), 1)
                for i in 0...steps {
                    let x = lx + (cx - lx) * i / steps, y = ly + (cy - ly) * i / steps
                    dots[y][x] = true
                }
            }
            dots[cy][cx] = true
            prev = (cx, cy)
        }
        let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        let top = hi.moneyText, bottom = lo.moneyText
        let labelWidth = max(top.count, bottom.count)
        var lines: [String] = []
        for row in 0..<height {
            var line = ""
            for col in 0..<width {
                var code: UInt32 = 0x2800
                for dy in 0..<4 { for dx in 0..<2 where dots[row * 4 + dy][col * 2 + dx] { code |= bits[dy][dx] } }
                line.unicodeScalars.append(Unicode.Scalar(code)!)
            }
            let label = row == 0 ? top : (row == height - 1 ? bottom : "")
            lines.append(String(repeating: " ", count: labelWidth - label.count) + label + " ┤" + line)
        }
        let left = first.x.moneyText, right = last.x.moneyText
        lines.append(String(repeating: " ", count: labelWidth + 1) + "└" + String(repeating: "─", count: width))
        let gap = max(1, width - left.count - right.count + 1)
        lines.append(String(repeating: " ", count: labelWidth + 2) + left + String(repeating: " ", count: gap) + right)
        return lines
    }

    /// Escapes text for XML content and attribute values.
    public static func xmlEscape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A vertical dashed marker in an SVG chart: where a tier begins, and its label.
    public struct Marker: Sendable {
        public var x: Fixed
        public var label: String
        public init(x: Fixed, label: String) { self.x = x; self.label = label }
    }

    /// "Nice" tick values (1, 2, 5 × 10^k steps) covering lo…hi.
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
        guard hi > lo else { return [lo] }
        let raw = (hi - lo) / Double(count)
        let mag = pow10(floor(log10(raw)))
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * mag }.first { $0 >= raw } ?? raw
        var t = (lo / step).rounded(.up) * step
        var out: [Double] = []
        while t <= hi + step * 1e-9 { out.append(t); t += step }
        return out
    }
    static func pow10(_ e: Double) -> Double { var r = 1.0; let n = Int(e); if n >= 0 { for _ in 0..<n { r *= 10 } } else { for _ in 0..<(-n) { r /= 10 } }; return r }
    static func log10(_ x: Double) -> Double { var n = 0.0, v = x; while v >= 10 { v /= 10; n += 1 }; while v < 1 { v *= 10; n -= 1 }; return n }
    static func floor(_ x: Double) -> Double { x.rounded(.down) }

    static func tickText(_ v: Double) -> String {
        let f = Fixed(raw: Int128((v * 100).rounded()) * InputProbe.fenRaw)
        return f.format(minimumFractionDigits: 0)
    }

    /// An SVG line chart (valid XML, no dependencies): one polyline per series, axes with tick labels,
    /// axis titles, a legend, and dashed vertical markers for tier boundaries with their labels.
    ///
    /// Layout, so that nothing overlaps or is clipped: the title on top (its font shrinks to fit the
    /// width), the legend on its own row under it, the plot below; tier labels run upwards along their
    /// dashed lines, and markers closer together than a label's height share one label.
    public static func svg(title: String, xLabel: String, yLabel: String, series: [(name: String, points: Series)],
                           markers: [Marker], width: Int = 900, height: Int = 500) -> String {
        let W = Double(width), H = Double(height)
        // Legend items flow in rows under the title.
        var legend: [(x: Double, row: Int)] = []
        var lx = 90.0, row = 0
        for se in series {
            let w = 22 + textWidth(se.name, size: 12) + 18
            if lx + w > W - 20 && lx > 90 { lx = 90; row += 1 }
            legend.append((lx, row)); lx += w
        }
        let legendRows = series.isEmpty ? 0 : row + 1
        let ml = 90.0, mr = 30.0, mb = 60.0
        let mt = 40.0 + Double(legendRows) * 18 + 12
        let all = series.flatMap(\.points)
        let xs = all.map { d($0.x) }, ys = all.map { d($0.y) }
        let x0 = xs.min() ?? 0, x1 = max(xs.max() ?? 1, x0 + 1e-9)
        var y0 = min(0, ys.min() ?? 0), y1 = ys.max() ?? 1
        if y1 <= y0 { y1 = y0 + 1 }
        y1 += (y1 - y0) * 0.05; if y0 < 0 { y0 -= (y1 - y0) * 0.05 }
        func sx(_ x: Double) -> Double { ml + (x - x0) / (x1 - x0) * (W - ml - mr) }
        func sy(_ y: Double) -> Double { H - mb - (y - y0) / (y1 - y0) * (H - mt - mb) }
        func n(_ v: Double) -> String { String(Int((v * 10).rounded())).withDecimal }
        let colours = ["#1f5fbf", "#d9480f", "#2b8a3e", "#862e9c", "#e67700"]
        let titleSize = min(16, 16 * (W - 20) / max(1, textWidth(title, size: 16)))
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif\" font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s += "<text class=\"title\" x=\"\(n(W / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"\(n(titleSize))\" font-weight=\"bold\">\(xmlEscape(title))</text>\n"
        // Grid and ticks.
        for t in ticks(y0, y1) {
            s += "<line x1=\"\(n(ml))\" y1=\"\(n(sy(t)))\" x2=\"\(n(W - mr))\" y2=\"\(n(sy(t)))\" stroke=\"#e5e5e5\"/>\n"
            s += "<text class=\"tick\" x=\"\(n(ml - 6))\" y=\"\(n(sy(t) + 4))\" text-anchor=\"end\">\(xmlEscape(tickText(t)))</text>\n"
        }
        for t in ticks(x0, x1) {
            s += "<line x1=\"\(n(sx(t)))\" y1=\"\(n(H - mb))\" x2=\"\(n(sx(t)))\" y2=\"\(n(H - mb + 5))\" stroke=\"black\"/>\n"
            s += "<text class=\"tick\" x=\"\(n(sx(t)))\" y=\"\(n(H - mb + 18))\" text-anchor=\"middle\">\(xmlEscape(tickText(t)))</text>\n"
        }
        s += "<line x1=\"\(n(ml))\" y1=\"\(n(H - mb))\" x2=\"\(n(W - mr))\" y2=\"\(n(H - mb))\" stroke=\"black\"/>\n"
        s += "<line x1=\"\(n(ml))\" y1=\"\(n(mt))\" x2=\"\(n(ml))\" y2=\"\(n(H - mb))\" stroke=\"black\"/>\n"
        s += "<text class=\"axis\" x=\"\(n((ml + W - mr) / 2))\" y=\"\(n(H - 16))\" text-anchor=\"middle\">\(xmlEscape(xLabel))</text>\n"
        s += "<text class=\"axis\" transform=\"translate(18 \(n((mt + H - mb) / 2))) rotate(-90)\" text-anchor=\"middle\">\(xmlEscape(yLabel))</text>\n"
        // Tier boundaries: a dashed line each; labels upwards along the line, close ones sharing one label.
        var groups: [(x: Double, labels: [String])] = []
        for m in markers.sorted(by: { $0.x < $1.x }) {
            let x = sx(d(m.x))
            if let last = groups.last, x - last.x < 13 { groups[groups.count - 1].labels.append(m.label) } else { groups.append((x, [m.label])) }
            s += "<line class=\"tier-line\" x1=\"\(n(x))\" y1=\"\(n(mt))\" x2=\"\(n(x))\" y2=\"\(n(H - mb))\" stroke=\"#888\" stroke-dasharray=\"5 4\"/>\n"
        }
        let room = H - mt - mb - 8
        for g in groups {
            var text = g.labels.joined(separator: "; ")
            while textWidth(text, size: 10) > room, text.count > 2 { text = String(text.dropLast(2)) + "…" }
            s += "<text class=\"tier\" transform=\"translate(\(n(g.x - 4)) \(n(mt + 4))) rotate(-90)\" text-anchor=\"end\" font-size=\"10\" fill=\"#555\">\(xmlEscape(text))</text>\n"
        }
        // Series, drawn as steps so cliffs show as vertical lines; the legend under the title.
        for (i, se) in series.enumerated() {
            let c = colours[i % colours.count]
            let pts = se.points.map { "\(n(sx(d($0.x)))),\(n(sy(d($0.y))))" }.joined(separator: " ")
            s += "<polyline fill=\"none\" stroke=\"\(c)\" stroke-width=\"2\" points=\"\(pts)\"/>\n"
            let ly = 46 + Double(legend[i].row) * 18
            s += "<rect x=\"\(n(legend[i].x))\" y=\"\(n(ly - 5))\" width=\"16\" height=\"3\" fill=\"\(c)\"/>\n"
            s += "<text class=\"legend\" x=\"\(n(legend[i].x + 22))\" y=\"\(n(ly))\">\(xmlEscape(se.name))</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    /// An estimate of a text's width in pixels at `size`: East Asian wide characters one em, others 0.6 em
    /// (Noto Sans CJK's Latin runs narrower, so the estimate errs wide).
    static func textWidth(_ text: String, size: Double) -> Double {
        text.reduce(0.0) { w, c in
            let v = c.unicodeScalars.first?.value ?? 0
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            return w + (wide ? size : size * 0.6)
        }
    }

    /// The unit of a figure or input for an axis title, read from its label and name: a unit in brackets
    /// (`首次响应时间(秒)` → 秒), a percentage, a count (人数, 次数, 单数, count, orders), else CNY.
    public static func unit(name: String, label: String?) -> String {
        let text = (label ?? "") + " " + name
        if let open = label?.lastIndex(where: { $0 == "(" || $0 == "（" }), let l = label, l.hasSuffix(")") || l.hasSuffix("）") {
            return String(l[l.index(after: open)..<l.index(before: l.endIndex)])
        }
        if text.contains("%") || name.hasSuffix("_pct") || name.hasSuffix("_rate") || text.contains("率") { return "%" }
        for w in ["人数", "次数", "单数", "件数", "个数", "count", "orders", "inquiries", "buyers", "headcount"] where text.contains(w) { return "count" }
        return "CNY"
    }

    /// An axis title: the label (or name) and its unit, `销售额 sales (CNY)`; figures of several units list each.
    public static func axisTitle(_ items: [(name: String, label: String?)]) -> String {
        let units = Array(Set(items.map { unit(name: $0.name, label: $0.label) })).sorted()
        let names = items.map { i in i.label.map { "\($0)" } ?? i.name }.joined(separator: ", ")
        let u = units.count == 1 ? units[0] : units.joined(separator: " / ")
        return names.contains("(") && units.count == 1 && items.allSatisfy({ $0.label?.contains("(") == true }) ? names : "\(names) (\(u))"
    }
}

private extension String {
    /// "12345" (tenths) → "1234.5".
    var withDecimal: String {
        var t = self, neg = false
        if t.hasPrefix("-") { neg = true; t.removeFirst() }
        while t.count < 2 { t = "0" + t }
        let head = t.dropLast(), tail = t.suffix(1)
        return (neg ? "-" : "") + head + (tail == "0" ? "" : "." + tail)
    }
}
