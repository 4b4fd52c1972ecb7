import Foundation
import LineEditing
import PayPlan
import PayPlanREPL

/// The interactive REPL: libedit line editing, history and completion around
/// a `Session`. Ctrl-C drops the line being typed; Ctrl-D on an empty line
/// or `quit` leaves, asking first when there are unsaved changes.
final class Shell {
    let session: Session
    let colour: Colour
    /// Set while reading a file name for the leave dialog: Tab completes paths.
    static nonisolated(unsafe) var readingFileName = false
    let editor: LineEditor
    /// Where the edits not saved yet are journalled (`EditJournal`), from the state directory.
    let environment: [String: String]
    var journal: EditJournal?
    /// `--recover`: replay a journal left by an earlier run without asking.
    var recoverWithoutAsking = false

    /// - Parameters:
    ///   - historyFile: where history is kept; `nil` keeps it in memory.
    ///   - environment: locates the state directory of the journal (none without one).
    init(session: Session, colour: Colour, historyFile: String?, environment: [String: String] = [:]) {
        self.session = session
        self.colour = colour
        self.environment = environment
        journal = session.path.flatMap { EditJournal(scenario: $0, environment: environment) }
        // Breaking words at punctuation makes Tab Tab list `sales`, not `李雷.sales`.
        editor = LineEditor(historyFile: historyFile, maxHistory: 1000, wordBreakCharacters: " \t\n.[(,=+*/:<>") { line, cursorByte in
            Shell.complete(line: line, cursorByte: cursorByte, session: session)
        }
        // Long commands poll Ctrl-C's flag and show one progress line on standard error.
        session.interruptCheck = { LineEditor.interruptRequested }
        session.otherWindows = { [unowned self] in self.journal?.liveOthers() ?? [] }
        session.progressLine = { text in
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        }
    }

    /// Reads and runs commands until the user leaves.
    func run() {
        let w = session.workspace
        let years = w.years.count == 1 ? "\(w.years.lowerBound)" : "\(w.years.lowerBound)–\(w.years.upperBound)"
        print(ShellMessage.banner(name: w.name, agents: w.agents.count, years: years).text(session.language))
        if let kept = session.keptKeysNote { print(kept) }
        guard offerRecovery() else { journal?.remove(); return }
        LineEditor.installTerminationHandler()
        var pending: [String] = []  // the lines of a command that continues
        while true {
            let prompt = pending.isEmpty
                ? Prompt.main(name: session.workspace.name, isDirty: session.isDirty) : Prompt.continuation(session.language)
            switch editor.readLine(prompt: prompt) {
            case .line(let line):
                if !pending.isEmpty {
                    // Waiting for the rest of a command: an empty line abandons it; a line that starts a
                    // command ends it there, as in a script (its error at its own line), and then runs.
                    if line.trimmingCharacters(in: .whitespaces).isEmpty {
                        pending = []
                        print(ShellMessage.unfinishedAbandoned.text(session.language))
                        continue
                    }
                    if ScriptGrouping.startsCommand(line) {
                        let unfinished = pending.joined(separator: "\n")
                        editor.addHistory(History.entry(unfinished))
                        let chunks = StatementText.group(pending + [line], startsCommand: ScriptGrouping.startsCommand)
                        pending = []
                        if let why = chunks.first?.unfinished {
                            var d = Diagnostic(SourceMessage.unfinished(why))
                            d.language = session.language
                            print(colour.error(d.render()).joined(separator: "\n"))
                        } else {
                            show(session.execute(unfinished))  // not a definition: its own error says what is missing
                        }
                    }
                }
                pending.append(line)
                let text = pending.joined(separator: "\n")
                if Session.needsContinuation(text) {
                    if pending.count == 1 { print(colour.line(ShellMessage.continuing.text(session.language), tone: .plain)) }
                    continue
                }
                pending = []
                editor.addHistory(History.entry(text))
                if let run = settle(text) {
                    LineEditor.clearInterrupt()
                    let before = session.changeCount
                    LineEditor.holdTermination(true)  // a SIGTERM/SIGHUP now waits for the journal
                    let output = session.execute(run)
                    record(session.journalText ?? run, changed: session.changeCount != before && (!output.failed || output.tookEffect))
                    LineEditor.holdTermination(false)
                    LineEditor.clearInterrupt()
                    show(output)
                    if output.leave, leave() { return }
                }
            case .interrupted:
                print("^C")
                pending = []
            case .endOfInput:
                print()
                if !pending.isEmpty {
                    pending = []
                    print(ShellMessage.unfinishedDropped.text(session.language))
                } else if leave() {
                    return
                }
            }
        }
    }

