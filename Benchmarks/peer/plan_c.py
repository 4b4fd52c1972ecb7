#!/usr/bin/env python3
"""The peer of `payplan SCENARIO -e 'report 2026'` for the benchmark's generated plan C scenario.

What an owner could write in an afternoon: read the scenario file (JSON, money as decimal
strings), compute the simplified plan C of the benchmark (rules C1, C2, C3, C3.1, C3.2, C8.1,
C8.2 of docs/plans.md, the base prorated by paid days in the month of hire, the same as `handPayFen` in Benchmarks/Sources/payplan-bench)
with exact `decimal.Decimal`, and print the year's report: one row per agent and a total.
Standard library only.

    python3 peer/plan_c.py SCENARIO.json [YEAR]
"""
import calendar
import datetime
import json
import sys
from decimal import Decimal, ROUND_HALF_UP

FEN = Decimal("0.01")
WAN = Decimal(10000)


def fen(x):
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def month_pay(hired, year, m, sales, expenses, base):
    """Pay for month m (1..12) of `year`; sales/expenses are lists of 12 Decimals; hired is (y, m, d)."""
    month_index = year * 12 + m - 1
    hire_index = hired[0] * 12 + hired[1] - 1
    if hire_index > month_index:
        return Decimal(0)
    # Partial month, by paid days: base x Monday-Friday days employed / 21.75, at most the whole base.
    if hire_index == month_index and hired[2] > 1:
        last = calendar.monthrange(year, m)[1]
        weekdays = sum(1 for d in range(hired[2], last + 1) if datetime.date(year, m, d).weekday() < 5)
        base = min(base, fen(base * weekdays / Decimal("21.75")))
    tenure = month_index - hire_index + 1
    probation = 1 <= tenure <= 3
    revenue = [s - e for s, e in zip(sales, expenses)]
    r = revenue[m - 1]
    # C1 / C3: the deduction from base.
    if probation and sales[m - 1] == 0:
        deduction = fen(base * Decimal("0.40"))
    else:
        pct = Decimal("0.30") if r < 1 * WAN else Decimal("0.20") if r < 2 * WAN else Decimal("0.10") if r < 3 * WAN else Decimal(0)
        deduction = fen(base * pct)
    # C3 commission tiers, C3.1 expense rule.
    if r < 1 * WAN:
        commission = Decimal(0)
    elif r < 3 * WAN:
        commission = fen(r * Decimal("0.01"))
    elif r < 4 * WAN:
        commission = fen(r * Decimal("0.015"))
    elif r < 10 * WAN:
        commission = fen(r * Decimal("0.02"))
    elif r < 20 * WAN:
        commission = fen(10 * WAN * Decimal("0.02") + (r - 10 * WAN) * Decimal("0.03"))
    else:
        commission = fen(r * Decimal("0.03"))
    if r >= 4 * WAN and expenses[m - 1] > r * Decimal("0.01"):
        commission = Decimal(0)
    # C3.2 monthly bonus.
    monthly = Decimal(1000) if r >= 30 * WAN else Decimal(500) if r >= 15 * WAN else Decimal(0)
    paid = Decimal(0)
    # C8.1 half-year bonus (June, December): average revenue over the half.
    if m in (6, 12):
        total = sum(revenue[m - 6:m], Decimal(0))
        paid += Decimal(3500) if total >= 6 * 20 * WAN else Decimal(1500) if total >= 6 * 10 * WAN else Decimal(0)
    # C8.2 annual bonus (December).
    if m == 12:
        total = sum(revenue, Decimal(0))
        paid += Decimal(12000) if total >= 320 * WAN else Decimal(5000) if total >= 150 * WAN else Decimal(0)
    return base - deduction + commission + monthly + paid


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        scenario = json.load(f)
    year = int(sys.argv[2]) if len(sys.argv) > 2 else int(scenario["years"].split("-")[0])
    months = ["%04d-%02d" % (year, m) for m in range(1, 13)]
    rows = []
    totals = [Decimal(0)] * 4
    for agent in scenario["agents"]:
        name = agent["name"]
        y, mo, d = agent["hired"].split("-")
        base = Decimal(agent.get("base", "0"))
        inputs = scenario["inputs"].get(name, {})
        sales = [Decimal(inputs.get("sales", {}).get(p, "0")) for p in months]
        expenses = [Decimal(inputs.get("expenses", {}).get(p, "0")) for p in months]
        pay = sum((month_pay((int(y), int(mo), int(d)), year, m, sales, expenses, base) for m in range(1, 13)), Decimal(0))
        row = [sum(sales, Decimal(0)), sum(expenses, Decimal(0)), sum(sales, Decimal(0)) - sum(expenses, Decimal(0)), pay]
        totals = [t + v for t, v in zip(totals, row)]
        rows.append((name, row))
    out = ["%s — %d" % (scenario["name"], year), "%-8s %14s %14s %14s %14s" % ("agent", "sales", "expenses", "revenue", "pay")]
    for name, row in rows:
        out.append("%-8s %14s %14s %14s %14s" % ((name,) + tuple("{:,.2f}".format(v) for v in row)))
    out.append("%-8s %14s %14s %14s %14s" % (("total",) + tuple("{:,.2f}".format(v) for v in totals)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
