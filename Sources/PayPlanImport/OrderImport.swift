import Foundation
import PayPlan

/// A row that cannot be imported: its spreadsheet row number (the header is row 1),
/// the column, and why.
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible {
    public let row: Int
    public let column: String?
    /// Why, in English (the REPL says the problems of `kind` in the session's language).
    public let reason: String
    /// The problems the REPL words itself in English and Chinese; `nil` for the others.
    public let kind: Kind?

    /// Problems with a typed wording (ImportMessage in the REPL).
    public enum Kind: Equatable, Sendable {
        /// A negative amount or refund (`text` as written) in an order import: refunds are positive amounts in the
        /// refund column of the paid order's row (`refundColumn`, the file's column for `refund`, if any).
        case negative(text: String, field: String, refundColumn: String?)
        /// A number outside the range the plan declares for its field (`field price … range 0..`), as `order add` refuses it.
        case outsideRange(text: String, field: String, range: String)
        /// A performance row with more paying buyers (最终付款人数) than inquiring buyers (询单人数): a conversion above 100%.
        case buyersAboveInquiries(buyers: Fixed, inquiries: Fixed, inquiriesColumn: String)
        /// A row with fewer cells than the header has columns (`cells`, `columns`), or with cells that are not
        /// blank past the header: a row cut short by a truncated export or a bad paste, whose missing cells
        /// would read as blank and, for an order already imported, replace its amounts with nothing.
        case cellCount(cells: Int, columns: Int)
        // Orders.
        case emptyOrderNumber
        /// `1.23E+11`: an order number a spreadsheet turned into a number.
        case shortenedOrderNumber(String)
        /// An order number already on an earlier `row`.
        case duplicateOrderNumber(String, row: Int)
        /// No agent with this name or ID; `known` as `name (ID)`.
        case unknownAgent(String, known: [String])
        case emptyDate
        case notADate(String)
        case invalidDate(String)
        case notAFlag(String)
        /// Not an amount (`tooLarge`: digits beyond 10²⁶).
        case notAnAmount(String, tooLarge: Bool)
        /// An amount finer than a fen (`1000.005`) for a field the plan holds to money or counts (a number default,
        /// not a percent: `Plan.amountDeclarations`), as `order set` refuses it (fresh user, session 13).
        case finerThanFen(String, field: String)
        /// A date or month outside the scenario's years (`years` as written, `2026` or `2026–2027`).
        case outsideYears(String, years: String)
        // Performance sheets.
        case emptyAgent
        case notAMonth(String)
        case emptyMonth
        /// An agent and month already on an earlier `row`.
        case duplicateAgentMonth(agent: String, period: String, row: Int)
        /// Not a number or a time (`tooLarge`: beyond 10²⁶).
        case notANumberOrTime(String, tooLarge: Bool)
        case negativeValue(String)
        // Platform exports.
        /// A status the platform format does not know; the ones it knows.
        case unknownStatus(String, format: String, known: [String])
        /// A field's sub-order values adding up beyond 10²⁶.
        case subOrdersTooLarge(String)
        // A platform re-import's refunds, against the orders stored by the last import (`TaobaoImport.reconcileRefund`).
        /// The refunds already stored for `order` add up beyond 10²⁶.
        case storedRefundsTooLarge(order: String)
        /// The refund of `order` grew from `from` to `to` (CNY) since the last import, and neither the file (退款时间)
        /// nor `--refunds-known` dates the increase.
        case refundGrewUndated(order: String, from: Fixed, to: Fixed)
        /// The refund of `order` is dated `refund`, before the order's own day `ordered`.
        case refundBeforeOrder(order: String, refund: Day, ordered: Day)
        /// The refund of `order` grew again after the increase booked on `booked`: a refund in three steps.
        case refundGrewAgain(order: String, booked: Day)
    }

    public init(row: Int, column: String?, reason: String, kind: Kind? = nil) {
        self.row = row; self.column = column; self.reason = reason; self.kind = kind
    }
    public var description: String { "row \(row)\(column.map { ", column \($0)" } ?? ""): \(reason)" }
}

/// A file whose quote (`"`) opens a cell and is never closed: the CSV reader takes the rest of the file into
/// that cell, so the rows after it are lost. The whole file is refused (nothing is imported).
public struct UnclosedQuote: Error, Equatable, Sendable {
    /// The row the quote opens on (the header is row 1, as in bad-row reports).
    public let row: Int
    /// The column it opens in (its header; `nil` beyond the header's columns).
    public let column: String?
    /// The lines of the file after that row that were read into the cell.
    public let linesAfter: Int
}

/// What reading an order file found, before anything is changed.
public struct OrderFile: Sendable {
    /// The encoding the file was read as (`UTF-8`, `UTF-8 with BOM`, `GB18030`, `UTF-16`).
    public var encoding: String
    /// Data rows read (blank rows not counted).
    public var rowsRead = 0
    /// The good rows as orders, with their row numbers, in file order.
    public var orders: [(row: Int, order: Order)] = []
    /// The bad rows: each with the first problem found in it.
    public var problems: [ImportProblem] = []
    /// Each column of the file and the order field it fills (`nil`: ignored).
    public var columns: [(header: String, target: String?)] = []

    /// An empty result for orders read as `encoding` (or built by hand: re-crediting stored orders).
    public init(encoding: String) { self.encoding = encoding }

    /// Moves `order` out, leaving an empty order in its place: a change to the taken order's fields is then made
    /// in place instead of copying them (the file no longer shares them).
    static func take(_ order: inout Order) -> Order {
        var taken = Order(id: "", agent: nil, date: order.date)
        swap(&taken, &order)
        return taken
    }
}

