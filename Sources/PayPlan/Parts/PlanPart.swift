/// A shared plan part (共用方案部件): definitions written once in the pay language and
/// brought into any plan by name (`use takehome`), never copied into it.
///
/// The part's source is compiled into the PayPlan library, so an installed binary always
/// has it and a fix to the part reaches every scenario the next time it is read: a
/// scenario file stores only the `use` line (and the plan's own overrides), never the
/// part's rules. Every definition of a part can be overridden by the plan's own
/// definition of the same name (`param pension_rate = 7%`), wherever it is written.
public struct PlanPart: Sendable {
    /// The name written after `use` (`takehome`).
    public let name: String
    /// One line for `help` and `show`.
    public let summary: String
    /// The part's source in the pay language; its first rule reads the plan's gross pay
    /// figure through `grossRule`.
    public let source: String
    /// The rule that names the plan's gross pay figure (`month gross_pay "应发" = pay`):
    /// `use takehome on total_pay` makes it read `total_pay` instead.
    public let grossRule: String
    /// The part's figures a plan shows by default — in `report` and on the statement when the plan names
    /// no `report columns` or `payslip info` — in this order; the part's other rules are its working
    /// (累计应纳税所得额, 申报基数 …), shown by `explain`, `show` and by naming them in `report columns`.
    public var headline: [String] = []

    /// The parts the library ships.
    public static let all: [PlanPart] = [.takehome]

    /// The part called `name`, if the library has one.
    public static func named(_ name: String) -> PlanPart? { all.first { $0.name == name } }

    /// The part's definitions, each marked as coming from the part, with the gross
    /// pay figure `gross` (`nil`: `pay`).
    ///
    /// - Complexity: O(n) in the length of the part's source (parsed on each call).
    public func definitions(gross: String?) -> [Definition] {
        // The part's source is the library's own and is checked by its tests: it always parses.
        let plan = try! Plan.parse(lines: source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return plan.definitions.map { d in
            var d = d
            d.part = name
            if d.name == grossRule, let gross, gross != "pay",
               let redone = try? Definition(source: d.source.replacingOccurrences(of: "= pay", with: "= \(gross)"), leading: d.leading, part: name) {
                d = redone
            }
            return d
        }
    }
}
