extension PlanPart {
    /// `use takehome`: take-home pay (实发工资) from the plan's gross pay (应发) — the employee's
    /// social insurance (社保) and housing fund (公积金), individual income tax (个税) withheld by
    /// the cumulative method (累计预扣法), the annual one-time bonus (全年一次性奖金) taxed
    /// separately or with the wages, and the employer's cost (雇主成本). Amounts in CNY,
    /// rates as fractions; every figure is rounded to the fen where it is computed.
    ///
    /// Sources of the figures (named again in the part's comments and in `help takehome`):
    /// - 个人所得税法 (2018 amendment), 附表一: the annual comprehensive-income brackets;
    /// - 国家税务总局公告2018年第61号 (个人所得税扣缴申报管理办法（试行）) art. 6 and 附件
    ///   预扣率表一: cumulative withholding, 5,000 a month employed at this employer;
    /// - 国家税务总局公告2020年第19号: previous-year income ≤ 60,000 at the same employer →
    ///   60,000 deducted in full from January;
    /// - 财税〔2018〕164号 art. 1(1), extended to 2027-12-31 by 财政部 税务总局公告2023年第30号:
    ///   the annual bonus taxed separately by the monthly-converted table (按月换算后的综合所得税率表);
    /// - 社会保险法 and 国办发〔2019〕13号: employee 8% / 2% / 0.5%, employer pension 16%;
    /// - 住房公积金管理条例 art. 16–18 and 建金〔2005〕5号: housing fund 5%–12%, the employer pays the same.
    public static let takehome = PlanPart(
        name: "takehome",
        summary: "take-home pay (实发): social insurance, housing fund, income tax by cumulative withholding, the annual bonus, employer cost",
        source: takehomeSource,
        grossRule: "gross_pay",
        headline: ["social_insurance", "housing_fund", "tax", "net_pay", "employer_cost"])

