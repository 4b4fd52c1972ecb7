import Foundation

/// Crediting an order to the agent named in its seller note (业绩归属, plan A rule A2).
///
/// A sales agent who closes an order writes their employee ID (工号) or name
/// into the seller note (卖家备注). Notes are appended, never edited
/// (`内容—客服—时间`), so one note can name several agents: the pre-sales agent
/// who closed it, an after-sales agent who changed the address later:
///
/// ```
/// 改地址—CS02—3/5 14:20;CS01 成交
/// ```
///
/// An ID or a name counts only as a whole token: the characters on either
/// side must not continue it. ASCII letters and digits continue ASCII letters
/// and digits (`CS01` is not found in `CS010`); Chinese characters continue
/// Chinese characters (`小美` is found in `小美 3.5` and `小美3.5`, not in
/// `小美丽`). IDs compare without regard to case.
public enum Attribution {
    /// How names in a note are found.
    public enum Match: Hashable, Sendable {
        /// Employee IDs (工号). A token shaped like an ID (a known ID's letters
        /// followed by digits, e.g. `CS07`) that is no agent's ID is an unknown ID.
        case id
        /// Agents' names (`小美`).
        case name
        /// IDs and names.
        case idOrName
        /// Tokens matching a regular expression (e.g. `CS[0-9]{2}`), each looked up
        /// as an ID, then as a name; a match that is neither is an unknown ID.
        case pattern(String)

        /// Reads the scenario's setting: `id`, `name`, `id or name` (`both`), or `pattern`
        /// (with the pattern given separately).
        public init?(setting: String, pattern: String? = nil) {
            switch setting.lowercased().trimmingCharacters(in: .whitespaces) {
            case "id", "工号": self = .id
            case "name", "姓名": self = .name
            case "id or name", "both", "id+name", "id/name": self = .idOrName
            case "pattern", "regex":
                guard let p = pattern, !p.isEmpty, (try? NSRegularExpression(pattern: p)) != nil else { return nil }
                self = .pattern(p)
            default: return nil
            }
        }
    }

    /// Which agent takes the credit when a note names several sales agents.
    public enum Mode: String, CaseIterable, Sendable {
        /// The first sales agent named (the default; the others are reported as a conflict).
        case first
        /// The last sales agent named (the others are reported as a conflict).
        case last
        /// Every sales agent named, in equal shares.
        case split
    }

    /// An agent as attribution sees one.
    public struct Person: Hashable, Sendable {
        public var name: String
        public var id: String?
        /// Only sales agents take credit; after-sales staff named in a note are reported.
        public var isSales: Bool
        public init(name: String, id: String?, isSales: Bool) { self.name = name; self.id = id; self.isSales = isSales }

        /// The agents of a workspace: role `sales` (or no role) sells; any other role (`after-sales`) does not.
        public static func of(_ agents: [Agent]) -> [Person] {
            agents.map { a in
                let role = (a.role ?? "sales").lowercased()
                return Person(name: a.name, id: a.id, isSales: role == "sales" || role == "销售" || role == "售前" || role == "pre-sales")
            }
        }
    }

    /// Something about a note worth telling the owner; nothing is dropped silently.
    public enum Finding: Hashable, Sendable, CustomStringConvertible {
        /// The note names no sales agent (闷拍, a silent order).
        case silent
        /// A token shaped like an ID that is no agent's.
        case unknownID(String)
        /// Several different sales agents are named; under `first`/`last` one takes the credit.
        case conflict([String])
        /// An after-sales agent is named; they take no sales credit.
        case afterSales(String)
        /// The same agent is named more than once; credited once.
        case duplicate(String)

        public var description: String {
            switch self {
            case .silent: "silent (no sales agent named)"
            case .unknownID(let s): "unknown ID \(s)"
            case .conflict(let names): "conflicting sales agents: " + names.joined(separator: ", ")
            case .afterSales(let n): "after-sales agent \(n) named (no credit)"
            case .duplicate(let n): "\(n) named more than once (credited once)"
            }
        }
    }

    /// The outcome for one note.
    public struct Result: Hashable, Sendable {
        /// The credited sales agents' names: one under `first`/`last`, all of them under `split`, none for a silent order.
        public var credited: [String]
        public var findings: [Finding]
        public var isSilent: Bool { credited.isEmpty }

        /// Splits `amount` among the credited agents in equal shares to the fen, adding up
        /// exactly; the leftover fen go to the agents listed first in `agents` (list them by ID).
        public func shares(of amount: Fixed, agents: [Person]) -> [(agent: String, amount: Fixed)] {
            let order = credited.sorted { a, b in
                (agents.firstIndex { $0.name == a } ?? Int.max) < (agents.firstIndex { $0.name == b } ?? Int.max)
            }
            guard let parts = Allocation.largestRemainder(total: amount, weights: order.map { _ in Fixed.one }) else { return [] }
            return Array(zip(order, parts)).map { (agent: $0.0, amount: $0.1) }
        }
    }

