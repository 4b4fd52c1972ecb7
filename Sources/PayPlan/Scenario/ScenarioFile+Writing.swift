import Foundation

/// Writing a scenario file's body as bytes, without Foundation's `JSONEncoder`.
///
/// The output is byte for byte what `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` writes for the `Codable` body (the reference the tests
/// compare with, and the form every saved scenario already has): two-space indent,
/// `"key" : value`, keys sorted, empty lists as `[`, a blank line, `]`.
///
/// A key added to `Body` or its records must be written here and read in
/// `ScenarioFile+Reading.swift`.
extension ScenarioFile {
    /// The file's bytes for a body, with a final newline.
    /// - Complexity: O(n log n) in the values written (keys are sorted).
    static func write(_ body: Body) -> Data {
        var w = JSONWriter()
        w.out.reserveCapacity(1 << 16)
        write(body, &w)
        w.out.append(0x0A)
        return Data(w.out)
    }

    static func write(_ body: Body, _ w: inout JSONWriter) {
        // Keys payplan does not read go back among the others in sorted order (`KeptKeyMerge`).
        var k = KeptKeyMerge(body.kept)
        w.open(0x7B)
        k.upTo("agents", &w)
        w.member("agents"); w.open(0x5B)
        for a in body.agents { w.element(); write(a, &w) }
        w.close(0x5D)
        k.upTo("as_of", &w)
        if let v = body.as_of { w.member("as_of"); w.string(v) }
        k.upTo("calendar", &w)
        if let c = body.calendar {
            var kc = KeptKeyMerge(c.kept)
            w.member("calendar"); w.open(0x7B)
            kc.upTo("holidays", &w)
            w.member("holidays"); w.strings(c.holidays)
            kc.upTo("weekend", &w)
            w.member("weekend"); w.open(0x5B)
            for d in c.weekend { w.element(); w.int(d) }
            w.close(0x5D)
            kc.upTo("workdays", &w)
            w.member("workdays"); w.strings(c.workdays)
            kc.rest(&w)
            w.close(0x7D)
        }
        k.upTo("description", &w)
        if let v = body.description { w.member("description"); w.string(v) }
        k.upTo("forks", &w)
        if let forks = body.forks {
            w.member("forks"); w.open(0x7B)
            for name in forks.keys.sorted() { w.member(name); write(forks[name]!, &w) }
            w.close(0x7D)
        }
        k.upTo("format", &w)
        w.member("format"); w.string(body.format)
        k.upTo("import_maps", &w)
        if let maps = body.import_maps {
            w.member("import_maps"); w.open(0x7B)
            for name in maps.keys.sorted() {
                w.member(name); w.open(0x7B)
                let m = maps[name]!
                for k in m.keys.sorted() { w.member(k); w.string(m[k]!) }
                w.close(0x7D)
            }
            w.close(0x7D)
        }
        k.upTo("inputs", &w)
        w.member("inputs"); w.open(0x7B)
        if body.typedInputs.read {
            let typed = body.typedInputs.inputs
            for agent in typed.keys.sorted() { w.member(agent); w.seriesByPeriod(typed[agent]!) }
        } else {
            for agent in body.inputs.keys.sorted() { w.member(agent); w.seriesByName(body.inputs[agent]!) }
        }
        w.close(0x7D)
        k.upTo("name", &w)
        w.member("name"); w.string(body.name)
        k.upTo("orders", &w)
        if let orders = body.orders {
            w.member("orders"); w.open(0x5B)
            for o in orders {
                w.element()
                if o.kept.isEmpty { write(o, &w) } else { writeKeeping(o, &w) }
            }
            w.close(0x5D)
        }
        k.upTo("plan", &w)
        w.member("plan"); w.strings(body.plan)
        k.upTo("team_inputs", &w)
        if let t = body.team_inputs { w.member("team_inputs"); w.seriesByName(t) }
        k.upTo("version", &w)
        w.member("version"); w.int(body.version)
        k.upTo("years", &w)
        w.member("years"); w.string(body.years)
        k.rest(&w)
        w.close(0x7D)
    }

