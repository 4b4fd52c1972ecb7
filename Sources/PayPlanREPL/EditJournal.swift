import Foundation

/// The journal of a session's unsaved edits, so that a kill (SIGKILL), a closed
/// terminal (SIGHUP) or a crash loses nothing: the interactive shell appends every
/// command that changed the workspace (flushed to disk with `fsync` before the next
/// prompt), a save or a deliberate "don't save" empties the journal, and the next
/// start of payplan on the same scenario offers to replay the commands.
///
/// **One journal per process**: two payplan windows on one scenario keep their edits apart, so a
/// save in one never drops the other's, and a kill of either loses nothing. The journal of
/// `SCENARIO` in process `PID` is `NAME-KEY-PID.journal` (`KEY` hashes the scenario's absolute
/// path) in the state directory beside the history (`$XDG_STATE_HOME/payplan/journal/`, else
/// `~/.local/state/payplan/journal/`), mode 0600. The shell creates it when it starts (`claim`)
/// and holds an exclusive `flock` on it until it leaves: a journal whose lock can be taken belongs
/// to a process that is gone (an orphan, offered for recovery); one whose lock is held belongs to a
/// live window (never offered; the scenario is "open elsewhere"). The kernel drops the lock when a
/// process dies, even by SIGKILL, so a reused pid never looks alive.
///
/// The file is JSON lines: a header `{"journal":2,"pid":PID,"scenario":PATH,"size":BYTES,
/// "mtime":"SECONDS.NANOSECONDS"}` recording the scenario file as it was when the edits began (size
/// `-1` when it did not exist yet), then one `{"at":UNIX_SECONDS,"command":TEXT,"cwd":DIR,
/// "files":[{"path":…,"size":…,"mtime":…,"hash":…}]}` per edit; `files` fingerprints the files the
/// command read (`orders import`, `performance import`, `source`), so that recovery never reads
/// a changed file as if it were the one imported. Version 1 journals (`NAME-KEY.journal`, no pid,
/// no files) are still read, as orphans.
public final class EditJournal {
    /// The journal's own file (this process's).
    public let file: String
    /// The scenario file it is for (absolute).
    public let scenario: String
    /// The directory of the journals.
    public let directory: String
    /// The process whose journal this is.
    public let pid: Int32
    /// `NAME-KEY`: the start of every journal's name for this scenario.
    let stem: String
    private var fd: Int32 = -1

    /// One journalled command.
    public struct Entry: Equatable, Sendable {
        /// The command as typed (several lines for a definition).
        public var command: String
        /// The working directory it ran in (relative file names resolve there on replay).
        public var cwd: String?
        /// The files it read, as they were then.
        public var files: [FileFingerprint]
        /// When it ran (Unix time, seconds).
        public var at: Int

        public init(command: String, cwd: String? = nil, files: [FileFingerprint] = [], at: Int = 0) {
            self.command = command; self.cwd = cwd; self.files = files; self.at = at
        }
    }

    /// What a journal left by an earlier run holds.
    public struct Pending: Equatable, Sendable {
        /// The commands, oldest first.
        public var entries: [Entry]
        /// When the last one was run (Unix time, seconds).
        public var lastAt: Int
        /// True when the scenario file is still as it was when the edits began.
        public var fileUnchanged: Bool
        /// The journal file holding them.
        public var journal: String
        /// The process that wrote them (`nil` for a version 1 journal).
        public var pid: Int?
        /// The commands alone, oldest first.
        public var commands: [String] { entries.map(\.command) }
    }

    /// Another journal of the same scenario: a live window's, or an orphan's.
    public struct Other: Equatable, Sendable {
        /// Its file.
        public var journal: String
        /// The process that wrote it (from its name; `nil` for a version 1 journal).
        public var pid: Int?
        /// True while that process runs (it holds the journal's lock).
        public var live: Bool
        /// An orphan's edits (`nil` for a live window, or an orphan with none).
        public var pending: Pending?
    }

    /// The journal of `scenario` for process `pid` under the state directory of `environment`
    /// (`nil` without a usable `XDG_STATE_HOME` or `HOME`, as for the history).
    public convenience init?(scenario: String, environment: [String: String], pid: Int32 = getpid()) {
        guard let history = History.filePath(environment: environment) else { return nil }
        let directory = (history as NSString).deletingLastPathComponent + "/journal"
        self.init(scenario: scenario, directory: directory, pid: pid)
    }

