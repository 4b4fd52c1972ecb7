import Foundation

/// A file a command read (an `orders import`, `performance import` or `source` file), as it was
/// then: where it is, its size, its modification time and a hash of its bytes. The crash-recovery
/// journal (`EditJournal`) keeps one per file a journalled command read, so that a recovery never
/// replays the command against other data than it read the first time.
public struct FileFingerprint: Equatable, Sendable {
    /// The file's absolute path (as read: relative names are resolved against the working directory).
    public var path: String
    /// Its size in bytes.
    public var size: Int64
    /// Its modification time, `SECONDS.NANOSECONDS` since 1970 (as `stat` gives it).
    public var mtime: String
    /// FNV-1a (64 bits, over 8-byte words then the tail bytes) of its content, in hex.
    public var hash: String

    /// The fingerprint of `data`, read from `path`.
    /// - Complexity: O(bytes of `data`).
    public init(path: String, data: Data) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
        size = Int64(data.count)
        var info = stat()
        mtime = stat(path, &info) == 0 ? "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)" : "0.0"
        hash = FileFingerprint.hash(data)
    }

    /// A fingerprint as a journal recorded it.
    public init(path: String, size: Int64, mtime: String, hash: String) {
        self.path = path; self.size = size; self.mtime = mtime; self.hash = hash
    }

    /// The fingerprint of the file at `path` as it is now, or `nil` when it cannot be read.
    /// - Complexity: O(bytes of the file).
    public static func now(_ path: String) -> FileFingerprint? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return FileFingerprint(path: path, data: data)
    }

    /// FNV-1a over the bytes taken 8 at a time (little-endian words), then the last 0–7 one by one:
    /// a change detector, not a cryptographic hash.
    /// - Complexity: O(bytes), about a nanosecond per 8 bytes in a release build.
    static func hash(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words { h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x100_0000_01b3 }
            for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100_0000_01b3 }
        }
        return String(h, radix: 16)
    }

    /// Modification time in seconds since 1970 (whole seconds), for messages.
    var modifiedAt: Int { Int(mtime.split(separator: ".").first ?? "0") ?? 0 }
}
