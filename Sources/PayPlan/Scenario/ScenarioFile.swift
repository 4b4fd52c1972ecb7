import Foundation

/// Reads and writes scenarios (方案) as JSON.
///
/// The file holds the plan as its source lines (so a reader sees each rule
/// as written), the agents, their inputs and the scenario's years. Money is
/// written as decimal strings (`"3000.10"`) and read back exactly. Keys are
/// sorted and the text pretty-printed, so a scenario diffs well in git.
///
/// ```json
/// { "format": "payplan-scenario", "version": 1, "name": "electronics-sales",
///   "years": "2026", "plan": ["param base_salary = 3000", "…"],
///   "agents": [{ "name": "李雷", "id": "S01", "hired": "2025-06-01", "base": "3000" }],
///   "inputs": { "李雷": { "sales": { "2026-03": "120000" } } } }
/// ```
public enum ScenarioFile {
    /// The format version this build writes; it reads this and older ones.
    public static let version = 1
    public static let formatName = "payplan-scenario"

    struct AgentRecord: Codable {
        var name: String
        var id: String?
        var role: String?
        var hired: String?
        var left: String?
        var base: Fixed?
        var attributes: [String: AttributeValue]?
        /// Keys payplan does not read, written back as they were (`KeptKeys`).
        var kept: [KeptKey] = []

        enum CodingKeys: String, CodingKey { case name, id, role, hired, left, base, attributes }
    }

    struct OrderRecord: Codable {
        var id: String
        var agent: String?
        var date: String
        var fields: [String: AttributeValue]?
        var kept: [KeptKey] = []

        enum CodingKeys: String, CodingKey { case id, agent, date, fields }
    }

    struct CalendarRecord: Codable {
        /// Weekday numbers not worked, 1 = Monday … 7 = Sunday.
        var weekend: [Int]
        var holidays: [String]
        var workdays: [String]
        var kept: [KeptKey] = []

        enum CodingKeys: String, CodingKey { case weekend, holidays, workdays }
    }

    struct Body: Codable {
        var format: String
        var version: Int
        var name: String
        var description: String?
        var years: String
        var plan: [String]
        var agents: [AgentRecord]
        var inputs: [String: [String: [String: Fixed]]]
        var team_inputs: [String: [String: Fixed]]?
        /// What-if forks saved with the scenario: name → the same body (see ScenarioFile+Forks).
        var forks: [String: Body]? = nil
        var orders: [OrderRecord]? = nil
        var calendar: CalendarRecord? = nil
        var as_of: String? = nil
        /// Column mappings for `orders import`, by name: CSV column → order field.
        var import_maps: [String: [String: String]]? = nil
        /// The top level's keys payplan does not read, written back as they were.
        var kept: [KeptKey] = []
        /// `inputs` as the workspace holds them (periods parsed), when the reader was asked for them
        /// (`readBody(_:typedInputs:)`): then `inputs` is left empty. Not a key of the file.
        var typedInputs = TypedInputs()

        enum CodingKeys: String, CodingKey {
            case format, version, name, description, years, plan, agents, inputs, team_inputs, forks, orders, calendar, as_of, import_maps
        }

        init(format: String, version: Int, name: String, description: String?, years: String, plan: [String],
             agents: [AgentRecord], inputs: [String: [String: [String: Fixed]]], team_inputs: [String: [String: Fixed]]?,
             forks: [String: Body]? = nil, orders: [OrderRecord]?, calendar: CalendarRecord?, as_of: String?,
             import_maps: [String: [String: String]]?) {
            self.format = format; self.version = version; self.name = name; self.description = description
            self.years = years; self.plan = plan; self.agents = agents; self.inputs = inputs; self.team_inputs = team_inputs
            self.forks = forks; self.orders = orders; self.calendar = calendar; self.as_of = as_of; self.import_maps = import_maps
        }