    /// One name found in a note, in reading order.
    struct Mention { var offset: Int; var person: Int?; var text: String }

    /// Credits the note to sales agents by `match` and `mode`.
    /// - Complexity: O(agents) to index the agents, then as `Attributor.attribute(note:)`;
    ///   for many notes build one `Attributor` and reuse it.
    public static func attribute(note: String, agents: [Person], match: Match = .id, mode: Mode = .first) -> Result {
        Attributor(agents: agents, match: match, mode: mode).attribute(note: note)
    }

    /// The agents indexed once for crediting many notes (an import, the `attribution` report).
    public struct Attributor {
        public let agents: [Person]
        public let match: Match
        public let mode: Mode
        let idIndex: [String: Int]
        let nameIndex: [String: Int]
        /// The letters that start known IDs (`CS` of `CS01`), for unknown IDs shaped like them.
        let prefixes: Set<String>
        let regex: NSRegularExpression?

        /// - Complexity: O(agents).
        public init(agents: [Person], match: Match = .id, mode: Mode = .first) {
            self.agents = agents; self.match = match; self.mode = mode
            idIndex = Dictionary(agents.enumerated().compactMap { (i, p) in p.id.map { ($0.uppercased(), i) } }, uniquingKeysWith: { a, _ in a })
            nameIndex = Dictionary(agents.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
            prefixes = Set(agents.compactMap { $0.id.map { String($0.uppercased().prefix { $0.isLetter }) } }.filter { !$0.isEmpty })
            if case .pattern(let p) = match { regex = try? NSRegularExpression(pattern: p) } else { regex = nil }
        }

        /// Credits one note.
        /// - Complexity: O(note length) for `id` matching; O(note length × agents) when names are matched.
        public func attribute(note: String) -> Result {
        var mentions: [Mention] = []

        switch match {
        case .id:
            // The usual note (IDs between spaces, Chinese and punctuation) from its bytes; else by characters.
            mentions = idMentionsFromBytes(note) ?? idMentions(Array(note))
        case .idOrName:
            let chars = Array(note)
            mentions = idMentions(chars) + nameMentions(chars, agents)
        case .name:
            mentions = nameMentions(Array(note), agents)
        case .pattern:
            guard let re = regex else { break }
            let ns = note as NSString
            for m in re.matches(in: note, range: NSRange(location: 0, length: ns.length)) {
                let text = ns.substring(with: m.range)
                guard !text.isEmpty else { continue }
                // Whole tokens only: compare the characters around the match.
                let before = ns.substring(to: m.range.location), after = ns.substring(from: m.range.location + m.range.length)
                guard !continues(before.last, text.first!), !continues(after.first, text.last!) else { continue }
                let person = idIndex[text.uppercased()] ?? nameIndex[text]
                mentions.append(Mention(offset: before.count, person: person, text: text))
            }
        }
        mentions.sort { $0.offset < $1.offset }

        var findings: [Finding] = []
        func add(_ f: Finding) { if !findings.contains(f) { findings.append(f) } }
        // How often each agent is named so far: a note names one or two, so a list (a dictionary per note was
        // 2% of a 100,000-row Taobao import).
        var sales: [Int] = [], seen: [(person: Int, times: Int)] = []
        for m in mentions {
            guard let p = m.person else { add(.unknownID(m.text)); continue }
            let times: Int
            if let k = seen.firstIndex(where: { $0.person == p }) { seen[k].times += 1; times = seen[k].times } else { seen.append((p, 1)); times = 1 }
            if times == 2 { add(.duplicate(agents[p].name)) }
            if !agents[p].isSales { if times == 1 { add(.afterSales(agents[p].name)) }; continue }
            if times == 1 { sales.append(p) }
        }
        var credited: [Int]
        switch mode {
        case .first: credited = Array(sales.prefix(1))
        case .split: credited = sales
        case .last:
            // The agent named last (by their last mention).
            let last = mentions.last { $0.person.map { agents[$0].isSales } ?? false }
            credited = last.map { [$0.person!] } ?? []
        }
        if sales.count > 1 && mode != .split { add(.conflict(sales.map { agents[$0].name })) }
        if credited.isEmpty { findings.insert(.silent, at: 0) }
        return Result(credited: credited.map { agents[$0].name }, findings: findings)
        }

        /// The IDs a note names, by characters (the definition): ASCII letter-digit tokens (`isASCIIWord`),
        /// known IDs and unknown ones shaped like them (letters of a known ID's prefix, then ASCII digits).
        /// Offsets are in characters.
        /// - Complexity: O(note length).
        func idMentions(_ chars: [Character]) -> [Mention] {
            var mentions: [Mention] = []
            var i = 0
            while i < chars.count {
                guard isASCIIWord(chars[i]) else { i += 1; continue }
                var j = i
                while j < chars.count && isASCIIWord(chars[j]) { j += 1 }
                if let m = mention(String(chars[i..<j]).uppercased(), at: i) { mentions.append(m) }
                i = j
            }
            return mentions
        }

        /// `idMentions` read from the note's UTF-8 bytes, without splitting it into characters; `nil` when a
        /// token touches a character that could join an ASCII letter or digit into one character (a combining
        /// mark after it, a prepended mark before it), where only the character reading is right. A byte of
        /// the note is an ASCII letter or digit exactly where a character is, elsewhere (tests hold the two
        /// readings equal). Offsets are in bytes: the same order as characters, and only compared among IDs.
        /// - Complexity: O(note length), no allocation but the tokens.
        func idMentionsFromBytes(_ note: String) -> [Mention]? {
            var note = note
            return note.withUTF8 { b -> [Mention]? in
                var mentions: [Mention] = []
                var i = 0
                while i < b.count {
                    guard Attribution.isASCIIWordByte(b[i]) else { i += 1; continue }
                    var j = i
                    while j < b.count && Attribution.isASCIIWordByte(b[j]) { j += 1 }
                    if i > 0, b[i - 1] >= 0x80, !Attribution.neverJoinsASCII(Attribution.scalar(endingAt: i, b)) { return nil }
                    if j < b.count, b[j] >= 0x80, !Attribution.neverJoinsASCII(Attribution.scalar(startingAt: j, b)) { return nil }
                    var token = String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self)
                    token = token.uppercased()
                    if let m = mention(token, at: i) { mentions.append(m) }
                    i = j
                }
                return mentions
            }
        }

