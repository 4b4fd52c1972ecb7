import Foundation
import PayPlan
#if canImport(Glibc)
import Glibc
#endif

/// Turns the bytes of a spreadsheet export into text.
///
/// Files saved on Chinese Windows are GB18030/GBK (Excel's "CSV" there);
/// newer tools write UTF-8, often with a byte-order mark. The rule is the
/// usual sniff: bytes that are valid UTF-8 are UTF-8 (GBK text of any length
/// is almost never valid UTF-8); anything else is converted from GB18030, a
/// superset of GBK and GB2312, with iconv. Excel's "Unicode text" (UTF-16
/// with a byte-order mark) is read too, and UTF-16 without one (told by the zero bytes of its ASCII characters).
public enum TextDecoding {
    /// The text and the name of the encoding it was read as.
    /// - Throws: `ImportError` when the bytes are neither UTF-8, UTF-16 nor GB18030, or are an Excel workbook.
    /// - Complexity: O(n); UTF-8 files are validated in place (no copy of the bytes before the text).
    public static func decode(_ data: Data) throws -> (text: String, encoding: String) {
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
        let utf8: String? = data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            return String(validating: UnsafeBufferPointer(rebasing: b[(bom ? 3 : 0)...]), as: UTF8.self)
        }
        if bom {
            guard let s = utf8 else {
                throw ImportError(.badByteOrderMark("UTF-8"))
            }
            return (s, "UTF-8 with BOM")
        }
        // A workbook is no text at all: say what it is (an .xlsx is a zip archive, an .xls an OLE2 file).
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw ImportError(.workbook("xlsx")) }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw ImportError(.workbook("xls")) }
        // UTF-16 without a byte-order mark: its ASCII characters (digits, commas, line breaks) carry a zero byte,
        // which no UTF-8 or GBK text holds; UTF-16LE text of ASCII alone would otherwise pass as UTF-8.
        let utf16Mark = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        if !utf16Mark, let little = UnmarkedUTF16.littleEndian(data) {
            if let s = String(data: data, encoding: little ? .utf16LittleEndian : .utf16BigEndian) { return (s, little ? "UTF-16LE" : "UTF-16BE") }
        }
        if let s = utf8, !utf16Mark { return (s, "UTF-8") }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let s = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                throw ImportError(.badByteOrderMark("UTF-16"))
            }
            return (s, "UTF-16")
        }
        switch gb18030(bytes) {
        case .success(let s): return (s, "GB18030")
        case .failure(let e): throw e
        }
    }

    /// Converts GB18030 (GBK, GB2312) bytes to a string with iconv.
    static func gb18030(_ bytes: [UInt8]) -> Result<String, ImportError> {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else {
            return .failure(ImportError(.noGB18030(String(cString: strerror(errno)))))
        }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let total = input.count
        var inLeft = input.count, outLeft = output.count
        let result: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            }
        }
        if result == -1 {
            let at = total - inLeft
            return .failure(ImportError(.notUTF8OrGB18030(offset: at, bytes: hex(bytes, at))))
        }
        let produced = output.count - outLeft
        guard let s = String(validating: output[0..<produced], as: UTF8.self) else {
            return .failure(ImportError(.gb18030Failed))
        }
        return .success(s)
    }

    static func hex(_ bytes: [UInt8], _ at: Int) -> String {
        bytes[at..<min(bytes.count, at + 4)].map { String(format: "%02X", $0) }.joined(separator: " ")
    }
}

/// A file that cannot be imported at all (unreadable, wrong encoding, no ID column); nothing was changed.
///
/// Its `kind` says what is wrong as data; the REPL words every kind in both languages.
public struct ImportError: Error, CustomStringConvertible, Equatable {
    public let kind: Kind
    /// The English text.
    public var message: String { kind.english }
    public init(_ kind: Kind) { self.kind = kind }
    public var description: String { message }