    /// An order without kept keys (the common case, a million times in a large file).
    static func write(_ o: OrderRecord, _ w: inout JSONWriter) {
        w.open(0x7B)
        if let a = o.agent { w.member("agent"); w.string(a) }
        w.member("date"); w.string(o.date)
        if let f = o.fields { w.member("fields"); w.attributes(f) }
        w.member("id"); w.string(o.id)
        w.close(0x7D)
    }

    /// An order with keys payplan does not read, written back among its own.
    static func writeKeeping(_ o: OrderRecord, _ w: inout JSONWriter) {
        var k = KeptKeyMerge(o.kept)
        w.open(0x7B)
        k.upTo("agent", &w)
        if let a = o.agent { w.member("agent"); w.string(a) }
        k.upTo("date", &w)
        w.member("date"); w.string(o.date)
        k.upTo("fields", &w)
        if let f = o.fields { w.member("fields"); w.attributes(f) }
        k.upTo("id", &w)
        w.member("id"); w.string(o.id)
        k.rest(&w)
        w.close(0x7D)
    }

    static func write(_ a: AgentRecord, _ w: inout JSONWriter) {
        var k = KeptKeyMerge(a.kept)
        w.open(0x7B)
        k.upTo("attributes", &w)
        if let v = a.attributes { w.member("attributes"); w.attributes(v) }
        k.upTo("base", &w)
        if let v = a.base { w.member("base"); w.fixed(v) }
        k.upTo("hired", &w)
        if let v = a.hired { w.member("hired"); w.string(v) }
        k.upTo("id", &w)
        if let v = a.id { w.member("id"); w.string(v) }
        k.upTo("left", &w)
        if let v = a.left { w.member("left"); w.string(v) }
        k.upTo("name", &w)
        w.member("name"); w.string(a.name)
        k.upTo("role", &w)
        if let v = a.role { w.member("role"); w.string(v) }
        k.rest(&w)
        w.close(0x7D)
    }
}

/// A pretty-printing JSON writer into a byte buffer, in `JSONEncoder`'s layout.
struct JSONWriter {
    var out: [UInt8] = []
    /// Nesting level (two spaces each).
    var level = 0
    /// Whether the innermost open object or list has no member yet.
    var first = true

