import HeapModule

/// The schedule: a topological order of the cells (Kahn's algorithm over the
/// dependency graph), each cell's position in it, and recomputation from
/// edited cells in that order.
extension Engine {
    /// A topological order of the cells of `forward` (dependencies) and each
    /// cell's position in it.
    ///
    /// - Throws: `CycleError` naming the rules around a cycle of cells.
    /// - Complexity: O(cells + dependencies).
    static func schedule(forward: CSRGraph, backward: CSRGraph, plan: CompiledPlan, offsets: [Int]) throws -> (order: [Int32], position: [Int32]) {
        let total = forward.offsets.count - 1
        let depOffsets = forward.offsets
        // Kahn's algorithm.
        var indegree = [Int32](repeating: 0, count: total)
        for c in 0..<total { indegree[c] = depOffsets[c + 1] - depOffsets[c] }
        var topo = [Int32](); topo.reserveCapacity(total)
        for c in 0..<total where indegree[c] == 0 { topo.append(Int32(c)) }
        var head = 0
        backward.offsets.withUnsafeBufferPointer { offs in
            backward.targets.withUnsafeBufferPointer { targets in
                indegree.withUnsafeMutableBufferPointer { indeg in
                    while head < topo.count {
                        let c = Int(topo[head]); head += 1
                        for k in Int(offs[c])..<Int(offs[c + 1]) {
                            let d = Int(targets[k])
                            indeg[d] -= 1
                            if indeg[d] == 0 { topo.append(Int32(d)) }
                        }
                    }
                }
            }
        }
        if topo.count < total {
            let remaining = indegree.map { $0 > 0 }
            let start = remaining.firstIndex(of: true)!
            // Walk dependencies inside the remaining cells until one repeats.
            var seen: [Int: Int] = [:]
            var path: [Int] = []
            var c = start
            while seen[c] == nil {
                seen[c] = path.count
                path.append(c)
                c = Int(forward.neighbours(c).first { remaining[Int($0)] }!)
            }
            let cycleCells = Array(path[seen[c]!...]) + [c]
            var names: [String] = []
            for cell in cycleCells {
                let n = plan.rules[Engine.ruleOf(offsets, cell)].name
                if names.last != n { names.append(n) }
            }
            if names.count == 1 { names.append(names[0]) }
            throw CycleError(path: names, definition: names[0])
        }
        var pos = [Int32](repeating: 0, count: total)
        for (i, c) in topo.enumerated() { pos[Int(c)] = Int32(i) }
        return (topo, pos)
    }
    /// Stores an input (or clears it with `nil`) and recomputes what depends on it.
    ///
    /// - Returns: the cells whose value changed with their old values, the
    ///   input's own cell first, in the order they were recomputed.
    /// - Complexity: O(affected cells × log affected cells).
    public func setInput(cell c: Int, value: Fixed?) -> [(cell: Int, old: Value)] {
        stored[c] = value
        return recompute(from: [c])
    }

    /// The stored input of an input cell, if one was entered.
    public func storedInput(cell c: Int) -> Fixed? { stored[c] }

    /// Recomputes `seeds` and everything downstream in topological order,
    /// stopping where a value is unchanged.
    ///
    /// - Complexity: O(affected cells × log affected cells) through a heap for a
    ///   few seeds; for many (a rule's every cell) a sweep of the topological
    ///   order from the first seed, O(cells after it + affected cells × their dependents).
    func recompute(from seeds: [Int]) -> [(cell: Int, old: Value)] {
        revision &+= 1
        if appended.count > 0 { return recomputeByKey(from: seeds) }
        if seeds.count > sweepAbove { return sweep(from: seeds) }
        let g = graph  // read once: recomputing changes values, not the graph
        let order = g.order, position = g.position
        var heap = Heap<Int32>()
        var queued = Set<Int32>()
        for s in seeds where queued.insert(position[s]).inserted { heap.insert(position[s]) }
        var changed: [(cell: Int, old: Value)] = []
        while let p = heap.popMin() {
            let c = Int(order[Int(p)])
            let new = compute(c)
            if new == values[c] { continue }
            changed.append((c, values[c]))
            values[c] = new
            forEachDependent(c) { d in
                if queued.insert(position[Int(d)]).inserted { heap.insert(position[Int(d)]) }
            }
        }
        return changed
    }

    /// `recompute` for many seeds: marks them, then walks the topological order
    /// once from the first, computing the marked cells and marking the dependents
    /// of each cell whose value changed.
    func sweep(from seeds: [Int]) -> [(cell: Int, old: Value)] {
        let g = graph  // read once: recomputing changes values, not the graph
        let order = g.order, position = g.position
        var dirty = [Bool](repeating: false, count: values.count)
        var first = Int32.max
        for s in seeds { dirty[Int(position[s])] = true; first = min(first, position[s]) }
        var changed: [(cell: Int, old: Value)] = []
        guard first != .max else { return changed }
        for p in Int(first)..<order.count where dirty[p] {
            let c = Int(order[p])
            let new = compute(c)
            if new == values[c] { continue }
            changed.append((c, values[c]))
            values[c] = new
            forEachDependent(c) { d in dirty[Int(position[Int(d)])] = true }
        }
        return changed
    }
}
