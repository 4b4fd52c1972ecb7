import Foundation
import PayPlanImport

/// A script file as text (`source FILE`, `payplan -f FILE`), or why it cannot be run, in words a
/// person can act on (issue 11, fresh-user findings): a folder given for a file, a file this user
/// may not read (its owner and mode), and a file that is not UTF-8 — the first such line, and
/// when it reads as GBK (a script saved on Chinese Windows), how to convert it.
public enum ScriptFile {
    /// Why a script cannot be run, as a message.
    public struct Problem: Error {
        public let message: SourceMessage
    }

    /// The text of the script at `path` (a UTF-8 byte-order mark dropped), or the problem.
    /// - Complexity: O(n) in the file's bytes.
    public static func read(_ path: String) -> Result<String, Problem> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(Problem(message: unreadable(path, name: path))) }
        return text(data, name: path)
    }

    /// Why `path` could not be read (its bytes), naming it `name`: no such file, a folder,
    /// permission denied (with its owner and mode, and the user payplan runs as), or another reason.
    public static func unreadable(_ path: String, name: String) -> SourceMessage {
        var st = stat()
        guard stat(path, &st) == 0 else { return .cannotRead(file: name, exists: false) }
        if st.st_mode & 0o170000 == 0o040000 { return .isFolder(name) }  // S_IFMT, S_IFDIR
        if access(path, R_OK) != 0 && errno == EACCES {
            return .permissionDenied(file: name, owner: userName(st.st_uid), mode: String(st.st_mode & 0o777, radix: 8), user: userName(geteuid()))
        }
        return .cannotRead(file: name, exists: true)
    }

    /// The script's text from its bytes, or `.notUTF8` with the first line that is not UTF-8
    /// (1-based) and, when the whole file reads as GB18030 (GBK), that line as it reads so.
    /// - Complexity: O(n) in the bytes.
    public static func text(_ data: Data, name: String) -> Result<String, Problem> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let s = String(validating: bytes, as: UTF8.self) { return .success(s) }
        var line = 1, start = 0
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (i, l) in lines.enumerated() where String(validating: l, as: UTF8.self) == nil {
            line = i + 1
            start = l.startIndex
            break
        }
        var shown: String? = nil
        if let gbk = try? TextDecoding.decode(data), gbk.encoding == "GB18030" {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if let t = try? TextDecoding.decode(Data(bytes[start..<end])).text {
                let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
                shown = trimmed.count > 40 ? String(trimmed.prefix(40)) + "…" : trimmed
            }
        }
        return .failure(Problem(message: .notUTF8(file: name, line: line, asGBK: shown)))
    }

    /// The login name of `uid`, or its number.
    static func userName(_ uid: uid_t) -> String {
        if let pw = getpwuid(uid), let n = pw.pointee.pw_name { return String(cString: n) }
        return "\(uid)"
    }
}