    /// Opens an object (`{`) or a list (`[`).
    mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        out.append(0x0A)
        level += 1
        first = true
    }

    /// Closes the innermost object (`}`) or list (`]`).
    mutating func close(_ bracket: UInt8) {
        level -= 1
        out.append(0x0A)
        indent()
        out.append(bracket)
        first = false
    }

    mutating func indent() {
        for _ in 0..<level { out.append(0x20); out.append(0x20) }
    }

    /// What comes before a member or an element, written at `p` (room for `separationCapacity` bytes): `,` and a
    /// new line unless it is the innermost container's first, then the indent. The container has a member after it.
    /// - Returns: how many bytes were written.
    mutating func writeSeparation(at p: UnsafeMutablePointer<UInt8>) -> Int {
        var k = 0
        if !first { p[0] = 0x2C; p[1] = 0x0A; k = 2 }
        first = false
        for _ in 0..<(2 * level) { p[k] = 0x20; k += 1 }
        return k
    }

    /// The most bytes `writeSeparation` writes at this level.
    var separationCapacity: Int { 2 + 2 * level }

    mutating func separate() {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: separationCapacity) { buf in
            let k = writeSeparation(at: buf.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(start: buf.baseAddress!, count: k))
        }
    }

    /// Starts an object member: `"key" : `.
    mutating func member(_ key: String) {
        separate()
        string(key)
        out.append(0x20); out.append(0x3A); out.append(0x20)
    }

    /// Starts a list element.
    mutating func element() { separate() }

    /// A string, escaped as `JSONEncoder` escapes (`"`, `\`, control characters; `/` as is).
    mutating func string(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            var start = 0
            for k in 0..<b.count {
                let c = b[k]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<k]))
                start = k + 1
                out.append(0x5C)
                switch c {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x08: out.append(0x62)
                case 0x0C: out.append(0x66)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(0x75); out.append(0x30); out.append(0x30)
                    out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<b.count]))
        }
        out.append(0x22)
    }

    /// An amount as a string of plain decimal text (`"3000.1"`).
    mutating func fixed(_ v: Fixed) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 82) { buf in
            let p = buf.baseAddress!
            p[0] = 0x22
            let n = v.write(into: p + 1)
            p[n + 1] = 0x22
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: n + 2))
        }
    }

    mutating func int(_ n: Int) { out.append(contentsOf: String(n).utf8) }

    mutating func strings(_ list: [String]) {
        open(0x5B)
        for s in list { element(); string(s) }
        close(0x5D)
    }

    /// Input name → period text → amount, keys sorted.
    mutating func seriesByName(_ all: [String: [String: Fixed]]) {
        series(all) { w, series in for p in series.keys.sorted() { w.member(p); w.fixed(series[p]!) } }
    }

    /// Input name → a series, names sorted, each series an object whose members `members` writes.
    mutating func series<S>(_ all: [String: S], _ members: (inout JSONWriter, S) -> Void) {
        open(0x7B)
        for name in all.keys.sorted() {
            member(name)
            open(0x7B)
            members(&self, all[name]!)
            close(0x7D)
        }
        close(0x7D)
    }

    /// Input name → period → amount as the workspace holds them, written as `seriesByName` writes the
    /// same series by period text: names sorted, and each series's periods in the order of their texts.
    /// A series of months of four-digit years (`YYYY-MM`, all one width) is in that order by month,
    /// and its texts are written from the month, with no `String`.
    /// - Complexity: O(values × log values in a series).
    mutating func seriesByPeriod(_ all: [String: [Period: Fixed]]) {
        series(all) { w, series in
            if series.keys.allSatisfy({ $0.grain == .month && (0...9999).contains($0.start.year) }) {
                for (p, v) in series.sorted(by: { $0.key.start.index < $1.key.start.index }) { w.monthMember(p.start); w.fixed(v) }
            } else {
                for (text, v) in series.map({ ($0.key.description, $0.value) }).sorted(by: { $0.0 < $1.0 }) { w.member(text); w.fixed(v) }
            }
        }
    }

    /// Starts an object member keyed by a month of a four-digit year: `"2026-03" : `, as `Month.description` writes it.
    /// The separator and indent (`writeSeparation`, shared with `member`), key and ` : ` are made in a buffer and
    /// appended at once (240,000 times in a 10,000-agent file: a byte appended at a time cost 400 instructions a key).
    mutating func monthMember(_ m: Month) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: separationCapacity + 32) { buf in
            let p = buf.baseAddress!
            // The separator and indent as `member` writes them (`writeSeparation`), then the key.
            var k = writeSeparation(at: p)
            p[k] = 0x22; k += 1
            k += Day.writeYear(m.year, p + k)
            p[k] = 0x2D; p[k + 1] = UInt8(0x30 + m.month / 10); p[k + 2] = UInt8(0x30 + m.month % 10)
            p[k + 3] = 0x22; p[k + 4] = 0x20; p[k + 5] = 0x3A; p[k + 6] = 0x20
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: k + 7))
        }
    }

    mutating func attributes(_ all: [String: AttributeValue]) {
        open(0x7B)
        for k in all.keys.sorted() { member(k); string(all[k]!.text) }
        close(0x7D)
    }
}

extension ScenarioFile.Body {
    /// The body with its typed inputs (and each fork's) as `inputs` by period text, the form the `Codable`
    /// reference encodes and `JSONWriter.seriesByName` writes; a body already in that form is returned as it is.
    /// - Complexity: O(values entered).
    func withTextInputs() -> ScenarioFile.Body {
        var b = self
        if typedInputs.read {
            var inputs: [String: [String: [String: Fixed]]] = [:]
            for (agent, byName) in typedInputs.inputs {
                for (name, series) in byName where !series.isEmpty {
                    for (p, v) in series { inputs[agent, default: [:]][name, default: [:]][p.description] = v }
                }
            }
            b.inputs = inputs
            b.typedInputs = ScenarioFile.TypedInputs()
        }
        b.forks = forks?.mapValues { $0.withTextInputs() }
        return b
    }
}
