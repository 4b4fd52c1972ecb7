import Foundation
import PayPlan

extension Session {
    /// Why figures, statements, pages or charts may not be written to `path`, or nil: never over a
    /// payplan scenario, neither the one open here (also under another spelling or through a link)
    /// nor any other (a file whose JSON says `"format": "payplan-scenario"`). `save` is the one
    /// command that writes scenarios; a figure file over one would lose it (fresh-user finding:
    /// `report 2026-04 --csv --out self.json` replaced the open scenario with a CSV).
    ///
    /// - Complexity: O(1) when nothing is at `path`; else O(the file's size) to look for the marker.
    func figureTargetProblem(_ path: String) -> FigureFileMessage? {
        if Session.sameFile(path, self.path) { return .wouldReplaceScenario(path, open: true) }
        guard FileManager.default.fileExists(atPath: path),
              let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped),
              data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) == UInt8(ascii: "{"),
              data.range(of: Data("\"\(ScenarioFile.formatName)\"".utf8)) != nil else { return nil }
        return .wouldReplaceScenario(path, open: false)
    }
}