    /// Prints a command's output, coloured when colour is on.
    func show(_ output: Output) {
        for line in output.rendered { print(colour.line(line.text, tone: line.tone)) }
        for d in output.errors { print(colour.error(d.render()).joined(separator: "\n")) }
    }

    /// Runs the leave dialog; true when the program should end. Leaving
    /// after a save, or without saving on purpose, removes the journal.
    func leave() -> Bool {
        guard dialog(LeaveDialog.start(isDirty: session.isDirty, file: session.path)) else { return false }
        journal?.remove()
        return true
    }

    /// Journals `command` when it `changed` the workspace (flushed to disk before the next
    /// prompt), with the files it read; a workspace back to its file (saved, or undone to it)
    /// empties the journal. When the session moved to another file (`load`, `save AS`), the old
    /// file's journal goes, and the new file's says when another window has it open.
    func record(_ command: String, changed: Bool) {
        let absolute = session.path.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if journal?.scenario != absolute {
            journal?.remove()
            journal = session.path.flatMap { EditJournal(scenario: $0, environment: environment) }
            if let journal {
                if !journal.claim() { warnCannotJournal(journal.directory) }
                warnIfOpenElsewhere(journal)
            } else if session.path != nil {
                warnCannotJournal(nil)
            }
        }
        if !session.isDirty {
            journal?.clear()
        } else if changed {
            journal?.append(command, files: session.filesRead)
        }
        LineEditor.setTerminationNote(session.isDirty && journal != nil ? JournalMessage.stoppedKept.text(session.language) : nil)
    }

    /// Says when other payplan windows (live processes holding their journal's lock) have this scenario open.
    func warnIfOpenElsewhere(_ journal: EditJournal) {
        let pids = journal.liveOthers()
        guard !pids.isEmpty, let path = session.path else { return }
        let m = JournalMessage.openElsewhere(file: (path as NSString).lastPathComponent, pids: pids)
        print(colour.line(m.text(session.language), tone: m.tone))
    }

    /// Says that this window's unsaved edits cannot be journalled (`directory`, or no state directory
    /// at all), so a kill would lose them (a journal that cannot be written never stops an edit).
    func warnCannotJournal(_ directory: String?) {
        let m = JournalMessage.cannotJournal(directory: directory)
        print(colour.line(m.text(session.language), tone: m.tone))
    }

