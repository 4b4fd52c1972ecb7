/// Everything an owner edits: the plan, the agents and their inputs.
///
/// A value type: copying a workspace is how forks and undo work, and the
/// copies share storage until one of them changes. Computed figures live in
/// an `Engine` built from a workspace.
public struct Workspace: Equatable, Sendable {
    /// The scenario's name (shown in the prompt and reports).
    public var name: String
    public var plan: Plan
    /// Agents in the order they were added (reports list them in this order).
    public var agents: [Agent]
    /// Per-agent inputs: agent name → input name → period → amount (CNY or count).
    public var inputs: [String: [String: [Period: Fixed]]]
    /// Team inputs (for `input team month …`): input name → period → amount.
    public var teamInputs: [String: [Period: Fixed]]
    /// The years the scenario covers; cells exist for every period in them.
    public var years: ClosedRange<Int>
    /// Transactions, sorted by ID (see `Order.idPrecedes`).
    public private(set) var orders: [Order] = []
    /// Working days, for collection deadlines.
    public var calendar = WorkCalendar()
    /// What is known on this day (`as_of` in rules); `nil`: the latest date the orders record (see `knownOn`).
    public var asOf: Day?
    /// The latest date the orders record (an order's date, or a date field: a payment, a refund, a
    /// write-off), kept as the orders change; `nil` without orders.
    public private(set) var recordedThrough: Day? = nil
    /// Saved column mappings for `orders import`: mapping name → CSV column → order field (`id`, `agent`, `date`, or a field).
    public var importMaps: [String: [String: String]] = [:]
    /// Keys of the scenario file payplan does not read, written back unchanged by a save (the
    /// agents' are in `Agent.kept`).
    public var kept = KeptKeys()

    /// The effective as-of date: `asOf`; else the latest date the orders record (`recordedThrough`),
    /// since the data knows nothing after it — a payment not recorded by then is unknown, not late,
    /// and a clawback that would fall later is not booked; with no orders, the last day of the
    /// scenario's years (9999-12-31 at most; `Engine` refuses years outside 1…9999).
    public var knownOn: Day { asOf ?? recordedThrough ?? Day.clamped(year: years.upperBound, month: 12, day: 31) }

    /// The latest date `o` records: its date or a date field.
    static func latestDay(_ o: Order) -> Day {
        var d = o.date
        for case .date(let f) in o.fields.values where f > d { d = f }
        return d
    }

    /// `recordedThrough` worked out again from every order.
    /// - Complexity: O(orders × fields).
    mutating func recountRecordedThrough() {
        recordedThrough = orders.lazy.map(Workspace.latestDay).max()
    }

    /// Adds an order or replaces the one with the same ID; returns the replaced one.
    @discardableResult
    public mutating func upsert(_ o: Order) -> Order? {
        var lo = 0, hi = orders.count
        while lo < hi { let m = (lo + hi) / 2; if Order.idPrecedes(orders[m].id, o.id) { lo = m + 1 } else { hi = m } }
        let latest = Workspace.latestDay(o)
        if lo < orders.count && orders[lo].id == o.id {
            let old = orders[lo]; orders[lo] = o
            if let r = recordedThrough, Workspace.latestDay(old) == r, latest < r { recountRecordedThrough() } else { recordedThrough = max(recordedThrough ?? latest, latest) }
            return old
        }
        orders.insert(o, at: lo)
        recordedThrough = max(recordedThrough ?? latest, latest)
        return nil
    }

