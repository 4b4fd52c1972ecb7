import Foundation
import Testing
import TestSupport

/// Drives the real `payplan` binary in tmux the way a person would: Chinese
/// input with Tab completion, an edit and its changed pay line, Up to recall,
/// Backspace over Chinese, Ctrl-C, help, and Ctrl-D answering the save
/// question. Asserts on the screen text, the saved scenario and the history.
@Suite(.enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the interactive end-to-end test is skipped"))
struct InteractiveEndToEndTests {
    @Test func editSaveAndLeave() throws {
        let binary = try #require(TmuxSession.payplanBinary(), "payplan binary not found next to the test bundle; run swift build first")
        let dir = NSTemporaryDirectory() + "payplan-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = dir + "/electronics-sales.json"
        let repoScenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/electronics-sales.json").standardizedFileURL.path
        try FileManager.default.copyItem(atPath: repoScenario, toPath: scenario)

        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try tmux.start("\(binary) \(scenario)")

        try tmux.waitFor("electronics-sales>")  // capture-pane trims trailing blanks
        tmux.keys("李", "Tab")
        try tmux.waitFor("electronics-sales> 李雷")  // unique: completed, nothing appended
        tmux.keys(".sales[2026-03] = 15万", "Enter")
        try tmux.waitFor("李雷.pay[2026-03]: ")
        #expect(tmux.screen().contains("→"))
        #expect(tmux.screen(escapes: true).contains("\u{1B}[32m李雷.pay[2026-03]"), "a higher pay is shown in green")
        try tmux.waitFor("electronics-sales*>")

        // Up recalls the edit; three Backspaces remove "15万" (a Chinese character is one).
        tmux.keys("Up")
        try tmux.waitFor("electronics-sales*> 李雷.sales[2026-03] = 15万")
        tmux.keys("BSpace", "BSpace", "BSpace")
        try tmux.waitFor { $0.last == "electronics-sales*> 李雷.sales[2026-03] =" }
        tmux.keys("15万", "Enter")
        // The value it already holds: no change, and no undo step (fresh-user finding 5, session 13).
        try tmux.waitFor("no change: 李雷.sales[2026-03] is already 150,000.00")

        // Backspace over Chinese in the middle of typing.
        tmux.keys("李雷王芳", "BSpace", "BSpace", ".sales[2026-03]", "Enter")
        try tmux.waitFor("李雷.sales[2026-03] = 150,000.00")

        // Ctrl-C drops the line and the REPL stays.
        tmux.keys("abandoned")
        try tmux.waitFor("electronics-sales*> abandoned")  // ^C makes the tty drop unread input
        try tmux.interrupt(showing: "abandoned^C")
        tmux.keys("help tables", "Enter")
        try tmux.waitFor("retroactive(T, amount)")
        #expect(!tmux.screen().contains("error:"))

        // Ctrl-D asks about the unsaved change; y saves and leaves.
        tmux.keys("C-d")
        try tmux.waitFor("save changes to \(scenario)? [y/n/c]")
        tmux.keys("y", "Enter")
        try tmux.waitFor("saved \(scenario)")
        #expect(try tmux.waitForExit() == 0)

        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scenario))) as? [String: Any]
        let sales = ((saved?["inputs"] as? [String: Any])?["李雷"] as? [String: Any])?["sales"] as? [String: String]
        #expect(sales?["2026-03"] == "150000")

        // History: in $XDG_STATE_HOME, the repeated edit kept once, back after a restart.
        let history = try String(contentsOfFile: dir + "/state/payplan/history", encoding: .utf8)
            .split(separator: "\n")
        #expect(history.count == 4, "header, the edit, the query and help: \(history)")
        tmux.stop()
        try tmux.start("\(binary) \(scenario)")
        try tmux.waitFor("electronics-sales>")  // capture-pane trims trailing blanks
        tmux.keys("Up", "Up")
        try tmux.waitFor("electronics-sales> 李雷.sales[2026-03]")
        try tmux.interrupt(showing: "electronics-sales> 李雷.sales[2026-03]^C")
        tmux.keys("C-d")
        #expect(try tmux.waitForExit() == 0, "a clean workspace leaves without asking")
    }
}