    /// Claims this window's journal, says whether other windows have the file open, and offers back
    /// the edits each earlier run left unsaved (killed, terminal closed, crashed), one journal at a
    /// time, oldest first: y replays them (carried into this window's journal), n drops them. When
    /// the file changed since, the edits are listed first and the question says so. Never offers a
    /// live window's journal.
    /// - Returns: false when an answer was cut short (Ctrl-C, Ctrl-D): payplan leaves, the journals stay.
    func offerRecovery() -> Bool {
        guard let path = session.path else { return true }
        guard let journal else { warnCannotJournal(nil); return true }
        if !journal.claim() { warnCannotJournal(journal.directory) }
        session.fingerprintsReads = true
        let others = journal.others()
        warnIfOpenElsewhere(journal)
        // Several stopped windows: each offer says which it is, so that two read differently.
        let stopped = others.filter { !$0.live && $0.pending != nil }
        for (k, other) in stopped.enumerated() {
            guard let p = other.pending else { continue }
            if stopped.count > 1 {
                let m = JournalMessage.stoppedWindow(index: k + 1, count: stopped.count, pid: p.pid, firstAt: EditJournal.clock(p.entries.first?.at ?? p.lastAt),
                                                     lastAt: EditJournal.clock(p.lastAt), last: History.entry(p.commands.last ?? ""))
                print(m.text(session.language))
            }
            let question = EditJournal.offer(p, file: path, language: session.language, interactive: true)
            print(question)
            var prompt = JournalMessage.recoverThem.text(session.language)
            if !p.fileUnchanged {
                for command in p.commands { print("  " + History.entry(command)) }
                prompt = JournalMessage.applyToChangedFile(file: (path as NSString).lastPathComponent).text(session.language)
            }
            var answer = recoverWithoutAsking && p.fileUnchanged ? "y" : nil
            while answer == nil {
                guard case .line(let text) = editor.readLine(prompt: prompt) else {
                    print()
                    print(JournalMessage.leftKept.text(session.language))
                    return false
                }
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                // As the other questions do (Prompt), the Chinese answers the zh prompt offers: 是 / 否.
                case "y", "yes", "是": answer = "y"
                case "n", "no", "否": answer = "n"
                default: print(JournalMessage.answerRecover.text(session.language))
                }
            }
            if answer == "n" {
                EditJournal.discard(p)
                print(JournalMessage.dropped.text(session.language))
                continue
            }
            let result = EditJournal.replay(p, on: session)
            // Carried into this window's journal before the orphan goes, so that a kill now loses nothing.
            journal.append(entries: result.applied)
            EditJournal.discard(p)
            for (i, line) in EditJournal.recovered(result, language: session.language).enumerated() {
                print(colour.line(line, tone: i == 0 ? .plain : .warning))
            }
        }
        LineEditor.setTerminationNote(session.isDirty ? JournalMessage.stoppedKept.text(session.language) : nil)
        return true
    }

    /// Asks before a command that would lose work, as leaving does: `load FILE`
    /// over unsaved changes (offering to save them first), `save` over a file
    /// another program changed. Returns the command to run (`load! FILE`,
    /// `save! …`), or `nil` when the user stayed.
    func settle(_ text: String) -> String? {
        let command = text.trimmingCharacters(in: .whitespaces)
        let word = command.prefix { !$0.isWhitespace }
        let rest = command.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        if word == "load", !rest.isEmpty, session.isDirty {
            return dialog(LeaveDialog.startLoading(rest, isDirty: true, file: session.path)) ? "load! " + rest : nil
        }
        if word == "save", let conflict = session.saveConflict(rest) {
            print(conflict)
            return dialog(.ask(.overwrite(file: rest.isEmpty ? session.path ?? rest : rest), message: nil)) ? "save! " + rest : nil
        }
        return text
    }

    /// Runs a dialog from `first`; true when it ends in `.leave` (go on).
    func dialog(_ first: LeaveDialog.Step) -> Bool {
        var step = first
        while true {
            switch step {
            case .leave:
                return true
            case .stay(let message):
                print(message.text(session.language))
                return false
            case .save(let file):
                let output = session.execute("save \(file)")
                show(output)
                if output.failed { return false }
                step = .leave
            case .ask(let question, let message):
                if let message { print(message.text(session.language)) }
                let answer: String?
                Shell.readingFileName = question == .fileName
                defer { Shell.readingFileName = false }
                if case .line(let text) = editor.readLine(prompt: question.prompt(session.language)) { answer = text } else {
                    print()
                    answer = nil
                }
                step = LeaveDialog.next(after: question, answer: answer)
            }
        }
    }

    /// Adapts `Completion` (Character offsets) to `LineEditor` (UTF-8
    /// offsets); a file name being read completes as the argument of `save`.
    static func complete(line: String, cursorByte: Int, session: Session) -> (replaceFrom: Int, candidates: [String], append: Character?) {
        let lead = readingFileName ? "save " : ""
        let head = String(decoding: line.utf8.prefix(cursorByte), as: UTF8.self)
        let result = Completion.candidates(line: lead + line, cursor: lead.count + head.count, session: session)
        let fromByte = line.prefix(max(0, result.replaceFrom - lead.count)).utf8.count
        return (fromByte, result.candidates, result.append)
    }
}
