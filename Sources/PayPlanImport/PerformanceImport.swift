import Foundation
import PayPlan

/// What a customer-service performance file holds: one figure per agent, month and input.
public struct PerformanceFile: Sendable {
    public var encoding: String
    public var rowsRead = 0
    /// The figures, in file order: the agent's name, the plan's input, the month and the value.
    public var values: [(row: Int, agent: String, input: String, period: Period, value: Fixed)] = []
    public var problems: [ImportProblem] = []
    /// Each column of the file and what it fills (`agent`, `month`, an input's name; `nil`: ignored).
    public var columns: [(header: String, target: String?)] = []
}

/// Reads a customer-service performance export (客服绩效, e.g. 千牛/赤兔 per agent and month) into the
/// plan's monthly per-agent inputs: `performance import FILE.csv [--month 2026-03]`.
///
/// Columns: 客服 (also 客服昵称, 旺旺, 子账号, 姓名, 工号) names the agent by name or employee ID
/// (`茶语轩:小美` is read as 小美); 月份 or 日期 gives the month, else `--month`; every other column
/// named like a monthly input of the plan, or its label (询单人数 for `input month inquiries "询单人数"`,
/// 首次响应时间 for the label 首次响应时间(秒)), fills that input. Times may be written `12`, `12s`,
/// `12秒`, `1分30秒`, `1m30s` or `1:30` and are stored in seconds. Rows naming 合计/总计 are totals and
/// are passed over. Same encodings and cleaning as `OrderImport`.
public enum PerformanceImport {
    public static let agentHeaders = ["客服", "客服昵称", "客服名称", "客服旺旺", "旺旺", "子账号", "旺旺昵称", "姓名", "工号", "agent"]
    /// `--month` given for a file whose `column` (月份, 日期 …) gives each row's month: refused, since one of the
    /// two would be ignored (the REPL words it, with the way out: drop `--month`, or `--map COLUMN=-`).
    public struct MonthConflict: Error, Equatable, Sendable {
        public let column: String
        public let month: Period
    }

    public static let monthHeaders = ["月份", "日期", "统计日期", "统计月份", "月", "month"]
    static let totalRows: Set<String> = ["合计", "总计", "汇总", "平均", "均值", "total"]

