import Foundation

extension ScenarioError {
    /// What went wrong reading or writing a file, as data.
    public enum Kind: Equatable, Sendable {
        /// `path` could not be read: it does not exist, or (`exists`) it may not be read or is no file.
        case cannotRead(path: String, exists: Bool)
        /// `path` exists but may not be read.
        case cannotReadPermission(path: String)
        /// `path` is a folder, holding these scenario files (`.json`, sorted).
        case directoryNotScenario(path: String, scenarios: [String])
        /// `path` (a symbolic link to `link`, when it is one) could not be written, for `why`.
        case cannotWrite(path: String, link: String?, why: WriteProblem)
        /// The finished temporary file could not be renamed over `path`: the system's error number.
        case cannotReplace(path: String, link: String?, errno: Int32)
        /// `path` is a loop of symbolic links (or a chain of more than 32).
        case linkLoop(path: String)
        case noFileName
        /// Any other message, in English.
        case text(String)
    }

    /// Why a file could not be written.
    public enum WriteProblem: Equatable, Sendable {
        case notRegularFile
        case readOnly
        /// This user may not write the file of user `owner`.
        case permissionDenied(owner: UInt32)
        /// Writing would change the file's owner (user, group).
        case wouldChangeOwner(user: UInt32, group: UInt32)
        /// The file system holding the file is mounted read-only (`EROFS`): no permission would help.
        case readOnlyFileSystem
        /// The folder is missing or not writable (a workbook's temporary file could not be made).
        case folderNotWritable
        /// The system's error number (`ENOENT`, `ENOSPC` …).
        case system(errno: Int32)
        /// The workbook library (libxlsxwriter) refused a sheet of this name.
        case sheetRefused(String)
        /// The workbook library's own error text (English, from `lxw_strerror`), kept as the detail.
        case workbookLibrary(String)
        /// The finished workbook could not be read back from its temporary file.
        case workbookNotReadBack
    }
}

extension ScenarioError.WriteProblem {
    /// As the English error says it.
    public var english: String {
        switch self {
        case .notRegularFile: "it is not a regular file"
        case .readOnly: "the file is read-only (chmod u+w makes it writable, or save to another file)"
        case .permissionDenied(let u): "permission denied (the file belongs to user \(u)); save to another file"
        case .wouldChangeOwner(let u, let g): "it belongs to user \(u), group \(g), and saving would change its owner; save to another file"
        case .readOnlyFileSystem: "the file system is read-only (mounted read-only); save to a folder on another disk"
        case .folderNotWritable: "the folder does not exist or is not writable"
        case .system(let e): String(cString: strerror(e))
        case .sheetRefused(let s): "sheet '\(s)' was refused"
        case .workbookLibrary(let text): text
        case .workbookNotReadBack: "the workbook could not be read back"
        }
    }
}

extension ScenarioError.Kind {
    /// The error in English.
    public var english: String {
        func shown(_ p: String, _ link: String?) -> String { link.map { "\(p) (a link to \($0))" } ?? p }
        switch self {
        case .cannotRead(let p, let exists): return "cannot read \(p): \(exists ? "permission denied or not a file" : "no such file")"
        case .cannotReadPermission(let p): return "cannot read \(p): permission denied"
        case .directoryNotScenario(let path, let inside):
            let dir = path.hasSuffix("/") ? path : path + "/"
            return "\(path) is a directory, not a scenario file: " + (inside.isEmpty
                ? "give a scenario file (.json)"
                : "give one of its scenario files, e.g. \(dir)\(inside[0])" + (inside.count > 1 ? " (\(inside.count) there: \(inside.prefix(4).joined(separator: ", "))\(inside.count > 4 ? ", …" : ""))" : ""))
        case .cannotWrite(let p, let l, let why): return "cannot write \(shown(p, l)): \(why.english)"
        case .cannotReplace(let p, let l, let e): return "cannot replace \(shown(p, l)): \(String(cString: strerror(e)))"
        case .linkLoop(let p): return "cannot write \(p): it is a loop of symbolic links (or a chain of more than 32); nothing was written"
        case .noFileName: return "no file name given"
        case .text(let s): return s
        }
    }
}
