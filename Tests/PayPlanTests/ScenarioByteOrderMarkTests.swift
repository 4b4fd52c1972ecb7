import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// A scenario file saved with a UTF-8 byte-order mark (Windows Notepad does; RFC 8259 §8.1 lets a
/// reader ignore it) reads as the same file without it (fresh-user finding M3, 2026-12-02: it was refused
/// as "line 1, column 1: expected a value"). A mark anywhere else is still a syntax error.
@Suite struct ScenarioByteOrderMarkTests {
    @Test func aLeadingMarkIsIgnored() throws {
        for path in [electronics, onlineShop, webAgency] {
            let plain = try Data(contentsOf: URL(fileURLWithPath: path))
            let marked = Data([0xEF, 0xBB, 0xBF]) + plain
            let a = try ScenarioFile.decode(plain), b = try ScenarioFile.decode(marked)
            #expect(a.workspace == b.workspace, "\(path)")
            #expect(a.description == b.description)
            let fa = try ScenarioFile.decodeWithForks(plain), fb = try ScenarioFile.decodeWithForks(marked)
            #expect(fa.forks == fb.forks)
        }
    }

    @Test func aMarkInsideTheTextIsStillRefused() throws {
        let plain = try Data(contentsOf: URL(fileURLWithPath: electronics))
        let doubled = Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) + plain
        #expect(throws: ScenarioError.self) { try ScenarioFile.decode(doubled) }
    }
}