    /// - Parameter month: the month of rows without a month column (`--month`).
    /// - Throws: `ImportError` when the file cannot be read, names no agent column, or has no month;
    ///   `Interrupted` when `shouldStop` says so (nothing is imported).
    ///   - mapping: `--map` pairs, column → `agent`, `month`, a monthly input's name, or `-` to ignore it;
    ///     they take precedence over the names read from the header.
    ///   - shouldStop: polled every 1,024 rows (Ctrl-C); `progress` is told the rows read so far then.
    public static func read(_ data: Data, workspace w: Workspace, month: Period?, mapping: [String: String] = [:],
                            shouldStop: () -> Bool = { false }, progress: (Int) -> Void = { _ in }) throws -> PerformanceFile {
        let decoded = try OrderImport.decode(data)
        let (encoding, reader, firstRow, header) = try OrderImport.open(decoded)
        var file = PerformanceFile(encoding: encoding)
        let inputs = monthlyInputs(w.plan)
        let names = Set(inputs.values)
        for (column, target) in mapping where target != "-" && target != "agent" && target != "month" && !names.contains(target) {
            throw ImportError(.notAMonthlyInput(column: column, target: target, inputs: names.sorted()))
        }
        for column in mapping.keys where !header.contains(column) {
            throw ImportError(.noSuchColumn(column, columns: header))
        }
        var targets: [String?] = []
        var used: [String: String] = [:]
        for h in header {
            var t: String? = nil
            if let m = mapping[h] { t = m == "-" ? nil : m }
            else if agentHeaders.contains(h) { t = "agent" } else if monthHeaders.contains(h) { t = "month" }
            else { t = inputs[h] ?? inputs[bare(h)] ?? chituNames[h].flatMap { inputs[$0] } }
            if let target = t {
                if let other = used[target] {
                    throw ImportError(.twoColumnsGive(target, first: other, second: h))
                }
                used[target] = h
            }
            targets.append(t)
        }
        file.columns = zip(header, targets).map { ($0, $1) }
        guard used["agent"] != nil else {
            throw ImportError(.noAgentColumn(columns: header))
        }
        // --month with a month column: the column would win for every row, so --month would be ignored without a word.
        if let m = month, let column = used["month"] { throw MonthConflict(column: column, month: m) }
        guard used["month"] != nil || month != nil else {
            throw ImportError(.noMonthColumn)
        }
        guard used.keys.contains(where: { $0 != "agent" && $0 != "month" }) else {
            let names = Set(inputs.values).sorted()
            throw ImportError(.noInputColumn(inputs: names, columns: header))
        }

        var byKey: [String: String] = [:]
        for a in w.agents { byKey[a.name] = a.name; if let id = a.id { byKey[id.uppercased()] = a.name } }
        var seen: [String: Int] = [:]
        var rowNumber = firstRow
        var lastRow: [String] = []
        // 询单人数 and 最终付款人数: a row (or a row and the figure already entered) with more paying than inquiring buyers is refused.
        let inquiriesInput = conversionInput(w.plan, names: ["inquiries"], labels: ["询单人数", "咨询人数"])
        let buyersInput = conversionInput(w.plan, names: ["buyers"], labels: ["最终付款人数", "付款人数"])
        rows: while let row = reader.next() {
            rowNumber += 1
            lastRow = row
            if rowNumber % 1024 == 0 {
                if shouldStop() { throw Interrupted() }
                progress(file.rowsRead)
            }
            if OrderImport.isBlank(row) { continue }
            if let problem = OrderImport.cellCountProblem(row, header: header, row: rowNumber) {
                file.rowsRead += 1
                file.problems.append(problem)
                continue
            }
            func cell(_ i: Int) -> String { i < row.count ? OrderImport.cleanCell(row[i]) : "" }
            func bad(_ column: String, _ kind: ImportProblem.Kind) { file.problems.append(ImportProblem(row: rowNumber, column: column, kind)) }
            // The agent.
            let ai = targets.firstIndex(of: "agent")!
            let who = cell(ai)
            if totalRows.contains(who.lowercased()) { continue }
            file.rowsRead += 1
            if who.isEmpty { bad(header[ai], .emptyAgent); continue }
            let short = who.split(whereSeparator: { $0 == ":" || $0 == "：" }).last.map(String.init) ?? who
            guard let agent = byKey[who] ?? byKey[who.uppercased()] ?? byKey[short] ?? byKey[short.uppercased()] else {
                let known = w.agents.map { a in a.id.map { "\(a.name) (\($0))" } ?? a.name }
                bad(header[ai], .unknownAgent(who, known: known))
                continue
            }
            // The month.
            var period = month
            if let mi = targets.firstIndex(of: "month"), !cell(mi).isEmpty {
                guard let p = monthPeriod(cell(mi)) else { bad(header[mi], .notAMonth(cell(mi))); continue }
                period = p
            }
            guard let period else { bad(used["month"] ?? "月份", .emptyMonth); continue }
            guard w.years.contains(period.start.year) else {
                bad(used["month"] ?? "--month", .outsideYears("\(period)", years: w.years.count == 1 ? "\(w.years.lowerBound)" : "\(w.years.lowerBound)–\(w.years.upperBound)")); continue
            }
            let key = "\(agent)|\(period)"
            if let earlier = seen[key] { bad(header[ai], .duplicateAgentMonth(agent: agent, period: "\(period)", row: earlier)); continue }
            // The figures.
            var found: [(String, Fixed)] = []
            for (i, t) in targets.enumerated() {
                guard let input = t, input != "agent", input != "month" else { continue }
                let v = cell(i)
                if v.isEmpty || v == "-" || v == "—" { continue }
                guard let n = OrderImport.amount(v) ?? seconds(v) else {
                    let tooLarge = OrderImport.amountTooLarge(v) || durationTooLarge(v)
                    bad(header[i], .notANumberOrTime(v, tooLarge: tooLarge)); continue rows
                }
                guard n >= .zero else { bad(header[i], .negativeValue(v)); continue rows }
                found.append((input, n))
            }
            if let qi = inquiriesInput, let bi = buyersInput {
                let inRow = Dictionary(found, uniquingKeysWith: { a, _ in a })
                if inRow[qi] != nil || inRow[bi] != nil,
                   let q = inRow[qi] ?? w.input(qi, agent: agent, period: period), let b = inRow[bi] ?? w.input(bi, agent: agent, period: period), b > q {
                    let buyersColumn = targets.firstIndex(of: bi).map { header[$0] } ?? bi
                    let inquiriesColumn = targets.firstIndex(of: qi).map { header[$0] } ?? qi
                    file.problems.append(ImportProblem(row: rowNumber, column: buyersColumn,
                                                       reason: "\(b.format(minimumFractionDigits: 0, grouping: false)) paying buyers is more than the \(q.format(minimumFractionDigits: 0, grouping: false)) inquiring buyers (\(inquiriesColumn)): a conversion above 100%",
                                                       kind: .buyersAboveInquiries(buyers: b, inquiries: q, inquiriesColumn: inquiriesColumn)))
                    continue rows
                }
            }
            seen[key] = rowNumber
            for (input, n) in found { file.values.append((rowNumber, agent, input, period, n)) }
        }
        try OrderImport.finish(decoded, lastRow: lastRow, header: header)
        return file
    }

    /// The plan's per-agent monthly input with one of `names` or (bare) `labels`: 询单人数 → inquiries.
    static func conversionInput(_ plan: Plan, names: Set<String>, labels: Set<String>) -> String? {
        for d in plan.definitions {
            guard case .input(let dim, let name, let label, _, _) = d.statement, dim.perAgent, dim.grain == .month, !dim.perOrder else { continue }
            if names.contains(name) || label.map({ labels.contains($0) || labels.contains(bare($0)) }) == true { return name }
        }
        return nil
    }

