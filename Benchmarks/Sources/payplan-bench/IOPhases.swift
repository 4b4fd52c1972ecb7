// The I/O phases (issue 10, points 6a, 6b, 6d): saving and opening scenario files,
// opening a scenario and printing the year's report as a whole process beside a
// Python peer, importing Taobao order reports as a whole process.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PayPlan

// MARK: - files: save and open in-process

/// Saves and opens the generated scenario (and the same with 100,000 orders), checking that
/// what is read back equals what was saved and that a second save gives the same bytes.
func filesPhase(_ c: Context) throws {
    func measure(_ label: String, _ w: Workspace, saveTarget: UInt64?, openTarget: UInt64?) throws {
        let path = c.folder + "/files-\(label).json"
        var t = now()
        try ScenarioFile.save(w, path: path)
        let saveNs = now() - t
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        t = now()
        let back = try ScenarioFile.load(path: path).workspace
        let openNs = now() - t
        if back != w { print("MISMATCH: \(label): the scenario read back differs from the one saved"); c.wrong += 1 }
        if try ScenarioFile.encode(back) != Data(contentsOf: URL(fileURLWithPath: path)) {
            print("MISMATCH: \(label): saving what was read gives different bytes"); c.wrong += 1
        }
        let saveText = String(format: "%.0f ms (%.1f MB)", ms(saveNs), Double(size) / 1e6)
        if let s = saveTarget { c.target("save \(label)", saveText, target: "≤ \(s / 1_000_000) ms", ok: saveNs <= s) } else { c.line("save \(label)", saveText) }
        let openText = String(format: "%.0f ms (read, parse, check, compile the plan)", ms(openNs))
        if let o = openTarget { c.target("open \(label)", openText, target: "≤ \(o / 1_000_000) ms", ok: openNs <= o) } else { c.line("open \(label)", openText) }
        unlink(path)
    }
    let w = c.generated.workspace
    try measure("\(c.options.agents) agents", w, saveTarget: 300_000_000, openTarget: nil)
    var withOrders = w
    withOrders.setOrders(randomOrders(100_000, agents: w.agents, &c.rng))
    try measure("\(c.options.agents) agents + 100k orders", withOrders, saveTarget: nil, openTarget: nil)
}

// MARK: - open: the whole process, and the Python peer

/// `payplan SCENARIO -e 'report 2026'` on the saved generated scenario: wall time, CPU and peak
/// memory of the whole process; its total pay must equal plan C by hand. Then the peer script
/// on the same file, its total checked the same way, and the ratio.
func openPhase(_ c: Context) throws {
    guard let payplan = payplanExecutable(c.options) else { missingExecutable(); return }
    let scenario = c.savedScenario
    let expected = c.generated.yearPayFen
    let run = runProcess([payplan, scenario, "-e", "report 2026"], folder: c.folder)
    guard run.status == 0 else { print("payplan failed (\(run.status)): \(run.stderr.prefix(400))"); c.wrong += 1; return }
    let total = reportTotalFen(run.stdout)
    if total != expected {
        print("MISMATCH: payplan's year total is \(total.map { fixed(fen: $0).moneyText } ?? "missing"), plan C by hand \(fixed(fen: expected).moneyText)")
        c.wrong += 1
    }
    c.target("open + compute + year report (process)", String(format: "%.0f ms wall, %.2f s CPU, peak %@", ms(run.wallNs), run.cpuSeconds, peakText(run)),
             target: "≤ 300 ms", ok: run.wallNs <= 300_000_000)
    c.line("  year total (= plan C by hand)", fixed(fen: expected).moneyText)

    guard !c.options.python.isEmpty else { return }
    let script = ["peer/plan_c.py", "Benchmarks/peer/plan_c.py"].first { FileManager.default.fileExists(atPath: $0) }
    guard let script, let python = which(c.options.python) else { print("  (peer skipped: no python3 or no peer/plan_c.py)"); return }
    let peer = runProcess([python, script, scenario, "2026"], folder: c.folder)
    guard peer.status == 0 else { print("peer failed (\(peer.status)): \(peer.stderr.prefix(400))"); c.wrong += 1; return }
    if reportTotalFen(peer.stdout) != expected {
        print("MISMATCH: the peer's year total is \(reportTotalFen(peer.stdout).map { fixed(fen: $0).moneyText } ?? "missing")"); c.wrong += 1
    }
    c.line("  Python peer (exact Decimal, same file)", String(format: "%.0f ms wall, %.2f s CPU, peak %@", ms(peer.wallNs), peer.cpuSeconds, peakText(peer)))
    c.line("  payplan / peer, wall", String(format: "%.2f× (below 1: payplan is faster)", Double(run.wallNs) / Double(peer.wallNs)))
}