/// A new scenario typed from scratch: the banner says the file is new, Tab completes the commands that
/// completion used to miss (set lang, source, years), and `exit` asks before leaving unsaved work.
@Suite(.enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the interactive end-to-end test is skipped"))
struct NewScenarioEndToEndTests {
    @Test func newFileCompletionAndExit() throws {
        let binary = try #require(TmuxSession.payplanBinary(), "payplan binary not found next to the test bundle; run swift build first")
        let dir = NSTemporaryDirectory() + "payplan-e2e-new-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try tmux.start("\(binary) \(dir)/shop.json")
        try tmux.waitFor("shop.json: a new, empty scenario (the file does not exist yet)")  // the line wraps in 120 columns
        try tmux.waitFor("shop>")
        tmux.keys("set la", "Tab")
        try tmux.waitFor("shop> set lang")
        tmux.keys("en", "Enter")
        try tmux.waitFor("language: English")
        tmux.keys("agent add 王芳", "Enter")
        try tmux.waitFor("added 王芳")
        tmux.keys("years", "Tab", "2026-2027", "Enter")
        try tmux.waitFor("this scenario now covers 2026–2027")
        tmux.keys("sou", "Tab", "none.txt", "Enter")
        try tmux.waitFor("error: cannot read none.txt: no such file; nothing was run")
        tmux.keys("exi", "Tab", "Enter")
        try tmux.waitFor("save changes to \(dir)/shop.json? [y/n/c]")
        tmux.keys("y", "Enter")
        try tmux.waitFor("saved \(dir)/shop.json")
        #expect(try tmux.waitForExit() == 0)
        #expect(try String(contentsOfFile: dir + "/shop.json", encoding: .utf8).contains("王芳"))
    }
}

/// One program in a private tmux server (its socket in the test's directory).
struct TmuxSession {
    /// The tmux executable on `PATH`, or `nil`.
    static let tmux: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The `payplan` built alongside this test bundle (same build directory).
    static func payplanBinary() -> String? {
        let places = [Bundle.main.executablePath, CommandLine.arguments.first].compactMap { $0 }
        return places.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("payplan").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let directory: String

    init(directory: String) { self.directory = directory }

    /// Starts `command` in a 120×40 UTF-8 pane with a private HOME and
    /// XDG_STATE_HOME under `directory`; the shell around it writes its exit
    /// status to a file, and the pane stays after it exits.
    ///
    /// A server that a `stop()` just killed may still hold its socket for a moment, and a
    /// `new-session` sent to it then fails with nothing on the screen (seen on CI, where the
    /// second start of a test timed out on an empty pane): so the start is checked with
    /// `has-session` and retried on a fresh server.
    func start(_ command: String) throws {
        try? FileManager.default.removeItem(atPath: statusFile)
        let env = "env -i HOME=\(directory) XDG_STATE_HOME=\(directory)/state TERM=xterm-256color LANG=C.UTF-8"
        for attempt in 1...5 {
            let status = try runStatus(["new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40",
                                        "\(env) \(command); echo $? > \(statusFile)",
                                        ";", "set-option", "-t", "e2e", "remain-on-exit", "on"])
            if status == 0, try runStatus(["has-session", "-t", "e2e"]) == 0 { return }
            if attempt == 5 { break }
            stop()
            usleep(200_000)
        }
        Issue.record("tmux would not start a session for: \(command)")
        throw CancellationError()
    }

    var statusFile: String { directory + "/exit-status" }
    var socket: String { directory + "/tmux.sock" }

    /// Ends the tmux server and whatever runs in it, and waits (up to ten seconds) until the
    /// server is gone, so that a following `start` gets a new one.
    func stop() {
        _ = try? runStatus(["kill-server"])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, (try? runStatus(["has-session", "-t", "e2e"])) == 0 { usleep(50_000) }
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Types keys: literal text or tmux key names (`Tab`, `Enter`, `C-c`).
    func keys(_ keys: String...) {
        for key in keys { _ = try? run(["send-keys", "-t", "e2e", key]) }
    }

    /// The visible screen, trailing blank lines removed.
    func screen(escapes: Bool = false) -> String {
        (try? run(["capture-pane", "-p", "-t", "e2e"] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// Presses Ctrl-C and waits for `text`. A Ctrl-C that lands while
    /// libedit is busy echoing (not in read()) only sets the interrupt flag,
    /// so a second press may be needed, as it would be for a person.
    func interrupt(showing text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        keys("C-c")
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline {
            if screen().contains(text) { return }
            usleep(50_000)
        }
        keys("C-c")
        try waitFor(text, sourceLocation: sourceLocation)
    }

    /// Waits until `text` shows on the screen.
    func waitFor(_ text: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitFor(seconds: seconds, sourceLocation: sourceLocation) { $0.contains { $0.contains(text) } }
    }

    /// Polls the screen (its non-empty lines) until `condition` holds, for up to `seconds` (thirty
    /// by default; it returns as soon as it holds; the margin is for a loaded machine).
    func waitFor(seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation, _ condition: ([String]) -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let lines = screen().split(separator: "\n").map(String.init)
            if condition(lines) { return }
            usleep(50_000)
        }
        Issue.record("timed out; the screen was:\n\(screen())", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    /// Waits for the program to end; returns its exit status. Read from the
    /// file the pane's shell writes: tmux was seen to leave the exited
    /// program unreaped (the pane not marked dead) for many seconds.
    func waitForExit() throws -> Int? {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8), text.hasSuffix("\n") {
                return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            usleep(50_000)
        }
        Issue.record("payplan did not exit; the screen was:\n\(screen())")
        return nil
    }

    /// Runs a tmux command and returns its output. posix_spawn and waitpid
    /// rather than Foundation's Process (whose waitUntilExit missed the
    /// client's exit here), and output through a file rather than a pipe
    /// (the server a command starts would keep the pipe open).
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        _ = try runStatus(arguments)
        return (try? String(contentsOfFile: directory + "/tmux.out", encoding: .utf8)) ?? ""
    }

    /// Runs a tmux command and returns its exit status (its output is left in `tmux.out`).
    func runStatus(_ arguments: [String]) throws -> Int32 {
        let output = directory + "/tmux.out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Test threads block signals, and a spawned process inherits that
        // mask: reset it, or Ctrl-C and kill-server would not reach payplan.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([TmuxSession.tmux!, "-u", "-S", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, TmuxSession.tmux!, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // The wait status: exited normally when the low seven bits are zero, the code above them.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
