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