/// The absolute path of an executable: as given when it has a slash, else found on PATH.
func which(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let p = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

// MARK: - import: Taobao reports as a whole process

/// `payplan SCENARIO -e 'orders import FILE --format taobao' -e 'report 2026'` with the shipped plan A
/// scenario (its agents, no orders) and a generated Taobao report of N rows, newest first and shuffled
/// (`--import-orders`: the target is for any row order).
/// Checked: every row read and added, the silent orders counted as generated, the credited sales equal the peer's.
func importPhase(_ c: Context) throws {
    guard let payplan = payplanExecutable(c.options) else { missingExecutable(); return }
    let shipped = URL(fileURLWithPath: c.options.scenario).deletingLastPathComponent().appendingPathComponent("online-shop-cs.json").path
    var base = try ScenarioFile.load(path: shipped).workspace
    base.setOrders([])
    let scenario = c.folder + "/plan-a.json"
    try ScenarioFile.save(base, path: scenario)
    let ids = base.agents.filter { ($0.role ?? "sales") == "sales" }.compactMap(\.id)
    for rows in c.options.importRows {
        for rowOrder in c.options.importOrders {
            let csv = c.folder + "/taobao-\(rows)-\(rowOrder.rawValue).csv"
            let silent = try writeTaobaoReport(rows: rows, ids: ids, path: csv, shuffled: rowOrder == .shuffled, &c.rng)
            let run = runProcess([payplan, scenario, "-e", "orders import \(csv) --format taobao", "-e", "report 2026"], folder: c.folder)
            defer { unlink(csv) }
            guard run.status == 0 else { print("payplan failed (\(run.status)): \(run.stderr.prefix(400))"); c.wrong += 1; continue }
            let summary = "\(rows) rows read, \(rows) orders added, 0 replaced, 0 unchanged, 0 skipped"
            let credited = "\(rows - silent) to agents"
            if !run.stdout.contains(summary) || !run.stdout.contains(credited) || !run.stdout.contains("\(silent) silent") {
                print("MISMATCH: import of \(rows) rows: expected '\(summary)', '\(credited)', '\(silent) silent'; got: \(run.stdout.split(separator: "\n").prefix(3).joined(separator: " / "))")
                c.wrong += 1
            }
            let label = "import \(rows / 1000)k Taobao orders (\(rowOrder.title)) + report"
            let value = String(format: "%.0f ms wall, %.2f s CPU, peak %@", ms(run.wallNs), run.cpuSeconds, peakText(run))
            if rows <= 100_000 {
                c.target(label, value, target: "≤ 500 ms", ok: run.wallNs <= 500_000_000)
            } else {
                c.target(label, value, target: "≤ 4 s", ok: run.wallNs <= 4_000_000_000)
                c.target("  peak memory", peakText(run), target: "≤ 1024 MiB", ok: run.peakKB <= 1024 * 1024)
            }
            try importPeer(c, run: run, scenario: scenario, csv: csv, agents: base.agents.map(\.name))
        }
    }
}

/// The order of a generated Taobao report's rows (`--import-orders`).
enum ImportRowOrder: String {
    /// Newest first, as the platform exports: order numbers fall row by row.
    case newest
    /// The same rows in a random order (the `SplitMix64` stream): no run of numbers, every ID hashed and sorted.
    case shuffled

    var title: String { self == .newest ? "newest first" : "shuffled" }
}

/// A process's peak memory, saying when it may be the benchmark's own (`ProcessRun.peakIsOwn`).
func peakText(_ run: ProcessRun) -> String {
    mib(run.peakKB) + (run.peakIsOwn ? "" : " (ru_maxrss: at least the benchmark's own peak; install GNU time for the process's own)")
}

/// The import's Python peer, `peer/import_taobao.py`, on the same file: it reads the CSV, credits each order by its
/// note and sums each agent's credited sales per month with exact `Decimal`. Its year per agent, its silent orders'
/// sales and its total must equal payplan's report (`own_sales`) and import summary to the fen; then the ratio.
func importPeer(_ c: Context, run: ProcessRun, scenario: String, csv: String, agents: [String]) throws {
    guard !c.options.python.isEmpty else { return }
    let script = ["peer/import_taobao.py", "Benchmarks/peer/import_taobao.py"].first { FileManager.default.fileExists(atPath: $0) }
    guard let script, let python = which(c.options.python) else { print("  (peer skipped: no python3 or no peer/import_taobao.py)"); return }
    let peer = runProcess([python, script, scenario, csv, "2026"], folder: c.folder)
    guard peer.status == 0 else { print("import peer failed (\(peer.status)): \(peer.stderr.prefix(400))"); c.wrong += 1; return }
    // The peer: `NAME 1234.56` per agent, `silent …`, `total …`. payplan: the report's own_sales column and total,
    // and the silent orders' sales from the import's `credited:` line.
    var theirs: [String: Int] = [:]
    for line in peer.stdout.split(separator: "\n") {
        let f = line.split(separator: " ")
        if f.count == 2, let v = Fixed(decimalText: String(f[1])), let fen = v.fen { theirs[String(f[0])] = Int(fen) }
    }
    var ours = reportColumnFen(run.stdout, column: "own_sales")
    if let silent = silentSalesFen(run.stdout) { ours["silent"] = silent }
    var unequal: [String] = []
    for key in agents + ["silent", "total"] where ours[key] == nil || ours[key] != theirs[key] {
        unequal.append("\(key): payplan \(ours[key].map { fixed(fen: $0).moneyText } ?? "missing"), peer \(theirs[key].map { fixed(fen: $0).moneyText } ?? "missing")")
    }
    if !unequal.isEmpty { print("MISMATCH: import of \(csv): " + unequal.joined(separator: "; ")); c.wrong += 1 }
    c.line("  credited sales (= Python peer to the fen)", "\(fixed(fen: theirs["total"] ?? 0).moneyText) to \(agents.count) agents, silent \(fixed(fen: theirs["silent"] ?? 0).moneyText)")
    c.line("  Python peer (csv, exact Decimal, same file)", String(format: "%.0f ms wall, %.2f s CPU, peak %@", ms(peer.wallNs), peer.cpuSeconds, peakText(peer)))
    c.line("  payplan / peer", String(format: "%.2f× wall, %.2f× CPU (below 1: payplan is faster)",
                                        Double(run.wallNs) / Double(max(peer.wallNs, 1)), run.cpuSeconds / max(peer.cpuSeconds, 1e-6)))
}

/// A report's column (by its header) per agent row and its `total` row, in fen.
func reportColumnFen(_ report: String, column: String) -> [String: Int] {
    let lines = report.split(separator: "\n")
    guard let h = lines.firstIndex(where: { $0.split(separator: " ").contains(Substring(column)) }),
          let at = lines[h].split(separator: " ").firstIndex(of: Substring(column)) else { return [:] }
    var out: [String: Int] = [:]
    for line in lines[(h + 1)...] {
        let f = line.split(separator: " ")
        guard f.count > at, let v = Fixed(decimalText: f[at].replacingOccurrences(of: ",", with: "")), let fen = v.fen else { continue }
        out[String(f[0])] = Int(fen)
        if f[0] == "total" { break }
    }
    return out
}

/// The silent orders' sales from the import's `credited:` line (`… silent (闷拍) 297 (112,574.56); …`), in fen.
func silentSalesFen(_ output: String) -> Int? {
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("credited:") }),
          let r = line.range(of: "silent (闷拍) ") else { return nil }
    let rest = line[r.upperBound...]
    guard let open = rest.firstIndex(of: "("), let close = rest.firstIndex(of: ")"), open < close else { return nil }
    let text = rest[rest.index(after: open)..<close].replacingOccurrences(of: ",", with: "")
    return Fixed(decimalText: text)?.fen.map { Int($0) }
}

