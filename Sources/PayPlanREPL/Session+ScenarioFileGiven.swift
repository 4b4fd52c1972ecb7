import Foundation
import PayPlan

/// A scenario file given where a spreadsheet export is read (`orders import plan.json`): the reader
/// took its `{` for a column and said "no column maps to id … the file's columns are: {" (session 11).
/// Told for what it is, with the command that opens it.
extension Session {
    /// The refusal of `data` as the file `command` (`orders import`, `performance import`) reads, when it
    /// is JSON (its first byte, after a byte-order mark and white space, is `{` or `[`); `nil` otherwise.
    /// A scenario (a JSON object) is named one, with `load FILE`.
    /// - Complexity: O(leading white space).
    static func jsonGivenForCSV(_ data: Data, file: String, command: String) -> ImportMessage? {
        var i = data.startIndex
        if data.count >= 3, data[i] == 0xEF, data[i + 1] == 0xBB, data[i + 2] == 0xBF { i += 3 }
        while i < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[i]) { i += 1 }
        guard i < data.endIndex, data[i] == UInt8(ascii: "{") || data[i] == UInt8(ascii: "[") else { return nil }
        return .jsonNotCSV(file: file, command: command, scenario: data[i] == UInt8(ascii: "{"))
    }
}