    /// What is wrong, with its arguments.
    public enum Kind: Equatable, Sendable {
        /// No column of the file maps to the required field `field` (`id` or `date`); the file's
        /// columns, and the mappings saved in the scenario (`--map-name`).
        case noColumnFor(field: String, columns: [String], savedMaps: [String])
        /// `--map COLUMN=TARGET` with a target that is no field name.
        case badMapTarget(column: String, target: String)
        /// Two columns map to one target.
        case twoColumnsMapTo(String, first: String, second: String)
        /// A byte-order mark (`UTF-8` or `UTF-16`) over text that is not valid in it.
        case badByteOrderMark(String)
        /// A spreadsheet workbook (`xlsx` or `xls`), not a text export.
        case workbook(String)
        /// GB18030 conversion is missing on this system (`iconv`'s error text).
        case noGB18030(String)
        /// Neither UTF-8 nor GB18030: the bytes at `offset` (as hex).
        case notUTF8OrGB18030(offset: Int, bytes: String)
        case gb18030Failed
        /// `--map COLUMN=TARGET` of a performance sheet with a target that is no monthly input; the inputs.
        case notAMonthlyInput(column: String, target: String, inputs: [String])
        /// `--map COLUMN=…` naming no column of the file; its columns.
        case noSuchColumn(String, columns: [String])
        /// Two columns of a performance sheet give one input.
        case twoColumnsGive(String, first: String, second: String)
        /// No column names the agent; the file's columns.
        case noAgentColumn(columns: [String])
        /// No 月份 or 日期 column and no `--month`.
        case noMonthColumn
        /// No column fills a monthly input (`inputs`); the file's columns.
        case noInputColumn(inputs: [String], columns: [String])
        /// The CSV reader stopped after `row` (its English text).
        case unreadableAfterRow(Int, detail: String)
        /// The file cannot be read as CSV (the reader's English text).
        case notCSV(detail: String)
        case emptyFile
        /// `--map` written wrongly (`pair` as written).
        case mapSyntax(String)
        /// The file `file` could not be read: it does not exist, or (`exists`) it may not be read or is no file.
        case cannotRead(String, exists: Bool)
        /// `file` is a folder (`orders import /tmp`); `csvFiles`: the first few `.csv` files in it, sorted.
        case isFolder(String, csvFiles: [String])

        /// `folder/file`, with one slash.
        public static func joined(_ folder: String, _ file: String) -> String { folder.hasSuffix("/") ? folder + file : folder + "/" + file }

        /// The error in English.
        public var english: String {
            switch self {
            case .noColumnFor(let f, let cols, let saved):
                let what = f == "id" ? "the order number (e.g. --map 订单编号=id)" : "the day the order counts from (e.g. --map 签收日期=date)"
                let hint = saved.isEmpty ? "" : "; or use a mapping saved in the scenario: " + saved.map { "--map-name \($0)" }.joined(separator: ", ")
                return "no column maps to \(f), \(what); the file's columns are: \(cols.joined(separator: ", "))\(hint)"
            case .badMapTarget(let h, let t): return "--map \(h)=\(t): a column maps to id, agent, date or a field name such as amount (letters, digits, _)"
            case .twoColumnsMapTo(let t, let a, let b): return "the columns \(a) and \(b) both map to \(t); map one of them to - to ignore it"
            case .badByteOrderMark(let e): return e == "UTF-16" ? "the file starts with a UTF-16 byte-order mark but is not valid UTF-16" : "the file starts with a UTF-8 byte-order mark but is not valid UTF-8 text"
            case .workbook(let kind):
                return "the file is an Excel workbook (.\(kind)), not a CSV export: open it in Excel or WPS and save it as \"CSV UTF-8\" (or export CSV from the shop), then import that file"
            case .noGB18030(let why): return "the file is not UTF-8, and GB18030 conversion is not available on this system (iconv: \(why))"
            case .notUTF8OrGB18030(let at, let bytes):
                return "the file is neither UTF-8 nor GB18030/GBK text: the bytes at offset \(at) (\(bytes)) are not a character in either; save it from the spreadsheet as \"CSV UTF-8\""
            case .gb18030Failed: return "the file could not be converted from GB18030"
            case .notAMonthlyInput(let c, let t, let names):
                return "--map \(c)=\(t): \(t) is not a monthly input of the plan; map a column to agent, month, - or one of \(names.sorted().joined(separator: ", "))"
            case .noSuchColumn(let c, let header): return "--map \(c)=…: the file has no column \(c); its columns are: \(header.joined(separator: ", "))"
            case .twoColumnsGive(let t, let a, let b): return "the columns \(a) and \(b) both give \(t); keep one of them"
            case .noAgentColumn(let header): return "no column names the agent (客服, or 客服昵称, 旺旺, 姓名, 工号); the file's columns are: \(header.joined(separator: ", "))"
            case .noMonthColumn: return "the file has no 月份 or 日期 column: give the month with --month 2026-03"
            case .noInputColumn(let names, let header):
                return "no column fills a monthly input of the plan (\(names.joined(separator: ", "))); the file's columns are: \(header.joined(separator: ", "))"
            case .unreadableAfterRow(let r, let e): return "the file cannot be read after row \(r): \(e)"
            case .notCSV(let e): return "the file cannot be read as CSV: \(e)"
            case .emptyFile: return "the file is empty: expected a header row such as 订单编号,业务员,签收日期,金额"
            case .cannotRead(let f, let exists): return "cannot read \(f): \(exists ? "permission denied or not a file" : "no such file"); nothing was imported"
            case .isFolder(let f, let csv):
                return "\(f) is a folder, not a file: name one file in it" + (csv.isEmpty ? " (it holds no .csv file)" : ", e.g. \(ImportError.Kind.joined(f, csv[0])) (its .csv files: \(csv.joined(separator: ", ")))") + "; nothing was imported"
            case .mapSyntax(let pair): return "--map \(pair): write COLUMN=FIELD pairs separated by commas, e.g. --map 订单编号=id,业务员=agent,签收日期=date"
            }
        }
    }
}
