/// Graph algorithms the engine needs, on nodes numbered `0..<n`.
public enum Graph {
    /// A cycle in a small graph, as the nodes around it with the first repeated
    /// at the end (`[a, b, a]`), or `nil` when there is none. Iterative DFS.
    ///
    /// - Complexity: O(nodes + edges).
    public static func findCycle(nodeCount n: Int, edges: (Int) -> [Int]) -> [Int]? {
        var state = [UInt8](repeating: 0, count: n) // 0 new, 1 on stack, 2 done
        for root in 0..<n where state[root] == 0 {
            var stack: [(node: Int, next: Int, succ: [Int])] = [(root, 0, edges(root))]
            state[root] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next < stack[top].succ.count {
                    let s = stack[top].succ[stack[top].next]
                    stack[top].next += 1
                    if state[s] == 1 {
                        let path = stack.map(\.node)
                        let start = path.lastIndex(of: s)!
                        return Array(path[start...]) + [s]
                    }
                    if state[s] == 0 { state[s] = 1; stack.append((s, 0, edges(s))) }
                } else {
                    state[stack[top].node] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}

/// A directed graph in compressed sparse rows: for node `i`, its targets are
/// `targets[offsets[i]..<offsets[i + 1]]`. Built once per engine; 4 bytes an edge.
/// Runs of nodes that have no edge either way (an order rule's cells, whose edges the
/// order templates give) may be left out of the offsets (`CSROffsets` gaps): at a million
/// orders, 25 M of the 28 M cells, 200 MB of offsets in the two directions.
public struct CSRGraph: Sendable {
    public var offsets: CSROffsets
    public var targets: [Int32]

    public init(offsets: [Int32], targets: [Int32]) { self.offsets = CSROffsets(offsets); self.targets = targets }
    init(offsets: CSROffsets, targets: [Int32]) { self.offsets = offsets; self.targets = targets }

    /// The targets of node `i` (none for a node in a gap).
    ///
    /// - Complexity: O(1) without gaps, O(log gaps) with them.
    @inlinable public func neighbours(_ i: Int) -> ArraySlice<Int32> {
        guard let r = offsets.row(i) else { return targets[0..<0] }
        return targets[Int(offsets.stored[r])..<Int(offsets.stored[r + 1])]
    }

    /// The reversed graph, with the same gaps (no edge may run into a node of a gap).
    ///
    /// - Complexity: O(nodes + edges) without gaps; O(rows + edges × log gaps) with them.
    public func reversed() -> CSRGraph {
        let rows = offsets.stored.count - 1
        let gapped = !offsets.gaps.isEmpty
        var count = [Int32](repeating: 0, count: rows + 1)
        for t in targets { count[(gapped ? offsets.row(Int(t))! : Int(t)) + 1] += 1 }
        for i in 0..<rows { count[i + 1] += count[i] }
        var fill = count
        var out = [Int32](repeating: 0, count: targets.count)
        let stored = offsets.stored
        offsets.forEachRow { r, node in
            for k in Int(stored[r])..<Int(stored[r + 1]) {
                let t = Int(targets[k]), tr = gapped ? offsets.row(t)! : t
                out[Int(fill[tr])] = Int32(node)
                fill[tr] += 1
            }
        }
        var reversedOffsets = offsets
        reversedOffsets.stored = count
        return CSRGraph(offsets: reversedOffsets, targets: out)
    }
}

/// The row offsets of a `CSRGraph`, read by node as an array of `nodes + 1` entries
/// (`offsets[i]..<offsets[i + 1]` are node `i`'s targets), holding an entry only for the
/// nodes outside its gaps: a gap is a run of nodes `first..<end` with no edge, whose
/// entries `first + 1 … end` would all equal entry `first`, so they are not stored.
/// Nodes appended (`append`) come after every gap.
public struct CSROffsets: Sendable {
    /// A run of nodes with no row: entries `first + 1 … end` are not stored; `skippedBefore`
    /// entries are left out before it.
    public struct Gap: Sendable {
        public let first: Int, end: Int, skippedBefore: Int
    }
    /// The entries stored: those of the nodes outside the gaps, in node order.
    public var stored: [Int32]
    /// The gaps, in node order, none adjacent to another.
    public private(set) var gaps: [Gap] = []

    public init(_ entries: [Int32]) { stored = entries }

    /// Offsets being built node by node: entry 0 stored.
    init(first: Int32, capacity: Int) { stored = [first]; stored.reserveCapacity(capacity) }

    /// Leaves nodes `first..<end` out (they have no edge), where `first` is the next node whose
    /// entry `first + 1` would be appended; merged with a gap ending at `first`.
    ///
    /// - Complexity: O(1).
    mutating func skip(nodes first: Int, _ end: Int) {
        guard end > first else { return }
        if let last = gaps.last, last.end == first {
            gaps[gaps.count - 1] = Gap(first: last.first, end: end, skippedBefore: last.skippedBefore)
        } else {
            gaps.append(Gap(first: first, end: end, skippedBefore: skipped))
        }
    }

    /// Entries left out in all.
    var skipped: Int { gaps.last.map { $0.skippedBefore + $0.end - $0.first } ?? 0 }

    /// Entries as read: the nodes + 1.
    public var count: Int { stored.count + skipped }

    /// The stored row of node `i` (its entry and the next are `stored[row]`, `stored[row + 1]`),
    /// or `nil` for a node in a gap.
    ///
    /// - Complexity: O(1) without gaps, O(log gaps) with them.
    @inlinable public func row(_ i: Int) -> Int? {
        if gaps.isEmpty { return i }
        // The last gap starting at or before i.
        var lo = 0, hi = gaps.count
        while lo < hi { let m = (lo + hi) / 2; if gaps[m].first <= i { lo = m + 1 } else { hi = m } }
        guard lo > 0 else { return i }
        let g = gaps[lo - 1]
        if i < g.end { return nil }
        return i - (g.skippedBefore + g.end - g.first)
    }

    /// Entry `i` (0 ... nodes).
    ///
    /// - Complexity: O(1) without gaps, O(log gaps) with them.
    public subscript(i: Int) -> Int32 {
        if gaps.isEmpty { return stored[i] }
        // The last gap whose left-out entries (first + 1 … end) may reach i.
        var lo = 0, hi = gaps.count
        while lo < hi { let m = (lo + hi) / 2; if gaps[m].first < i { lo = m + 1 } else { hi = m } }
        guard lo > 0 else { return stored[i] }
        let g = gaps[lo - 1]
        // An entry left out equals the gap's entry `first`, which is stored.
        if i <= g.end { return stored[g.first - g.skippedBefore] }
        return stored[i - (g.skippedBefore + g.end - g.first)]
    }

    /// Calls `body` with each stored row and its node, in node order.
    ///
    /// - Complexity: O(rows + gaps).
    func forEachRow(_ body: (Int, Int) -> Void) {
        var node = 0, r = 0
        let rows = stored.count - 1
        for g in gaps {
            while node < g.first { body(r, node); r += 1; node += 1 }
            node = g.end
        }
        while r < rows { body(r, node); r += 1; node += 1 }
    }

    /// Appends the entry of the next node (after every gap).
    public mutating func append(_ entry: Int32) { stored.append(entry) }
    public mutating func append(contentsOf entries: [Int32]) { stored.append(contentsOf: entries) }
    /// Removes the entries of the last `k` nodes, which lie after every gap.
    public mutating func removeLast(_ k: Int) {
        precondition(k <= stored.count - 1 - (gaps.last.map { $0.first - $0.skippedBefore } ?? 0), "entries of a gap removed")
        stored.removeLast(k)
    }

    /// The stored entries as a buffer, for offsets without gaps (every node's entry).
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
        precondition(gaps.isEmpty, "offsets with gaps read as a buffer")
        return try stored.withUnsafeBufferPointer(body)
    }
}