        /// Decodes in one pass: the format and version are checked before any other field is read,
        /// so a newer file is refused for its version, not for a field this build does not know.
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let place = ScenarioFile.pathText(decoder.codingPath)
            let f = try c.decodeIfPresent(String.self, forKey: .format)
            if let f, f != ScenarioFile.formatName {
                throw ScenarioError.placed(place, .notAScenario(format: f, expected: ScenarioFile.formatName))
            }
            guard let v = try c.decodeIfPresent(Int.self, forKey: .version) else { throw ScenarioError.placed(place, .versionMissing) }
            if v > ScenarioFile.version {
                throw ScenarioError.placed(place, .newerVersion(v, reads: ScenarioFile.version))
            }
            format = f ?? ScenarioFile.formatName
            version = v
            name = try c.decode(String.self, forKey: .name)
            description = try c.decodeIfPresent(String.self, forKey: .description)
            years = try c.decode(String.self, forKey: .years)
            plan = try c.decode([String].self, forKey: .plan)
            agents = try c.decode([AgentRecord].self, forKey: .agents)
            inputs = try c.decode([String: [String: [String: Fixed]]].self, forKey: .inputs)
            team_inputs = try c.decodeIfPresent([String: [String: Fixed]].self, forKey: .team_inputs)
            forks = try c.decodeIfPresent([String: Body].self, forKey: .forks)
            orders = try c.decodeIfPresent([OrderRecord].self, forKey: .orders)
            calendar = try c.decodeIfPresent(CalendarRecord.self, forKey: .calendar)
            as_of = try c.decodeIfPresent(String.self, forKey: .as_of)
            import_maps = try c.decodeIfPresent([String: [String: String]].self, forKey: .import_maps)
        }
    }

    /// A body's `inputs` read straight into the workspace's form (agent → input → period → amount),
    /// without a dictionary keyed by period text in between, and the first period text of each agent
    /// that is not a period (refused by `workspace(from:)` where it refuses such a text from `inputs`).
    struct TypedInputs {
        /// Whether the reader filled these (else `Body.inputs` holds the inputs).
        var read = false
        /// Every agent key of the file's `inputs`, with its series as read (empty ones too).
        var inputs: [String: [String: [Period: Fixed]]] = [:]
        /// Agent → the first input name and text (in file order) that is not a period.
        var badPeriods: [String: (name: String, text: String)] = [:]
    }

    /// Encodes a workspace as scenario JSON (UTF-8, sorted keys, pretty-printed, final newline).
    /// - Complexity: O(n log n) in the values written (keys are sorted).
    public static func encode(_ w: Workspace, description: String? = nil) throws -> Data {
        try encode(body(of: w, description: description))
    }

    /// The body of a workspace as the file stores it. Its `inputs` are kept as the workspace holds them
    /// (`typedInputs`, series left empty dropped) and written from there (`JSONWriter.seriesByPeriod`):
    /// a period text per value and a dictionary keyed by it cost half of saving 10,000 agents.
    /// `withTextInputs()` gives the same body with `inputs` by period text, as the `Codable` reference has it.
    /// - Complexity: O(agents + orders), plus O(values entered) when a series is empty.
    static func body(of w: Workspace, description: String? = nil) -> Body {
        var typed = TypedInputs()
        typed.read = true
        if w.inputs.values.contains(where: { $0.isEmpty || $0.values.contains(where: \.isEmpty) }) {
            for (agent, byName) in w.inputs {
                let kept = byName.filter { !$0.value.isEmpty }
                if !kept.isEmpty { typed.inputs[agent] = kept }
            }
        } else {
            typed.inputs = w.inputs
        }
        var team: [String: [String: Fixed]] = [:]
        for (name, series) in w.teamInputs where !series.isEmpty {
            for (p, v) in series { team[name, default: [:]][p.description] = v }
        }
        let keptByOrder = w.kept.orders
        var body = Body(
            format: formatName, version: version, name: w.name, description: description,
            years: w.years.count == 1 ? "\(w.years.lowerBound)" : "\(w.years.lowerBound)-\(w.years.upperBound)",
            // An empty plan is an empty list, not one empty line (`"plan": [""]`, fresh-user finding 9, session 13).
            plan: w.plan.sourceText.isEmpty ? [] : w.plan.sourceText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            agents: w.agents.map {
                AgentRecord(name: $0.name, id: $0.id, role: $0.role, hired: $0.hired?.description, left: $0.left?.description,
                            base: $0.base, attributes: $0.extra.isEmpty ? nil : $0.extra, kept: $0.kept)
            },
            inputs: [:], team_inputs: team.isEmpty ? nil : team,
            orders: w.orders.isEmpty ? nil : w.orders.map {
                OrderRecord(id: $0.id, agent: $0.agent, date: $0.date.description, fields: $0.fields.isEmpty ? nil : $0.fields,
                            kept: keptByOrder.isEmpty ? [] : keptByOrder[$0.id] ?? [])
            },
            calendar: w.calendar == WorkCalendar() && w.kept.calendar.isEmpty ? nil : CalendarRecord(
                weekend: w.calendar.weekend.sorted(), holidays: w.calendar.holidays.sorted().map(\.description),
                workdays: w.calendar.workdays.sorted().map(\.description), kept: w.kept.calendar),
            as_of: w.asOf?.description,
            import_maps: w.importMaps.isEmpty ? nil : w.importMaps)
        // A fork's description kept as a key: the session's own description wins if this body has one.
        body.kept = description == nil ? w.kept.top : w.kept.top.filter { $0.key != "description" }
        body.typedInputs = typed
        return body
    }

    /// A body as file bytes: sorted keys, pretty-printed, a final newline.
    static func encode(_ body: Body) throws -> Data {
        write(body)
    }

    /// `encode` through Foundation's `JSONEncoder` and the `Codable` conformance: the reference
    /// the hand-written writer is tested against.
    static func encodeWithFoundation(_ body: Body) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(body.withTextInputs())
        data.append(0x0A)
        return data
    }

    /// Decodes scenario JSON into a workspace and checks that its plan compiles.
    ///
    /// - Throws: `ScenarioError` naming the place: a JSON syntax error with its
    ///   line and column, a field with the wrong type by its path
    ///   (`agents[2].hired`), a plan mistake by plan line, a newer format.
    public static func decode(_ data: Data) throws -> (workspace: Workspace, description: String?) {
        try workspace(from: decodeBody(data))
    }

    /// Parses the file's bytes once into its body (forks included).
    /// - Throws: `ScenarioError`: a syntax error with its line and column, a wrong field by its path, a newer format.
    static func decodeBody(_ data: Data) throws -> Body {
        try readBody(data, typedInputs: true)
    }

    /// `decodeBody` through Foundation's `JSONDecoder` and the `Codable` conformance: the reference
    /// the hand-written reader is tested against.
    static func decodeBodyWithFoundation(_ data: Data) throws -> Body {
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch let e as ScenarioError {
            throw e
        } catch {
            // Foundation does not say where a syntax error is: find it (only on failure, so a good file is read once).
            if let e = JSONSyntax.firstError(in: data) { throw ScenarioError(e) }
            throw ScenarioError(describe(error))
        }
    }

    /// The workspace a decoded body describes, checked (names, dates, periods, the plan compiles).
    /// - Throws: `ScenarioError` naming the place.
    static func workspace(from body: Body) throws -> (workspace: Workspace, description: String?) {
        var w = Workspace(name: body.name)
        let yearParts = body.years.split(separator: "-").compactMap { Int($0) }
        guard (1...2).contains(yearParts.count), let y0 = yearParts.first, let y1 = yearParts.last, y0 <= y1, y0 >= 1900, y1 < 3000 else {
            throw ScenarioError(.yearsFormat(found: body.years))
        }
        w.years = y0...y1
        do {
            // An empty plan is written as [] (older payplans wrote [""], its source text "" as one line): read
            // [""] as no lines too, so that both reopen to the plan they were saved from (found by the scenario mutator).
            w.plan = try Plan.parse(lines: body.plan == [""] ? [] : body.plan)
            // A dated version (`from 2026-07 …`) takes effect in a month of the scenario's years.
            try w.plan.checkVersions(years: w.years)
        } catch let e as PlanSourceError {
            throw ScenarioError(.planLine(e.lineNumber, e.error.kind))
        } catch let e as CompileError {
            throw ScenarioError(.planDefinition(e.definition, e.error.kind))
        }
        var names = Set<String>()
        for (i, r) in body.agents.enumerated() {
            guard !r.name.isEmpty else { throw ScenarioError(.at("agents[\(i)].name", .agentNameEmpty)) }
            guard names.insert(r.name).inserted else {
                let first = body.agents.firstIndex { $0.name == r.name } ?? 0
                throw ScenarioError(.at("agents[\(i)].name", .agentNameTwice(r.name, first: "agents[\(first)]")))
            }
            var a = Agent(name: r.name, id: r.id, role: r.role, base: r.base, extra: r.attributes ?? [:])
            a.kept = r.kept
            for (key, text) in [("hired", r.hired), ("left", r.left)] {
                guard let text else { continue }
                guard let d = Day(text: text) else { throw ScenarioError(.at("agents[\(i)].\(key)", .notADate(text, example: "2025-06-01"))) }
                if key == "hired" { a.hired = d } else { a.left = d }
            }
            w.agents.append(a)
        }
        if body.typedInputs.read {
            try takeInputs(body.typedInputs, into: &w, agents: names)
        }
        w.inputs.reserveCapacity(body.inputs.count)
        for (agent, byName) in body.inputs {
            guard names.contains(agent) else { throw ScenarioError(.at("inputs", .notAnAgent(agent))) }
            // Each agent's inputs built apart and stored once (not one nested dictionary write per value).
            var mine: [String: [Period: Fixed]] = [:]
            mine.reserveCapacity(byName.count)
            for (name, series) in byName {
                var typed: [Period: Fixed] = [:]
                typed.reserveCapacity(series.count)
                for (ptext, value) in series {
                    guard let p = Period(text: ptext) else {
                        throw ScenarioError(.at("inputs.\(agent).\(name)", .notAPeriod(ptext, example: true)))
                    }
                    typed[p] = value
                }
                if !typed.isEmpty { mine[name] = typed }
            }
            if !mine.isEmpty { w.inputs[agent] = mine }
        }
        var orderIDs = Set<String>()
        var orders: [Order] = []
        orders.reserveCapacity(body.orders?.count ?? 0)
        for (i, r) in (body.orders ?? []).enumerated() {
            guard !r.id.isEmpty else { throw ScenarioError(.at("orders[\(i)].id", .orderIDEmpty)) }
            guard orderIDs.insert(r.id).inserted else {
                // Said once, with the earlier order that has it (looked for only on this error).
                let first = (body.orders ?? []).firstIndex { $0.id == r.id } ?? 0
                throw ScenarioError(.at("orders[\(i)].id", .orderIDTwice(r.id, first: "orders[\(first)]")))
            }
            guard let d = Day(text: r.date) else { throw ScenarioError(.at("orders[\(i)].date", .notADate(r.date, example: "2026-03-02"))) }
            if let a = r.agent, !names.contains(a) { throw ScenarioError(.at("orders[\(i)].agent", .notAnAgent(a))) }
            orders.append(Order(id: r.id, agent: r.agent, date: d, fields: r.fields ?? [:]))
            if !r.kept.isEmpty { w.kept.orders[r.id] = r.kept }
        }
        w.merge(orders)
        if let c = body.calendar {
            var cal = WorkCalendar()
            guard c.weekend.allSatisfy({ (1...7).contains($0) }) else { throw ScenarioError(.at("calendar.weekend", .weekendDays)) }
            cal.weekend = Set(c.weekend)
            for (key, list) in [("holidays", c.holidays), ("workdays", c.workdays)] {
                for t in list {
                    guard let d = Day(text: t) else { throw ScenarioError(.at("calendar.\(key)", .notADate(t, example: nil))) }
                    if key == "holidays" { cal.holidays.insert(d) } else { cal.workdays.insert(d) }
                }
            }
            w.calendar = cal
            w.kept.calendar = c.kept
        }
        if let a = body.as_of {
            guard let d = Day(text: a) else { throw ScenarioError(.at("as_of", .notADate(a, example: "2026-06-30"))) }
            w.asOf = d
        }
        w.importMaps = body.import_maps ?? [:]
        w.kept.top = body.kept
        for (name, series) in body.team_inputs ?? [:] {
            for (ptext, value) in series {
                guard let p = Period(text: ptext) else { throw ScenarioError(.at("team_inputs.\(name)", .notAPeriod(ptext, example: false))) }
                w.teamInputs[name, default: [:]][p] = value
            }
        }
        try validate(w, body: body)
        return (w, body.description)
    }

    /// The inputs the reader typed (`TypedInputs`), checked as `workspace(from:)` checks `inputs`: an agent
    /// key that is not an agent, then a period text that is not a period, with the same messages; series
    /// and agents left empty are dropped. Stored whole when nothing is to be dropped.
    /// - Throws: `ScenarioError` naming the place.
    /// - Complexity: O(agents with inputs + input names), no work per value when nothing is empty.
    static func takeInputs(_ typed: TypedInputs, into w: inout Workspace, agents names: Set<String>) throws {
        var anyEmpty = false
        for (agent, byName) in typed.inputs {
            guard names.contains(agent) else { throw ScenarioError(.at("inputs", .notAnAgent(agent))) }
            if let (name, text) = typed.badPeriods[agent] {
                throw ScenarioError(.at("inputs.\(agent).\(name)", .notAPeriod(text, example: true)))
            }
            if !anyEmpty, byName.isEmpty || byName.values.contains(where: \.isEmpty) { anyEmpty = true }
        }
        guard anyEmpty else { w.inputs = typed.inputs; return }
        w.inputs.reserveCapacity(typed.inputs.count)
        for (agent, byName) in typed.inputs {
            let mine = byName.filter { !$0.value.isEmpty }
            if !mine.isEmpty { w.inputs[agent] = mine }
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c):
            let path = pathText(c.codingPath)
            var message = c.debugDescription
            if let underlying = c.underlyingError as NSError? {
                let d = underlying.userInfo[NSDebugDescriptionErrorKey] as? String ?? underlying.localizedDescription
                message = d
            }
            return path.isEmpty ? "not valid JSON: \(message)" : "\(path): \(message)"
        case DecodingError.keyNotFound(let key, let c):
            let path = pathText(c.codingPath)
            return "\(path.isEmpty ? "" : path + ": ")the field \"\(key.stringValue)\" is missing"
        case DecodingError.typeMismatch(let type, let c):
            return "\(pathText(c.codingPath)): expected \(type == String.self || type == Fixed.self ? "text" : "\(type)") here"
        case DecodingError.valueNotFound(_, let c):
            return "\(pathText(c.codingPath)): a value is missing"
        default:
            return "\(error)"
        }
    }

    static func pathText(_ path: [CodingKey]) -> String {
        var s = ""
        for k in path {
            if let i = k.intValue { s += "[\(i)]" } else { s += s.isEmpty ? k.stringValue : ".\(k.stringValue)" }
        }
        return s
    }

    /// Why `path` could not be read, naming the real problem: no such file, a directory (with the
    /// scenario files in it, if any), or no permission.
    public static func unreadable(_ path: String) -> ScenarioError.Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .cannotRead(path: path, exists: false) }
        guard isDirectory.boolValue else { return .cannotReadPermission(path: path) }
        let inside = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return .directoryNotScenario(path: path, scenarios: inside)
    }

    /// Reads and decodes a scenario file.
    /// - Throws: `ScenarioError` with the file name and the place of the problem.
    public static func load(path: String) throws -> (workspace: Workspace, description: String?) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ScenarioError(unreadable(path))
        }
        do { return try decode(data) } catch let e as ScenarioError {
            throw ScenarioError(.at(path, e.kind.naming(file: path)))
        }
    }

    /// Writes a scenario safely: to a temporary file beside the target, flushed
    /// to disk, then renamed over the old file, so a failure never leaves a
    /// half-written scenario and the old one stays intact until the new one is complete.
    /// - Throws: `ScenarioError` when the folder is not writable or the disk is full.
    public static func save(_ w: Workspace, description: String? = nil, path: String) throws {
        let data = try encode(w, description: description)
        try AtomicFile.write(data, to: path)
    }
}

