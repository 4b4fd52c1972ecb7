import Foundation
import Testing
import PayPlan
import PayPlanREPL

/// Runs commands that must succeed; returns their output lines.
@discardableResult
public func run(_ s: Session, _ commands: String..., sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    var lines: [String] = []
    for c in commands {
        let out = s.execute(c)
        #expect(out.errors.isEmpty, "\(c): \(out.text)", sourceLocation: sourceLocation)
        lines += out.lines
    }
    return lines
}

/// Runs a command that must fail: checks that the first error's message contains `message`, the source
/// line under it (when given), and that the workspace, its forks and the scenario path are exactly as before.
public func expectRefused(_ s: Session, _ command: String, _ message: String, sourceLine: String? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    let before = s.workspace
    let forks = s.forkNames
    let path = s.path
    let out = s.execute(command)
    #expect(out.failed, "\(command) should fail", sourceLocation: sourceLocation)
    #expect(out.errors.first?.message.contains(message) == true, "\(command): got \(out.text)", sourceLocation: sourceLocation)
    if let sourceLine { #expect(out.errors.first?.render().dropFirst().first == sourceLine, sourceLocation: sourceLocation) }
    #expect(s.workspace == before, sourceLocation: sourceLocation)
    #expect(s.forkNames == forks, sourceLocation: sourceLocation)
    #expect(s.path == path, sourceLocation: sourceLocation)
}

/// The value a query prints, e.g. "5,600.00" for `李雷.pay[2026-03] = 5,600.00`; the whole first line
/// (or the error text) when there is no ` = `.
public func query(_ s: Session, _ cell: String) -> String {
    let out = s.execute(cell)
    let line = out.lines.first ?? out.text
    guard let r = line.range(of: " = ") else { return line }
    return String(line[r.upperBound...])
}

/// The cells after `name` on a report or statement line (split on runs of two or more spaces).
public func row(_ lines: [String], _ name: String) -> [String] {
    guard let line = lines.first(where: { $0.hasPrefix(name + " ") }) else { return [] }
    return line.dropFirst(name.count).components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Runs a command that must fail in both languages: the first error's whole first line is `error: ` + `en`
/// in English and `错误：` + `zh` in Chinese; the workspace, forks and path are unchanged (`expectRefused`),
/// so is whether it has unsaved edits, and so are the bytes of `file` when given. Leaves the session in English.
public func expectRefusedInBoth(_ s: Session, _ command: String, en: String, zh: String, file: String?,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = try file.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let dirty = s.isDirty
    s.language = .en
    expectRefused(s, command, en, sourceLocation: sourceLocation)
    #expect(s.execute(command).errors.first?.render().first == "error: " + en, sourceLocation: sourceLocation)
    s.language = .zh
    expectRefused(s, command, zh, sourceLocation: sourceLocation)
    #expect(s.execute(command).errors.first?.render().first == "错误：" + zh, sourceLocation: sourceLocation)
    s.language = .en
    #expect(s.isDirty == dirty, sourceLocation: sourceLocation)
    if let file { #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes, sourceLocation: sourceLocation) }
}

/// A copy of the shipped scenario `shipped` as `s.json` in a new temporary folder (`label`).
public func scenarioCopy(_ shipped: String, label: String) throws -> (dir: String, file: String) {
    let dir = tempDir(label)
    let file = dir + "/s.json"
    try FileManager.default.copyItem(atPath: shipped, toPath: file)
    return (dir, file)
}

/// What one command said, in English and in Chinese, from one run: its first error's message (or, when it did
/// not fail, its first line), the same message rendered in each language; whether it failed, and the error.
public struct Said {
    public var en: String
    public var zh: String
    public var failed: Bool
    /// The first error (its source line and the range under the caret), if the command failed.
    public var error: Diagnostic?
}

/// Runs `command` once and returns what it said in both languages (`Said`): the shape the wording tests share.
@discardableResult
public func said(_ s: Session, _ command: String) -> Said {
    let out = s.execute(command)
    if let d = out.errors.first { return Said(en: d.said.text(.en), zh: d.said.text(.zh), failed: true, error: d) }
    let first = out.body.first
    return Said(en: first?.text(.en) ?? "", zh: first?.text(.zh) ?? "", failed: false, error: nil)
}