    /// Adds `list` and replaces the orders with the same IDs, after removing the orders whose IDs
    /// are in `removing`, sorting once (for imports: one `upsert` per order would be quadratic).
    /// An ID twice in `list`: the later one replaces the earlier.
    /// - Returns: for each order of `list`, the order it replaced (`nil`: it was added).
    /// - Complexity: O(n + m log m) for n stored and m new orders; O(n + m) when the new ones come
    ///   sorted or in reverse (a file's orders, an export newest first). Each new ID is hashed once
    ///   (twice only when it repeats), and the stored ones are not indexed when there are none.
    @discardableResult
    public mutating func merge(_ list: [Order], removing: Set<String> = []) -> [Order?] {
        if !removing.isEmpty && !self.kept.orders.isEmpty { for id in removing { self.kept.orders[id] = nil } }
        var kept = removing.isEmpty ? orders : orders.filter { !removing.contains($0.id) }
        var index: [String: Int] = [:]
        index.reserveCapacity(kept.count)
        for (i, o) in kept.enumerated() { index[o.id] = i }
        var replaced: [Order?] = []
        replaced.reserveCapacity(list.count)
        var added: [Order] = []
        added.reserveCapacity(list.count)
        // Numeric IDs that run strictly one way (a platform's order numbers in a file, an export newest first)
        // are all different, and so are the new ones among them, in the same order: no ID of the list is
        // hashed to find repeats, and the new ones are not sorted again.
        let run = Workspace.numericRun(list)
        if run != nil {
            for o in list {
                if !kept.isEmpty, let i = index[o.id] { replaced.append(kept[i]); kept[i] = o } else { added.append(o); replaced.append(nil) }
            }
        } else {
            var addedIndex: [String: Int] = [:]
            addedIndex.reserveCapacity(list.count)
            for o in list {
                if !kept.isEmpty, let i = index[o.id] {
                    replaced.append(kept[i]); kept[i] = o
                } else if let j = addedIndex.updateValue(added.count, forKey: o.id) {
                    // Seen before in `list`: the later one replaces it where it stands.
                    addedIndex[o.id] = j
                    replaced.append(added[j]); added[j] = o
                } else {
                    added.append(o); replaced.append(nil)
                }
            }
        }
        defer { recountRecordedThrough() }
        guard !added.isEmpty else { orders = kept; return replaced }
        switch run {
        case .ascending?: break
        case .descending?: added.reverse()
        case nil: Workspace.sortByID(&added)
        }
        guard !kept.isEmpty else { orders = added; return replaced }
        // One merge of two sorted lists; a new order goes before stored ones it does not follow (as `upsert` places it).
        var out: [Order] = []
        out.reserveCapacity(kept.count + added.count)
        var a = 0, b = 0
        while a < kept.count && b < added.count {
            if Order.idPrecedes(kept[a].id, added[b].id) { out.append(kept[a]); a += 1 } else { out.append(added[b]); b += 1 }
        }
        out.append(contentsOf: kept[a...])
        out.append(contentsOf: added[b...])
        orders = out
        return replaced
    }

    /// `merge` for an import, taking the orders out of `list` (left empty) and giving back no list of replaced
    /// orders (an import counts what it replaces itself): the same orders in the same places as `merge(list,
    /// removing:)`. Into a workspace that holds no order after `removing`, the orders are moved, not copied: the
    /// list becomes the workspace's orders, reversed in place for an export newest first, or, for numeric order
    /// numbers (`numericKeys`) in random order, sorted by their values and put in place by following the sorted
    /// permutation's cycles (a swap per order: no copy, retain or release of an order, no second array of a
    /// million orders, no hash of an ID); equal values (a repeated number, or `07` beside `7`) take `merge`'s way.
    /// Over stored orders, `merge`'s way.
    /// - Complexity: as `merge`; into an empty workspace O(n) for a run one way, O(n log n) for numeric numbers
    ///   out of turn, with no allocation beyond the keys.
    public mutating func merge(taking list: inout [Order], removing: Set<String> = []) {
        let emptyAfter = orders.isEmpty || (!removing.isEmpty && orders.allSatisfy { removing.contains($0.id) })
        guard emptyAfter, list.count > 1 else {
            let l = list
            list = []
            merge(l, removing: removing)
            return
        }
        if !removing.isEmpty && !self.kept.orders.isEmpty { for id in removing { self.kept.orders[id] = nil } }
        var taken: [Order] = []
        swap(&taken, &list)
        // The latest date, read in the list's order (a file's: each order's fields lie in memory in that order).
        let latest = taken.lazy.map(Workspace.latestDay).max()
        switch Workspace.numericRun(taken) {
        case .ascending?: break
        case .descending?: taken.reverse()
        case nil:
            guard Workspace.sortDistinctNumeric(&taken) else { orders = []; merge(taken, removing: []); return }
        }
        orders = taken
        recordedThrough = latest
    }

