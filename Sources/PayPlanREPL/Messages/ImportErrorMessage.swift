import PayPlan
import PayPlanImport

/// An `ImportError` rendered from its typed `kind` in English and Chinese.
public struct ImportErrorMessage: MessageCatalogue {
    public var kind: ImportError.Kind

    public init(_ kind: ImportError.Kind) { self.kind = kind }

    public var wording: Wording {
        let zh: String
        switch kind {
        case .noColumnFor(let f, let cols, let saved):
            let what = f == "id" ? "订单号（例如 --map 订单编号=id）" : "订单计入的日期（例如 --map 签收日期=date）"
            let hint = saved.isEmpty ? "" : "；或使用方案中保存的对应关系：" + saved.map { "--map-name \($0)" }.joined(separator: "、")
            zh = "没有哪一列对应 \(f)，即\(what)；文件的列为：\(MessageWords.zhColumns(cols))\(hint)"
        case .badMapTarget(let h, let t): zh = "--map \(h)=\(t)：一列只能对应 id、agent、date 或字段名，例如 amount（字母、数字、_）"
        case .twoColumnsMapTo(let t, let a, let b): zh = "\(MessageWords.zhColumn(a))和\(MessageWords.zhColumn(b))两列都对应 \(t)；请把其中一列对应到 - 以忽略它"
        case .badByteOrderMark(let e): zh = "文件以 \(e) 字节顺序标记（BOM）开头，但内容不是有效的 \(e) 文本"
        case .workbook(let kind): zh = "文件是 Excel 工作簿（.\(kind)），不是 CSV 导出文件：请用 Excel 或 WPS 打开，另存为 \"CSV UTF-8\"（或从店铺后台导出 CSV），再导入那个文件"
        case .noGB18030(let why): zh = "文件不是 UTF-8，而本系统无法转换 GB18030（iconv 的原文：'\(why)'）"
        case .notUTF8OrGB18030(let at, let bytes):
            zh = "文件既不是 UTF-8 也不是 GB18030/GBK 文本：第 \(at) 字节处（\(bytes)）在两种编码中都不是字符；请在表格软件中另存为 \"CSV UTF-8\""
        case .gb18030Failed: zh = "文件无法从 GB18030 转换"
        case .notAMonthlyInput(let c, let t, let names):
            zh = "--map \(c)=\(t)：\(t) 不是方案的月度录入项；请把列对应到 agent、month、- 或 \(names.sorted().joined(separator: "、")) 之一"
        case .noSuchColumn(let c, let header): zh = "--map \(c)=…：文件中没有\(MessageWords.zhColumn(c))列；文件的列为：\(MessageWords.zhColumns(header))"
        case .twoColumnsGive(let t, let a, let b): zh = "\(MessageWords.zhColumn(a))和\(MessageWords.zhColumn(b))两列都给出 \(t)；请只保留其中一列"
        case .noAgentColumn(let header): zh = "没有哪一列写着员工（「客服」、「客服昵称」、「旺旺」、「姓名」或「工号」）；文件的列为：\(MessageWords.zhColumns(header))"
        case .noMonthColumn: zh = "文件没有「月份」或「日期」列：请用 --month 2026-03 给出月份"
        case .noInputColumn(let names, let header):
            zh = "没有哪一列对应方案的月度录入项（\(names.joined(separator: "、"))）；文件的列为：\(MessageWords.zhColumns(header))"
        case .unreadableAfterRow(let r, let e): zh = "第 \(r) 行之后的内容无法读取（CSV 读取器的原文：'\(e)'）"
        case .notCSV(let e): zh = "文件无法按 CSV 读取（CSV 读取器的原文：'\(e)'）"
        case .emptyFile: zh = "文件是空的：应有一行表头，例如 订单编号,业务员,签收日期,金额"
        case .cannotRead(let f, let exists): zh = ImportMessage.cannotRead(f, exists: exists).text(.zh)
        case .isFolder(let f, let csv):
            zh = "\(f) 是文件夹，不是文件：请写其中的一个文件" + (csv.isEmpty ? "（其中没有 .csv 文件）" : "，例如 \(ImportError.Kind.joined(f, csv[0]))（其中的 .csv 文件：\(csv.joined(separator: "、"))）") + "；未导入任何内容"
        case .mapSyntax(let pair): zh = "--map \(pair)：请写用逗号分隔的 列名=字段 对，例如 --map 订单编号=id,业务员=agent,签收日期=date"
        }
        return Wording(en: kind.english, zh: zh)
    }

    public static var samples: [ImportErrorMessage] {
        [.init(.noColumnFor(field: "id", columns: ["订单编号", "业务员"], savedMaps: [])), .init(.noColumnFor(field: "date", columns: ["订单编号"], savedMaps: ["淘宝"])),
         .init(.badMapTarget(column: "金额", target: "x y")), .init(.twoColumnsMapTo("amount", first: "金额", second: "实付")),
         .init(.badByteOrderMark("UTF-8")), .init(.badByteOrderMark("UTF-16")), .init(.workbook("xlsx")), .init(.workbook("xls")), .init(.noGB18030("Invalid argument")), .init(.notUTF8OrGB18030(offset: 12, bytes: "E4 B8 0A")),
         .init(.gb18030Failed), .init(.notAMonthlyInput(column: "接待人数", target: "visitors", inputs: ["inquiries", "buyers"])),
         .init(.noSuchColumn("接待人数", columns: ["客服", "月份"])), .init(.twoColumnsGive("inquiries", first: "询单人数", second: "咨询人数")),
         .init(.noAgentColumn(columns: ["月份", "询单人数"])), .init(.noMonthColumn), .init(.noInputColumn(inputs: ["inquiries"], columns: ["客服"])),
         .init(.unreadableAfterRow(12, detail: "unexpected end of file")), .init(.notCSV(detail: "bad quote")), .init(.emptyFile), .init(.mapSyntax("订单编号")),
         .init(.cannotRead("订单.csv", exists: false)), .init(.cannotRead("订单.csv", exists: true)),
         .init(.isFolder("导出", csvFiles: ["三月.csv", "四月.csv"])), .init(.isFolder("订单", csvFiles: []))]
    }
}