/// A Taobao seller order report (卖家中心 → 已卖出的宝贝 → 导出订单) of `rows` orders over 2026, newest first
/// as real exports are (or, `shuffled`, the same kind of rows in a random order): order numbers rising with time (one in ten written `="…"` as Excel keeps long numbers),
/// notes naming an agent's ID (some two, one in ten none), a few closed, unpaid and refunded orders.
/// - Returns: how many orders name no sales agent (silent).
func writeTaobaoReport(rows: Int, ids: [String], path: String, shuffled: Bool = false, _ rng: inout SplitMix64) throws -> Int {
    var lines: [[UInt8]] = []
    lines.reserveCapacity(rows)
    let start = Day(year: 2026, month: 1, day: 1)!.ordinal
    let statuses = ["交易成功", "交易成功", "交易成功", "交易成功", "交易成功", "交易成功", "卖家已发货", "交易关闭", "等待买家付款"]
    var silent = 0
    for k in 0..<rows {
        let i = rows - 1 - k // newest first
        let secondOfYear = Int(Double(i) / Double(rows) * 365 * 86_400)
        let day = Day(ordinal: start + secondOfYear / 86_400)
        let s = secondOfYear % 86_400
        let time = String(format: "%@ %02d:%02d:%02d", day.description, s / 3600, s / 60 % 60, s % 60)
        let id = String(format: "%@%011d", String(day.description.filter(\.isNumber)), i)
        let amountFen = Int.random(in: 990...99_900, using: &rng)
        let status = statuses[Int.random(in: 0..<statuses.count, using: &rng)]
        let refundFen = Int.random(in: 0..<20, using: &rng) == 0 ? Int.random(in: 1...amountFen, using: &rng) : 0
        let note: String
        switch Int.random(in: 0..<20, using: &rng) {
        case 0, 1: note = ""; silent += 1
        case 2: note = "已核对地址"; silent += 1
        case 3:
            let a = ids[Int.random(in: 0..<ids.count, using: &rng)], b = ids[Int.random(in: 0..<ids.count, using: &rng)]
            note = "改地址—\(a)—3/5 14:20;\(b) 成交"
        default: note = "\(ids[Int.random(in: 0..<ids.count, using: &rng)]) 成交"
        }
        let title = Int.random(in: 0..<10, using: &rng) == 0 ? "\"连衣裙, 夏季 \"\"新款\"\"\"" : "连衣裙夏季新款"
        let idCell = Int.random(in: 0..<10, using: &rng) == 0 ? "\"=\"\"\(id)\"\"\"" : id
        let paid = status == "等待买家付款" ? "" : time
        let line = "\(idCell),tb\(10_000_000 + Int.random(in: 0..<90_000_000, using: &rng)),\(fixed(fen: amountFen).format(minimumFractionDigits: 2, grouping: false)),"
            + "\(status),\(time),\(paid),\(fixed(fen: refundFen).format(minimumFractionDigits: 2, grouping: false)),\(note),\(title)\r\n"
        lines.append(Array(line.utf8))
    }
    if shuffled { lines.shuffle(using: &rng) }
    var out = [UInt8]()
    out.reserveCapacity(rows * 140)
    out += Array("订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注,宝贝标题\r\n".utf8)
    for line in lines { out += line }
    try Data(out).write(to: URL(fileURLWithPath: path))
    return silent
}

