import PayPlan
import PayPlanImport

extension Session {
    /// The refusal of the first `--map COLUMN=target` entry of `orders import` that would lose data
    /// without a word, or nil (fresh-user finding, session 9: `--map 金额=amout` imported every order
    /// with no amount, and `--map 利闰=profit` never read the 利润 column):
    /// - a COLUMN the file's `header` does not have: refused, naming the column one slip from it;
    /// - a target that is no order field the plan declares, nor one the workspace's orders carry, nor
    ///   `id`, `agent`, `date`, `note` or `-`: refused like `order add amout=…` (`OrderFieldNames`, as `orderFieldProblem` does).
    /// Entries of a saved mapping (`--map-name`) and of a platform format are not checked: they were
    /// made for such files. Run on the file's header before any row is read, so the slip is named
    /// rather than what follows from it (`--map 订单编号=bogusfield`: "no column maps to id").
    ///
    /// - Complexity: O(entries × (columns + fields) × `Parser.maximumNameLength`²).
    func mapProblem(_ given: [String: String], header: [String]) -> ImportRefusalMessage.Reason? {
        let columns = Set(header)
        var fields = OrderFieldNames(workspace, alsoNear: OrderImport.standardTargets)
        for (rawColumn, target) in given.sorted(by: { $0.key < $1.key }) {
            let column = OrderImport.cleanHeader(rawColumn)
            if !columns.contains(column) {
                return .noSuchMapColumn(column, target: target, near: Session.nearestName(to: column, among: columns), columns: header)
            }
            if target == "-" || target.isEmpty || OrderImport.standardTargets.contains(target) || target == "note" { continue }
            if let unread = fields.unread(target) {
                return .noSuchMapField(column: column, target: target, near: unread.near, fields: fields.declared)
            }
        }
        return nil
    }
}
