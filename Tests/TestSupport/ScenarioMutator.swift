import Foundation
import PayPlan

/// Random mutants of a scenario file (docs/fuzzing.md): its bytes (truncated, flipped, deleted,
/// duplicated, invalid UTF-8), its JSON tree (keys deleted or misspelt, values of the wrong type,
/// amounts beyond ±10²⁶, impossible dates and periods, array elements duplicated — duplicate agent IDs
/// and names — or multiplied) and its text (duplicate keys, deep nesting closed and unclosed, numbers
/// such as `1e400`). Each mutant is one to three of these.
public struct ScenarioMutator {
    public var rng: SplitMix64
    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() % 1_000_000) / 1_000_000 < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }

    /// What each mutation did, for the finding's report.
    public var applied: [String] = []

    /// A mutant of `original` (the bytes of a scenario file).
    public mutating func mutant(of original: Data) -> Data {
        applied = []
        var data = original
        for _ in 0..<(1 + int(3)) {
            switch int(10) {
            case 0, 1: data = mutateBytes(data)
            case 2, 3: data = mutateText(data)
            default: data = mutateTree(data) ?? mutateBytes(data)
            }
        }
        return data
    }

    // MARK: Bytes

    mutating func mutateBytes(_ d: Data) -> Data {
        var b = [UInt8](d)
        guard !b.isEmpty else { applied.append("bytes: empty"); return Data("{".utf8) }
        switch int(6) {
        case 0: let n = int(b.count); applied.append("truncate at \(n)"); b = Array(b.prefix(n))
        case 1:
            for _ in 0..<(1 + int(4)) { let i = int(b.count); b[i] = UInt8(truncatingIfNeeded: rng.next()) }
            applied.append("flip bytes")
        case 2: let i = int(b.count), n = min(b.count - i, 1 + int(200)); applied.append("delete \(n) at \(i)"); b.removeSubrange(i..<(i + n))
        case 3:
            let i = int(b.count), n = min(b.count - i, 1 + int(2000))
            applied.append("duplicate \(n) at \(i)"); b.insert(contentsOf: Array(b[i..<(i + n)]), at: i)
        case 4:
            let odd: [[UInt8]] = [[0xFF], [0x00], [0xC3], [0xE4, 0xB8], [0xEF, 0xBB, 0xBF], [0x7B], [0x5B], [0x22], [0x5C], [0xED, 0xA0, 0x80]]
            let i = int(b.count + 1); applied.append("insert odd bytes at \(i)"); b.insert(contentsOf: pick(odd), at: i)
        default: applied.append("BOM"); b = [0xEF, 0xBB, 0xBF] + b
        }
        return Data(b)
    }

    // MARK: Text

    mutating func mutateText(_ d: Data) -> Data {
        guard var text = String(data: d, encoding: .utf8), let open = text.firstIndex(of: "{") else { return mutateBytes(d) }
        let afterOpen = text.index(after: open)
        switch int(7) {
        case 0:
            let key = pick(["plan", "agents", "inputs", "orders", "years", "version", "format", "name", "forks", "team_inputs", "calendar"])
            let value = pick(["[]", "{}", "\"\"", "null", "0", "[\"month pay = 1\"]", "{\"from\": 2026, \"to\": 2026}"])
            applied.append("duplicate key \(key)")
            text.insert(contentsOf: "\n  \"\(key)\" : \(value),", at: afterOpen)
        case 1:
            let n = pick([64, 1000, 10000, 100000])
            applied.append("unclosed nesting \(n)")
            text.insert(contentsOf: "\n  \"deep\" : " + String(repeating: pick(["[", "{\"a\":"]), count: n), at: afterOpen)
        case 2:
            let n = pick([64, 500, 5000])
            applied.append("closed nesting \(n)")
            text.insert(contentsOf: "\n  \"deep\" : " + String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n) + ",", at: afterOpen)
        case 3:
            // A string value somewhere becomes a bare JSON number or literal.
            let quotes = text.indices.filter { text[$0] == ":" }
            guard !quotes.isEmpty else { return d }
            let at = pick(quotes)
            let literal = pick(["1e400", "-1e400", "1E999999999", "-0", "100000000000000000000000001", "0.1", "true", "NaN", "Infinity", "01", "1.", "-"])
            applied.append("bare \(literal)")
            text.insert(contentsOf: " " + literal + ",  \"_x\":", at: text.index(after: at))
        case 4:
            applied.append("version")
            text = text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : \(pick(["0", "-1", "2", "999", "1.5", "\"1\"", "1e400", "null"]))")
        case 5:
            // The years range and the periods under inputs.
            applied.append("years")
            text = text.replacingOccurrences(of: "\"2026-0", with: "\"\(pick(["2025", "2027", "2026-Q", "0000", "9999", "2026-1", "99999"]))-0")
        default:
            applied.append("long string")
            text.insert(contentsOf: "\n  \"name\" : \"" + String(repeating: pick(["名", "a", "\\u0000", "\\ud800"]), count: pick([100, 100_000])) + "\",", at: afterOpen)
        }
        return Data(text.utf8)
    }

    // MARK: Tree

    /// A random change to one node of the JSON tree; `nil` when the bytes are not JSON.
    mutating func mutateTree(_ d: Data) -> Data? {
        guard let root = try? JSONSerialization.jsonObject(with: d, options: [.fragmentsAllowed]) else { return nil }
        let changed = mutateNode(root, depth: 0)
        return try? JSONSerialization.data(withJSONObject: changed, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed])
    }

    /// `value`, or one of its descendants, changed.
    mutating func mutateNode(_ value: Any, depth: Int) -> Any {
        let stopHere = depth > 0 && chance(0.25)
        if var object = value as? [String: Any], !object.isEmpty, !stopHere {
            let key = pick(object.keys.sorted())
            switch int(10) {
            case 0: applied.append("delete key \(key)"); object.removeValue(forKey: key)
            case 1:
                let misspelt = key.count > 2 && chance(0.5) ? String(key.dropLast()) : key + pick(["s", "_", " ", "X"])
                applied.append("rename key \(key) → \(misspelt)")
                object[misspelt] = object.removeValue(forKey: key)
            default: object[key] = mutateNode(object[key]!, depth: depth + 1)
            }
            return object
        }
        if var array = value as? [Any], !array.isEmpty, !stopHere {
            let i = int(array.count)
            switch int(10) {
            case 0: applied.append("delete element \(i)"); array.remove(at: i)
            case 1: applied.append("duplicate element \(i)"); array.insert(array[i], at: i)
            case 2:
                let n = pick([10, 100, 2000])
                applied.append("element \(i) × \(n)")
                array += Array(repeating: array[i], count: n)
            default: array[i] = mutateNode(array[i], depth: depth + 1)
            }
            return array
        }
        return replacement(for: value)
    }

    /// A leaf's replacement: the wrong type, an amount at or beyond the edges, an impossible date or period.
    mutating func replacement(for value: Any) -> Any {
        if let s = value as? String, chance(0.6) {
            if s.count == 10, s.dropFirst(4).first == "-" {
                let bad = pick(["2026-02-30", "2026-13-01", "0000-00-00", "2026-04-31", "9999-12-31", "0001-01-01", "2026-3-1", "2026/03/01", "20260301", ""])
                applied.append("date \(s) → \(bad)"); return bad
            }
            if s.count == 7, s.dropFirst(4).first == "-" {
                let bad = pick(["2025-12", "2027-01", "2026-00", "2026-13", "2026-Q1", "2026", "26-03"])
                applied.append("period \(s) → \(bad)"); return bad
            }
            let amount = pick(["100000000000000000000000000", "-100000000000000000000000000", "100000000000000000000000001", "90000000000000000000000000",
                               "170141183460469231731687303715884105728", "0.0000000000001", "1e26", "-0", "9万", "", " 1", "1,000", "NaN",
                               "month pay = ", "month pay = pay", "table t [lo, hi): 0 -> lookup(t, 1)", s + s, s + "\u{0}", "\u{202E}" + s])
            applied.append("string \(s.prefix(20)) → \(amount.prefix(30))"); return amount
        }
        let other: [Any] = [1, 0, -1, 1.5, 1e300, true, false, NSNull(), [Any](), [String: Any](), "x", "", ["a": 1], [1, 2]]
        let r = pick(other)
        applied.append("value → \(r)")
        return r
    }
}
