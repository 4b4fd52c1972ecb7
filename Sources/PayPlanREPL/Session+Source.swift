import Foundation
import PayPlan

/// `source FILE [--bail]`: the commands of a script file, run one after another as if typed.
extension Session {
    /// How deeply `source` may nest (a script that sources itself, directly or through others, is refused before).
    static let maximumSourceDepth = 16

    /// Runs the commands of `FILE` (grouped as a piped script is: a definition continues on indented
    /// lines or after an incomplete line, any command after a trailing `\`). Each command is its own
    /// undo step, as in a pipe or `payplan -f` (and sqlite3's `.read`): a failing line changes nothing
    /// itself, and the lines before and after it that worked stay. Errors carry `FILE line N:`; when
    /// some lines failed and others changed the workspace, the output says so (`partlyApplied`) and
    /// sets `Output.tookEffect`. Under `--bail` (or the session's `bail`) the first failing command
    /// stops the script and nothing after it runs. `quit` ends the script and the session.
    ///
    /// Ctrl-C stops the script before its next command (the one running finishes, or stops
    /// itself if it is a long one): the output says before which line, how many commands ran and
    /// how many of them changed the workspace, which stay (`SourceMessage.interrupted`), and the
    /// journal records `source FILE --through N`, the lines that ran, so that recovery replays
    /// only those. `--through N` runs the lines up to N.
    /// - Complexity: O(lines of the file) plus the commands themselves.
    func source(_ rest: String) -> Output {
        let args: CommandArguments
        do { args = try CommandArguments.parse(rest, options: ["--through"], flags: ["--bail"]) } catch { return .error(SourceMessage.usage(OutputLine(error))) }
        guard args.positional.count == 1, let file = args.positional.first, !file.isEmpty else { return .error(SourceMessage.usage(nil)) }
        var through = Int.max
        // `--through 2:3`: lines up to 2, where line 2 is itself a `source` run `--through 3` (what an inner
        // script stopped by Ctrl-C ran, recorded by the journal so recovery replays no more than ran).
        var innerThrough: String? = nil
        if let t = args["--through"] {
            let parts = t.split(separator: ":", omittingEmptySubsequences: false)
            guard let n = Int(parts[0]), n >= 0, parts.dropFirst().allSatisfy({ Int($0).map { $0 >= 0 } ?? false }) else {
                return .error(SourceMessage.usage(nil))
            }
            through = n
            if parts.count > 1 { innerThrough = parts.dropFirst().joined(separator: ":") }
        }
        let identity = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
        if let first = sourcing.firstIndex(where: { $0.identity == identity }) {
            return .error(SourceMessage.alreadyRunning(file: file, loop: sourcing[first...].map(\.name) + [file]))
        }
        guard sourcing.count < Session.maximumSourceDepth else {
            return .error(SourceMessage.nestedTooDeep(file: file, maximum: Session.maximumSourceDepth))
        }
        let data: Data
        switch readImportFile(file) {
        case .success(let d): data = d
        case .failure: return .error(ScriptFile.unreadable(file, name: file))
        }
        let text: String
        switch ScriptFile.text(data, name: file) {
        case .success(let t): text = t
        case .failure(let problem): return .error(problem.message)
        }
        let bail = args.has("--bail") || self.bail
        sourcing.append((name: file, identity: identity))
        defer { sourcing.removeLast() }
        var out = Output()
        var failed = 0, tookEffect = 0, ran = 0
        var stoppedBefore: Int? = nil
        // The lines an inner script ran before Ctrl-C stopped it, when the last command was one.
        var innerStop: [Int]? = nil
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        ScriptGrouping.group(lines) { chunk in
            guard let command = chunk.text else { return true }
            if chunk.line >= through { return false }
            // Ctrl-C between two commands (or during one, which then stopped itself) ends the script here.
            if interruptCheck() { stoppedBefore = chunk.line + 1; return false }
            if chunk.incomplete {
                out.errors.append(Diagnostic(SourceMessage.fileEnded(file: file, line: chunk.line + 1)))
                failed += 1
                return false
            }
            if let why = chunk.unfinished {
                out.errors.append(Diagnostic(SourceMessage.atLine(file: file, line: chunk.line + 1, OutputLine(SourceMessage.unfinished(why)))))
                failed += 1
                return !bail
            }
            let trimmed = command.trimmingCharacters(in: .whitespaces)
            if trimmed == "quit" || trimmed == "exit" { out.leave = true; return false }
            let counted = changeCount
            var run = command
            if let innerThrough, chunk.line + 1 == through, trimmed.hasPrefix("source ") { run = trimmed + " --through \(innerThrough)" }
            stoppedSourceLines = nil
            let r = perform(run)
            innerStop = stoppedSourceLines
            stoppedSourceLines = nil
            ran += 1
            if r.failed { failed += 1 }
            if changeCount != counted && (!r.failed || r.tookEffect) { tookEffect += 1 }
            out.body += r.body
            for var d in r.errors {
                let line = chunk.line + 1 + (d.range.flatMap { range in d.source.map { $0.prefix(range.lowerBound).filter { $0 == "\n" }.count } } ?? 0)
                d.said = OutputLine(SourceMessage.atLine(file: file, line: line, d.said))
                out.errors.append(d)
            }
            if r.leave { out.leave = true; return false }
            if r.failed && bail {
                out.add(SourceMessage.stoppedAt(file: file, line: chunk.line + 1))
                return false
            }
            return true
        }
        if let line = stoppedBefore {
            out.errors.append(Diagnostic(SourceMessage.interrupted(file: file, line: line, ran: ran, tookEffect: tookEffect)))
            out.tookEffect = tookEffect > 0
            // The journal replays the lines that ran, not the whole file (the outermost script: an inner one's
            // stop also stops the one that sourced it, which then records its own lines).
            // An inner script's own lines follow its line (`--through 2:3`), so it too replays no more than ran.
            let path = [line - 1] + (innerStop ?? [])
            if sourcing.count == 1 {
                let name = file.contains(where: \.isWhitespace) ? "\"\(file)\"" : file
                journalText = "source \(name) --through \(path.map(String.init).joined(separator: ":"))"
            } else {
                stoppedSourceLines = path
            }
            return out
        }
        if out.failed && tookEffect > 0 {
            out.tookEffect = true
            out.add(SourceMessage.partlyApplied(file: file, failed: max(failed, 1), tookEffect: tookEffect))
        }
        return out
    }
}
