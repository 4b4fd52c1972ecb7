import Foundation
import Testing

/// Saving as a user who may not write the file (issue 11, problem 5): run as
/// `nobody` in a folder anyone may write, payplan once renamed its own file
/// over root's and took its ownership. Now it refuses and the file stays root's.
@Suite(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                "needs root and setpriv to run payplan as another user"))
struct FileSafetyCommandLineTests {
    @Test func saveAsAnotherUserRefusesAFileItMayNotWrite() throws {
        let dir = NSTemporaryDirectory() + "payplan-owner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        chmod(dir, 0o777)
        let file = dir + "/f.json"
        try FileManager.default.copyItem(atPath: CommandLineTests.root + "/scenarios/online-shop-cs.json", toPath: file)
        chmod(file, 0o644)
        let before = FileManager.default.contents(atPath: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineTests.binary, file, "-e", "save"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(message == "error: -e 1: cannot write \(file): permission denied (the file belongs to user 0); save to another file; the workspace is unchanged and no file was replaced\n")
        var info = stat()
        stat(file, &info)
        #expect(info.st_uid == 0 && info.st_mode & 0o7777 == 0o644)
        #expect(FileManager.default.contents(atPath: file) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(names == ["f.json"], "no temporary file left behind")
    }
}

/// True when this process may make a read-only tmpfs in a private mount namespace (root, `unshare -m`);
/// the folder it tries is removed with the namespace's mount.
func canMountReadOnly() -> Bool {
    guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    p.arguments = ["-m", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs tmpfs $d && mount -o remount,ro $d; r=$?; umount $d 2>/dev/null; rmdir $d; exit $r"]
    p.standardError = Pipe()
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
}

/// Saving on a read-only file system (issue 11, fresh-user finding): payplan said "permission denied
/// (the file belongs to user 0)", which no chmod or other user could help. Run in a private mount
/// namespace (`unshare -m`) on a tmpfs remounted read-only, so nothing outside the test sees the mount.
@Suite(.enabled(if: canMountReadOnly(), "needs root and unshare -m to make a read-only mount"))
struct ReadOnlyFileSystemTests {

    /// Copies a scenario onto a tmpfs, remounts it read-only and runs payplan's `save` on the file
    /// (and `save` to a new file there); returns payplan's standard error of each, and the file's
    /// bytes after, as the mount namespace saw them.
    func saveOnReadOnly(language: String) throws -> (existing: String, new: String, same: Bool, listing: String) {
        let dir = NSTemporaryDirectory() + "payplan-rofs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/ro", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = CommandLineTests.root + "/scenarios/online-shop-cs.json"
        let script = """
            set -e
            mount -t tmpfs tmpfs \(dir)/ro
            cp \(source) \(dir)/ro/f.json
            mount -o remount,ro \(dir)/ro
            \(CommandLineTests.binary) --lang \(language) \(dir)/ro/f.json -e 'years 2026-2027' -e save 2> \(dir)/existing.txt || true
            \(CommandLineTests.binary) --lang \(language) \(dir)/ro/f.json -e 'save \(dir)/ro/new.json' 2> \(dir)/new.txt || true
            if cmp -s \(source) \(dir)/ro/f.json; then echo same > \(dir)/same.txt; fi
            ls -A \(dir)/ro > \(dir)/listing.txt
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-m", "sh", "-c", script]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        func read(_ name: String) -> String { (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? "" }
        return (read("existing.txt"), read("new.txt"), read("same.txt") == "same\n", read("listing.txt"))
    }

    @Test func readOnlyFileSystemIsSaidSo() throws {
        let en = try saveOnReadOnly(language: "en")
        let dir = en.existing.components(separatedBy: "cannot write ").last?.components(separatedBy: "/ro/f.json").first ?? "?"
        #expect(en.existing == "error: -e 2: cannot write \(dir)/ro/f.json: the file system is read-only (mounted read-only); save to a folder on another disk; the workspace is unchanged and no file was replaced\nnote: the changes of this run were not saved (end the commands with save to keep them)\n")
        #expect(en.new.hasPrefix("error: -e 1: cannot write \(dir)/ro/new.json: the file system is read-only (mounted read-only); save to a folder on another disk;"))
        #expect(en.same, "the file is as it was")
        #expect(en.listing == "f.json\n", "no temporary or new file")
        let zh = try saveOnReadOnly(language: "zh")
        #expect(zh.existing.contains("文件系统是只读的（以只读方式挂载）；请保存到另一个磁盘上的文件夹"))
        #expect(!zh.existing.contains("权限") && !zh.existing.contains("用户 0"))
        #expect(zh.new.contains("文件系统是只读的（以只读方式挂载）"))
    }
}
