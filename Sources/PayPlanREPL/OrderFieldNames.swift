import PayPlan

/// The names an order's fields may have in a workspace: what `order add/set` (`orderFieldProblem`) and
/// `orders import --map` (`mapProblem`) check a key against, worked out once per command.
struct OrderFieldNames {
    /// The order fields the plan declares (`field amount …`), in the plan's order.
    let declared: [String]
    /// The keys the workspace's orders carry (a scenario file's or an import's), read on first need.
    private var carried: Set<String>? = nil
    private let orders: [Order]
    /// Names besides the fields a key may be one slip from (`id` for an import's `--map`).
    private let alsoNear: [String]

    /// - Complexity: O(definitions); the orders' keys are read on the first `unread` of an undeclared key.
    init(_ workspace: Workspace, alsoNear: [String] = []) {
        declared = workspace.plan.definitions.compactMap { d -> String? in if case .field(let n, _, _, _) = d.statement { n } else { nil } }
        orders = workspace.orders
        self.alsoNear = alsoNear
    }

    /// A key no field has: `near` is the name one slip from it, if any.
    struct Unread { let near: String? }

    /// Nil when `key` is a declared field or one an order carries; else why not: `near` is the name one
    /// slip from it (a declared field, `agent`, `date`, `note`, a carried key, or `alsoNear`), if any.
    /// - Complexity: O(1) for a declared field; else O(orders' keys) once, then O((fields + keys) × `Parser.maximumNameLength`²).
    mutating func unread(_ key: String) -> Unread? {
        if declared.contains(key) { return nil }
        if carried == nil { carried = Set(orders.flatMap(\.fields.keys)) }
        if carried!.contains(key) { return nil }
        let candidates = Set(declared + Session.standardOrderKeys + alsoNear).union(carried!)
        return Unread(near: Session.nearestName(to: key, among: candidates))
    }
}
