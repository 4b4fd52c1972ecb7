import PayPlan

/// Which platform's export a file's header looks like, and whether a Tmall report's amounts add up as
/// one's do: so that `--format` naming the wrong platform is refused instead of crediting the wrong
/// column (fresh-user finding H3: a Taobao export read with `--format tmall-report` credited 总金额,
/// 小美 18,396.40 → 18,676.40, without a word).
extension PlatformPreset {
    /// Columns only this platform's export has (compared after `bare`): the Taobao seller export's
    /// 买家应付货款 and 宝贝标题, Pinduoduo's 商家实收金额, JD's 京东价, Douyin's 主订单编号. Columns
    /// that several exports have (订单编号, 买家留言, 订单状态) are not signatures. The Tmall report has
    /// none of its own (its header is a subset of the Taobao export's): `notNetOfRefunds` tells it apart.
    public var signatureColumns: [String] {
        switch name {
        case "taobao": ["买家应付货款", "买家应付邮费", "收货人姓名", "宝贝标题", "宝贝总数量", "订单关闭原因"]
        case "pdd": ["用户实付金额", "商家实收金额", "拼单成功时间", "店铺优惠折扣", "平台优惠折扣"]
        case "jd": ["京东价", "下单帐号", "下单账号", "商家备注等级", "结算金额", "付款确认时间"]
        case "douyin": ["主订单编号", "子订单编号", "选购商品", "订单提交时间", "支付完成时间"]
        default: []
        }
    }

    /// This preset's signature columns that `header` has, as the file writes them.
    /// - Complexity: O(header × signature columns).
    public func signatureColumns(in header: [String]) -> [String] {
        let signature = Set(signatureColumns)
        return header.filter { signature.contains(PlatformPreset.bare($0)) }
    }

    /// The preset whose export `header` is more like than this preset's: the one with the most signature
    /// columns in it, when it has more than this one has; with the columns that show it. `nil` when this
    /// preset fits as well as any.
    /// - Complexity: O(presets × header × signature columns).
    public func betterFit(header: [String]) -> (preset: PlatformPreset, columns: [String])? {
        let own = signatureColumns(in: header).count
        var best: (preset: PlatformPreset, columns: [String])? = nil
        for p in PlatformPreset.all where p.name != name {
            let found = p.signatureColumns(in: header)
            if found.count > own, found.count > (best?.columns.count ?? 0) { best = (p, found) }
        }
        return best
    }

    /// A row of a file read as a Tmall report whose paid amount is not its total less its refund.
    public struct NetMismatch: Equatable, Sendable {
        /// The file's row (the header is row 1).
        public let row: Int
        /// CNY: the total (read as the amount), the refund, the paid amount the file gives.
        public let total: Fixed, refund: Fixed, paid: Fixed

        public init(row: Int, total: Fixed, refund: Fixed, paid: Fixed) { (self.row, self.total, self.refund, self.paid) = (row, total, refund, paid) }
    }

    /// For a file read with `tmallReport` (its amount is the total, `net_paid` the buyer's paid amount):
    /// how many rows with a paid amount are not total − refund, and the first of them; `nil` when every
    /// such row adds up (or the file has no paid-amount column). A Taobao seller export fails this: its
    /// 总金额 is before discounts (398.00 beside a paid 388.00), so reading 总金额 as the amount credits
    /// what was never paid.
    /// - Complexity: O(rows).
    public static func notNetOfRefunds(_ file: OrderFile) -> (count: Int, first: NetMismatch)? {
        var count = 0, first: NetMismatch? = nil
        for (row, o) in file.orders {
            guard case .number(let paid)? = o.fields["net_paid"], paid > .zero else { continue }
            let total = PlatformImport.number(o, "amount"), refund = PlatformImport.number(o, "refund")
            guard Fixed.checkedSubtract(total, refund) != paid else { continue }
            count += 1
            if first == nil { first = NetMismatch(row: row, total: total, refund: refund, paid: paid) }
        }
        return first.map { (count, $0) }
    }
}
