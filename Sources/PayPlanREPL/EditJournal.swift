import Foundation

/// The journal of a session's unsaved edits, so that a kill (SIGKILL), a closed
/// terminal (SIGHUP) or a crash loses nothing: the interactive shell appends every
/// command that changed the workspace (flushed to disk with `fsync` before the next
/// prompt), a save or a deliberate "don't save" removes the journal, and the next
/// start of payplan on the same scenario offers to replay the commands.
///
/// One journal per scenario file, keyed by its absolute path, in the state directory
/// beside the history (`$XDG_STATE_HOME/payplan/journal/`, else
/// `~/.local/state/payplan/journal/`), mode 0600. The file is JSON lines: a header
/// `{"journal":1,"scenario":PATH,"size":BYTES,"mtime":"SECONDS.NANOSECONDS"}` recording the
/// scenario file as it was when the edits began (size `-1` when it did not exist yet),
/// then one `{"at":UNIX_SECONDS,"command":TEXT}` per edit. Recovery replays the commands
/// only when the file still matches the header.
public final class EditJournal {
    /// The journal's own file.
    public let file: String
    /// The scenario file it is for (absolute).
    public let scenario: String
    private var fd: Int32 = -1

    /// What a journal left by an earlier run holds.
    public struct Pending: Equatable, Sendable {
        /// The commands, oldest first.
        public var commands: [String]
        /// When the last one was run (Unix time, seconds).
        public var lastAt: Int
        /// True when the scenario file is still as it was when the edits began.
        public var fileUnchanged: Bool
    }

    /// The journal of `scenario` under the state directory of `environment`
    /// (`nil` without a usable `XDG_STATE_HOME` or `HOME`, as for the history).
    public convenience init?(scenario: String, environment: [String: String]) {
        guard let history = History.filePath(environment: environment) else { return nil }
        let directory = (history as NSString).deletingLastPathComponent + "/journal"
        self.init(scenario: scenario, directory: directory)
    }

    /// The journal of `scenario` in `directory` (created, mode 0700, when the first edit is written).
    public init(scenario: String, directory: String) {
        let absolute = URL(fileURLWithPath: scenario).standardizedFileURL.path
        self.scenario = absolute
        let base = URL(fileURLWithPath: absolute).deletingPathExtension().lastPathComponent
        file = directory + "/" + base + "-" + EditJournal.key(absolute) + ".journal"
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

    /// Appends one command that changed the workspace, starting the journal (header
    /// first) when there is none, and waits until it is on disk (`fsync`). Best effort:
    /// a journal that cannot be written never stops the edit.
    /// - Complexity: O(length of `command`).
    public func append(_ command: String, at time: Date = Date()) {
        if fd < 0 {
            let directory = (file as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return }
            fchmod(fd, 0o600)
            var info = stat()
            if fstat(fd, &info) == 0, info.st_size == 0 {
                let s = stamp()
                write(["journal": 1, "scenario": scenario, "size": s.size, "mtime": s.mtime])
            }
        }
        write(["at": Int(time.timeIntervalSince1970), "command": command])
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

    /// Removes the journal (after a save, or when the user chose to drop the edits).
    public func clear() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(file)
    }

    /// The journal an earlier run left, or `nil` when there is none (or it holds no edit).
    /// A last line cut short by the kill is ignored.
    public func pending() -> Pending? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        guard let header = lines.first, header["journal"] as? Int == 1 else { return nil }
        lines.removeFirst()
        let commands = lines.compactMap { $0["command"] as? String }
        guard !commands.isEmpty else { return nil }
        let s = stamp()
        let same = (header["size"] as? Int).map(Int64.init) == s.size && header["mtime"] as? String == s.mtime
        return Pending(commands: commands, lastAt: lines.last?["at"] as? Int ?? 0, fileUnchanged: same)
    }

    /// The recovery question or notice, in the session's language.
    /// - Parameter interactive: true for the shell's `[y/n]` question; false for a script's notice.
    public static func offer(_ p: Pending, file: String, language: DisplayLanguage, interactive: Bool) -> String {
        let name = (file as NSString).lastPathComponent
        let f = DateFormatter()
        f.dateFormat = "HH:mm"
        let time = f.string(from: Date(timeIntervalSince1970: TimeInterval(p.lastAt)))
        let n = p.commands.count
        if language == .zh {
            let head = "payplan 上次停止时 \(name) 有未保存的修改（\(n) 处，最后一处在 \(time)）。"
            if !p.fileUnchanged { return head + "但此后文件已被改动，修改未恢复；它们是：" }
            return head + (interactive ? "恢复吗？[y/n] " : "加 --recover 可先恢复再运行；这次没有恢复。")
        }
        let head = "payplan was stopped with unsaved changes to \(name) (\(n) edit\(n == 1 ? "" : "s"), last at \(time))."
        if !p.fileUnchanged { return head + " The file changed since, so they were not recovered; they were:" }
        return head + (interactive ? " Recover them? [y/n] " : " Pass --recover to apply them first; they were not applied.")
    }

    /// Replays `p`'s commands on `session` (freshly loaded), in order.
    /// - Returns: the number replayed, and the errors of any that failed (`command: message`).
    public static func replay(_ p: Pending, on session: Session) -> (applied: Int, failures: [String]) {
        var applied = 0, failures: [String] = []
        for command in p.commands {
            let out = session.execute(command)
            if out.failed {
                failures.append("\(History.entry(command)): " + out.errors.map(\.message).joined(separator: "; "))
            } else {
                applied += 1
            }
        }
        return (applied, failures)
    }

    /// The line after a replay.
    public static func recovered(_ r: (applied: Int, failures: [String]), language: DisplayLanguage) -> [String] {
        let head = language == .zh ? "已恢复 \(r.applied) 处修改（尚未保存）" : "recovered \(r.applied) edit\(r.applied == 1 ? "" : "s") (not saved yet)"
        return [head] + r.failures.map { (language == .zh ? "未能重做：" : "could not be replayed: ") + $0 }
    }
}