// MARK: - Random orders (the orders and files phases)

/// `count` random orders over 2026 for `agents`: cash and credit terms, most paid, a few late or written off.
func randomOrders(_ count: Int, agents: [Agent], _ rng: inout SplitMix64) -> [Order] {
    let terms = ["cash", "cash", "cash", "net30", "net60", "net90"]
    var list: [Order] = []
    list.reserveCapacity(count)
    for i in 0..<count {
        let agent = agents[Int.random(in: 0..<agents.count, using: &rng)].name
        let date = Day(year: 2026, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
        let amountFen = Int.random(in: 50_000...5_000_000, using: &rng)
        let marginPct = Int.random(in: 3...45, using: &rng)
        var fields: [String: AttributeValue] = [
            "amount": .number(fixed(fen: amountFen)), "profit": .number(fixed(fen: amountFen * marginPct / 100)),
            "terms": .text(terms[Int.random(in: 0..<terms.count, using: &rng)]),
            "costs": .number(fixed(fen: amountFen / Int.random(in: 50...200, using: &rng))),
        ]
        if Int.random(in: 0..<10, using: &rng) > 0 { fields["paid"] = .date(date.adding(days: Int.random(in: 0...100, using: &rng))!) }
        if Int.random(in: 0..<200, using: &rng) == 0 { fields["written_off"] = .date(date.adding(days: 150)!); fields["resale"] = .number(fixed(fen: amountFen / 4)) }
        list.append(Order(id: String(format: "O%07d", i + 1), agent: agent, date: date, fields: fields))
    }
    return list
}
