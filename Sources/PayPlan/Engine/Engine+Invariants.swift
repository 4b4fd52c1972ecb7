#if DEBUG
/// Debug-build checks of the engine's invariants, run by the tests after
/// edits. Each returns the problems found (empty when all hold), naming cells
/// as users write them.
extension Engine {
    /// Checks that:
    /// - `order` is a permutation of the cells and `position` its inverse;
    /// - every cell comes after the cells it reads (topological positions);
    /// - on a sample of cells (every `sampleStep`-th, and each rule's first and
    ///   last), the dependencies stored (template-moved for per-agent rules)
    ///   equal those collected for that very cell;
    /// - every value is what its formula gives from the others (a fixed point);
    /// - with `workspace`, a fresh engine of it has the same cells and values,
    ///   cell for cell (the incremental result equals a fresh compute).
    ///
    /// - Complexity: O(cells + dependencies) plus, with `workspace`, a full build.
    public func _checkInvariants(against workspace: Workspace? = nil, sampleStep: Int = 97) -> [String] {
        var problems: [String] = []
        func note(_ s: String) { if problems.count < 20 { problems.append(s) } }
        let total = values.count
        if order.count != total || position.count != total { note("order/position hold \(order.count)/\(position.count) cells, not \(total)") }
        for (i, c) in order.enumerated() where position[Int(c)] != Int32(i) {
            note("position of \(name(ofCell: Int(c))) is \(position[Int(c)]), not \(i)"); break
        }
        for c in 0..<total {
            for d in dependencies.neighbours(c) where position[Int(d)] >= position[c] {
                note("\(name(ofCell: c)) is computed before \(name(ofCell: Int(d))), which it reads")
            }
        }
        var samples = Set(stride(from: 0, to: total, by: max(1, sampleStep)))
        for r in plan.rules.indices where offsets[r + 1] > offsets[r] { samples.insert(offsets[r]); samples.insert(offsets[r + 1] - 1) }
        for c in samples.sorted() {
            let (r, k) = coordinates(ofCell: c)
            var fresh: [Int32] = []
            collectCellDependencies(plan.rules[r], k, &fresh)
            // As sets: a formula may read one cell twice (both versions of a dated table read its amount),
            // and a redefinition made in place keeps the list it had.
            if Set(fresh) != Set(dependencies.neighbours(c)) {
                note("dependencies of \(name(ofCell: c)) stored as \(dependencies.neighbours(c).count) cells, collected as \(fresh.count)")
            }
        }
        for c in 0..<total where compute(c) != values[c] {
            note("\(name(ofCell: c)) holds \(values[c].displayText) but computes to \(compute(c).displayText)")
        }
        if let workspace {
            do {
                let e = try Engine(workspace: workspace)
                if e.values.count != total { note("a fresh engine has \(e.values.count) cells, this one \(total)") } else {
                    for c in 0..<total where e.values[c] != values[c] {
                        note("\(name(ofCell: c)) is \(values[c].displayText) here, \(e.values[c].displayText) in a fresh engine")
                    }
                }
            } catch {
                note("a fresh engine of the workspace fails: \(error)")
            }
        }
        return problems
    }
}
#endif
