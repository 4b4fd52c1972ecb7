#!/usr/bin/env python3
"""The peer of `payplan plan-a.json -e 'orders import FILE --format taobao' -e 'report 2026'` (the import phase).

What an owner could write in an afternoon: read the Taobao seller order report (CSV, UTF-8) with the
standard csv module, credit each order by its seller note (卖家备注) to the first sales agent whose
employee ID (工号) the note names (plan A, A2: attribution_match "id", attribution_mode "first"; IDs are
whole ASCII letter-digit tokens, so CS010 is not CS01), and sum each agent's credited sales per month
exactly with decimal.Decimal (plan A's `credited`: an unpaid order 等待买家付款 counts 0, a closed one
交易关闭 counts 0, any other counts 买家实际支付金额 less its refund 退款金额, at most the amount; the
month is that of 订单付款时间, else 订单创建时间). Prints the year per agent (the report's own_sales
column), the silent orders' sales and the total. Standard library only.

    python3 peer/import_taobao.py SCENARIO.json FILE.csv [YEAR]
"""
import csv
import json
import re
import sys
from collections import defaultdict
from decimal import Decimal

TOKEN = re.compile(r"[A-Za-z0-9]+")


def money(text):
    text = text.strip().replace(",", "").replace("¥", "").replace("￥", "")
    return Decimal(text) if text else Decimal(0)


def month_of(text):
    """'2026-03-02 09:05:00' or '2026/3/2 9:05' -> (2026, 3)."""
    parts = re.split(r"[-/ ]", text.strip())
    return int(parts[0]), int(parts[1])


def main():
    scenario, path = sys.argv[1], sys.argv[2]
    year = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    with open(scenario, encoding="utf-8") as f:
        agents = json.load(f)["agents"]
    names = [a["name"] for a in agents]
    sales_by_id = {a["id"].upper(): a["name"] for a in agents
                   if a.get("id") and a.get("role", "sales") in ("sales", "销售", "售前", "pre-sales")}
    ids = {a["id"].upper() for a in agents if a.get("id")}

    by_agent_month = defaultdict(Decimal)  # (name or None for silent, month) -> credited sales
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        col = {h.strip(): i for i, h in enumerate(header)}
        i_amount, i_status, i_refund = col["买家实际支付金额"], col["订单状态"], col["退款金额"]
        i_note, i_paid, i_created = col["卖家备注"], col["订单付款时间"], col["订单创建时间"]
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            status = row[i_status].strip()
            amount = money(row[i_amount])
            if status in ("等待买家付款", "交易关闭"):
                credited = Decimal(0)
            else:
                credited = amount - min(money(row[i_refund]), amount)
            agent = None
            for token in TOKEN.findall(row[i_note]):
                t = token.upper()
                if t in sales_by_id:
                    agent = sales_by_id[t]
                    break
                if t in ids:  # an after-sales agent named: no credit, the next sales agent may take it
                    continue
            date = row[i_paid].strip() or row[i_created].strip()
            y, m = month_of(date)
            if y == year:
                by_agent_month[(agent, m)] += credited

    total = Decimal(0)
    for name in names:
        year_sum = sum((by_agent_month[(name, m)] for m in range(1, 13)), Decimal(0))
        total += year_sum
        print(f"{name} {year_sum:.2f}")
    silent = sum((by_agent_month[(None, m)] for m in range(1, 13)), Decimal(0))
    print(f"silent {silent:.2f}")
    print(f"total {total:.2f}")


if __name__ == "__main__":
    main()
