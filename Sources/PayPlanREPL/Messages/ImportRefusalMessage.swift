import PayPlan

/// Why `orders import FILE` with a platform format or `--note` refused the file (Session+Import.swift,
/// Session+ImportChecks.swift), in English and Chinese, each with the option that fixes it; nothing
/// was imported. Column headers (买家实际支付金额, 退款金额 …) stay as the file writes them.
public enum ImportRefusalMessage: MessageCatalogue {
    /// Why the file was refused.
    public enum Reason: Sendable {
        /// The scenario's attribution settings are not valid.
        case badAttributionSettings
        /// `--note COLUMN` names a column the file does not have (`columns`: the file's).
        case noSuchNoteColumn(String, columns: [String])
        /// A column mapped to agent while the format credits orders by their note.
        case agentColumnWithNote(format: String)
        /// `amount` + 退款金额 = `total` on all `rows` refunded rows: the refunds are already netted.
        case refundsNetted(amount: String, total: String, rows: Int)
        /// No column gives the amount paid (`tried`: the headers the format looks for).
        case noAmountColumn(format: String, tried: [String], columns: [String])
        /// No seller-note column, so every order would be silent (闷拍).
        case noNoteColumn(format: String, tried: [String], columns: [String])
        /// `--map COLUMN=target` names a column the file does not have (`near`: the file's column one slip from it).
        case noSuchMapColumn(String, target: String, near: String?, columns: [String])
        /// `--map COLUMN=target` names no order field of the plan (`near`: the field one slip from it; `fields`: the plan's).
        case noSuchMapField(column: String, target: String, near: String?, fields: [String])
    }

    /// `file` was refused for `reason`.
    case refused(file: String, Reason)

    public var wording: Wording {
        let file: String, reason: Reason
        switch self { case .refused(let f, let r): (file, reason) = (f, r) }
        let why: Wording
        switch reason {
        case .badAttributionSettings:
            why = Wording(en: "the scenario's attribution settings are not valid (see help attribution)", zh: "方案的归属设置无效（见 help attribution）")
        case .noSuchNoteColumn(let n, let cols):
            why = Wording(en: "--note \(n): the file has no such column; its columns are: \(cols.joined(separator: ", "))",
                          zh: "--note \(n)：文件中没有这一列；它的列为：\(MessageWords.zhColumns(cols))")
        case .agentColumnWithNote(let f):
            why = Wording(en: "--format \(f) credits orders by their note (help attribution); map no column to agent",
                          zh: "--format \(f) 按订单备注归属订单（help attribution）；不要把任何列映射为 agent")
        case .refundsNetted(let a, let t, let n):
            why = Wording(en: "the refunds look already netted: \(a) + 退款金额 = \(t) on all \(n) refunded row\(n == 1 ? "" : "s"), "
                              + "so subtracting 退款金额 again would count each refund twice; read it with --format tmall-report (or --map \(t)=amount,\(a)=-)",
                          zh: "退款看来已经扣除：全部 \(n) 行退款行都是 \(a) + 退款金额 = \(t)，再减一次退款金额会把每笔退款算两次；"
                              + "请用 --format tmall-report 读取（或 --map \(t)=amount,\(a)=-）")
        case .noAmountColumn(let f, let tried, let cols):
            why = Wording(en: "no column gives the amount paid" + (tried.isEmpty ? "" : " (--format \(f) looks for \(tried.joined(separator: ", ")))")
                              + "; the file's columns are: \(cols.joined(separator: ", ")); give the one that holds it, e.g. --map 实付金额=amount",
                          zh: "没有一列给出实付金额" + (tried.isEmpty ? "" : "（--format \(f) 查找\(MessageWords.zhColumns(tried))）")
                              + "；文件的列为：\(MessageWords.zhColumns(cols))；请指明是哪一列，例如 --map 实付金额=amount")
        case .noNoteColumn(let f, let tried, let cols):
            why = Wording(en: "no seller-note column" + (tried.isEmpty ? "" : " (--format \(f) looks for \(tried.joined(separator: ", ")))")
                              + ", so every order would come in silent (闷拍) and credit nobody; the file's columns are: \(cols.joined(separator: ", ")); "
                              + "give the seller's note column with --note COLUMN, or --note none to import every order as silent",
                          zh: "没有卖家备注列" + (tried.isEmpty ? "" : "（--format \(f) 查找\(MessageWords.zhColumns(tried))）")
                              + "，所有订单都会成为闷拍、不归属任何人；文件的列为：\(MessageWords.zhColumns(cols))；"
                              + "请用 --note 列名 指明卖家备注列，或用 --note none 把所有订单按闷拍导入")
        case .noSuchMapColumn(let c, let t, let near, let cols):
            why = Wording(en: "--map \(c)=\(t): the file has no column \(c)" + (near.map { "; did you mean \($0)?" } ?? "") + " (its columns are: \(cols.joined(separator: ", ")))",
                          zh: "--map '\(c)=\(t)'：文件中没有\(MessageWords.zhColumn(c))这一列" + (near.map { "；是不是想写\(MessageWords.zhColumn($0))？" } ?? "") + "（它的列为：\(MessageWords.zhColumns(cols))）")
        case .noSuchMapField(let c, let t, let near, let fields):
            let list = fields.isEmpty ? Wording(en: "none", zh: "无") : Wording(en: fields.joined(separator: ", "), zh: fields.map { "'\($0)'" }.joined(separator: "、"))
            why = Wording(en: "--map \(c)=\(t): no rule reads an order field '\(t)', so the column would count nowhere" + (near.map { "; did you mean \(c)=\($0)?" } ?? "")
                              + " (the plan's order fields: \(list.en); or id, agent, date, note, or - to ignore the column)",
                          zh: "--map '\(c)=\(t)'：没有任何规则读取订单字段 '\(t)'，这一列不会计入任何一项" + (near.map { "；是不是想写 '\(c)=\($0)'？" } ?? "")
                              + "（方案的订单字段：\(list.zh)；或 id、agent、date、note，或 - 表示忽略这一列）")
        }
        return Wording(en: "\(file): ", zh: "\(file)：").followed(by: why).followed(by: Wording(en: "; nothing was imported", zh: "；未导入任何订单"))
    }

    public var tone: Tone { .error }

    public static var samples: [ImportRefusalMessage] {
        [.refused(file: "订单.csv", .badAttributionSettings), .refused(file: "订单.csv", .noSuchNoteColumn("卖家留言", columns: ["订单编号", "实付金额"])),
         .refused(file: "订单.csv", .agentColumnWithNote(format: "taobao")),
         .refused(file: "报表.csv", .refundsNetted(amount: "买家实际支付金额", total: "总金额", rows: 2)),
         .refused(file: "订单.csv", .noAmountColumn(format: "taobao", tried: ["买家实际支付金额", "实付金额"], columns: ["订单编号"])),
         .refused(file: "订单.csv", .noNoteColumn(format: "taobao", tried: ["订单备注", "卖家备注"], columns: ["订单编号"])),
         .refused(file: "订单.csv", .noSuchMapColumn("利闰", target: "profit", near: "利润", columns: ["订单编号", "利润"])),
         .refused(file: "订单.csv", .noSuchMapColumn("x", target: "profit", near: nil, columns: ["订单编号"])),
         .refused(file: "订单.csv", .noSuchMapField(column: "金额", target: "amout", near: "amount", fields: ["amount", "profit"])),
         .refused(file: "订单.csv", .noSuchMapField(column: "金额", target: "bogus", near: nil, fields: []))]
    }
}