    /// The journal of `scenario` for process `pid` in `directory` (created, mode 0700, by `claim` or the first edit).
    public init(scenario: String, directory: String, pid: Int32 = getpid()) {
        let absolute = URL(fileURLWithPath: scenario).standardizedFileURL.path
        self.scenario = absolute
        self.directory = directory
        self.pid = pid
        let base = URL(fileURLWithPath: absolute).deletingPathExtension().lastPathComponent
        stem = base + "-" + EditJournal.key(absolute)
        file = directory + "/" + stem + "-\(pid).journal"
    }

    deinit { if fd >= 0 { close(fd) } }

    /// FNV-1a (64 bits) of the path, in hex: a stable key for one absolute path.
    static func key(_ path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    /// Size and modification time of the scenario file, as the header records them.
    func stamp() -> (size: Int64, mtime: String) {
        var info = stat()
        guard stat(scenario, &info) == 0 else { return (-1, "0.0") }
        return (Int64(info.st_size), "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
    }

    /// Creates this process's journal (empty) and takes its lock, so that other payplan processes
    /// on the scenario see this one as live. Best effort: false when it cannot be created.
    @discardableResult
    public func claim() -> Bool {
        if fd >= 0 { return true }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        fd = open(file, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        fchmod(fd, 0o600)
        _ = flock(fd, LOCK_EX | LOCK_NB)
        return true
    }

    /// Appends one command that changed the workspace, with the files it read, starting the
    /// journal (header first) when it is empty, and waits until it is on disk (`fsync`). Best
    /// effort: a journal that cannot be written never stops the edit.
    /// - Complexity: O(length of `command` + number of `files`).
    public func append(_ command: String, files: [FileFingerprint] = [], cwd: String? = FileManager.default.currentDirectoryPath,
                       at time: Date = Date()) {
        append(entries: [Entry(command: command, cwd: cwd, files: files, at: Int(time.timeIntervalSince1970))])
    }

    /// Appends `entries` as they are (a recovered orphan's edits carried into this journal).
    /// - Complexity: O(total length of the entries).
    public func append(entries: [Entry]) {
        guard !entries.isEmpty, claim() else { return }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size == 0 {
            let s = stamp()
            write(["journal": 2, "pid": Int(pid), "scenario": scenario, "size": s.size, "mtime": s.mtime])
        }
        for e in entries {
            var object: [String: Any] = ["at": e.at, "command": e.command]
            if let cwd = e.cwd { object["cwd"] = cwd }
            if !e.files.isEmpty {
                object["files"] = e.files.map { ["path": $0.path, "size": $0.size, "mtime": $0.mtime, "hash": $0.hash] as [String: Any] }
            }
            write(object)
        }
        fsync(fd)
    }

    private func write(_ object: [String: Any]) {
        guard fd >= 0, var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        data.append(0x0A)
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    /// Empties the journal (after a save, or when the user chose to drop the edits). The file and
    /// its lock stay while the process runs, so other windows still see it open.
    public func clear() {
        if fd >= 0 { _ = ftruncate(fd, 0); fsync(fd) }
    }

    /// Removes the journal and lets go of its lock (leaving, or moving to another scenario file).
    public func remove() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(file)
    }

    /// The edits this process's own journal holds, or `nil` when none.
    public func pending() -> Pending? { EditJournal.read(file) }

    /// The edits a journal file holds, or `nil` when there is none (or it holds no edit).
    /// A last line cut short by the kill is ignored.
    /// - Complexity: O(size of the journal).
    static func read(_ journal: String) -> Pending? {
        guard let text = try? String(contentsOfFile: journal, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        guard let header = lines.first, let version = header["journal"] as? Int, version == 1 || version == 2,
              let scenario = header["scenario"] as? String else { return nil }
        lines.removeFirst()
        let entries: [Entry] = lines.compactMap { line in
            guard let command = line["command"] as? String else { return nil }
            let files = (line["files"] as? [[String: Any]] ?? []).compactMap { f -> FileFingerprint? in
                guard let path = f["path"] as? String, let size = f["size"] as? Int, let mtime = f["mtime"] as? String,
                      let hash = f["hash"] as? String else { return nil }
                return FileFingerprint(path: path, size: Int64(size), mtime: mtime, hash: hash)
            }
            return Entry(command: command, cwd: line["cwd"] as? String, files: files, at: line["at"] as? Int ?? 0)
        }
        guard !entries.isEmpty else { return nil }
        var info = stat()
        let now: (Int64, String) = stat(scenario, &info) == 0 ? (Int64(info.st_size), "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)") : (-1, "0.0")
        let same = (header["size"] as? Int).map(Int64.init) == now.0 && header["mtime"] as? String == now.1
        return Pending(entries: entries, lastAt: entries.last?.at ?? 0, fileUnchanged: same, journal: journal, pid: header["pid"] as? Int)
    }

    /// The other journals of this scenario: live windows (their lock is held) and orphans
    /// (their process is gone), orphans with edits oldest first. An orphan with no edit is removed.
    /// - Complexity: O(files in the journal directory + size of the orphans).
    public func others() -> [Other] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var found: [Other] = []
        for name in names.sorted() where name.hasPrefix(stem) && name.hasSuffix(".journal") {
            let middle = name.dropFirst(stem.count).dropLast(".journal".count)
            let pid: Int?
            if middle.isEmpty { pid = nil } else if middle.first == "-", let p = Int(middle.dropFirst()) { pid = p } else { continue }
            let path = directory + "/" + name
            if path == file { continue }
            let other = open(path, O_RDWR | O_CLOEXEC)
            guard other >= 0 else { continue }
            defer { close(other) }
            if flock(other, LOCK_EX | LOCK_NB) != 0 {
                found.append(Other(journal: path, pid: pid, live: true, pending: nil))
                continue
            }
            if let p = EditJournal.read(path) {
                found.append(Other(journal: path, pid: pid, live: false, pending: p))
            } else {
                unlink(path)  // an orphan with no edit: nothing to offer
            }
        }
        return found.sorted { ($0.live ? 0 : 1, $0.pending?.lastAt ?? 0) < ($1.live ? 0 : 1, $1.pending?.lastAt ?? 0) }
    }

    /// The pids of the other live payplan windows on this scenario.
    public func liveOthers() -> [Int] { others().filter(\.live).compactMap(\.pid) }

    /// Removes an orphan's journal (recovered into this one, or dropped).
    public static func discard(_ p: Pending) { unlink(p.journal) }

    /// HH:MM of a Unix time, with the date before it when it is not today.
    public static func clock(_ seconds: Int) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let f = DateFormatter()
        f.dateFormat = Calendar.current.isDateInToday(date) ? "HH:mm" : "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }

    /// The recovery question or notice, in the session's language.
    /// - Parameter interactive: true for the shell's `[y/n]` question; false for a script's notice.
    public static func offer(_ p: Pending, file: String, language: DisplayLanguage, interactive: Bool) -> String {
        JournalMessage.offer(file: (file as NSString).lastPathComponent, edits: p.entries.count, lastAt: clock(p.lastAt), pid: p.pid,
                             then: p.fileUnchanged ? .unchanged : .changed, interactive: interactive).text(language)
    }

    /// Why `entry` must not be replayed: a file it read is gone or differs from what it read
    /// (its content: size or hash); `nil` when every file is as it was.
    /// - Complexity: O(bytes of the files `entry` read).
    public static func changedRead(_ entry: Entry) -> JournalMessage? {
        for f in entry.files {
            guard let now = FileFingerprint.now(f.path) else { return .readFileGone(file: f.path) }
            if now.size != f.size || now.hash != f.hash {
                return .readFileChanged(file: f.path, sizeBefore: f.size, sizeNow: now.size,
                                        modifiedBefore: clock(f.modifiedAt), modifiedNow: clock(now.modifiedAt))
            }
        }
        return nil
    }

    /// Replays `p`'s commands on `session` (freshly loaded), in order, each in the directory it
    /// first ran in. A command whose read file changed or is gone is not replayed (`changedRead`).
    /// - Returns: the entries replayed, and the errors of any not replayed (`could not be replayed: command: why`).
    /// - Complexity: the commands themselves, plus reading the files they read.
    public static func replay(_ p: Pending, on session: Session) -> (applied: [Entry], failures: [String]) {
        var applied: [Entry] = [], failures: [String] = []
        let home = FileManager.default.currentDirectoryPath
        for entry in p.entries {
            if let why = changedRead(entry) {
                failures.append(JournalMessage.couldNotReplay(command: History.entry(entry.command), why: why.text(session.language)).text(session.language))
                continue
            }
            var moved = false
            if let cwd = entry.cwd, cwd != home, FileManager.default.changeCurrentDirectoryPath(cwd) { moved = true }
            let out = session.execute(entry.command)
            if moved { _ = FileManager.default.changeCurrentDirectoryPath(home) }
            if out.failed {
                failures.append(JournalMessage.couldNotReplay(command: History.entry(entry.command),
                                                              why: out.errors.map(\.message).joined(separator: "; ")).text(session.language))
            } else {
                applied.append(entry)
            }
        }
        return (applied, failures)
    }

    /// The lines after a replay.
    public static func recovered(_ r: (applied: [Entry], failures: [String]), language: DisplayLanguage) -> [String] {
        [JournalMessage.recovered(r.applied.count).text(language)] + r.failures
    }
}
