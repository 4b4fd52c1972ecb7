import Foundation

/// Reading a scenario file's body with `JSONReader`, by the schema of `ScenarioFile.Body`.
///
/// The same document as the `Codable` conformance reads (which stays as the reference
/// the tests compare with), with the same messages: a field by its path, a missing
/// field, a wrong kind, an amount that is not exact. A key this build does not read — at the
/// top (`"notes"`), in an agent (`"phone"`), an order, the calendar or a fork — is the owner's
/// data: kept as it was (`KeptKeys`) and written back by a save (issue 11). A key given twice in
/// one object is refused, and so is a misspelling of a key this build reads (`"order"`,
/// `"hierd"`), saying which one was meant, since what it holds would not be read.
///
/// A key added to `Body` or its records must be read here and written in
/// `ScenarioFile+Writing.swift`; `ScenarioFileReaderTests` fails until it is.
extension ScenarioFile {
    /// Parses the bytes into a body: one pass, no tree, money from its bytes.
    /// - Throws: `ScenarioError`: `not valid JSON: line L, column C: …`, `PATH: …`, a newer format.
    /// - Complexity: O(n) in the file's bytes.
    /// With `typedInputs`, `inputs` (and each fork's) is read into `Body.typedInputs`, periods parsed,
    /// and `Body.inputs` left empty: what opening a file does (`decodeBody`).
    static func readBody(_ data: Data, typedInputs: Bool = false) throws -> Body {
        let result: Result<Body, JSONReadError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var r = JSONReader(bytes)
            r.typedInputs = typedInputs
            do {
                let body = try readBody(&r)
                try r.end()
                return .success(body)
            } catch let e as JSONReadError {
                return .failure(e)
            } catch {
                return .failure(.field(path: "", (error as? ScenarioError)?.kind ?? .text("\(error)")))
            }
        }
        switch result {
        case .success(let body):
            try checkHeader(body.format, body.version, place: "")
            return body
        case .failure(let e):
            // Bytes that are not UTF-8 come first (a GBK file: its encoding and the fix), then a syntax
            // error anywhere (as it always has), then the header, then the field.
            if let e = JSONSyntax.utf16Encoding(of: data) { throw ScenarioError(.utf16(encoding: e, file: nil)) }
            if let bad = JSONSyntax.firstNotUTF8(in: data) {
                let (line, column) = JSONSyntax.lineAndColumn(bad, in: data)
                throw ScenarioError(.notUTF8(line: line, column: column, readsAsGBK: JSONSyntax.readsAsGB18030(data), file: nil))
            }
            if let e = JSONSyntax.firstError(in: data) { throw ScenarioError(e) }
            switch e {
            case .syntax(let offset, let problem):
                let (line, column) = JSONSyntax.lineAndColumn(offset, in: data)
                throw ScenarioError(.notJSON(line: line, column: column, problem))
            case .at(let offset, let kind):
                try checkHeader(in: data)
                let (line, column) = JSONSyntax.lineAndColumn(offset, in: data)
                throw ScenarioError(.atLine(line: line, column: column, kind))
            case .field(let path, let kind):
                try checkHeader(in: data)
                throw ScenarioError.placed(path, kind)
            }
        }
    }

    /// Refuses another format or a newer version.
    static func checkHeader(_ format: String?, _ version: Int?, place: String) throws {
        if let f = format, f != formatName {
            throw ScenarioError.placed(place, .notAScenario(format: f, expected: formatName))
        }
        guard let v = version else { throw ScenarioError.placed(place, .versionMissing) }
        if v > ScenarioFile.version {
            throw ScenarioError.placed(place, .newerVersion(v, reads: ScenarioFile.version))
        }
    }

    /// The header of a file whose body could not be read: a newer version explains a field this build does not know.
    static func checkHeader(in data: Data) throws {
        let header: (String?, Int?)? = data.withUnsafeBytes { raw in
            var r = JSONReader(raw.bindMemory(to: UInt8.self))
            var format: String?, version: Int?
            do {
                try r.object { r, key in
                    switch key {
                    case "format": format = try r.optionalString()
                    case "version": version = try r.null() ? nil : try r.int()
                    default: try r.skip()
                    }
                }
            } catch { return nil }
            return (format, version)
        }
        if let (f, v) = header {
            if let f, f != formatName { try checkHeader(f, v, place: "") }
            if let v, v > ScenarioFile.version { try checkHeader(f, v, place: "") }
        }
    }

    static func readBody(_ r: inout JSONReader) throws -> Body {
        var format: String?, version: Int?, name: String?, description: String?, years: String?
        var plan: [String]?, agents: [AgentRecord]?, inputs: [String: [String: [String: Fixed]]]?
        var team: [String: [String: Fixed]]?, forks: [String: Body]?, orders: [OrderRecord]?
        var calendar: CalendarRecord?, asOf: String?, maps: [String: [String: String]]?
        var kept: [KeptKey] = []
        var typed = TypedInputs()
        let place = JSONPathItem.text(r.path)
        try r.object { r, key in
            switch key {
            case "format": format = try r.optionalString()
            case "version": version = try r.null() ? nil : try r.int()
            case "name": name = try r.string()
            case "description": description = try r.optionalString()
            case "years": years = try r.string()
            case "plan": plan = try r.strings()
            case "agents":
                var list: [AgentRecord] = []
                try r.array { r, _ in list.append(try readAgent(&r)) }
                agents = list
            case "inputs":
                var all: [String: [String: [String: Fixed]]] = [:]
                if r.typedInputs {
                    typed.read = true
                    try r.object { r, agent in
                        var bad: (name: String, text: String)? = nil
                        typed.inputs[agent] = try r.seriesByNameTyped(firstBadPeriod: &bad)
                        if let bad { typed.badPeriods[agent] = bad }
                    }
                } else {
                    try r.object { r, agent in all[agent] = try r.seriesByName() }
                }
                inputs = all
            case "team_inputs": team = try r.null() ? nil : try r.seriesByName()
            case "forks":
                if try r.null() { forks = nil; return }
                var all: [String: Body] = [:]
                try r.object { r, name in all[name] = try readBody(&r) }
                forks = all
            case "orders":
                if try r.null() { orders = nil; return }
                var list: [OrderRecord] = []
                try r.array { r, _ in list.append(try readOrder(&r)) }
                orders = list
            case "calendar": calendar = try r.null() ? nil : try readCalendar(&r)
            case "as_of": asOf = try r.optionalString()
            case "import_maps":
                if try r.null() { maps = nil; return }
                var all: [String: [String: String]] = [:]
                try r.object { r, name in all[name] = try r.stringsByKey() }
                maps = all
            default:
                // A misspelling of a key this build reads ("order" for "orders") says which, since what it
                // holds would not be read; any other key is the owner's data, kept and written back by a save.
                try refuseMisspelling(key, at: r.keyOffset, place: place, keys: bodyKeys, of: .scenario)
                kept.append(KeptKey(key: key, value: try r.value()))
            }
        }
        if !place.isEmpty { try checkHeader(format, version, place: place) }
        func missing(_ key: String) -> JSONReadError { .field(path: place, .fieldMissing(key)) }
        guard let version else { throw missing("version") }
        guard let name else { throw missing("name") }
        guard let years else { throw missing("years") }
        guard let plan else { throw missing("plan") }
        guard let agents else { throw missing("agents") }
        guard let inputs else { throw missing("inputs") }
        var body = Body(format: format ?? formatName, version: version, name: name, description: description, years: years, plan: plan,
                        agents: agents, inputs: inputs, team_inputs: team, forks: forks, orders: orders, calendar: calendar,
                        as_of: asOf, import_maps: maps)
        body.kept = kept
        body.typedInputs = typed
        return body
    }

    /// Refuses `key` when it looks like a mistyped key payplan reads (`"order"`, `"hierd"`), at
    /// byte `offset` of the record at `place` (empty: the top): what it holds would not be read.
    /// - Throws: `JSONReadError.at` saying which key was meant.
    static func refuseMisspelling(_ key: String, at offset: Int, place: String, keys: [String], of whose: ScenarioError.KeyedRecord) throws {
        guard let known = keys.first(where: { isMisspelling(key, of: $0) }) else { return }
        let kind = ScenarioError.Kind.misspelledKey(key, meant: known, of: whose, keys: keys)
        throw JSONReadError.at(offset: offset, place.isEmpty ? kind : .at(place, kind))
    }

    /// The keys of an agent, an order and the calendar in a scenario file.
    static let agentKeys = ["attributes", "base", "hired", "id", "left", "name", "role"]
    static let orderKeys = ["agent", "date", "fields", "id"]
    static let calendarKeys = ["holidays", "weekend", "workdays"]

    /// Every key of a scenario body this build reads and writes (`ScenarioFile+Writing.swift`).
    static let bodyKeys = ["agents", "as_of", "calendar", "description", "forks", "format", "import_maps", "inputs",
                           "name", "orders", "plan", "team_inputs", "version", "years"]

    /// Whether `key` looks like a mistyped `known`: the same but for case, `-` for `_`, or one
    /// letter added, missing or changed, or two neighbours swapped ("order", "Orders", "agnets").
    static func isMisspelling(_ key: String, of known: String) -> Bool {
        let a = Array(key.lowercased().replacingOccurrences(of: "-", with: "_")), b = Array(known)
        if a == b { return true }
        if abs(a.count - b.count) > 1 || min(a.count, b.count) < 3 { return false }
        var i = 0
        while i < min(a.count, b.count) && a[i] == b[i] { i += 1 }
        if a.count == b.count { return a[(i + 1)...] == b[(i + 1)...] || (i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]) }
        return a.count < b.count ? a[i...] == b[(i + 1)...] : a[(i + 1)...] == b[i...]
    }

    static func readAgent(_ r: inout JSONReader) throws -> AgentRecord {
        var name: String?, id: String?, role: String?, hired: String?, left: String?, base: Fixed?
        var attributes: [String: AttributeValue]?
        var kept: [KeptKey] = []
        // The record's place (`agents[12]`), written out only for a message (10,000 times otherwise).
        let at = r.path
        var place: String { JSONPathItem.text(at) }
        try r.object { r, key in
            switch key {
            case "name": name = try r.string()
            case "id": id = try r.optionalString()
            case "role": role = try r.optionalString()
            case "hired": hired = try r.optionalString()
            case "left": left = try r.optionalString()
            case "base": base = try r.null() ? nil : try r.fixed()
            case "attributes": attributes = try r.null() ? nil : try r.attributes()
            default:
                try refuseMisspelling(key, at: r.keyOffset, place: place, keys: agentKeys, of: .agent)
                kept.append(KeptKey(key: key, value: try r.value()))
            }
        }
        guard let name else { throw JSONReadError.field(path: place, .fieldMissing("name")) }
        return AgentRecord(name: name, id: id, role: role, hired: hired, left: left, base: base, attributes: attributes, kept: kept)
    }

    static func readOrder(_ r: inout JSONReader) throws -> OrderRecord {
        var id: String?, agent: String?, date: String?, fields: [String: AttributeValue]?
        var kept: [KeptKey] = []
        // The record's place (`orders[12]`), written out only for a message.
        let at = r.path
        var place: String { JSONPathItem.text(at) }
        try r.object { r, key in
            switch key {
            case "id": id = try r.string()
            case "agent": agent = try r.optionalString()
            case "date": date = try r.string()
            case "fields": fields = try r.null() ? nil : try r.attributes()
            default:
                try refuseMisspelling(key, at: r.keyOffset, place: place, keys: orderKeys, of: .order)
                kept.append(KeptKey(key: key, value: try r.value()))
            }
        }
        guard let id else { throw JSONReadError.field(path: place, .fieldMissing("id")) }
        guard let date else { throw JSONReadError.field(path: place, .fieldMissing("date")) }
        return OrderRecord(id: id, agent: agent, date: date, fields: fields, kept: kept)
    }

    static func readCalendar(_ r: inout JSONReader) throws -> CalendarRecord {
        var weekend: [Int]?, holidays: [String]?, workdays: [String]?
        var kept: [KeptKey] = []
        let place = JSONPathItem.text(r.path)
        try r.object { r, key in
            switch key {
            case "weekend":
                var list: [Int] = []
                try r.array { r, _ in list.append(try r.int()) }
                weekend = list
            case "holidays": holidays = try r.strings()
            case "workdays": workdays = try r.strings()
            default:
                try refuseMisspelling(key, at: r.keyOffset, place: place, keys: calendarKeys, of: .calendar)
                kept.append(KeptKey(key: key, value: try r.value()))
            }
        }
        func missing(_ key: String) -> JSONReadError { .field(path: place, .fieldMissing(key)) }
        guard let weekend else { throw missing("weekend") }
        guard let holidays else { throw missing("holidays") }
        guard let workdays else { throw missing("workdays") }
        return CalendarRecord(weekend: weekend, holidays: holidays, workdays: workdays, kept: kept)
    }
}

