import PayPlan
import PayPlanImport

/// An `ImportError` rendered from its typed `kind` in English and Chinese; an untyped one
/// (`Kind.text`) shows its English text in both languages.
public struct ImportErrorMessage: MessageCatalogue {
    public var kind: ImportError.Kind

    public init(_ kind: ImportError.Kind) { self.kind = kind }

    public var wording: Wording {
        let zh: String
        switch kind {
        case .noColumnFor(let f, let cols, let saved):
            let what = f == "id" ? "订单号（例如 --map 订单编号=id）" : "订单计入的日期（例如 --map 签收日期=date）"
            let hint = saved.isEmpty ? "" : "；或使用方案中保存的对应关系：" + saved.map { "--map-name \($0)" }.joined(separator: "、")
            zh = "没有哪一列对应 \(f)，即\(what)；文件的列为：\(cols.joined(separator: "、"))\(hint)"
        case .badMapTarget(let h, let t): zh = "--map \(h)=\(t)：一列只能对应 id、agent、date 或字段名，例如 amount（字母、数字、_）"
        case .twoColumnsMapTo(let t, let a, let b): zh = "\(a) 和 \(b) 两列都对应 \(t)；请把其中一列对应到 - 以忽略它"
        case .text(let s): zh = s
        }
        return Wording(en: kind.english, zh: zh)
    }

    public static var samples: [ImportErrorMessage] {
        [.init(.noColumnFor(field: "id", columns: ["订单编号", "业务员"], savedMaps: [])), .init(.noColumnFor(field: "date", columns: ["订单编号"], savedMaps: ["淘宝"])),
         .init(.badMapTarget(column: "金额", target: "x y")), .init(.twoColumnsMapTo("amount", first: "金额", second: "实付"))]
    }
}