    /// Sorts orders by their numeric IDs' values (`numericKeys`) when no two values are equal, as `sortByID`
    /// sorts them (so the same result), moving each order once by swaps along the permutation's cycles; `false`,
    /// with `list` unchanged, when an ID is not such digits or two values are equal.
    /// - Complexity: O(n log n) comparisons of `Int`s and O(n) swaps.
    static func sortDistinctNumeric(_ list: inout [Order]) -> Bool {
        guard let keys = numericKeys(list) else { return false }
        var byKey = Array(zip(keys, list.indices))
        byKey.sort { $0.0 < $1.0 }
        for k in byKey.indices.dropFirst() where byKey[k - 1].0 == byKey[k].0 { return false }
        // `from[k]`: the index in `list` of the order that goes at `k`. Each cycle is walked once, swapping the
        // order that belongs at `j` into it; an entry done is set to its own index.
        var from = byKey.map(\.1)
        byKey = []
        list.withUnsafeMutableBufferPointer { b in
            for start in from.indices where from[start] != start {
                var j = start
                while from[j] != start {
                    let next = from[j]
                    b.swapAt(j, next)
                    from[j] = j
                    j = next
                }
                from[j] = j
            }
        }
        return true
    }

    /// Sorts orders of distinct IDs by `Order.idPrecedes`: nothing to do when they are in order
    /// already, a reversal when they are in reverse order (an export, newest first), else a sort.
    ///
    /// When every ID is ASCII digits whose value fits in an `Int` (a platform's order numbers), `idPrecedes`
    /// of two IDs is the `<` of their values (`numericKeys`), so the orders are sorted by those values: the
    /// same sort given the same answer for every pair, so the same result, ties (`07`, `7`) included, without
    /// reading each ID's bytes twice per comparison (27% of importing a million orders in random row order).
    /// - Complexity: O(n) for sorted or reversed orders, else O(n log n).
    static func sortByID(_ list: inout [Order]) {
        guard list.count > 1 else { return }
        if let keys = numericKeys(list) {
            var ascending = true, descending = true
            for k in 1..<keys.count {
                if ascending, !(keys[k - 1] < keys[k]) { ascending = false }
                if descending, !(keys[k] < keys[k - 1]) { descending = false }
                if !ascending && !descending { break }
            }
            if ascending { return }
            if descending { list.reverse(); return }
            var byKey = Array(zip(keys, list.indices))
            byKey.sort { $0.0 < $1.0 }
            list = byKey.map { list[$0.1] }
            return
        }
        var ascending = true, descending = true
        for k in 1..<list.count {
            let (p, q) = (list[k - 1].id, list[k].id)
            if ascending, !Order.idPrecedes(p, q) { ascending = false }
            if descending, !Order.idPrecedes(q, p) { descending = false }
            if !ascending && !descending { break }
        }
        if ascending { return }
        if descending { list.reverse(); return }
        // A permutation sorted, then the orders placed once: sorting the orders themselves would move
        // (retain and release) whole `Order` values at every step.
        var permutation = Array(list.indices)
        list.withUnsafeBufferPointer { orders in
            permutation.sort { Order.idPrecedes(orders[$0].id, orders[$1].id) }
        }
        list = permutation.map { list[$0] }
    }

    /// Which way the IDs of `list` run, when every ID is ASCII digits whose value fits in an `Int` (`numericKeys`)
    /// and the values rise strictly from each order to the next (`ascending`: sorted by `Order.idPrecedes`, no ID
    /// twice) or fall strictly (`descending`); else `nil` (fewer than two orders, other IDs, a repeat, or a value
    /// out of turn).
    /// - Complexity: O(total length of the IDs); stops at the first ID out of turn.
    static func numericRun(_ list: [Order]) -> NumericRun? {
        guard list.count > 1 else { return nil }
        var first = list[0].id, second = list[1].id
        guard var previous = first.withUTF8({ Order.wholeNumber($0, from: 0) }),
              let next = second.withUTF8({ Order.wholeNumber($0, from: 0) }), next != previous else { return nil }
        let way: NumericRun = next > previous ? .ascending : .descending
        for o in list.dropFirst() {
            var id = o.id
            guard let k = id.withUTF8({ Order.wholeNumber($0, from: 0) }) else { return nil }
            switch way {
            case .ascending: guard k > previous else { return nil }
            case .descending: guard k < previous else { return nil }
            }
            previous = k
        }
        return way
    }

