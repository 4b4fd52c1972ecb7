import Foundation

/// Whole-file writes that never leave a partial file behind, and that take
/// the file system's word: a file that may not be written is refused, never
/// replaced, and a replaced file keeps its owner and mode.
public enum AtomicFile {
    /// Writes `data` to `path` through a temporary file beside it (`.NAME.tmp-PID`),
    /// `fsync` and `rename`.
    ///
    /// - A symbolic link is written through: its final target is replaced and
    ///   the link stays (a dangling link creates its target); a loop of links
    ///   is refused.
    /// - A read-only file (no write permission bits) or one this user may not
    ///   write is refused, so `save` never renames over a file it could not write.
    /// - The new file gets the old one's mode and owner; when the owner cannot be
    ///   kept (another user's file, not running as root) the write is refused.
    /// - Temporary files left by an earlier save of the same file that was
    ///   killed mid-write (their process is gone) are removed first.
    ///
    /// - Throws: `ScenarioError` naming the file and the reason; the old file is untouched.
    /// - Complexity: O(data size + entries in the file's folder).
    public static func write(_ data: Data, to requested: String) throws {
        guard !requested.isEmpty else { throw ScenarioError(.noFileName) }
        let path = try target(of: requested)
        let link: String? = path == requested ? nil : path
        func refused(_ why: ScenarioError.WriteProblem) -> ScenarioError { ScenarioError(.cannotWrite(path: requested, link: link, why: why)) }
        var info = stat()
        var mode: mode_t = 0o666 & ~currentUmask()
        var owner: (uid: uid_t, gid: gid_t)? = nil
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw refused((info.st_mode & S_IFMT) == S_IFDIR ? .isFolder : .notRegularFile)
            }
            if info.st_mode & 0o222 == 0 {
                throw refused(.readOnly)
            }
            guard access(path, W_OK) == 0 else {
                throw refused(errno == EROFS ? .readOnlyFileSystem : .permissionDenied(owner: info.st_uid))
            }
            mode = info.st_mode & 0o7777
            owner = (info.st_uid, info.st_gid)
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        removeLeftovers(in: dir, of: name)
        let tmp = dir + "/" + temporaryPrefix(of: name) + "\(getpid())"
        unlink(tmp)  // one of ours, left by a save of this process that failed before its clean-up
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0o600)
        guard fd >= 0 else { throw refused(errno == EROFS ? .readOnlyFileSystem : .system(errno: errno)) }
        func fail(_ why: ScenarioError.WriteProblem) -> ScenarioError {
            close(fd); unlink(tmp)
            return refused(why)
        }
        if let owner, owner.uid != geteuid() || owner.gid != getegid(), fchown(fd, owner.uid, owner.gid) != 0 {
            throw fail(.wouldChangeOwner(user: owner.uid, group: owner.gid))
        }
        guard fchmod(fd, mode) == 0 else { throw fail(.system(errno: errno)) }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { ok = false; return }
                offset += n
            }
        }
        let err = errno
        if !ok || fsync(fd) != 0 { throw fail(.system(errno: ok ? errno : err)) }
        close(fd)
        guard rename(tmp, path) == 0 else {
            let e = errno
            unlink(tmp)
            throw ScenarioError(.cannotReplace(path: requested, link: link, errno: e))
        }
        let dfd = open(dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// The file a write to `path` lands in: `path` itself, or the end of its chain of symbolic links.
    /// - Throws: `ScenarioError` for a loop of links (or a chain longer than 32).
    public static func target(of path: String) throws -> String {
        var p = path
        for _ in 0..<32 {
            var info = stat()
            guard lstat(p, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return p }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(p, &buffer, buffer.count - 1)
            guard n > 0 else { return p }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            p = link.hasPrefix("/") ? link : URL(fileURLWithPath: p).deletingLastPathComponent().appendingPathComponent(link).path
        }
        throw ScenarioError(.linkLoop(path: path))
    }

    /// `.NAME.tmp-`: the start of the temporary files a write of `NAME` makes.
    static func temporaryPrefix(of name: String) -> String { "." + name + ".tmp-" }

    /// Removes `.NAME.tmp-PID` files in `dir` whose process no longer runs
    /// (a save killed mid-write); a running process's file is left alone.
    static func removeLeftovers(in dir: String, of name: String) {
        let prefix = temporaryPrefix(of: name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for e in entries where e.hasPrefix(prefix) {
            guard let pid = pid_t(e.dropFirst(prefix.count)), pid > 0 else { continue }
            if pid != getpid() && (kill(pid, 0) == 0 || errno != ESRCH) { continue }
            var info = stat()
            let full = dir + "/" + e
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(full) }
        }
    }

    static func currentUmask() -> mode_t {
        let m = umask(0o022)
        umask(m)
        return m
    }
}

/// What a file looked like when it was loaded or saved, to notice that
/// another program changed it since: device, inode, size and modification time.
public struct FileStamp: Equatable, Sendable {
    let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    /// The stamp of the file at `path` (through symbolic links), or `nil` when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }
}
