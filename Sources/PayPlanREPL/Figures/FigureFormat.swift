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
        if let k = kinds.first { kind = k } else if let f = file?.lowercased() {
            kind = f.hasSuffix(".csv") ? .csv : f.hasSuffix(".json") ? .json : f.hasSuffix(".md") ? .md : f.hasSuffix(".xlsx") ? .xlsx : .text
        }
        if kind == .xlsx, let f = file, !f.lowercased().hasSuffix(".xlsx") { throw .xlsxName(f) }
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