    /// The way a list's numeric IDs run (`numericRun`).
    enum NumericRun { case ascending, descending }

    /// Each order's ID as a number, when every ID is ASCII digits (at least one) whose value fits in an `Int`;
    /// else `nil`. For such IDs `Order.idPrecedes(a, b)` is `value(a) < value(b)`: IDs of one length compare
    /// byte by byte, which for digits is by value, and of different lengths by value.
    /// - Complexity: O(total length of the IDs); stops at the first ID that does not qualify.
    static func numericKeys(_ list: [Order]) -> [Int]? {
        var keys: [Int] = []
        keys.reserveCapacity(list.count)
        for i in list.indices {
            // The ID's bytes read in place (no copy of the order, no retain of its fields).
            let read = list[i].id.utf8.withContiguousStorageIfAvailable { Order.wholeNumber($0, from: 0) }
            guard let k = read ?? { var id = list[i].id; return id.withUTF8 { Order.wholeNumber($0, from: 0) } }() else { return nil }
            keys.append(k)
        }
        return keys
    }

    /// Replaces all orders at once (sorted once: for imports and benchmarks).
    /// Later orders with an ID already seen replace earlier ones, where the earlier one stood.
    ///
    /// Each ID is hashed once (to an index, not the whole order), the orders are kept in `list`'s order and
    /// sorted by `sortByID`: nothing to sort when they come in ID order (a file, the benchmark), and no `Order`
    /// moved by the sort (it sorts indices), so no order is copied, retained or released more than once.
    /// - Complexity: O(n) hashes for n orders; O(n) when they come sorted or reversed, else O(n log n).
    public mutating func setOrders(_ list: [Order]) {
        var at: [String: Int] = [:]
        at.reserveCapacity(list.count)
        var unique: [Order] = []
        unique.reserveCapacity(list.count)
        for o in list {
            if let j = at.updateValue(unique.count, forKey: o.id) { at[o.id] = j; unique[j] = o } else { unique.append(o) }
        }
        Workspace.sortByID(&unique)
        orders = unique
        recountRecordedThrough()
    }

    /// Removes the order with `id`; returns it.
    @discardableResult
    public mutating func removeOrder(_ id: String) -> Order? {
        guard let i = orders.firstIndex(where: { $0.id == id }) else { return nil }
        let removed = orders.remove(at: i)
        if !kept.orders.isEmpty { kept.orders[id] = nil }
        if Workspace.latestDay(removed) == recordedThrough { recountRecordedThrough() }
        return removed
    }

    public func order(_ id: String) -> Order? { orders.first { $0.id == id } }

    public init(name: String = "untitled", plan: Plan = Plan(), agents: [Agent] = [],
                inputs: [String: [String: [Period: Fixed]]] = [:], teamInputs: [String: [Period: Fixed]] = [:],
                years: ClosedRange<Int> = 2026...2026) {
        self.name = name; self.plan = plan; self.agents = agents; self.inputs = inputs
        self.teamInputs = teamInputs; self.years = years
    }

    public func agentIndex(named name: String) -> Int? { agents.firstIndex { $0.name == name } }

    /// The stored input, or `nil` when none was entered.
    public func input(_ name: String, agent: String?, period: Period) -> Fixed? {
        if let a = agent { return inputs[a]?[name]?[period] }
        return teamInputs[name]?[period]
    }

    /// Stores (or with `nil`, clears) an input, widening `years` when the period lies outside.
    public mutating func setInput(_ name: String, agent: String?, period: Period, value: Fixed?) {
        if let a = agent {
            inputs[a, default: [:]][name, default: [:]][period] = value
        } else {
            teamInputs[name, default: [:]][period] = value
        }
        let y = period.start.year
        if !years.contains(y) { years = min(years.lowerBound, y)...max(years.upperBound, y) }
    }
}