/// How many orders an import added, replaced with different data, and found unchanged.
public struct MergeCounts: Equatable, Sendable {
    public var added = 0, replaced = 0, unchanged = 0
}

/// Reads orders (订单) from spreadsheet exports: CSV in UTF-8 (with or without
/// a byte-order mark) or GB18030/GBK, with a column mapping.
///
/// A mapping sends a column (by its header) to `id`, `agent`, `date` or an
/// order field (`amount`, `paid`, …); `-` ignores a column. Columns not in the
/// mapping are matched by name or by the label of a `field` in the plan
/// (`field amount "金额"` takes a column 金额), the rest are ignored.
///
/// Values are cleaned the way exports write them: `="2026030212345"` (an
/// order number kept as text by Excel), `¥12,345.00`, `12,345元`, `(1,200.00)`,
/// `2026/3/2 9:05`, `2026年3月2日`, `是`/`否`. Money stays exact (`Fixed`).
public enum OrderImport {
    /// The order's own targets; every other target is a field.
    public static let standardTargets = ["id", "agent", "date"]

    /// The kind of value a field holds, from its default in the plan (`field amount default 0`).
    enum Kind { case number, date, flag, text, any }

    /// Reads `data` with `mapping` (column header → target) against the workspace's agents, plan and years.
    /// - Throws: `ImportError` when the file as a whole cannot be read: its encoding,
    ///   no header, a mapping that names no `id` or `date` column, two columns for one field.
    ///   `Interrupted` when `shouldStop` says so (nothing is imported).
    /// - Parameters:
    ///   - dateFallback: a column (by header) whose date is used when the `date` column's cell
    ///     is empty (the Taobao preset: 订单付款时间, else 订单创建时间).
    ///   - shouldStop: polled every 1,024 rows (Ctrl-C); `progress` is told the rows read so far then.
    public static func read(_ data: Data, mapping: [String: String], workspace w: Workspace, dateFallback: String? = nil,
                            shouldStop: () -> Bool = { false }, progress: (Int) -> Void = { _ in }) throws -> OrderFile {
        try read(decode(data), mapping: mapping, workspace: w, dateFallback: dateFallback, shouldStop: shouldStop, progress: progress)
    }

    /// `read` of a file decoded once (`decode`), so that its header can be looked at first without a second decode.
    /// - Throws: as `read`, and `UnclosedQuote` for a quote that opens a cell and is never closed.
    ///
    /// The order numbers of a file in random row order are checked for repeats once at the end, as values
    /// (`OrderNumbersSeen`, `deferring`); a file where a value repeats is read again, finding each repeat by its row.
    /// - Complexity: O(rows × row length), and O(n log n) for n numbers out of turn; a file with a repeated number
    ///   out of turn is read twice.
    public static func read(_ decoded: DecodedFile, mapping: [String: String], workspace w: Workspace, dateFallback: String? = nil,
                            shouldStop: () -> Bool = { false }, progress: (Int) -> Void = { _ in }) throws -> OrderFile {
        if let file = try read(decoded, mapping: mapping, workspace: w, dateFallback: dateFallback, deferringRepeats: true,
                               shouldStop: shouldStop, progress: progress) {
            return file
        }
        return try read(decoded, mapping: mapping, workspace: w, dateFallback: dateFallback, deferringRepeats: false,
                        shouldStop: shouldStop, progress: progress)!
    }

