// @preconcurrency: libedit's readline API is C global state; LineEditor is
// confined to one thread (it is not Sendable).
@preconcurrency internal import CEditLine
import Foundation
import Synchronization

/// What one `LineEditor.readLine(prompt:)` call produced.
public enum LineEditorEvent: Equatable, Sendable {
    /// A line the user entered (without the newline).
    case line(String)
    /// Ctrl-C: the line being typed was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or end of piped input.
    case endOfInput
}

/// An interactive line editor on BSD libedit's readline-compatible API:
/// per-character editing of multibyte (Chinese) text, Tab completion,
/// Up/Down history, Ctrl-R incremental search, and a bounded history file.
///
/// libedit's readline layer is process-global (one editor, one history), so
/// a process should have one `LineEditor`; a newer instance takes over.
public final class LineEditor {
    /// Completion source: given the whole line and the cursor (a UTF-8 byte
    /// offset), returns the UTF-8 offset from which text up to the cursor is
    /// replaced, the candidates that may replace it, and an ASCII character
    /// to type after a unique candidate (`nil` for none).
    public typealias Completer = (_ line: String, _ cursorUTF8Offset: Int)
        -> (replaceFrom: Int, candidates: [String], append: Character?)

    private static let interruptFlag = Atomic<Bool>(false)
    nonisolated(unsafe) private static var completer: Completer = { _, cursor in (cursor, [], nil) }

    /// Set by the SIGINT handler (Ctrl-C). A host running long work polls it
    /// to cancel, then calls `clearInterrupt()`; `readLine` clears it itself.
    public static var interruptRequested: Bool { interruptFlag.load(ordering: .relaxed) }

    public static func clearInterrupt() { interruptFlag.store(false, ordering: .relaxed) }

    private let historyFile: String?
    private var lastEntry: String?

    private static let holdingTermination = Atomic<Bool>(false)
    private static let pendingTermination = Atomic<Int32>(0)
    nonisolated(unsafe) private static var terminationNote: UnsafeMutablePointer<CChar>? = nil