extension JSONReader {
    /// A list of strings.
    mutating func strings() throws -> [String] {
        var list: [String] = []
        try array { r, _ in list.append(try r.string()) }
        return list
    }

    /// An object of strings.
    mutating func stringsByKey() throws -> [String: String] {
        var all: [String: String] = [:]
        try object { r, key in all[key] = try r.string() }
        return all
    }

    /// Input name → period text → amount.
    mutating func seriesByName() throws -> [String: [String: Fixed]] {
        var all: [String: [String: Fixed]] = [:]
        try object { r, name in
            var series: [String: Fixed] = [:]
            try r.object { r, period in series[period] = try r.fixed() }
            all[name] = series
        }
        return all
    }

    /// Input name → period → amount, as the workspace holds them: each period text parsed as it is
    /// read (`Period(text:)`), with no dictionary keyed by the text. The first text that is not a
    /// period goes to `firstBadPeriod` (with its input's name), and its value is left out.
    mutating func seriesByNameTyped(firstBadPeriod: inout (name: String, text: String)?) throws -> [String: [Period: Fixed]] {
        var all: [String: [Period: Fixed]] = [:]
        try object { r, name in all[name] = try r.periodSeries(name: name, firstBadPeriod: &firstBadPeriod) }
        return all
    }

    /// One input's series, period text → amount (`{"2026-03" : "120000", …}`), each period parsed as it is
    /// read: what `object` and `fixed` make of it, with the same errors at the same places, but a key
    /// written `YYYY-MM` is read from its bytes (no `String`, no path entry) and told from an earlier one by
    /// its month. A key given twice is refused as `object` refuses it: two texts are the same when both are
    /// `YYYY-MM` of one month, or neither is and they are equal (`2026-3` is a period too, and another text).
    /// The first key that is no period goes to `firstBadPeriod` (with `name`), and its value is left out.
    /// - Complexity: O(bytes of the series); 24 such series for each of 10,000 agents in the benchmark's file.
    mutating func periodSeries(name: String, firstBadPeriod: inout (name: String, text: String)?) throws -> [Period: Fixed] {
        let empty = try openObject()
        defer { depth -= 1 }
        var series: [Period: Fixed] = [:]
        if empty { return series }
        series.reserveCapacity(12)
        // The keys so far: the `YYYY-MM` ones as months (bits from the first one's, a set beyond 64), other texts.
        var firstMonth = 0, monthBits: UInt64 = 0, farMonths: Set<Int> = [], others: Set<String> = []
        while true {
            guard peek() == 0x22 else { throw syntax(.expectedString) }
            keyOffset = i
            let keyStart = i + 1
            var month = keyStart + 8 <= b.count && b[keyStart + 7] == 0x22 ? Period.parseMonth(UnsafeBufferPointer(rebasing: b[keyStart..<(keyStart + 7)])) : nil
            var text: String? = nil
            if month != nil {
                i = keyStart + 8
            } else {
                var t = try rawString()
                // An escaped key can still read as `YYYY-MM` (`"2026\u002d03"`): the same text as the plain one.
                month = t.withUTF8 { Period.parseMonth($0) }
                text = t
            }
            let repeated: Bool
            if let m = month?.start.index {
                if monthBits == 0 && farMonths.isEmpty { firstMonth = m }
                let k = m &- firstMonth
                if k >= 0 && k < 64 { repeated = monthBits & (1 << UInt64(k)) != 0; monthBits |= 1 << UInt64(k) }
                else { repeated = !farMonths.insert(m).inserted }
            } else {
                repeated = !others.insert(text!).inserted
            }
            func keyText() -> String { text ?? String(decoding: UnsafeBufferPointer(rebasing: b[keyStart..<(keyStart + 7)]), as: UTF8.self) }
            if repeated { throw JSONReadError.at(offset: keyOffset, .keyTwice(keyText())) }
            guard peek() == 0x3A else { throw syntax(.expectedColon) }
            i += 1
            let v: Fixed
            if let quick = plainAmount() {
                v = quick
            } else {
                // Anything but plain decimal text between quotes: `fixed` reads it, or says why not, at its path.
                path.append(.key(keyText()))
                v = try fixed()
                path.removeLast()
            }
            if let p = month ?? Period(text: text!) { series[p] = v } else if firstBadPeriod == nil { firstBadPeriod = (name, text!) }
            if try !nextMember() { return series }
        }
    }

    /// Attribute or field name → value, typed from its text (`AttributeValue.init(text:)`).
    mutating func attributes() throws -> [String: AttributeValue] {
        var all: [String: AttributeValue] = [:]
        try object { r, key in all[key] = AttributeValue(text: try r.string()) }
        return all
    }
}
