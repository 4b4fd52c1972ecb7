import Foundation
import PayPlan
import PayPlanImport

/// `orders import FILE.csv [--map COL=field,…] [--map-name NAME] [--save-map NAME] [--skip-bad] [--dry-run]`.
extension Session {
    func importOrders(_ rest: String) -> Output {
        let usage = "write orders import FILE.csv [--map 订单编号=id,业务员=agent,签收日期=date,…] [--map-name NAME] [--save-map NAME] [--skip-bad] [--dry-run]"
        var words = Session.importWords(rest)
        guard !words.isEmpty, words.removeFirst() == "import" else { return .error(usage) }
        var file: String? = nil, mapText: String? = nil, mapName: String? = nil, saveName: String? = nil
        var skipBad = false, dryRun = false
        var i = 0
        while i < words.count {
            let w = words[i]
            func value() -> String? { i + 1 < words.count && !words[i + 1].hasPrefix("--") ? words[i + 1] : nil }
            switch w {
            case "--skip-bad": skipBad = true
            case "--dry-run": dryRun = true
            case "--map", "--map-name", "--save-map":
                guard let v = value() else { return .error("\(w) needs a value; \(usage)") }
                if w == "--map" { mapText = v } else if w == "--map-name" { mapName = v } else { saveName = v }
                i += 1
            default:
                if w.hasPrefix("--") { return .error("unknown option \(w); \(usage)") }
                guard file == nil else { return .error("one file at a time ('\(file!)' and '\(w)'); \(usage)") }
                file = w
            }
            i += 1
        }
        guard let file else { return .error(usage) }

        // The mapping: a saved one, then --map on top.
        var mapping: [String: String] = [:]
        if let n = mapName {
            guard let saved = workspace.importMaps[n] else {
                let names = workspace.importMaps.keys.sorted()
                return .error("no saved mapping named '\(n)'" + (names.isEmpty ? " (this scenario has none; --save-map NAME saves one)" : " (saved: \(names.joined(separator: ", ")))"))
            }
            mapping = saved
        }
        if let t = mapText {
            do { mapping.merge(try OrderImport.parseMapping(t)) { _, new in new } } catch let e as ImportError { return .error(e.message) } catch {
                return .error("\(error)")
            }
        }

        // The file: as given, else beside the scenario file.
        var path = file
        if !FileManager.default.fileExists(atPath: path), !path.hasPrefix("/"), let scenario = self.path {
            let beside = URL(fileURLWithPath: scenario).deletingLastPathComponent().appendingPathComponent(file).path
            if FileManager.default.fileExists(atPath: beside) { path = beside }
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            return .error("cannot read \(file): \(FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"); nothing was imported")
        }
        let read: OrderFile
        do { read = try OrderImport.read(data, mapping: mapping, workspace: workspace) } catch let e as ImportError {
            return .error("\(file): \(e.message); nothing was imported")
        } catch { return .error("\(file): \(error); nothing was imported") }

        let mapped = read.columns.compactMap { c in c.target.map { "\(c.header)→\($0)" } }
        let ignored = read.columns.filter { $0.target == nil && !$0.header.isEmpty }.map(\.header)
        var info = ["columns: " + mapped.joined(separator: ", ") + (ignored.isEmpty ? "" : "; ignored: " + ignored.joined(separator: ", "))]
        let problemLines = read.problems.prefix(20).map { "  \($0)" } + (read.problems.count > 20 ? ["  … and \(read.problems.count - 20) more"] : [])

        if !read.problems.isEmpty && !skipBad {
            let n = read.problems.count
            return Output(errors: [Diagnostic("\(file): \(n) bad row\(n == 1 ? "" : "s") of \(read.rowsRead); nothing was imported (--skip-bad imports the other rows):\n" + problemLines.joined(separator: "\n"))])
        }
        var new = workspace
        let counts = OrderImport.merge(read.orders.map(\.order), into: &new)
        if let s = saveName { new.importMaps[s] = mapping.isEmpty ? Dictionary(uniqueKeysWithValues: read.columns.compactMap { c in c.target.map { (c.header, $0) } }) : mapping }
        let summary = "\(dryRun ? "would import" : "imported") \(file) (\(read.encoding)): \(read.rowsRead) row\(read.rowsRead == 1 ? "" : "s") read, "
            + "\(counts.added) order\(counts.added == 1 ? "" : "s") added, \(counts.replaced) replaced, \(counts.unchanged) unchanged, \(read.problems.count) skipped"
        if !read.problems.isEmpty { info += ["skipped:"] + problemLines }
        if let s = saveName, !dryRun { info.append("saved the mapping as '\(s)' (orders import FILE --map-name \(s))") }
        if dryRun { return Output(lines: [summary + "; nothing was changed (--dry-run)"] + info) }
        if counts.added + counts.replaced == 0 && new.importMaps == workspace.importMaps {
            return Output(lines: [summary + "; nothing changed"] + info)
        }
        return commit(new, label: "orders import \(file)", message: [summary] + info)
    }

    /// Splits the command into words, keeping "quoted file names" whole.
    static func importWords(_ text: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, any = false
        for c in text {
            if c == "\"" { quoted.toggle(); any = true; continue }
            if c.isWhitespace && !quoted {
                if any || !current.isEmpty { words.append(current) }
                current = ""; any = false
            } else { current.append(c) }
        }
        if any || !current.isEmpty { words.append(current) }
        return words
    }
}
