import Foundation
import PayPlan

/// How `report`, `compare`, `attribution`, `orders` (and any other table of figures) are given out:
/// `--csv`, `--json`, `--md` print to standard output (or to `--out FILE`); `--xlsx FILE` writes a
/// workbook; `--out FILE` alone takes the format from the extension (`.csv`, `.json`, `.md`, `.xlsx`,
/// anything else: the text table).
struct FigureFormat: Equatable {
    enum Kind: String { case text, csv, json, md, xlsx }
    var kind: Kind = .text
    /// The file to write, or `nil` for standard output.
    var file: String?
    /// True when a flag asked for the format (`--csv`), not the file's name.
    var asked = false

    /// The options every figure command takes, for `CommandArguments.parse`.
    static let options: Set<String> = ["--xlsx", "--out"]
    static let flags: Set<String> = ["--csv", "--json", "--md"]

    /// The format the words ask for.
    /// - Throws: `CommandArguments.Problem` when two formats are asked for, or xlsx without a file.
    init(_ args: CommandArguments) throws(CommandArguments.Problem) {
        var kinds: [Kind] = []
        if args.has("--csv") { kinds.append(.csv) }
        if args.has("--json") { kinds.append(.json) }
        if args.has("--md") { kinds.append(.md) }
        if args["--xlsx"] != nil { kinds.append(.xlsx) }
        guard kinds.count <= 1 else { throw .oneFormat(kinds.map { "--" + $0.rawValue }) }
        if let x = args["--xlsx"], let o = args["--out"], x != o { throw .xlsxAndOut(out: o) }
        file = args["--xlsx"] ?? args["--out"]
        if let k = kinds.first { kind = k; asked = true } else if let f = file?.lowercased() {
            kind = f.hasSuffix(".csv") ? .csv : f.hasSuffix(".json") ? .json : f.hasSuffix(".md") ? .md : f.hasSuffix(".xlsx") ? .xlsx : .text
        }
        if kind == .xlsx, let f = file, !f.lowercased().hasSuffix(".xlsx") { throw .xlsxName(f) }
    }

    /// What is wrong with writing this format to its file: a format a flag asked for that is not the one the
    /// file's name says (`--csv --out q.json`), or `nil`.
    var nameProblem: ArgumentMessage? {
        guard asked, let f = file, let named = FigureFormat.formatNamed(by: f), named != kind.rawValue else { return nil }
        return .formatAndFileDiffer(option: "--" + kind.rawValue, format: kind.rawValue, file: f, named: named)
    }

    /// The format a file's name says by its extension (`q.json` → json; `.htm` → html), or `nil` for a name
    /// that says none of them (`q.txt`, `q`), which any format may be written to.
    static func formatNamed(by file: String) -> String? {
        let f = file.lowercased()
        for (ext, kind) in [(".csv", "csv"), (".json", "json"), (".md", "md"), (".xlsx", "xlsx"), (".html", "html"), (".htm", "html")] where f.hasSuffix(ext) { return kind }
        return nil
    }

    /// `file` with the extension of `format` in place of its own (`q.json`, csv → `q.csv`).
    static func renamed(_ file: String, to format: String) -> String {
        let ext = format == "text" ? "txt" : format
        guard let dot = file.lastIndex(of: "."), !file[dot...].contains("/") else { return file + "." + ext }
        return String(file[..<dot]) + "." + ext
    }

    /// A format as a person names it: CSV, JSON, Markdown, an Excel workbook, HTML, text.
    static func formatName(_ format: String) -> String {
        ["csv": "CSV", "json": "JSON", "md": "Markdown", "xlsx": "Excel", "html": "HTML", "text": "text"][format] ?? format
    }

    init() {}

    /// The words of a figure command (`report 2026 --csv`): its positional words and the format.
    /// - Throws: `CommandArguments.Problem` as `CommandArguments.parse` and `init(_:)` do.
    static func parse(_ rest: String) throws(CommandArguments.Problem) -> (words: [String], format: FigureFormat) {
        let args = try CommandArguments.parse(rest, options: options, flags: flags)
        return (args.positional, try FigureFormat(args))
    }
}

extension Session {
    /// Gives `tables` out in `format`: the terminal text (`text()`), a printed CSV/JSON/Markdown
    /// (verbatim, never translated), or a file written atomically (`wrote FILE (csv, 2 tables)`).
    /// - Throws: `Interrupted` when Ctrl-C stops a workbook being written (no file is left).
    func emit(_ tables: [FigureTable], as format: FigureFormat, text: () -> [String]) throws -> Output {
        if let file = format.file, let problem = figureTargetProblem(file) { return .error(problem) }
        if let problem = format.nameProblem { return .error(problem) }
        let body: String
        switch format.kind {
        case .text:
            // Rendered once: on the terminal as lines, into a file joined (it was rendered twice for the terminal).
            let lines = text()
            guard format.file != nil else { return Output(fixedLines: lines) }
            body = lines.joined(separator: "\n") + "\n"
        case .csv: body = FigureTable.csv(tables)
        case .json: body = FigureTable.json(tables)
        case .md: body = FigureTable.markdown(tables)
        case .xlsx:
            guard let file = format.file else { return .error(FigureFileMessage.xlsxNeedsFile) }
            do { try FigureTable.writeXLSX(tables, to: file, shouldStop: { [interruptCheck] in interruptCheck() }) } catch let e as Interrupted { throw e } catch {
                return .error(FigureFileMessage.notWritten(Session.describeBoth(error)))
            }
            return Output(message: FigureFileMessage.wroteWorkbook(file, sheets: tables.map(\.name)))
        }
        if let file = format.file {
            do { try AtomicFile.write(Data(body.utf8), to: file) } catch { return .error(FigureFileMessage.notWritten(Session.describeBoth(error))) }
            return Output(message: FigureFileMessage.wrote(file, format: format.kind.rawValue))
        }
        var out = Output(lines: body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        if out.lines.last == "" { out.lines.removeLast() }
        out.verbatim = true
        return out
    }
}