/// A scenario that could not be read or written; the workspace is unchanged.
///
/// Its `kind` says what is wrong as data for the file layer's own errors (the REPL renders
/// them in English and Chinese); the JSON reader's errors too (`Kind.text` is left for an error of no known kind).
public struct ScenarioError: Error, CustomStringConvertible, Equatable {
    public let kind: Kind
    /// The English text.
    public var message: String { kind.english }
    public init(_ kind: Kind) { self.kind = kind }
    /// An error with an untyped English message.
    public init(_ message: String) { self.kind = .text(message) }
    /// `kind` at `place` (a field path; none when empty).
    static func placed(_ place: String, _ kind: Kind) -> ScenarioError { ScenarioError(place.isEmpty ? kind : .at(place, kind)) }
    public var description: String { message }
}

/// Finds where a JSON text goes wrong, for messages that name the line and
/// column (Foundation's decoder on Linux does not say where).
enum JSONSyntax {
    /// `line 4, column 11` for the byte at `offset` (columns count characters, not bytes).
    static func place(_ offset: Int, in data: Data) -> String {
        let (line, column) = lineAndColumn(offset, in: data)
        return "line \(line), column \(column)"
    }

    /// The line and column (both from 1; columns count characters, not bytes) of the byte at `offset`.
    /// - Complexity: O(offset).
    static func lineAndColumn(_ offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            for k in 0..<min(offset, b.count) {
                if b[k] == 0x0A { line += 1; column = 1 } else if b[k] & 0xC0 != 0x80 { column += 1 }
            }
        }
        return (line, column)
    }

    /// The byte offset of the first byte that is not UTF-8, or `nil` when the whole text is UTF-8.
    /// - Complexity: O(n) in the bytes.
    static func firstNotUTF8(in data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var it = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let e): offset += e.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// `UTF-16` when `data` starts with a UTF-16 byte-order mark, `UTF-16LE` or `UTF-16BE` when it is UTF-16
    /// without one (`UnmarkedUTF16`), else nil.
    /// - Complexity: O(1): at most 4,096 bytes are read.
    static func utf16Encoding(of data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        return UnmarkedUTF16.littleEndian(data).map { $0 ? "UTF-16LE" : "UTF-16BE" }
    }

    /// Whether the bytes are GB18030 text by their structure (GBK, GB2312 included): ASCII, and
    /// two-byte (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F) or four-byte (0x81–0xFE, 0x30–0x39,
    /// 0x81–0xFE, 0x30–0x39) characters, as files saved on Chinese Windows are.
    /// - Complexity: O(n) in the bytes.
    static func readsAsGB18030(_ data: Data) -> Bool {
        let b = [UInt8](data)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            guard c != 0x80, c != 0xFF, i + 1 < b.count else { return false }
            let d = b[i + 1]
            if (0x40...0xFE).contains(d), d != 0x7F { i += 2; continue }
            guard (0x30...0x39).contains(d), i + 3 < b.count, (0x81...0xFE).contains(b[i + 2]), (0x30...0x39).contains(b[i + 3]) else { return false }
            i += 4
        }
        return true
    }

    /// The first syntax error (`not valid JSON: line 4, column 11: expected a value`), or `nil` when the text is well-formed JSON.
    static func firstError(in data: Data) -> ScenarioError.Kind? {
        let b = [UInt8](data)
        var i = 0
        func place(_ problem: ScenarioError.JSONProblem) -> ScenarioError.Kind {
            var line = 1, column = 1
            for k in 0..<min(i, b.count) {
                if b[k] == 0x0A { line += 1; column = 1 } else if b[k] & 0xC0 != 0x80 { column += 1 }
            }
            return .notJSON(line: line, column: column, problem)
        }
        func ws() { while i < b.count, [0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 } }
        func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w else { return false }
            i += w.count; return true
        }
        func string() -> ScenarioError.JSONProblem? {
            guard i < b.count, b[i] == 0x22 else { return .expectedString }
            i += 1
            while i < b.count {
                if b[i] == 0x5C { i += 2; continue }
                if b[i] == 0x22 { i += 1; return nil }
                if b[i] < 0x20 { return .controlCharacter }
                i += 1
            }
            return .stringNotClosed
        }
        func number() -> ScenarioError.JSONProblem? {
            let start = i
            if i < b.count, b[i] == 0x2D { i += 1 }
            while i < b.count, (0x30...0x39).contains(b[i]) || [0x2E, 0x65, 0x45, 0x2B, 0x2D].contains(b[i]) { i += 1 }
            return i > start ? nil : .expectedValue
        }
        func value(_ depth: Int) -> ScenarioError.JSONProblem? {
            guard depth < 512 else { return .nestedTooDeeply }
            ws()
            guard i < b.count else { return .endsWhereValueExpected }
            switch b[i] {
            case 0x7B: // {
                i += 1; ws()
                if i < b.count, b[i] == 0x7D { i += 1; return nil }
                while true {
                    ws()
                    if let e = string() { return e }
                    ws()
                    guard i < b.count, b[i] == 0x3A else { return .expectedColon }
                    i += 1
                    if let e = value(depth + 1) { return e }
                    ws()
                    guard i < b.count else { return .endsInsideObject }
                    if b[i] == 0x2C { i += 1; continue }
                    if b[i] == 0x7D { i += 1; return nil }
                    return .expectedCommaOrBrace
                }
            case 0x5B: // [
                i += 1; ws()
                if i < b.count, b[i] == 0x5D { i += 1; return nil }
                while true {
                    if let e = value(depth + 1) { return e }
                    ws()
                    guard i < b.count else { return .endsInsideList }
                    if b[i] == 0x2C { i += 1; continue }
                    if b[i] == 0x5D { i += 1; return nil }
                    return .expectedCommaOrBracket
                }
            case 0x22: return string()
            case 0x74: return literal("true") ? nil : .expectedValue
            case 0x66: return literal("false") ? nil : .expectedValue
            case 0x6E: return literal("null") ? nil : .expectedValue
            default: return number()
            }
        }
        if let e = value(0) { return place(e) }
        ws()
        return i < b.count ? place(.textAfterEnd) : nil
    }
}
