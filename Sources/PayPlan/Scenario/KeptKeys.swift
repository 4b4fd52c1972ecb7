/// A JSON value payplan does not read, kept as it was written so a save writes it back.
///
/// Numbers keep their text (`13800138000`, `1e5`), strings their decoded text (written back
/// with `JSONEncoder`'s escapes), objects their keys in the order the file gave them.
public indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    /// A number as its JSON text, never converted.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([KeptKey])
}

/// A key of a scenario file's object that payplan does not read (`"notes"` at the top, an
/// agent's `"phone"`, an order's `"channel"`), with its value: the owner's data, carried from
/// load to save unchanged (issue 11).
public struct KeptKey: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) { self.key = key; self.value = value }
}

/// The keys of a scenario that payplan does not read, outside its agents (an agent's are in
/// `Agent.kept`, so they follow a rename and leave with the agent).
///
/// Written back by `ScenarioFile` at their places, in sorted order among the keys payplan writes.
public struct KeptKeys: Hashable, Sendable {
    /// The scenario's (or a fork's) own top level.
    public var top: [KeptKey] = []
    /// The calendar object's.
    public var calendar: [KeptKey] = []
    /// Each order's, by order ID (an order removed takes its keys with it: `Workspace.removeOrder`).
    public var orders: [String: [KeptKey]] = [:]

    public init() {}

    /// How many keys are kept here.
    /// - Complexity: O(orders with kept keys).
    public var count: Int { top.count + calendar.count + orders.values.reduce(0) { $0 + $1.count } }
}

extension Workspace {
    /// Keys of the file payplan does not read and writes back unchanged: the top level's, the
    /// calendar's, the orders' and the agents'.
    /// - Complexity: O(agents + orders with kept keys).
    public var keptKeyCount: Int { kept.count + agents.reduce(0) { $0 + $1.kept.count } }
}

extension JSONReader {
    /// Reads any value as it was written (a key payplan does not read).
    /// - Throws: `JSONReadError` on a syntax error.
    /// - Complexity: O(n) in the value's bytes.
    mutating func value() throws -> JSONValue {
        guard let c = peek() else { throw syntax(.endsWhereValueExpected) }
        switch c {
        case 0x7B:
            var members: [KeptKey] = []
            try object { r, key in members.append(KeptKey(key: key, value: try r.value())) }
            return .object(members)
        case 0x5B:
            var list: [JSONValue] = []
            try array { r, _ in list.append(try r.value()) }
            return .array(list)
        case 0x22: return .string(try rawString())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default:
            let start = i
            try number()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
        }
    }
}

extension JSONWriter {
    /// Writes a kept value in the file's layout (two-space indent, `"key" : value`).
    mutating func value(_ v: JSONValue) {
        switch v {
        case .string(let s): string(s)
        case .number(let t): out.append(contentsOf: t.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let list):
            open(0x5B)
            for e in list { element(); value(e) }
            close(0x5D)
        case .object(let members):
            open(0x7B)
            for m in members { member(m.key); value(m.value) }
            close(0x7D)
        }
    }
}

/// Writes an object's kept keys among the keys payplan writes, keeping sorted order: before
/// each key written, `upTo` writes the kept keys that sort before it; `rest` the ones after the last.
struct KeptKeyMerge {
    let keys: [KeptKey]
    var next = 0

    init(_ kept: [KeptKey]) { keys = kept.sorted { $0.key < $1.key } }

    /// Writes the kept keys sorting before `key`.
    mutating func upTo(_ key: String, _ w: inout JSONWriter) {
        while next < keys.count, keys[next].key < key { w.member(keys[next].key); w.value(keys[next].value); next += 1 }
    }

    /// Writes the kept keys not written yet.
    mutating func rest(_ w: inout JSONWriter) {
        while next < keys.count { w.member(keys[next].key); w.value(keys[next].value); next += 1 }
    }
}