    /// `read` in one pass; `deferringRepeats`: the numbers of rows out of turn are checked at the end, and `nil`
    /// when one repeats (the pass must be made again without deferring to say which rows repeat which).
    static func read(_ decoded: DecodedFile, mapping: [String: String], workspace w: Workspace, dateFallback: String?,
                     deferringRepeats: Bool, shouldStop: () -> Bool, progress: (Int) -> Void) throws -> OrderFile? {
        let (encoding, reader, firstRow, header) = try open(decoded)
        var file = OrderFile(encoding: encoding)
        var rowNumber = firstRow
        let fallbackIndex = dateFallback.flatMap { header.firstIndex(of: cleanHeader($0)) }

        // Columns to targets.
        let kinds = fieldKinds(w.plan)
        let labels = fieldLabels(w.plan)
        let ranges = fieldRanges(w.plan)
        let cleanedMapping = Dictionary(mapping.map { (cleanHeader($0.key), $0.value) }, uniquingKeysWith: { _, b in b })
        var targets: [String?] = []
        var used: [String: String] = [:]
        for h in header {
            var t: String? = cleanedMapping[h]
            if t == nil, !h.isEmpty {
                let auto = standardTargets.contains(h) || kinds[h] != nil ? h : labels[h]
                if let a = auto, !cleanedMapping.values.contains(a) { t = a }
            }
            if t == "-" || t == "" { t = nil }
            if let target = t {
                guard isValidTarget(target) else {
                    throw ImportError(.badMapTarget(column: h, target: target))
                }
                if let other = used[target] { throw ImportError(.twoColumnsMapTo(target, first: other, second: h)) }
                used[target] = h
            }
            targets.append(t)
        }
        file.columns = zip(header, targets).map { ($0, $1) }
        for required in ["id", "date"] where used[required] == nil {
            throw ImportError(.noColumnFor(field: required, columns: header, savedMaps: w.importMaps.keys.sorted()))
        }

        // Rows.
        // Sized once for the file's rows (at most its line breaks), not grown a doubling at a time.
        let rowsAtMost = lineBreaks(decoded.text)
        var seen = OrderNumbersSeen(expected: rowsAtMost, deferring: deferringRepeats)
        file.orders.reserveCapacity(rowsAtMost)
        var agentByKey: [String: String] = [:]
        for a in w.agents {
            if let id = a.id { agentByKey[id] = a.name }
        }
        for a in w.agents { agentByKey[a.name] = a.name }
        let refundColumn = zip(header, targets).first { $0.1 == "refund" }?.0
        let fieldCount = targets.filter { $0 != nil && !standardTargets.contains($0!) }.count
        let emptyFields = [String: AttributeValue](minimumCapacity: fieldCount)
        // What each column fills, resolved once for the file: no string switch on the target nor lookups of its
        // kind and range per cell.
        let valuesOfLabels = fieldValuesOfLabels(w.plan)
        let roles = targets.map { ColumnRole($0, kinds: kinds, ranges: ranges, valuesOfLabels: valuesOfLabels) }
        // The columns of fields held to the fen (money or counts, not fractions), as `order set` holds them.
        let fenFields = Set(w.plan.amountDeclarations(fields: true).filter { !$0.value.fraction }.keys)
        let heldToFen = targets.map { $0.map(fenFields.contains) ?? false }
        // The columns read from their bytes, without a `String` per cell (`CSVRecordReader.next(into:unmade:)`):
        // ignored ones (only their blankness counts), dates and the fallback date, and amounts without labels.
        var unmade = roles.map { role -> Bool in
            switch role {
            case .ignored, .date: return true
            case .field(_, kind: .number, range: _, positiveMoney: _, valueOfLabel: nil): return true
            default: return false
            }
        }
        if let f = fallbackIndex { unmade[f] = true }
        /// Cell `k` of the record as read (`row[k]` for a made one).
        func rawCell(_ k: Int, _ row: [String]) -> String { unmade[k] ? reader.cell(k) : row[k] }
        /// The day in unmade cell `k` when `cleanCell` leaves its bytes as they are and `exportDay` reads them as a
        /// day; else `nil` (the long way then says what it is). An empty cell: `empty` is set.
        func fastDay(_ k: Int, empty: inout Bool) -> Day? {
            reader.withCell(k) { b -> Day? in
                if b.isEmpty { empty = true; return nil }
                guard cleanCellKeeps(b), case .day(let d) = exportDay(b) else { return nil }
                return d
            }
        }
        // One row buffer for the whole file; after the last record it still holds that record (for `finish`).
        var row: [String] = []
        rows: while reader.next(into: &row, unmade: unmade) {
            rowNumber += 1
            if rowNumber % 1024 == 0 {
                if shouldStop() { throw Interrupted() }
                progress(file.rowsRead)
            }
            if isBlank(row) { continue }
            file.rowsRead += 1
            if let problem = cellCountProblem(row, header: header, row: rowNumber) { file.problems.append(problem); continue }
            var id: String? = nil, agent: String? = nil, date: Day? = nil
            // Every bad cell of a row is reported, not only the first.
            var rowBad = false
            // One allocation per order, not one per growth: a copy of an empty dictionary sized for the file's fields,
            // which its first insert copies (sized as it is, no new seed worked out, unlike `reserveCapacity`).
            var fields = emptyFields
            for i in roles.indices {
                let role = roles[i]
                if case .ignored = role { continue }
                // From the bytes, the usual cells: a day in the years, an amount that needs no check's message.
                if unmade[i] {
                    switch role {
                    case .date:
                        var empty = false
                        var d = fastDay(i, empty: &empty)
                        if empty, let f = fallbackIndex { empty = false; d = fastDay(f, empty: &empty) }
                        if let d, w.years.contains(d.year) { date = d; continue }
                    case .field(let target, kind: _, range: let range, positiveMoney: let moneyIn, valueOfLabel: _):
                        let n = reader.withCell(i) { b -> Fixed?? in
                            b.isEmpty ? .some(nil) : cleanCellKeeps(b) ? Fixed.parseDecimal(b).map { .some($0) } : nil
                        }
                        if let n {
                            guard let n else { continue } // an empty cell
                            if !(moneyIn && n < .zero), range.map({ $0.contains(n) }) ?? true, !heldToFen[i] || n.isWholeFen {
                                fields[target] = .number(n); continue
                            }
                        }
                    default: break
                    }
                }
                let column = header[i]
                let raw = rawCell(i, row)
                let v = cleanCell(raw)
                func bad(_ kind: ImportProblem.Kind) -> ImportProblem { ImportProblem(row: rowNumber, column: column, kind) }
                switch role {
                case .ignored: continue
                case .id:
                    if v.isEmpty { file.problems.append(bad(.emptyOrderNumber)); rowBad = true; continue }
                    if v.utf8.contains(0x2B), v.range(of: #"^\d(\.\d+)?[eE]\+\d+$"#, options: .regularExpression) != nil { // only with a '+'
                        file.problems.append(bad(.shortenedOrderNumber(v)))
                        rowBad = true; continue
                    }
                    if let earlier = seen.earlierRow(of: v, orders: file.orders) { file.problems.append(bad(.duplicateOrderNumber(v, row: earlier))); rowBad = true; continue }
                    id = v
                case .agent:
                    if v.isEmpty { continue }
                    guard let name = agentByKey[v] else {
                        let known = w.agents.map { a in a.id.map { "\(a.name) (\($0))" } ?? a.name }
                        file.problems.append(bad(.unknownAgent(v, known: known)))
                        rowBad = true; continue
                    }
                    agent = name
                case .date:
                    var v = v
                    if v.isEmpty, let f = fallbackIndex, f < row.count { v = cleanCell(rawCell(f, row)) }
                    if v.isEmpty { file.problems.append(bad(.emptyDate)); rowBad = true; continue }
                    guard let d = day(v) else { file.problems.append(bad(.notADate(v))); rowBad = true; continue }
                    guard w.years.contains(d.year) else {
                        let y = w.years
                        file.problems.append(bad(.outsideYears("\(d)", years: y.lowerBound == y.upperBound ? "\(y.lowerBound)" : "\(y.lowerBound)–\(y.upperBound)")))
                        rowBad = true; continue
                    }
                    date = d
                case .field(let target, kind: let kind, range: let range, positiveMoney: let moneyIn, valueOfLabel: let valueOfLabel):
                    if v.isEmpty { continue }
                    // A cell holding a value's label (月结30天) is that value (net30), as typed input takes it.
                    if let valueOfLabel, let raw = valueOfLabel[v] { fields[target] = .text(raw); continue }
                    switch value(v, kind: kind) {
                    case .success(let a):
                        // Refunds are positive amounts on the paid order's row, never negative rows (help import).
                        if moneyIn, case .number(let n) = a, n < .zero {
                            file.problems.append(ImportProblem(row: rowNumber, column: column, reason: negativeReason(v, field: target, refundColumn: refundColumn),
                                                               kind: .negative(text: v, field: target, refundColumn: refundColumn)))
                            rowBad = true; continue
                        }
                        if let range, case .number(let n) = a, !range.contains(n) {
                            file.problems.append(ImportProblem(row: rowNumber, column: column,
                                                               reason: "'\(v)' is outside the range the plan declares for \(target) (\(range))",
                                                               kind: .outsideRange(text: v, field: target, range: range.description)))
                            rowBad = true; continue
                        }
                        if heldToFen[i], case .number(let n) = a, !n.isWholeFen { file.problems.append(bad(.finerThanFen(v, field: target))); rowBad = true; continue }
                        fields[target] = a
                    case .failure(let k): file.problems.append(bad(k)); rowBad = true; continue
                    }
                }
            }
            if rowBad { continue rows }
            guard let id, let date else { continue }
            seen.take(id, row: rowNumber, orders: file.orders)
            file.orders.append((rowNumber, Order(id: id, agent: agent, date: date, fields: fields)))
        }
        try finish(decoded, lastRow: row, header: header)
        if seen.repeatsDeferred() { return nil }
        return file
    }