    static let takehomeSource = #"""
# 计算实发工资所依据的方案应发工资。`use takehome on 名称` 则读取该名称。
month gross_pay "应发" = pay
# 应发工资中属于全年一次性奖金的部分，计在发放的月份。
# 方案没有另行规定时为 0，例如 month year_end_bonus = paid(annual_bonus)。
month year_end_bonus "全年一次性奖金" = 0

# 城市数字：示例值，不是某个城市公布的 2026 年数字（编写本部件时未找到；
# 大城市 2025 年的数字与此相近）。请改成本市的数字：
# param si_base_floor = 7460
param si_base_floor "社保基数下限" = 7460
param si_base_cap "社保基数上限" = 37302
param hf_base_floor "公积金基数下限" = 2740
param hf_base_cap "公积金基数上限" = 37302
# 本市的月最低工资，示例值：只对应发工资作标记，不影响工资。
param minimum_wage "当地最低工资" = 2740

# 个人缴费比例，依社会保险法和一般城市规定：养老 8%，医疗 2%，失业 0.5%。
param pension_rate "养老保险个人比例" = 8%
param medical_rate "医疗保险个人比例" = 2%
param unemployment_rate "失业保险个人比例" = 0.5%
# 单位缴费比例：养老 16%（国办发〔2019〕13号）；医疗（含生育）、失业和
# 工伤因城市和行业而异：示例值。
param employer_pension_rate "养老保险单位比例" = 16%
param employer_medical_rate "医疗保险单位比例" = 9%
param employer_unemployment_rate "失业保险单位比例" = 0.5%
param employer_injury_rate "工伤保险单位比例" = 0.2%
# 各项缴费如何取整，四舍五入，按本市做法：取整到以元计的这个单位——
# 0.01 为到分（默认），0.1 为到角，1 为到元。
param contribution_rounding "缴费舍入单位" = 0.01

# 缴费基数，全年固定：依法为上年度月平均工资，方案里很少有，
# 所以有员工的 si_base 时用它（agent set 李雷 si_base=8000），否则用底薪
# （属性 base；没有时用下限），并限定在本市的下限和上限之间。
attribute si_base "社保缴费基数" range 0..
# 公积金比例 5%–12%（住房公积金管理条例第 18 条，建金〔2005〕5号；城市可以允许更低，0
# 表示单位未缴存）；单位缴纳同样的比例。
attribute hf_rate "公积金比例" default 5% range 0..12%
year declared_base "申报基数" = ifmissing(si_base, ifmissing(base, 0))
year contribution_base "社保缴费基数(核定)" = min(max(declared_base, si_base_floor), si_base_cap)
year hf_base "公积金缴费基数" = min(max(declared_base, hf_base_floor), hf_base_cap)

# 在职的每个月（含入职当月）的各项缴费，按 contribution_rounding 取整。
month pension "养老保险个人" = if not active then 0
    else round(contribution_base * pension_rate / contribution_rounding, 0) * contribution_rounding
month medical "医疗保险个人" = if not active then 0
    else round(contribution_base * medical_rate / contribution_rounding, 0) * contribution_rounding
month unemployment "失业保险个人" = if not active then 0
    else round(contribution_base * unemployment_rate / contribution_rounding, 0) * contribution_rounding
month social_insurance "社保个人" = pension + medical + unemployment
month housing_fund "公积金个人" = if not active then 0
    else round(hf_base * hf_rate / contribution_rounding, 0) * contribution_rounding

# 专项附加扣除（子女教育、赡养老人、住房贷款利息或住房租金、婴幼儿照护、继续教育）
# 合为每月一个总数；方案可以细分：month special_deduction = child_education + elderly_care。
input month special_deduction "专项附加扣除" default 0 range 0..
# 依法确定的其他扣除（企业年金、商业健康保险、个人养老金 …），每月总数。
input month other_deduction "其他扣除" default 0 range 0..

# 全年一次性奖金："separate" 单独计税（财税〔2018〕164号），"combined" 并入当月工资。
attribute bonus_taxation "年终奖计税方式" default "separate" labels "separate" "单独计税", "combined" "并入综合所得计税"
# 上年度在本单位的收入 ≤ 60,000（国家税务总局公告2020年第19号）：yes 时从 1 月起扣除 60,000。
attribute prev_year_low_income "上年收入不超过6万" default no
param basic_deduction "减除费用(每月)" = 5000
param low_income_deduction "低收入全年减除费用" = 60000

# 本月按工资薪金计税的收入：应发工资，单独计税时减去年终奖；不在职期间
# 为零。所有累计数（ytd_…）在 1 月重新开始（month_of(period_start) = 1）。
month wage_income "工资薪金收入" = if not active then 0 else gross_pay - (if bonus_taxation = "separate" then year_end_bonus
    else if bonus_taxation = "combined" then 0 else error("bonus_taxation must be separate or combined"))
month months_employed "本年任职月数" = (if month_of(period_start) = 1 then 0 else prev(months_employed)) + (if active then 1 else 0)
# 累计收入减去累计专项扣除（个人缴费）、专项附加扣除和其他扣除。
month ytd_income_less_deductions "累计收入减扣除" = (if month_of(period_start) = 1 then 0 else prev(ytd_income_less_deductions))
    + wage_income - social_insurance - housing_fund + (if active then -special_deduction - other_deduction else 0)
# 累计预扣预缴应纳税所得额 = 累计收入 − 累计减除费用（5,000 × 在职月数，或 60,000）− 累计专项扣除 − 累计专项附加扣除
# − 累计其他扣除（61号公告第六条）。
month ytd_taxable_raw "累计应纳税所得额(未取零)" = ytd_income_less_deductions - (if prev_year_low_income and months_employed > 0 then low_income_deduction
    else basic_deduction * months_employed)
month ytd_taxable "累计应纳税所得额" = max(0, ytd_taxable_raw)
# 本月应纳税所得额：累计数本月增加了多少（可能为负）。
month taxable_income "应纳税所得额" = ytd_taxable_raw - (if month_of(period_start) = 1 then 0 else prev(ytd_taxable_raw))

# 预扣率表一 = 个人所得税法附表一（综合所得），各档含所写数字。
table income_tax_rate "预扣率" (lo, hi]:
  0 -> 3%, 36000 -> 10%, 144000 -> 20%, 300000 -> 25%, 420000 -> 30%, 660000 -> 35%, 960000 -> 45%
table income_tax_quick_deduction "速算扣除数" (lo, hi]:
  0 -> 0, 36000 -> 2520, 144000 -> 16920, 300000 -> 31920, 420000 -> 52920, 660000 -> 85920, 960000 -> 181920
month ytd_tax "累计应纳税额" = round(ytd_taxable * lookup(income_tax_rate, ytd_taxable) - lookup(income_tax_quick_deduction, ytd_taxable))
# 本月预扣税额：累计税额减去本年已预扣的部分，不低于 0
# （多缴的在年度汇算清缴时退回，不在预扣中退）。
month wage_tax "工资个税" = max(0, ytd_tax - (if month_of(period_start) = 1 then 0 else prev(ytd_withheld)))
month ytd_withheld "累计已预扣税额" = (if month_of(period_start) = 1 then 0 else prev(ytd_withheld)) + wage_tax

# 单独计税的全年一次性奖金：奖金 ÷ 12 在按月换算后的
# 综合所得税率表（财税〔2018〕164号）中选税率，税额 = 奖金 × 税率 − 速算扣除数。各档含所写数字。
table bonus_tax_rate "年终奖税率" (lo, hi]:
  0 -> 3%, 3000 -> 10%, 12000 -> 20%, 25000 -> 25%, 35000 -> 30%, 55000 -> 35%, 80000 -> 45%
table bonus_quick_deduction "年终奖速算扣除数" (lo, hi]:
  0 -> 0, 3000 -> 210, 12000 -> 1410, 25000 -> 2660, 35000 -> 4410, 55000 -> 7160, 80000 -> 15160
month bonus_tax "年终奖个税" = if not active or bonus_taxation != "separate" or year_end_bonus <= 0 then 0
    else round(year_end_bonus * lookup(bonus_tax_rate, year_end_bonus / 12) - lookup(bonus_quick_deduction, year_end_bonus / 12))
month tax "个税" = wage_tax + bonus_tax
month net_pay "实发工资" = gross_pay - social_insurance - housing_fund - tax

# 按年度汇算的算法，哪种年终奖计税方式让这个人全年少缴税：
# 全年工资与奖金分开计税，还是全部合并计税。
year year_bonus "全年一次性奖金合计" = sum(year_end_bonus over year where active)
year year_taxable_without_bonus "全年工资应纳税所得额(不含年终奖)" = sum(gross_pay over year where active) - year_bonus
    - sum(social_insurance + housing_fund over year) - sum(special_deduction + other_deduction over year where active)
    - (if prev_year_low_income then low_income_deduction else basic_deduction * max(months_employed over year))
year year_taxable_with_bonus "全年应纳税所得额(含年终奖)" = max(0, year_taxable_without_bonus + year_bonus)
year year_tax_combined "合并计税全年税额" = round(year_taxable_with_bonus * lookup(income_tax_rate, year_taxable_with_bonus)
    - lookup(income_tax_quick_deduction, year_taxable_with_bonus))
year year_wage_taxable "全年工资应纳税所得额(不低于0)" = max(0, year_taxable_without_bonus)
year year_tax_separate "单独计税全年税额" = round(year_wage_taxable * lookup(income_tax_rate, year_wage_taxable)
    - lookup(income_tax_quick_deduction, year_wage_taxable))
    + (if year_bonus <= 0 then 0 else round(year_bonus * lookup(bonus_tax_rate, year_bonus / 12) - lookup(bonus_quick_deduction, year_bonus / 12)))
year cheaper_bonus_taxation "更省的年终奖计税方式" = if year_tax_separate <= year_tax_combined then "separate" else "combined"
year bonus_taxation_saving "年终奖计税节省" = abs(year_tax_combined - year_tax_separate)

# 单位缴费，以及这个人让老板付出的雇主成本。
month employer_social_insurance "社保单位" = if not active then 0
    else round(contribution_base * employer_pension_rate) + round(contribution_base * employer_medical_rate)
        + round(contribution_base * employer_unemployment_rate) + round(contribution_base * employer_injury_rate)
# 单位缴存的公积金与个人的相同（住房公积金管理条例第 18 条）。
month employer_cost "雇主成本" = gross_pay + employer_social_insurance + housing_fund

# 最低工资：只对应发工资作标记，不影响工资。
month below_minimum_wage "低于最低工资" = active and gross_pay < minimum_wage
"""#
}
