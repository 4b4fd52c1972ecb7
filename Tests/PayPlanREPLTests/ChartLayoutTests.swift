import Foundation
import Testing
import PayPlan
import TestSupport
@testable import PayPlanREPL

/// Where headless Chromium is, if installed.
enum HeadlessChromium {
    static let path: String? = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The sweep chart laid out as headless Chromium draws it (with Noto CJK): the title, the legend, the
/// tier labels and the axis titles measured in the browser (getBoundingClientRect), none overlapping another and
/// none outside the picture; axis titles use the plan's labels and the right unit.
@Suite(.enabled(if: HeadlessChromium.path != nil, "chromium-headless-shell is not installed (.ci/run installs it)"))
struct ChartLayoutTests {

    /// The overlaps and escapes Chromium finds in `svg`, one line each (`OK` when there are none).
    func problems(_ svg: String) throws -> [String] {
        let dir = tempDir("chart")
        let body = svg.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        let html = """
            <!doctype html><meta charset="utf-8"><body style="margin:0">\(body)<pre id="out"></pre><script>
            const svg = document.querySelector('svg'), vb = svg.viewBox.baseVal, out = [];
            const items = [...svg.querySelectorAll('text.title, text.legend, text.tier, text.axis')].map(t => {
              const r = t.getBoundingClientRect(); return {name: t.getAttribute('class') + ' "' + t.textContent + '"', l: r.left, t: r.top, r: r.right, b: r.bottom};
            });
            for (const a of items) {
              if (a.l < 0 || a.t < 0 || a.r > vb.width || a.b > vb.height) out.push('outside: ' + a.name);
            }
            for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
              const a = items[i], b = items[j];
              if (a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5) out.push('overlap: ' + a.name + ' / ' + b.name);
            }
            document.getElementById('out').textContent = 'RESULT\\n' + (out.length ? out.join('\\n') : 'OK') + '\\nEND';
            </script>
            """
        try html.write(toFile: dir + "/chart.html", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: HeadlessChromium.path!)
        p.arguments = ["--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000", "--window-size=900,600", "--dump-dom", "file://\(dir)/chart.html"]
        let pipe = Pipe()
        p.standardOutput = pipe; p.standardError = FileHandle.nullDevice
        try p.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard let a = dom.range(of: "RESULT\n"), let b = dom.range(of: "\nEND") else { return ["no result from Chromium: \(dom.prefix(300))"] }
        return dom[a.upperBound..<b.lowerBound].split(separator: "\n").map(String.init)
    }

    func sweepSVG(_ scenario: String, _ command: String) throws -> String {
        let s = try Session(path: scenario)
        let file = tempDir("chart-svg") + "/c.svg"
        run(s, command + " --svg \(file)")
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    /// Plan C's README sweep: nine tier changes, four of them within 30,000 of sales (a few pixels apart).
    @Test func readmeSweepHasNoOverlaps() throws {
        let svg = try sweepSVG(electronics, "sweep sales from 0 to 35万 step 1万 show pay, commission for 李雷 in 2026-03")
        #expect(try problems(svg) == ["OK"])
        // The plan's labels (input sales "销售额", month pay "应发工资", month commission "提成") and the unit.
        #expect(svg.contains(">销售额 (CNY)</text>"))
        #expect(svg.contains(">应发工资, 提成 (CNY)</text>"))
    }

    /// A count against money (plan A: buyers "最终付款人数"): the x axis is not CNY.
    @Test func aCountIsNotCNY() throws {
        let svg = try sweepSVG(onlineShop, "sweep buyers from 0 to 200 step 10 show pay for 小美 in 2026-03")
        #expect(svg.contains(">最终付款人数 (count)</text>"))
        #expect(try problems(svg) == ["OK"])
    }

    /// Many close markers, a long title and a long legend still fit.
    @Test func crowdedChartsFit() throws {
        let pts: Chart.Series = (0...20).map { (Fixed($0 * 1000), Fixed($0 * $0)) }
        let svg = Chart.svg(title: String(repeating: "一个很长很长的标题 ", count: 12), xLabel: "x (CNY)", yLabel: "y (CNY)",
                            series: (1...6).map { ("第\($0)条很长的系列名称 series \($0)", pts) },
                            markers: (0..<40).map { Chart.Marker(x: Fixed($0 * 500), label: "\($0 * 500) tier_\($0)") })
        #expect(try problems(svg) == ["OK"])
    }

    /// The check itself finds what the old layout had: the legend on the title's line, labels side by side.
    @Test func theCheckFindsOverlapsAndClipping() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100" font-size="12">
            <text class="title" x="150" y="24" text-anchor="middle" font-size="16">李雷.pay against 李雷.sales</text>
            <text class="legend" x="200" y="22">李雷.pay[2026-03]</text>
            <text class="tier" x="20" y="60">10,900 deduction_rate</text><text class="tier" x="40" y="62">20,900 deduction_rate</text>
            <text class="axis" x="280" y="98">销售额 (CNY)</text>
            </svg>
            """
        let found = try problems(svg)
        #expect(found.contains { $0.hasPrefix("overlap: title") && $0.contains("legend") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("overlap: tier") }, "\(found)")
        #expect(found.contains("outside: legend \"李雷.pay[2026-03]\"") || found.contains("outside: axis \"销售额 (CNY)\""), "\(found)")
    }

    @Test func unitsFromLabelsAndNames() {
        #expect(Chart.unit(name: "first_response", label: "首次响应时间(秒)") == "秒")
        #expect(Chart.unit(name: "inquiries", label: "询单人数") == "count")
        #expect(Chart.unit(name: "conversion_pct", label: "转化率%") == "%")
        #expect(Chart.unit(name: "sales", label: "销售额") == "CNY")
        #expect(Chart.axisTitle([("first_response", "首次响应时间(秒)")]) == "首次响应时间(秒)")
    }
}