    /// Installs a SIGTERM and SIGHUP (terminal closed) handler that ends the program
    /// cleanly: it prints the note set with `setTerminationNote` (if any) on standard
    /// error and exits with 128 + the signal's number. While `holdTermination(true)`
    /// is in force (a command is running and its journal entry is not written yet),
    /// the signal is remembered, long work is asked to stop (as by Ctrl-C), and the
    /// exit happens at `holdTermination(false)`.
    public static func installTerminationHandler() {
        _ = holdingTermination.load(ordering: .relaxed)
        _ = pendingTermination.load(ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            if LineEditor.holdingTermination.load(ordering: .relaxed) {
                LineEditor.pendingTermination.store(signal, ordering: .relaxed)
                LineEditor.interruptFlag.store(true, ordering: .relaxed)
                return
            }
            LineEditor.terminate(signal)
        }
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGHUP, &action, nil)
    }

    /// The note printed when SIGTERM or SIGHUP ends the program; `nil` for none.
    public static func setTerminationNote(_ text: String?) {
        let old = terminationNote
        terminationNote = text.map { strdup($0) }
        free(old)
    }

    /// Holds (true) or releases (false) SIGTERM and SIGHUP; releasing exits now if one came meanwhile.
    public static func holdTermination(_ hold: Bool) {
        holdingTermination.store(hold, ordering: .relaxed)
        if !hold {
            let signal = pendingTermination.load(ordering: .relaxed)
            if signal != 0 { terminate(signal) }
        }
    }

    /// Async-signal-safe: write(2) and _exit(2) only.
    private static func terminate(_ signal: Int32) -> Never {
        if let note = terminationNote { _ = write(2, note, strlen(note)) }
        _exit(128 + signal)
    }

    /// - Parameters:
    ///   - historyFile: history file, created (mode 0600, with parent
    ///     directories) if missing; `nil` keeps history in memory only.
    ///   - maxHistory: entries kept in memory and in the file.
    ///   - wordBreakCharacters: where libedit's word (the text it lists
    ///     candidates relative to) starts; the completer's `replaceFrom` may differ.
    public init(historyFile: String?, maxHistory: Int = 1000, wordBreakCharacters: String = " \t\n",
                completer: @escaping Completer) {
        Self.useUTF8Locale()  // before rl_initialize: libedit picks its charset there
        Self.installInterruptHandler()
        Self.completer = completer
        self.historyFile = historyFile

        rl_readline_name = UnsafePointer(strdup("payplan"))  // "payplan:" lines in ~/.editrc
        rl_initialize()  // also binds ^R to em-inc-search-prev
        // Ctrl-R search looks a typed character up in the key map by its low
        // byte only; without this it stops at characters like 王 (U+738B,
        // 0x8B = M-^K). Characters ending in a C0 control byte (刘 U+5218)
        // still end the search: a libedit limitation.
        for byte in 0o200...0o237 { rl_parse_and_bind("bind '\\\(String(byte, radix: 8))' ed-insert") }
        // libedit finds the word to complete with these (it ignores
        // rl_completer_word_break_characters); `complete` re-bases candidates.
        rl_basic_word_break_characters = UnsafePointer(strdup(wordBreakCharacters))
        rl_attempted_completion_function = { _, wordStart, cursor in
            LineEditor.complete(wordStart: Int(wordStart), cursor: Int(cursor))
        }
        stifle_history(Int32(clamping: maxHistory))
        if let historyFile {
            Self.createIfMissing(historyFile)
            read_history(historyFile)
        }
        lastEntry = history.last
    }

    /// Reads one line, showing `prompt`. Prints nothing after Ctrl-C or
    /// Ctrl-D: the cursor stays on the prompt line for the caller to finish.
    public func readLine(prompt: String) -> LineEditorEvent {
        Self.clearInterrupt()
        guard let raw = readline(prompt) else {
            return Self.interruptRequested ? .interrupted : .endOfInput
        }
        defer { free(raw) }
        return Self.interruptRequested ? .interrupted : .line(String(cString: raw))
    }

    /// Adds `line` to history unless it is blank or repeats the newest entry,
    /// then rewrites the history file (bounded to `maxHistory`; best effort).
    public func addHistory(_ line: String) {
        guard Self.shouldRecord(line, after: lastEntry) else { return }
        add_history(line)
        lastEntry = line
        if let historyFile { write_history(historyFile) }
    }

    /// History entries, oldest first.
    public var history: [String] {
        guard let list = history_list() else { return [] }
        var entries: [String] = []
        var index = 0
        while let entry = list[index] {
            entries.append(String(cString: entry.pointee.line))
            index += 1
        }
        return entries
    }

    // MARK: - Pure rules (unit-tested)

    static func shouldRecord(_ line: String, after previous: String?) -> Bool {
        !line.allSatisfy(\.isWhitespace) && line != previous
    }

    /// libedit replaces the word `[wordStart, cursor)` with the completion;
    /// the completer asked to replace `[replaceFrom, cursor)`. Rewrites the
    /// candidates to be word-relative (offsets are UTF-8 bytes into `line`,
    /// `replaceFrom` already clamped to `0...cursor`).
    /// Candidates that would need text before the word are dropped unless
    /// they begin with that text.
    static func wordRelative(_ candidates: [String], line: String, wordStart: Int, replaceFrom: Int) -> [String] {
        let bytes = Array(line.utf8)
        if replaceFrom >= wordStart {
            let lead = String(decoding: bytes[wordStart..<replaceFrom], as: UTF8.self)
            return candidates.map { lead + $0 }
        }
        let extra = String(decoding: bytes[replaceFrom..<wordStart], as: UTF8.self)
        return candidates.compactMap { $0.hasPrefix(extra) ? String($0.dropFirst(extra.count)) : nil }
    }

    /// Longest common prefix by Unicode scalar, so a multibyte character is
    /// never split (libedit decodes it back to wide characters).
    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first?.unicodeScalars[...] else { return "" }
        for string in strings.dropFirst() {
            let common = zip(prefix, string.unicodeScalars).prefix { $0 == $1 }.count
            prefix = prefix.prefix(common)
        }
        return String(String.UnicodeScalarView(prefix))
    }

    // MARK: - libedit glue

    /// `rl_attempted_completion_function`. `wordStart` and `cursor` count
    /// wide characters (Unicode scalars), not bytes: libedit completes on its
    /// wchar_t buffer and overwrites `rl_point` with that count as well.
    private static func complete(wordStart: Int, cursor: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1  // never fall back to file names
        guard let buffer = rl_line_buffer else { return nil }
        let line = String(cString: buffer)
        let scalars = Array(line.unicodeScalars)
        func utf8Offset(_ characters: Int) -> Int {
            scalars.prefix(characters).reduce(0) { $0 + UTF8.width($1) }
        }
        let cursorByte = utf8Offset(cursor)
        let (replaceFrom, candidates, append) = completer(line, cursorByte)
        // Read by libedit after this returns, when there is a single match.
        rl_completion_append_character = Int32(append?.asciiValue ?? 0)
        let from = min(max(replaceFrom, 0), cursorByte)
        var seen = Set<String>()
        let matches = wordRelative(candidates, line: line, wordStart: utf8Offset(wordStart), replaceFrom: from)
            .filter { seen.insert($0).inserted }
        guard !matches.isEmpty else { return nil }
        // readline convention: [common prefix, match..., NULL], malloc'ed;
        // libedit frees it.
        let strings = [commonPrefix(matches)] + matches
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { array[index] = strdup(string) }
        array[strings.count] = nil
        return array
    }

    /// libedit decodes input with mbrtowc, so LC_CTYPE must be UTF-8 for
    /// Chinese to be edited per character. Only LC_CTYPE is touched: an
    /// LC_NUMERIC from the environment would change C number formatting.
    private static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// A permanent SIGINT handler that only sets `interruptFlag`. While
    /// reading, libedit's own handler (installed without SA_RESTART) runs
    /// first, restores the terminal, puts this one back and re-raises with
    /// kill(0, SIGINT) (the whole process group); its read() then fails with
    /// EINTR and readline() returns NULL. When Ctrl-C lands while libedit is
    /// between reads (busy echoing fast typing), libedit goes back to read()
    /// with this handler in place; without SA_RESTART the next Ctrl-C still
    /// ends that read. The cost: a Ctrl-C during a long command may cut its
    /// output short (write() fails with EINTR), which is what Ctrl-C asks for.
    private static func installInterruptHandler() {
        _ = interruptFlag.load(ordering: .relaxed)  // initialise outside the handler
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            LineEditor.interruptFlag.store(true, ordering: .relaxed)
        }
        action.sa_flags = 0  // no SA_RESTART: see above
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }

    private static func createIfMissing(_ path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 { close(fd) }
    }
}
