/// The help topics in Chinese (see `Help.topics` for the English); a topic
/// missing here is shown in English.
enum HelpChinese {
    static let topics: [String: (summary: String, body: [String])] = [
        "commands": ("全部命令", []),  // generated from `CommandTable`
        "takehome": ("实发工资：use takehome —— 社保、公积金、个税、年终奖、雇主成本", [
            "use takehome            把共用的“实发工资”部件加入方案（一行；方案文件只存这一行，部件修正后所有方案都生效）",
            "use takehome on wages   以 wages 作为应发工资（默认 pay）",
            "每人每月：social_insurance 社保个人、housing_fund 公积金个人、taxable_income 应纳税所得额、",
            "  tax 个税（工资个税 + 年终奖个税）、net_pay 实发工资 = 应发 − 社保 − 公积金 − 个税、employer_cost 雇主成本、bonus_tax 年终奖个税",
            "每年：year_tax_separate 单独计税全年税额、year_tax_combined 合并计税全年税额、cheaper_bonus_taxation 更省的计税方式",
            "员工属性：si_base 社保缴费基数（默认底薪，在上下限之间）、hf_rate 公积金比例（默认 5%）、",
            "  bonus_taxation=separate|combined 年终奖计税方式、prev_year_low_income=yes 上年收入不超过6万（1月起扣除6万）",
            "每月录入：special_deduction 专项附加扣除、other_deduction 其他扣除（默认 0）",
            "参数（均可重新定义）：pension_rate、medical_rate、unemployment_rate、si_base_floor、si_base_cap、",
            "  hf_base_floor、hf_base_cap、employer_*_rate、contribution_rounding（0.01 分 | 0.1 角 | 1 元）、minimum_wage",
            "  自带的城市数字是示例值，请改为所在城市公布的数字。",
            "个税按累计预扣法（国家税务总局公告2018年第61号）与个人所得税法附表一计算；上年收入不超过6万见公告2020年第19号；",
            "  年终奖单独计税按月换算税率表（财税〔2018〕164号，公告2023年第30号延续）。",
            "试试：years 2026 / month pay = base / use takehome / agent add a base=12000 hf_rate=7% / a.net_pay[2026-01] (9,753.00)",
        ]),
        "language": ("规则怎么写", [
            "规则按期间写一次，对每位员工都适用：",
            "  month revenue = sales - expenses",
            "  month commission \"提成\" = round(lookup(commission_tiers, revenue))",
            "  half half_bonus = if avg(revenue over half) >= 20万 then 3500",
            "                    else if avg(revenue over half) >= 10万 then 1500 else 0",
            "  month pay = base - deduction + commission + paid(half_bonus)",
            "金额：12万  1.5万  40k  40,000  ¥40000  2%。日期 2026-03-15。期间 2026-03、2026-Q1、2026-H1、2026。",
            "运算：+ - * /（也可用 × ÷），= != < <= > >=（也可用 ≤ ≥），and、or、not、if … then … else …",
            "函数：round(x) 四舍五入到分，round(x, 0) 到元；floor、ceil、abs、min、max；",
            "  prev(revenue) 上一期；paid(half_bonus) 在期末月份发放；",
            "  sum/avg/min/max/count(x over quarter|half|year|agents|orders [where …])；rank(x over agents where …)。",
            "员工属性：base、hired、left、role、id、name、tenure（入职当月为 1）、active。",
            "按日期变更：from 2026-07 table commission_tiers …（help versions）。",
            "完整说明与示例：docs/language.md",
        ]),
        "versions": ("按日期变更方案：from 2026-07 …（生效日期）", [
            "参数、阶梯表或规则的新版本，写上它生效的月份：",
            "  from 2026-04 param base_pay = 3500",
            "  from 2026-07 month commission = round(sales * 1.8%)",
            "  from 2026-07 table commission_tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 4万 -> 1.8% * x",
            "之前的月份仍用原来的定义；从该月起使用新版本，直到下一个版本。每个数字按其期间第一天生效的版本计算",
            "（第三季度用 7 月的版本）。名称须先有定义，版本须与原定义同类（月度规则的版本仍是月度规则），",
            "月份须在方案的年份之内。有版本的参数只能在规则中读取，不能被其他参数读取。",
            "show 名称 列出全部版本；drop from 2026-07 名称 删除一个版本（undo 可恢复）；drop 名称 删除全部。",
            "explain 会说明用的是哪个版本。方案文件保存全部版本。",
            "这次变更花了多少？fork lower，写入新版本，再 compare main lower 2026-Q3。",
        ]),
        "warnings": ("警告与 check", [
            "允许但很可能发错钱的定义照样生效，同时给出警告并在出处标出 ^：",
            "  月规则直接读取季度/半年/年度数字（请写 paid(qbonus)，或判断月份）；",
            "  名字遮住了属性、内置名称或订单字段（month base = 1），或取代了录入项（param sales = 3）；",
            "  员工不在职的月份也发了钱（请判断 active）；规则不读取任何会变的东西；",
            "  录入值超出录入项规定的范围（input month sales default 0 range 0..）；",
            "  阶梯表不从 0 开始，或门槛（参数）没有逐档升高。",
            "check（或 lint）列出方案对照当前数据的全部警告；load 会报告警告条数。",
            "试试：input month sales default 0 range 0..   然后   quarter qb = 1000   然后   month pay = sales + qb",
        ]),
        "tables": ("阶梯表：超额累进与全额累进", [
            "表按门槛列出各档。[lo, hi)（默认）表示含下限、不含上限；(lo, hi] 表示含上限（以内）。例如：",
            "  table deduction_rate [lo, hi):",
            "    0 -> 30%,",
            "    1万 -> 20%,",
            "    3万 -> 0%",
            "lookup(T, 金额)        金额所在档的值（行里的 x 代表金额）",
            "retroactive(T, 金额)   该档比例乘以全部金额（全额累进）",
            "marginal(T, 金额)      每档比例乘以落在该档的部分（超额累进）",
            "试试：table t [lo, hi): 0 -> 1%, 1万 -> 2%   然后   param demo = marginal(t, 15000)   然后   demo",
        ]),
        "orders": ("订单、订单规则与工作日", [
            "order add O1 agent=李雷 date=2026-03-02 terms=cash amount=30000 profit=4500 paid=2026-03-03",
            "订单计入其日期所在的月份。订单规则读取字段：order margin = profit / amount。",
            "月度规则汇总订单：sum(amount over orders where counted)；by paid 表示按回款日期入账。",
            "订单规则里的 allocate(commission, amount) 把月度数字按金额分到各订单，精确到分。",
            "orders 李雷 2026-03 列出订单及各项数字；O1.share 查看一项；explain O1.share 说明来历。",
            "calendar workday 2026-10-10 标记调休上班的周六；calendar holiday 2026-10-01..2026-10-07 标记假期。",
            "as of 2026-06-30：之后才记录的回款视为尚未得知（追回要等到那时）。",
        ]),
        "offer": ("新员工每月能拿多少", [
            "offer sales 3万 6万 10万 [base=3500] [from 2026-03]",
            "候选人在该月 1 日入职（默认方案第一个月），每月销售额相同；每个金额一列（偏低、预期、偏高），",
            "标出试用期，最后一行是全年合计。工作区不会改变。可在 scenarios/electronics-sales.json 上试用。",
        ]),
        "report": ("按员工列出的报表", [
            "report 2026-03 一个月；report 2026-Q1、report 2026-H1、report 2026 为各月数字之和",
            "列由方案的 report columns a, b, c 决定；每次修改后列出的是 report total pay 的变化。",
            "试试：load scenarios/electronics-sales.json，然后 report 2026",
            "导出到表格：--csv（UTF-8 带 BOM，数字不带千分位，set lang zh 时表头为中文）、--json、--md 显示在屏幕上或写入 --out 文件；",
            "--xlsx 文件 写出 Excel 工作簿（数字即数字，金额两位小数，冻结表头；该期间一张表，另每月一张）。",
            "compare、attribution、orders 同样可用。试试：report 2026 --xlsx 2026.xlsx、report 2026-03 --csv",
        ]),
        "explain": ("一个数字是怎么来的", [
            "explain 李雷.pay[2026-03] 用句子说明数字的来历，数字都已填好：每个数字用方案里的名称，落在哪一档、",
            "含不含边界，舍入说一次；由订单算出的数字说明订单笔数（--orders 逐笔列出）。其后是它读取的数字，",
            "--depth N 向下展开 N 层（默认 1）。--rules 改为显示规则原文的推导树（默认 2 层），以及错误值从哪里开始。",
            "试试：load scenarios/electronics-sales.json，然后 explain 李雷.commission[2026-03]",
        ]),
        "inputs": ("录入数字", [
            "录入项在方案中声明（input month sales default 0），按员工和期间录入：",
            "  李雷.sales[2026-03] = 12万",
            "每次修改后列出变化的工资数字：李雷.pay[2026-03]: 5,000.00 → 5,600.00",
        ]),
        "agents": ("员工", [
            "agent add 李雷 id=S01 role=sales base=3000 hired=2025-06-01",
            "其他 key=value 也会保存，可在规则中按名称使用（agent add 王芳 team=north）。",
        ]),
        "scenarios": ("方案文件", [
            "load 文件.json 读取方案；save 写回（save 其他.json 另存）。",
            "保存时先写临时文件再改名，任何失败都不会损坏原文件。",
            "载入失败的文件不会改变当前工作区，并指出文件哪里有错。",
            "有未保存的更改时 load 会先询问（脚本中拒绝执行：用 load! 文件 或 --force 强制载入）；",
            "load 之后 undo 回到原来的工作区和原来的文件，save 写回那里。",
            "save 拒绝只读文件和无权写入的文件，保留文件的所有者和权限，沿符号链接写入目标，",
            "文件在载入后被其他程序改过时先询问（脚本中用 save!）。",
        ]),
        "what-if": ("假设分析：复制方案并对比", [
            "fork 名称         把当前工作区复制为一个分支并切换过去（main 保持不变）",
            "switch 名称       切换分支；scenarios 列出所有分支，* 标出当前分支",
            "compare A B [期间]   按员工并列 A、B 的各项数字、差额和百分比，以及应发总额；用了 use takehome 时还有雇主成本 employer_cost（老板的成本）",
            "                  终端只列出数字有差异的员工（--all 列出全部；导出的文件总是全部）",
            "explain 数字 in A vs B   列出不同的定义和录入，以及读取到的不同数字",
            "分支随方案一起保存，undo 可以撤销 fork 和 switch。在随附方案上试试：",
            "  fork lower",
            "  table commission_tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 1.5% * x, 4万 -> 1.8% * x, 10万 -> 1.8% * 10万 + 3% * (x - 10万), 20万 -> 3% * x",
            "  compare main lower 2026",
        ]),
        "review": ("公布新方案前先评审", [
            "review A B [期间] [--html 文件] [--threshold T]   以 B（新方案）对比 A（现方案）：",
            "  老板的总成本（应发工资；方案有 employer_cost 时也列雇主成本）及差额；",
            "  每个人在两个方案下的工资，损失最大的在前，并列出谁少拿；",
            "  在职月份中低于方案 minimum_wage 参数的月份；",
            "  B 新增、消除或改变的断崖（多卖 1 分钱工资变化超过 T，默认 100.00）和“多卖反而少拿”的区间，",
            "  按每人销售最高的月份，从 0 扫描到该月的 1.5 倍（至少 1万）；",
            "  工资与业绩（有 revenue 用 revenue，否则用 sales 录入）、工资分布（最低、中位、最高、最高 ÷ 中位）；",
            "  方案 A 还列出不同 account_plan 下的旺旺询单与工资（A8）。",
            "--html 文件 把同样内容写成一个带图表的独立网页。期间默认为第一年。试试：",
            "  fork lower",
            "  table commission_tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 1.5% * x, 4万 -> 1.8% * x, 10万 -> 1.8% * 10万 + 3% * (x - 10万), 20万 -> 3% * x",
            "  review main lower 2026 --html review.html",
        ]),
        "forecast": ("下个月不确定时的工资与成本", [
            "forecast A [B] [期间] [--runs 次数] [--seed 种子]   （默认：第一年、1000 次、种子 1）",
            "每次模拟对期间内每个月，为全店抽取方案历史中的同一个月（好月份一起来）；每个人取自己那个月的",
            "月度录入（销售额、费用……），当月不在职则从本人在职的月份中抽取。",
            "输出每个人及合计在期间内工资的 P10、中位数、P90（最近秩法），低于 minimum_wage 的概率，",
            "以及各项奖金（季度、半年、年度数字，以及名为 …bonus 的月度数字）发放的概率；给两个方案时，",
            "两者用同样的抽样，并给出总额差的分布。订单保持不变，只重抽月度录入。同一个 --seed 结果相同；",
            "Ctrl-C 停止并输出已完成的部分。",
            "试试：forecast main 2026 --runs 1000 --seed 1",
        ]),
        "sweep": ("数字随录入变化：表格、图表、SVG", [
            "sweep 录入项 from X to Y step S show 数字[, 数字…] [for 员工] [in 月份] [--svg 文件]",
            "在副本上逐一设定录入值（工作区不变），输出表格、点阵图以及档位变化的位置；--svg 画出带档位虚线的图。",
            "  sweep sales from 0 to 35万 step 1万 show pay, commission for 李雷 in 2026-03 --svg pay.svg",
            "cliffs 数字 over 录入项 from X to Y [threshold T]   多一分钱就变化超过 T（默认 100.00）的断崖，以及越多越少的区间：",
            "  cliffs pay over sales from 0 to 40万 for 李雷 in 2026-03",
        ]),
        "solve": ("反推目标：达到某数字所需的最少录入", [
            "solve 录入项 for 数字 = 目标 [for 员工] [in 月份] [from X] [to Y]",
            "精确到分的最小录入值（默认在 0 到 1,000,000,000 之间搜索）。工资有断崖，目标被跳变越过时会说明，",
            "无法达到时也会说明。试试：solve sales for pay = 9000 for 李雷 in 2026-03",
        ]),
        "statement": ("工资条", [
            "statement 员工 期间 [--format text|md|html|csv] [--out 文件]（或 --html 文件、--md、--csv、--text）",
            "列出应发项目与应发合计、扣款项目与扣款合计、工资数字、（方案有时）社保公积金个税与实发，",
            "以及单列的考核指标；每行都说明怎么算的。哪一项放在哪一栏由方案写明：payslip earnings base_pay, commission／",
            "payslip deductions deduction／payslip info revenue（未写明时按工资规则的加减项）。CSV 带 UTF-8 BOM，",
            "Excel、WPS 可直接打开。statement all 期间 --html 目录 为每人写一个文件并生成索引；",
            "statement all 期间 --csv 文件 每人一行。试试：",
            "  statement 李雷 2026-03",
            "  statement all 2026-03 --html 工资条-2026-03",
        ]),
        "import": ("导入订单表（CSV，UTF-8 或 GBK）", [
            "orders import 文件.csv --map 订单编号=id,业务员=agent,签收日期=date,金额=amount,…",
            "每列对应 id（订单编号）、agent（姓名或工号）、date（计入月份的日期）或订单字段；与字段名或标签同名的列无需映射。",
            "支持 UTF-8（含或不含 BOM）和 GB18030/GBK；¥12,345.00、12,345元、=\"2026030212345\"、2026/3/2 9:05、是/否 都能识别。",
            "--map-name 使用方案中保存的映射；--save-map 保存本次映射。有错误行时整批不导入，并指出行、列和原因；",
            "--skip-bad 导入其余行并列出跳过的行；--dry-run 只检查。按订单编号去重，重复导入不会重复计算。",
            "平台导出：orders import 文件.csv --format taobao|tmall-report|pdd|jd|douyin，按卖家备注归属（--note 列 指定备注列，任何格式都可用）；",
            "导入前先列出读到的内容：行数、订单数、实付、退款、各状态、各员工归属、闷拍占比、用到和忽略的列；",
            "没有金额或日期列、没有卖家备注列、或退款已从实付中扣过（实付 + 退款 = 总金额）时拒绝导入并说明怎么改。",
            "客服绩效：performance import 文件.csv --month 2026-03（认得赤兔/千牛的 询单->最终付款人数、首次响应(秒)、平均响应(秒)，其余用 --map）。",
        ]),
        "attribution": ("按卖家备注归属订单、闷拍订单", [
            "客服成交后在卖家备注里写工号：已核对地址—CS01—3/5 14:20 归属 CS01；CS01;CS01 只算一次；CS010 不是 CS01。",
            "备注只追加不修改，一条备注可能有多个工号。方案参数决定：attribution_mode = \"first\"（或 last、split 平分），",
            "attribution_match = \"id\"（或 name、id or name、pattern）。备注中的售后客服不计业绩；没有销售客服的订单是闷拍。",
            "改这些设置或员工的姓名、工号、角色时，所有带备注的订单立即重新归属，列出变化的工资，undo 一步撤回（无需重新导入）。",
            "attribution [期间] 列出每人订单与业绩、闷拍订单，以及备注中有未知工号或冲突的订单——从不悄悄丢掉。",
        ]),
        "errors": ("错误值与错误信息", [
            "无法计算的公式得到错误值，并像电子表格一样向下传递：",
            "#DIV/0! 除以零，#MISSING 缺少录入或属性，#TYPE 值的类型不对，#OVERFLOW 数值过大，#RANGE 期间超出方案，#ERROR 方案用 error(\"…\") 给出的错误。",
            "会形成循环的规则（pay → bonus → pay）会被拒绝，工作区保持不变。",
        ]),
    ]
}

extension Help {
    /// The overview or one topic, in `language`.
    public static func text(topic: String?, language: DisplayLanguage) -> [String] {
        guard language == .zh else { return text(topic: topic) }
        guard let topic else {
            return ["payplan —— 看得懂的工资方案表。主题（help 主题）："] + topics.map {
                "  " + DisplayWidth.padded($0.name, to: 13) + (HelpChinese.topics[$0.name]?.summary ?? $0.summary)
            }
        }
        if topic == "commands" { return CommandTable.helpLines(language: .zh) }
        return HelpChinese.topics[topic]?.body ?? text(topic: topic)
    }
}
