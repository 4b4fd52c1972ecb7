import Foundation
import PayPlan

/// The top index of a statement folder (`statement all PERIOD --html DIR`, `--md`, `--text`): every
/// period whose statements are in the folder, each with a link to its own index (`index-2026-03.html`,
/// the table of totals) and to every person's file. Runs for several months into one folder keep
/// each other's statements reachable (February's were left with no index when March's run replaced
/// `index.html`).
extension StatementRenderer {
    /// The statements in a folder, by period: the period's own index file (nil when the folder has none,
    /// as a folder written before per-period indexes) and each statement file with what it names
    /// (`S01-李雷`: the employee ID and name the file was written with).
    public struct FolderPeriod: Equatable {
        public var period: Period
        public var index: String?
        public var statements: [(file: String, person: String)]
        public static func == (a: FolderPeriod, b: FolderPeriod) -> Bool {
            a.period == b.period && a.index == b.index && a.statements.map(\.file) == b.statements.map(\.file)
        }
    }

    /// The file name of period `p`'s own index: `index-2026-03.html`.
    public static func periodIndexName(_ p: Period, ext: String) -> String { "index-\(p).\(ext)" }

    /// Reads statement files (`PERIOD-[ID-]NAME.ext`, as `statement all` names them) and period indexes
    /// (`index-PERIOD.ext`) out of a folder's file names; other files are left out. Months first, then
    /// quarters, halves and years, each in time order; files by name. `people` names a person as a
    /// reader knows them from what the file name holds (`S01-李雷` → `李雷（S01）`); unknown ones show as written.
    /// - Complexity: O(n log n) in the number of files.
    public static func folderPeriods(files: [String], ext: String, people: [String: String] = [:]) -> [FolderPeriod] {
        var byPeriod: [Period: FolderPeriod] = [:]
        for f in Set(files) where f.hasSuffix("." + ext) && !f.hasPrefix(".") {
            let stem = String(f.dropLast(ext.count + 1))
            if stem.hasPrefix("index-"), let p = Period(text: String(stem.dropFirst(6))) {
                byPeriod[p, default: FolderPeriod(period: p, index: nil, statements: [])].index = f
                continue
            }
            // The period is the file's first one or two dash-separated parts (2026-03-S01-李雷, 2026-S01-李雷 for a year).
            let parts = stem.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { continue }
            let (p, person): (Period, String)
            if parts.count == 3, let two = Period(text: parts[0] + "-" + parts[1]) { (p, person) = (two, parts[2]) }
            else if let one = Period(text: parts[0]), one.grain == .year { (p, person) = (one, parts.dropFirst().joined(separator: "-")) }
            else { continue }
            guard !person.isEmpty else { continue }
            byPeriod[p, default: FolderPeriod(period: p, index: nil, statements: [])].statements.append((f, people[person] ?? person))
        }
        return byPeriod.values.map { var v = $0; v.statements.sort { $0.file < $1.file }; return v }
            .filter { !$0.statements.isEmpty || $0.index != nil }
            .sorted { ($0.period.grain.months, $0.period.start.index) < ($1.period.grain.months, $1.period.start.index) }
    }

    /// The folder's top index (`index.html`, `index.md`, `index.txt`) in the renderer's language: each
    /// period with its number of statements, a link to its own index and one to each person's file.
    public func folderIndex(_ periods: [FolderPeriod], format: String, scenario: String) -> String {
        func count(_ n: Int) -> String { zh ? "\(n) 份工资条" : (n == 1 ? "1 statement" : "\(n) statements") }
        let heading = zh ? "工资条 — 各期间 · \(scenario)" : "pay statements — every period · \(scenario)"
        let lead = zh ? "本文件夹中的工资条，按期间列出；每个期间的汇总表见其索引。" : "The statements in this folder by period; each period's index has its table of totals."
        switch format {
        case "html":
            let h = Chart.xmlEscape
            var out = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(h(heading))</title>
            <style>body{font-family:\(StatementRenderer.fonts);margin:2em;color:#222} h2{font-size:1.1em;margin:1.2em 0 .3em} ul{margin:.2em 0} li{margin:.15em 0}</style>
            </head><body><h1>\(h(heading))</h1>
            <p>\(h(lead))</p>

            """
            for fp in periods {
                let title = h(plain.period(fp.period))
                out += "<h2>" + (fp.index.map { "<a href=\"\(h($0))\">\(title)</a>" } ?? title) + (zh ? "（\(count(fp.statements.count))）" : " (\(count(fp.statements.count)))") + "</h2>\n<ul>"
                out += fp.statements.map { "<li><a href=\"\(h($0.file))\">\(h($0.person))</a></li>" }.joined() + "</ul>\n"
            }
            return out + "</body></html>\n"
        case "md":
            var out = "# \(heading)\n\n\(lead)\n"
            for fp in periods {
                let title = plain.period(fp.period)
                out += "\n## " + (fp.index.map { "[\(title)](\($0))" } ?? title) + (zh ? "（\(count(fp.statements.count))）" : " (\(count(fp.statements.count)))") + "\n\n"
                out += fp.statements.map { "- [\($0.person)](\($0.file))\n" }.joined()
            }
            return out
        default:
            var out = heading + "\n"
            for fp in periods {
                out += "\n" + plain.period(fp.period) + (zh ? "（\(count(fp.statements.count))）" : " (\(count(fp.statements.count)))") + (fp.index.map { (zh ? "：" : ": ") + $0 } ?? "") + "\n"
                out += fp.statements.map { "  \($0.file)\n" }.joined()
            }
            return out
        }
    }
}
