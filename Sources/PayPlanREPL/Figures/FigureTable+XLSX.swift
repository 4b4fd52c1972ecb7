import CXLSXWriter
import Foundation
import PayPlan

/// Real `.xlsx` workbooks through libxlsxwriter (Debian: libxlsxwriter-dev).
extension FigureTable {
    /// Writes `tables` as a workbook at `path`, one sheet per table (named after it: a period, a fork),
    /// the header row bold and frozen, numbers as numbers, money with two decimals (`#,##0.00`),
    /// counts without (`0`), text as text. The workbook is written beside `path` and renamed into
    /// place with `AtomicFile.write` (read-only files and other owners refused, symlinks written
    /// through), so a failure leaves any old file as it was.
    ///
    /// A cell's number goes to the file as the nearest binary double of its exact decimal text, as
    /// every spreadsheet stores numbers; amounts below 10¹³ CNY with two decimals read back exactly.
    /// - Parameter shouldStop: polled every 256 rows and once the workbook is compressed; true removes
    ///   the unfinished workbook.
    /// - Throws: `ScenarioError` naming the file and libxlsxwriter's reason; `Interrupted`
    ///   when `shouldStop` said so (the old file, if any, is as it was).
    /// - Complexity: O(cells).
    public static func writeXLSX(_ tables: [FigureTable], to path: String, shouldStop: () -> Bool = { false }) throws {
        let url = URL(fileURLWithPath: path)
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid()).xlsx").path
        // The folder must be one (a path under a plain file is ENOTDIR, said as the system says it; as root
        // `access` passes a writable file, and the library's own English text would name no reason).
        var folder = stat()
        let folderPath = url.deletingLastPathComponent().path
        if stat(folderPath, &folder) != 0 { throw ScenarioError(.cannotWrite(path: path, link: nil, why: .system(errno: errno))) }
        guard folder.st_mode & S_IFMT == S_IFDIR else { throw ScenarioError(.cannotWrite(path: path, link: nil, why: .system(errno: ENOTDIR))) }
        guard access(folderPath, W_OK) == 0 else {
            throw ScenarioError(.cannotWrite(path: path, link: nil, why: .folderNotWritable))
        }
        guard let book = workbook_new(tmp) else { throw ScenarioError(.cannotWrite(path: path, link: nil, why: .folderNotWritable)) }
        let bold = workbook_add_format(book), money = workbook_add_format(book), count = workbook_add_format(book)
        format_set_bold(bold)
        format_set_num_format(money, "#,##0.00")
        format_set_num_format(count, "0")
        var used = Set<String>()
        for t in tables {
            var name = sheetName(t.name), n = 2
            while !used.insert(name.lowercased()).inserted { name = sheetName(t.name, suffix: " (\(n))"); n += 1 }
            guard let sheet = workbook_add_worksheet(book, name) else {
                workbook_close(book); unlink(tmp)
                throw ScenarioError(.cannotWrite(path: path, link: nil, why: .sheetRefused(name)))
            }
            for (c, h) in t.header.enumerated() {
                worksheet_write_string(sheet, 0, lxw_col_t(c), h, bold)
                let widest = ([h] + t.rows.compactMap { $0.count > c ? $0[c].text : nil }).map(DisplayWidth.of).max() ?? 8
                worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), Double(min(60, widest + 2)), nil)
            }
            for (r, row) in t.rows.enumerated() {
                if r % 256 == 0, shouldStop() {
                    workbook_close(book); unlink(tmp)
                    throw Interrupted()
                }
                for (c, cell) in row.enumerated() {
                    let at = (lxw_row_t(r + 1), lxw_col_t(c))
                    if let plain = cell.plainNumber, let d = Double(plain) {
                        worksheet_write_number(sheet, at.0, at.1, d, cell.kind == .money ? money : count)
                    } else if !cell.text.isEmpty {
                        worksheet_write_string(sheet, at.0, at.1, cell.text, nil)
                    }
                }
            }
            worksheet_freeze_panes(sheet, 1, 0)
        }
        let status = workbook_close(book)
        guard status == LXW_NO_ERROR else {
            unlink(tmp)
            throw ScenarioError(.cannotWrite(path: path, link: nil, why: .workbookLibrary(String(cString: lxw_strerror(status)))))
        }
        // Closing compresses every sheet (a large part of the time on a big workbook) and cannot be
        // polled; Ctrl-C pressed meanwhile still stops the export before anything is put in place.
        if shouldStop() { unlink(tmp); throw Interrupted() }
        // Into place through the same safe write as every other file: it refuses a read-only file or
        // one of another owner, writes through symlinks and keeps the file's mode.
        defer { unlink(tmp) }
        guard let bytes = FileManager.default.contents(atPath: tmp) else { throw ScenarioError(.cannotWrite(path: path, link: nil, why: .workbookNotReadBack)) }
        try AtomicFile.write(bytes, to: path)
    }

    /// A legal sheet name: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ s: String, suffix: String = "") -> String {
        let clean = String(s.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        let body = clean.isEmpty ? "Sheet" : clean
        return String(body.prefix(31 - suffix.count)) + suffix
    }
}