    /// How many line breaks (LF, or CR not before LF) `text` holds: at least its records less one.
    ///
    /// Eight bytes at a time: a word with no CR has its LF bytes counted by a zero-byte test on the word
    /// XOR 0x0A repeated (exact: no carry crosses a byte); a word with a CR is counted byte by byte.
    /// - Complexity: O(n) over the UTF-8 bytes, no allocation.
    static func lineBreaks(_ text: String) -> Int {
        var t = text
        return t.withUTF8 { b in
            guard let base = b.baseAddress else { return 0 }
            let count = b.count
            var n = 0, i = 0
            func one(_ i: Int) -> Int {
                b[i] == 0x0A || (b[i] == 0x0D && (i + 1 == count || b[i + 1] != 0x0A)) ? 1 : 0
            }
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, high: UInt64 = 0x8080_8080_8080_8080
            /// The bytes of `w` that are zero, as their high bits.
            func zeroBytes(_ w: UInt64) -> UInt64 { ~(((w & low7) &+ low7) | w) & high }
            while i + 8 <= count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D) != 0 {
                    for k in i..<(i + 8) { n &+= one(k) }
                } else {
                    n &+= zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A).nonzeroBitCount
                }
                i += 8
            }
            while i < count { n &+= one(i); i += 1 }
            return n
        }
    }

    /// Why a negative amount or refund is a bad row, in English (ImportMessage.negative words it in both languages).
    static func negativeReason(_ text: String, field: String, refundColumn: String?) -> String {
        if field == "refund" { return "'\(text)' is negative: a refund is written as a positive amount" }
        let whereRefunds = refundColumn.map { "in \($0)" } ?? "in a refund column (e.g. --map 退款金额=refund)"
        return "'\(text)' is negative: a refund is not an order with a negative amount; give it \(whereRefunds) as a positive amount on the paid order's own row"
    }

    /// An export decoded to text once: its header and its rows are read from the same text.
    public struct DecodedFile: Sendable {
        public let text: String
        /// `UTF-8`, `UTF-8 with BOM`, `GB18030` or `UTF-16`.
        public let encoding: String
    }

    /// Decodes an export's bytes (`TextDecoding`).
    /// - Throws: `ImportError` when the bytes are neither UTF-8, UTF-16 with a byte-order mark, nor GB18030.
    public static func decode(_ data: Data) throws -> DecodedFile {
        let (text, encoding) = try TextDecoding.decode(data)
        return DecodedFile(text: text, encoding: encoding)
    }

    /// Decodes `data`, and reads up to its header: the first row that is not blank.
    /// - Returns: the encoding, the reader positioned after the header, the header's row number, the cleaned header.
    static func open(_ data: Data) throws -> (encoding: String, reader: CSVRecordReader, headerRow: Int, header: [String]) {
        try open(decode(data))
    }

    /// Reads up to the header of a decoded file.
    /// - Throws: `UnclosedQuote` when a quote opens a cell and is never closed (found when the file's quotes are odd
    ///   in number; `finish` finds the rest); `ImportError` for an empty file.
    static func open(_ file: DecodedFile) throws -> (encoding: String, reader: CSVRecordReader, headerRow: Int, header: [String]) {
        let text = file.text, encoding = file.encoding
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: UnicodeScalar = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        let reader = CSVRecordReader(text: text, delimiter: delimiter)
        var rowNumber = 0
        var header: [String] = []
        while let row = reader.next() {
            rowNumber += 1
            if !isBlank(row) { header = row.map(cleanHeader); break }
        }
        guard !header.isEmpty else { throw ImportError(.emptyFile) }
        if quotesAreOdd(text) { try checkQuotes(text, delimiter: UInt8(delimiter.value), header: header) }
        return (encoding, reader, rowNumber, header)
    }

    /// After the last row: a last row with a line break inside a cell may be the rest of the file read into one
    /// cell after an unclosed quote (one the odd-count check in `open` misses, such as two unclosed quotes).
    /// - Throws: `UnclosedQuote` when so.
    static func finish(_ file: DecodedFile, lastRow: [String], header: [String]) throws {
        guard lastRow.contains(where: { $0.utf8.contains(0x0A) || $0.utf8.contains(0x0D) }) else { return }
        let firstLine = file.text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let tab = firstLine.contains("\t") && !firstLine.contains(",")
        try checkQuotes(file.text, delimiter: tab ? 0x09 : 0x2C, header: header)
    }

    /// True when `text` holds an odd number of `"`: then some quote is unclosed, or stray inside a cell.
    ///
    /// Eight bytes at a time, as `lineBreaks` counts: the quotes of a word are the zero bytes of the word XOR `"`
    /// repeated (exact: no carry crosses a byte); a byte-by-byte count was 3% of a 100,000-row Taobao import.
    /// - Complexity: O(n) over the UTF-8 bytes, no allocation.
    static func quotesAreOdd(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { b in
            guard let base = b.baseAddress else { return false }
            let count = b.count
            var n = 0, i = 0
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, high: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x2222_2222_2222_2222
                n &+= (~(((w & low7) &+ low7) | w) & high).nonzeroBitCount
                i += 8
            }
            while i < count { if b[i] == 0x22 { n &+= 1 }; i += 1 }
            return n & 1 == 1
        }
    }

    /// Reads `text` the way the CSV reader (`CSVRecordReader`, as yaslab/CSV.swift did) splits it, and throws where a quote that opens
    /// a cell is never closed. A quote inside an unquoted cell (`5"`) is text, as the reader takes it.
    /// Records are counted as the importer numbers rows (blank lines count; the first record is row 1).
    /// - Throws: `UnclosedQuote` with the row and column where the quote opens.
    /// - Complexity: O(n) over the UTF-8 bytes.
    static func checkQuotes(_ text: String, delimiter: UInt8, header: [String]) throws {
        var t = text
        let found: (row: Int, column: Int, at: Int)? = t.withUTF8 { b in
            var row = 1, column = 0, fieldStart = true, i = 0
            while i < b.count {
                let c = b[i]
                if fieldStart && c == 0x22 {
                    // A quoted cell: to a quote followed by a delimiter, a line break or the end; "" is a quote.
                    let opened = i
                    i += 1
                    var closed = false
                    while i < b.count {
                        if b[i] == 0x22 {
                            let next: UInt8? = i + 1 < b.count ? b[i + 1] : nil
                            if next == nil || next == delimiter || next == 0x0A || next == 0x0D { i += 1; closed = true; break }
                            i += 2 // "" (an escaped quote), or a quote the reader keeps as text with the character after it
                        } else { i += 1 }
                    }
                    if !closed { return (row, column, opened) }
                    fieldStart = false
                    continue
                }
                if c == delimiter { column += 1; fieldStart = true } else if c == 0x0A || c == 0x0D {
                    if c == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
                    row += 1; column = 0; fieldStart = true
                } else { fieldStart = false }
                i += 1
            }
            return nil
        }
        guard let found else { return }
        let linesAfter = t.withUTF8 { b in
            var n = 0, i = found.at
            while i < b.count { if b[i] == 0x0A || (b[i] == 0x0D && (i + 1 == b.count || b[i + 1] != 0x0A)) { n += 1 }; i += 1 }
            // A file ending in a line break has no line after that break.
            if let last = b.last, last == 0x0A || last == 0x0D { n -= 1 }
            return max(0, n)
        }
        throw UnclosedQuote(row: found.row, column: found.column < header.count ? header[found.column] : nil, linesAfter: linesAfter)
    }

    /// The cleaned header of a file (its first row that is not blank).
    public static func header(of data: Data) throws -> [String] { try open(data).header }

    /// The cleaned header of a decoded file.
    public static func header(of file: DecodedFile) throws -> [String] { try open(file).header }

    /// Adds the orders to the workspace, replacing those with the same ID.
    /// - Complexity: O(n + m log m) for n stored and m new orders.
    public static func merge(_ orders: [Order], into w: inout Workspace) -> MergeCounts {
        var c = MergeCounts()
        for (o, old) in zip(orders, w.merge(orders)) {
            if let old { if old == o { c.unchanged += 1 } else { c.replaced += 1 } } else { c.added += 1 }
        }
        return c
    }

    /// Parses `订单编号=id,业务员=agent,金额=amount` (also with `，` and `＝`).
    /// - Throws: `ImportError` for a pair without `=`.
    public static func parseMapping(_ text: String) throws -> [String: String] {
        var m: [String: String] = [:]
        for pair in text.split(whereSeparator: { $0 == "," || $0 == "，" }) {
            let p = pair.replacingOccurrences(of: "＝", with: "=")
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ImportError(.mapSyntax(String(pair)))
            }
            m[cleanHeader(String(p[..<eq]))] = String(p[p.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        }
        return m
    }

    // MARK: Cleaning values

    /// A cell as exported: without surrounding spaces, and without the `="…"`
    /// that spreadsheets write to keep a long number as text.
    /// - Complexity: O(1) for a cell with nothing to clean at either end (the usual case); else O(n).
    public static func cleanCell(_ raw: String) -> String {
        // An ASCII byte at both ends that is no white space, and no dash, = or ' to start with: nothing to clean,
        // told from two bytes without decoding the scalars at the ends (most cells: numbers, dates, IDs).
        let u = raw.utf8
        if let f = u.first, let l = u.last, f < 0x80, l < 0x80, !asciiWhiteSpace(f), !asciiWhiteSpace(l),
           f != 0x2D, f != 0x3D, f != 0x27 { return raw }
        // Text at an end (a status 交易成功, a note CS01 成交): the scalars at both ends decoded from the bytes; none
        // trimmable and no dash, = or ' first is nothing to clean, as below, without the generic scalar view.
        if let ends = asciiOrScalarEnds(raw), !trimmable(ends.first), !trimmable(ends.last),
           ends.first != "-", ends.first != "=", ends.first != "'" { return raw }
        let scalars = raw.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return raw }
        // A lone dash is how Douyin and many exports write an empty cell.
        if first == "-" && (raw == "-" || raw == "--") { return "" }
        if !trimmable(first) && !trimmable(last) && first != "=" && first != "'" { return raw }
        // ="2026030212345" (one order number in ten, in Taobao exports) with printable ASCII inside at both ends:
        // the quotes and = go, as the long way takes them, without Foundation's trimming.
        if first == "=" && last == "\"" {
            let u = raw.utf8
            if u.count >= 4, u[u.index(after: u.startIndex)] == 0x22,
               (0x21...0x7E).contains(u[u.index(u.startIndex, offsetBy: 2)]), (0x21...0x7E).contains(u[u.index(u.endIndex, offsetBy: -2)]) {
                return String(raw.dropFirst(2).dropLast())
            }
        }
        return cleanCellInFull(raw)
    }

    /// The first and last scalars of `text` from its UTF-8 bytes; `nil` when it is empty or has no contiguous UTF-8.
    /// - Complexity: O(1): at most four bytes read at each end.
    static func asciiOrScalarEnds(_ text: String) -> (first: Unicode.Scalar, last: Unicode.Scalar)? {
        text.utf8.withContiguousStorageIfAvailable { b -> (first: Unicode.Scalar, last: Unicode.Scalar)? in
            guard !b.isEmpty else { return nil }
            func scalar(_ from: Int, _ to: Int) -> Unicode.Scalar? {
                let c = UInt32(b[from]), n = to - from
                if n == 1 { return Unicode.Scalar(c) }
                var v = c & (0xFF >> UInt32(n + 1))
                for j in (from + 1)..<to { v = v << 6 | UInt32(b[j] & 0x3F) }
                return Unicode.Scalar(v)
            }
            var firstEnd = 1
            while firstEnd < b.count, b[firstEnd] & 0xC0 == 0x80 { firstEnd += 1 }
            var lastStart = b.count - 1
            while lastStart > 0, b[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
            guard let f = scalar(0, firstEnd), let l = scalar(lastStart, b.count) else { return nil }
            return (f, l)
        } ?? nil
    }

    /// True when `cleanCell` gives the cell of these bytes back as it is by its first test (an ASCII byte at both
    /// ends that is no white space, and no dash, = or ' first): the bytes are then the cleaned cell.
    /// - Complexity: O(1).
    @inline(__always) static func cleanCellKeeps(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let f = b.first, let l = b.last else { return false }
        return f < 0x80 && l < 0x80 && !asciiWhiteSpace(f) && !asciiWhiteSpace(l) && f != 0x2D && f != 0x3D && f != 0x27
    }

    /// True for the ASCII bytes that are white space (tab, LF, VT, FF, CR, space): what `isWhiteSpace` says of ASCII.
    @inline(__always) static func asciiWhiteSpace(_ b: UInt8) -> Bool { (0x09...0x0D).contains(b) || b == 0x20 }

    /// True for what `cleanCell` trims from the ends: white space and line breaks (Unicode White_Space,
    /// the same set as `CharacterSet.whitespacesAndNewlines`), the byte-order mark, the ideographic space.
    static func trimmable(_ u: Unicode.Scalar) -> Bool {
        isWhiteSpace(u) || u.value == 0xFEFF
    }

    /// Unicode White_Space (`Unicode.Scalar.Properties.isWhitespace`), from its list rather than the property
    /// tables: the property lookup was the cost of cleaning a cell that ends in a Chinese character (2% of a
    /// 100k Taobao import). The list is stable (Unicode's stability policy); `CellReadingFastPathTests` holds
    /// it to the property for every scalar.
    /// - Complexity: O(1).
    @inline(__always) static func isWhiteSpace(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        switch v {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `cleanCell` the long way, through Foundation's trimming (the definition).
    static func cleanCellInFull(_ raw: String) -> String {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}\u{3000}")))
        // A lone dash is how Douyin and many exports write an empty cell.
        if s == "-" || s == "--" { return "" }
        if s.hasPrefix("=\""), s.hasSuffix("\""), s.count >= 3 { s = String(s.dropFirst(2).dropLast()) }
        else if s.hasPrefix("'"), s.dropFirst().first?.isNumber == true { s = String(s.dropFirst()) }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// A header without a byte-order mark, stray spaces or quotes.
    public static func cleanHeader(_ raw: String) -> String {
        cleanCell(raw.replacingOccurrences(of: "\u{FEFF}", with: "")).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    /// An amount as written in exports: `12345.6`, `12,345.60`, `¥12,345`, `￥12345`, `12,345元`,
    /// `RMB 12345`, `-1,200`, `(1,200.00)`, `1.5万`; full-width digits too. Exact, never floating point.
    /// `nil` for text that is not an amount and for amounts beyond ±10²⁶ (see `amountTooLarge`).
    public static func amount(_ text: String) -> Fixed? {
        // Plain decimals (`12345.60`, `-5`), as most exports write them: straight from the bytes.
        var t = text
        if let v = t.withUTF8({ Fixed.parseDecimal($0) }) { return v }
        return parseAmount(text).value
    }

    /// `amount` the long way, without the fast path for plain decimals (the definition the fast path must agree with).
    static func amountInFull(_ text: String) -> Fixed? { parseAmount(text).value }

    /// Whether `text` is written as an amount but is beyond ±10²⁶, the largest amount payplan holds.
    public static func amountTooLarge(_ text: String) -> Bool { parseAmount(text).tooLarge }

    /// Why `text` is not an amount, for a bad-cell report: too large, or not written as one.
    public static func notAnAmount(_ text: String) -> String {
        amountTooLarge(text) ? "'\(text)' is too large: amounts go up to 10²⁶" : "'\(text)' is not an amount such as 12345.60, ¥12,345 or 12,345元"
    }

    /// `amount` the long way (the definition): full-width forms, signs, currency marks, 万 and grouping;
    /// or why not: `tooLarge` when the text is digits (and an optional 万) beyond ±10²⁶.
    static func parseAmount(_ text: String) -> (value: Fixed?, tooLarge: Bool) {
        var s = String(text.unicodeScalars.map { u -> Character in
            (0xFF01...0xFF5E).contains(u.value) ? Character(Unicode.Scalar(u.value - 0xFEE0)!) : Character(u)
        })
        s = s.replacingOccurrences(of: " ", with: "")
        var negative = false
        if s.hasPrefix("("), s.hasSuffix(")") { negative = true; s = String(s.dropFirst().dropLast()) }
        if s.hasPrefix("-") { negative.toggle(); s = String(s.dropFirst()) } else if s.hasPrefix("+") { s = String(s.dropFirst()) }
        for prefix in ["¥", "￥", "RMB", "CNY"] where s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
        if s.hasPrefix("-") { negative.toggle(); s = String(s.dropFirst()) }
        for suffix in ["元", "RMB", "CNY"] where s.hasSuffix(suffix) { s = String(s.dropLast(suffix.count)) }
        var multiplier: Fixed = 1
        if s.hasSuffix("万") { multiplier = 10000; s = String(s.dropLast()) }
        // Thousands separators: every group after the first has three digits.
        let whole = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return (nil, false) }
            s = s.replacingOccurrences(of: ",", with: "")
        }
        guard let v = Fixed(decimalText: s) else {
            let digitsOnly = s.range(of: #"^\d+(\.\d{0,12})?$"#, options: .regularExpression) != nil
            return (nil, digitsOnly)
        }
        guard let scaled = Fixed.checkedMultiply(v, multiplier) else { return (nil, true) }
        return (negative ? -scaled : scaled, false)
    }

    /// A date as written in exports: `2026-03-02`, `2026/3/2`, `2026/3/2 9:05`, `2026-03-02T09:05:00`,
    /// `2026.3.2`, `2026年3月2日`. A time of day is ignored.
    public static func day(_ text: String) -> Day? {
        var t = text
        switch t.withUTF8({ exportDay($0) }) {
        case .day(let d): return d
        case .notADay: return nil
        case .ask: return dayInFull(text)
        }
    }

    /// `day` the long way: clean-up, then the shape checked with a regular expression (the definition).
    static func dayInFull(_ text: String) -> Day? {
        var s = text.trimmingCharacters(in: .whitespaces)
        if let t = s.firstIndex(where: { $0 == " " || $0 == "T" }) { s = String(s[..<t]) }
        s = s.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: ".", with: "-")
        guard dayShape.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil else { return nil }
        return Day(text: s)
    }

    /// The shape `day` accepts after its clean-up, compiled once.
    nonisolated(unsafe) static let dayShape = try! NSRegularExpression(pattern: #"^\d{4}[-/]\d{1,2}[-/]\d{1,2}$"#)
    /// The start of a date (`looksLikeDate`), compiled once.
    nonisolated(unsafe) static let dateStart = try! NSRegularExpression(pattern: #"^\d{4}\s*[-/.年]\s*\d{1,2}"#)

    /// What the byte reader makes of a date cell.
    enum ByteDay { case day(Day), notADay, ask }

    /// The usual date cells from their bytes: `2026-03-02`, `2026/3/2`, `2026.3.2`, `2026年3月2日`, each
    /// optionally followed by a space or `T` and a time. `.notADay` for that shape with an impossible day
    /// (`2026-02-30`); `.ask` for anything else, which `day` reads the long way.
    /// - Complexity: O(1) (the bytes after the date are not read).
    static func exportDay(_ b: UnsafeBufferPointer<UInt8>) -> ByteDay {
        var i = 0
        func digits(_ lo: Int, _ hi: Int) -> Int? {
            var v = 0, n = 0
            while i < b.count, n < hi, b[i] &- 0x30 < 10 { v = v * 10 + Int(b[i] &- 0x30); i += 1; n += 1 }
            return n >= lo ? v : nil
        }
        /// `-`, `/`, `.`, or the character at bytes `cjk` (年 or 月).
        func separator(_ cjk: (UInt8, UInt8, UInt8)) -> Bool {
            guard i < b.count else { return false }
            if b[i] == 0x2D || b[i] == 0x2F || b[i] == 0x2E { i += 1; return true }
            if i + 2 < b.count, b[i] == cjk.0, b[i + 1] == cjk.1, b[i + 2] == cjk.2 { i += 3; return true }
            return false
        }
        guard let y = digits(4, 4), separator((0xE5, 0xB9, 0xB4)), let m = digits(1, 2), separator((0xE6, 0x9C, 0x88)),
              let d = digits(1, 2) else { return .ask }
        if i + 2 < b.count, b[i] == 0xE6, b[i + 1] == 0x97, b[i + 2] == 0xA5 { i += 3 } // 日
        guard i == b.count || b[i] == 0x20 || b[i] == 0x54 else { return .ask } // the end, a space or T
        return Day(year: y, month: m, day: d).map(ByteDay.day) ?? .notADay
    }

    /// Yes or no: `yes`/`no`, `是`/`否`, `Y`/`N`, `true`/`false`, `1`/`0`, `√`/`×`, `已审批`/`未审批`.
    public static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "是", "有", "√", "已审批", "已批": return true
        case "no", "n", "false", "0", "否", "无", "×", "未审批", "未批": return false
        default: return nil
        }
    }

    static func looksLikeDate(_ s: String) -> Bool {
        dateStart.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
    }

    /// A field's value, checked against the kind the plan gives it.
    static func value(_ v: String, kind: Kind) -> Result<AttributeValue, ImportProblem.Kind> {
        switch kind {
        case .number:
            guard let n = amount(v) else { return .failure(.notAnAmount(v, tooLarge: amountTooLarge(v))) }
            return .success(.number(n))
        case .date:
            guard let d = day(v) else { return .failure(.notADate(v)) }
            return .success(.date(d))
        case .flag:
            guard let b = flag(v) else { return .failure(.notAFlag(v)) }
            return .success(.flag(b))
        case .text:
            return .success(.text(v))
        case .any:
            if looksLikeDate(v) {
                guard let d = day(v) else { return .failure(.invalidDate(v)) }
                return .success(.date(d))
            }
            if let b = flag(v), !v.allSatisfy(\.isNumber) { return .success(.flag(b)) }
            if let n = amount(v) { return .success(.number(n)) }
            return .success(.text(v))
        }
    }

    /// The kind of each `field` of the plan, from its default (no default: any kind).
    static func fieldKinds(_ plan: Plan) -> [String: Kind] {
        var kinds: [String: Kind] = [:]
        for d in plan.definitions {
            guard case .field(let name, _, let def, _) = d.statement else { continue }
            var kind = Kind.any
            switch def?.kind {
            case .number?, .unary?: kind = .number
            case .date?: kind = .date
            case .bool?: kind = .flag
            case .text?: kind = .text
            default: break
            }
            kinds[name] = kind
        }
        return kinds
    }

    /// The ranges the plan declares for its order fields (`field price "成交价" default 0 range 0..`).
    static func fieldRanges(_ plan: Plan) -> [String: AmountRange] {
        var ranges: [String: AmountRange] = [:]
        for d in plan.definitions { if case .field(let name, _, _, let range?) = d.statement { ranges[name] = range } }
        return ranges
    }

    /// Field labels (`field amount "金额"`) → field names, for columns named like the plan's labels.
    static func fieldLabels(_ plan: Plan) -> [String: String] {
        var labels: [String: String] = [:]
        for d in plan.definitions {
            if case .field(let name, let label?, _, _) = d.statement { labels[label] = name }
        }
        return labels
    }

    /// The value each label of a field's `labels` clause stands for, field → label → value (`terms`:
    /// 月结30天 → net30), for the fields that have one; a label that is itself one of the field's values
    /// stays that value (as `Session.rawValue` reads typed input).
    /// - Complexity: O(definitions + labels).
    static func fieldValuesOfLabels(_ plan: Plan) -> [String: [String: String]] {
        var all: [String: [String: String]] = [:]
        for d in plan.definitions where !d.valueLabels.isEmpty {
            guard case .field(let name, _, _, _) = d.statement else { continue }
            let values = Set(d.valueLabels.map(\.value))
            var m: [String: String] = [:]
            for l in d.valueLabels where !values.contains(l.label) && m[l.label] == nil { m[l.label] = l.value }
            if !m.isEmpty { all[name] = m }
        }
        return all
    }

    static func isValidTarget(_ t: String) -> Bool {
        guard let f = t.first, f.isLetter || f == "_" else { return false }
        return t.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// The problem of a row whose cells do not line up with the header: fewer cells than columns, or cells past
    /// the last column that are not blank (a trailing delimiter, which some exports write on every row, is
    /// taken). `nil` when they line up.
    /// - Complexity: O(the row's cells past the header).
    static func cellCountProblem(_ row: [String], header: [String], row number: Int) -> ImportProblem? {
        if row.count < header.count || row[header.count...].contains(where: { !cleanCell($0).isEmpty }) {
            return ImportProblem(row: number, column: nil, .cellCount(cells: row.count, columns: header.count))
        }
        return nil
    }

    static func isBlank(_ row: [String]) -> Bool {
        row.allSatisfy { cell in cell.unicodeScalars.allSatisfy(isWhiteSpace) }
    }
}