    /// 赤兔/千牛 customer-service report columns → the label (bare, without its unit) they fill:
    /// 询单->最终付款人数 is the count of inquiring buyers who finally paid (最终付款人数), 首次响应(秒) and
    /// 平均响应(秒) the first and average response times in seconds.
    public static let chituNames: [String: String] = [
        "询单->最终付款人数": "最终付款人数", "询单→最终付款人数": "最终付款人数", "询单->付款人数": "最终付款人数",
        "首次响应(秒)": "首次响应时间", "首次响应时长(秒)": "首次响应时间", "首响时间(秒)": "首次响应时间",
        "平均响应(秒)": "平均响应时间", "平均响应时长(秒)": "平均响应时间", "咨询人数": "询单人数",
    ]

    /// Header → input name, for every per-agent monthly input of the plan: by name, label and bare label.
    static func monthlyInputs(_ plan: Plan) -> [String: String] {
        var m: [String: String] = [:]
        for d in plan.definitions {
            guard case .input(let dim, let name, let label, _, _) = d.statement, dim.perAgent, dim.grain == .month, !dim.perOrder else { continue }
            m[name] = name
            if let l = label { m[l] = name; m[bare(l)] = name }
        }
        return m
    }

    /// A header or label without a unit in brackets: 首次响应时间(秒) → 首次响应时间.
    static func bare(_ s: String) -> String {
        s.replacingOccurrences(of: #"\s*[(（][^)）]*[)）]\s*$"#, with: "", options: .regularExpression)
    }

    /// A month as exports write it: 2026-03, 2026/3, 2026.03, 2026年3月, 202603, or a day in it.
    public static func monthPeriod(_ text: String) -> Period? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if let d = OrderImport.day(s) { return .month(d.monthValue) }
        if s.count == 6, s.allSatisfy(\.isNumber), let y = Int(s.prefix(4)), let m = Int(s.suffix(2)), (1...12).contains(m) {
            return .month(Month(year: y, month: m))
        }
        let t = s.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "")
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        guard let p = Period(text: t), p.grain == .month else { return nil }
        return p
    }

    /// A duration in seconds: `12s`, `12秒`, `1分30秒`, `1分钟`, `1m30s`, `2min`, `1:30`, `1小时5分`.
    /// `nil` for anything else, for minutes or seconds of 60 or more after a colon (`1:75`), and
    /// for durations beyond 10²⁶ seconds (see `durationTooLarge`).
    public static func seconds(_ text: String) -> Fixed? {
        if case .value(let v) = parseSeconds(text) { return v }
        return nil
    }

    /// Whether `text` is written as a duration but is beyond 10²⁶ seconds.
    public static func durationTooLarge(_ text: String) -> Bool {
        if case .tooLarge = parseSeconds(text) { return true }
        return false
    }

    enum ParsedDuration { case value(Fixed), tooLarge, notADuration }

    static func parseSeconds(_ text: String) -> ParsedDuration {
        let s = text.lowercased().replacingOccurrences(of: " ", with: "")
        if s.range(of: #"^\d+:\d{1,2}(:\d{1,2})?$"#, options: .regularExpression) != nil {
            // h:mm:ss or m:ss; the leading part may be long, so it is read as an exact amount.
            let parts = s.split(separator: ":").map(String.init)
            guard let first = Fixed(decimalText: parts[0]) else { return .tooLarge }
            var total = first
            for part in parts.dropFirst() {
                guard let n = Int(part), n < 60 else { return .notADuration }
                guard let t = Fixed.checkedMultiply(total, 60).flatMap({ Fixed.checkedAdd($0, Fixed(n)) }) else { return .tooLarge }
                total = t
            }
            return .value(total)
        }
        let re = try! NSRegularExpression(pattern: #"(\d+(?:\.\d+)?)(小时|时|h|分钟|分|min|m|秒钟|秒|sec|s)"#)
        let ns = s as NSString
        var total = Fixed.zero, covered = 0
        for m in re.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            guard m.range.location == covered else { return .notADuration }
            let digits = ns.substring(with: m.range(at: 1))
            guard let n = Fixed(decimalText: digits) else {
                // Digits Fixed cannot hold: too large, or more than 12 decimals.
                return digits.split(separator: ".").first.map({ $0.count > 26 }) == true ? .tooLarge : .notADuration
            }
            let unit = ns.substring(with: m.range(at: 2))
            let factor: Fixed = ["小时", "时", "h"].contains(unit) ? 3600 : ["分钟", "分", "min", "m"].contains(unit) ? 60 : 1
            guard let t = Fixed.checkedMultiply(n, factor).flatMap({ Fixed.checkedAdd(total, $0) }) else { return .tooLarge }
            total = t
            covered = m.range.location + m.range.length
        }
        return covered == ns.length && covered > 0 ? .value(total) : .notADuration
    }
}