        /// A known ID (`token` upper-cased), or an unknown one shaped like one; `nil` for another token.
        func mention(_ token: String, at offset: Int) -> Mention? {
            if let p = idIndex[token] { return Mention(offset: offset, person: p, text: token) }
            let letters = token.prefix { $0.isLetter }, rest = token.dropFirst(letters.count)
            if prefixes.contains(String(letters)) && !rest.isEmpty && rest.allSatisfy(\.isASCII) && rest.allSatisfy(\.isNumber) {
                return Mention(offset: offset, person: nil, text: token)
            }
            return nil
        }
    }

    /// An ASCII letter or digit byte.
    static func isASCIIWordByte(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 }

    /// The scalar whose UTF-8 bytes start at `i` (a lead byte of valid UTF-8).
    static func scalar(startingAt i: Int, _ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var j = i + 1
        while j < b.count, b[j] & 0xC0 == 0x80 { j += 1 }
        return decode(b, i, j)
    }

    /// The scalar whose UTF-8 bytes end just before `end`.
    static func scalar(endingAt end: Int, _ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var i = end - 1
        while i > 0, b[i] & 0xC0 == 0x80 { i -= 1 }
        return decode(b, i, end)
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt32 {
        String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
    }

    /// Non-ASCII scalars that never join an ASCII letter or digit into one character, before or after it
    /// (no combining or prepended marks among them): CJK ideographs, CJK punctuation (less the combining tone
    /// marks U+302A–U+302F), full-width forms (less the half-width sound marks), general punctuation (less the
    /// joiners and format characters). Any other scalar beside a token sends the note the character way.
    static func neverJoinsASCII(_ u: UInt32) -> Bool {
        switch u {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0x3030...0x303F, 0xFF01...0xFF5E, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    static func nameMentions(_ chars: [Character], _ agents: [Person]) -> [Mention] {
        var out: [Mention] = []
        for (p, a) in agents.enumerated() {
            let name = Array(a.name)
            guard !name.isEmpty, name.count <= chars.count else { continue }
            var i = 0
            while i + name.count <= chars.count {
                if Array(chars[i..<(i + name.count)]) == name
                    && !continues(i > 0 ? chars[i - 1] : nil, name.first!)
                    && !continues(i + name.count < chars.count ? chars[i + name.count] : nil, name.last!) {
                    out.append(Mention(offset: i, person: p, text: a.name)); i += name.count
                } else { i += 1 }
            }
        }
        return out
    }

    static func isASCIIWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
    static func isCJK(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0x3400...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value) || (0x20000...0x2FFFF).contains(s.value)
    }

    /// True when `neighbour` would continue a token whose edge character is `edge`.
    static func continues(_ neighbour: Character?, _ edge: Character) -> Bool {
        guard let n = neighbour else { return false }
        if isASCIIWord(edge) { return isASCIIWord(n) }
        if isCJK(edge) { return isCJK(n) }
        return false
    }
}
