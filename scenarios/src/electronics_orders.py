"""Sample orders (订单) for scenarios/electronics-sales.json, April–December 2026.

Run from the repository root: python3 scenarios/src/electronics_orders.py
writes scenarios/electronics-orders.csv, the way a Chinese ERP export looks
(UTF-8 with a byte-order mark, order numbers as ="…", amounts with thousands
separators, dates as 2026/4/16 and payment times as 2026/4/17 10:32).
build_electronics.py imports this module to put the same orders into the
scenario and to lower the monthly `sales` inputs by the orders counted, so
each month's revenue R stays what it was (the sales input is what is left:
counter sales not itemised as orders).

Most orders are ordinary: cash paid within a day, or credit terms (net 30/60/90)
at a margin between the minimum and twice it, paid between 25 days early and
10 days late. A few show plan C's order rules, each worked by hand:

  王芳 2026-04-16 net30 8,000.00 never paid, written off 2026-09-10, goods worth 6,500.00 taken back:
       April's only order, share = round(570.00 × 8,000 / 38,500) = 118.44, clawed back on 2026-06-16;
       10% of base (300.00) deducted on 2026-08-15; 40% × (8,000 − 6,500) = 600.00 borne in September.
  赵强 2026-07-10 (Fri) cash 6,800.00 paid Thu 07-16, after the deadline Tue 07-14: July's only order,
       its share 505.50 × 6,800 / 34,000 = 101.10 is cancelled.
  李雷 2026-05-12 cash 18,000.00 at 8% margin, costs 120.00: not in R, commission 1% = +180.00.
  韩梅梅 2026-06-08 net30 36,000.00 paid 2026-07-28, 20 days after 07-08: −360.00 in July.
  王芳 2026-08-03 net90 25,000.00 paid 2026-08-20, 73 days before 11-01: +250.00 in August.
  李雷 2026-09-07 net60 50,000.00 at 17% margin, approved: −1 point = −500.00 in September.
  韩梅梅 2026-10-12 net30 20,000.00 at 33% margin (≥ 2 × 15%): +1 point = +200.00 in October.
  韩梅梅 2026-05-20 cash 12,000.00 at 3% margin, and 王芳 2026-10-14 net60 at 12% not approved: refused.
"""
import csv, datetime, io, pathlib, random

AGENTS = {"李雷": "S01", "韩梅梅": "S02", "王芳": "S03", "赵强": "S04"}
SALES = {
    "李雷":   [62000, 48000, 120000, 95000, 134000, 88000, 72000, 156000, 99000, 110000, 143000, 210000],
    "韩梅梅": [185000, 160000, 240000, 205000, 310000, 198000, 176000, 222000, 265000, 190000, 248000, 330000],
    "王芳":   [28000, 35000, 41000, 38500, 52000, 46000, 39000, 61000, 44000, 57000, 48000, 66000],
    "赵强":   [0, 0, 0, 0, 12000, 26000, 34000, 45000, 30000, 52000, 41000, 58000],
}
SIZE = {"李雷": (3000, 16000), "韩梅梅": (5000, 26000), "王芳": (1500, 7000), "赵强": (1000, 6000)}
TERM_DAYS = {"cash": 0, "net30": 30, "net60": 60, "net90": 90}
MARGIN = {"cash": (0.11, 0.24), "net30": (0.16, 0.28), "net60": (0.21, 0.38), "net90": (0.31, 0.45)}
YEAR_END = datetime.date(2026, 12, 31)
HEADER = ["订单编号", "业务员", "签收日期", "付款方式", "金额", "利润", "业务及运输费用",
          "回款日期", "低毛利审批", "核销日期", "抵债货物价值", "备注"]
# The mapping saved in the scenario as "electronics".
MAPPING = {"订单编号": "id", "业务员": "agent", "签收日期": "date", "付款方式": "terms", "金额": "amount",
           "利润": "profit", "业务及运输费用": "costs", "回款日期": "paid", "低毛利审批": "approved",
           "核销日期": "written_off", "抵债货物价值": "resale"}

D = datetime.date


def special():
    """The orders that show the order rules (see the module's description)."""
    return [
        dict(agent="王芳", date=D(2026, 4, 16), terms="net30", amount=8000, profit=1440, costs=40,
             written_off=D(2026, 9, 10), resale=6500, note="客户资金链断裂，\n已收回部分货物抵债", only=True),
        dict(agent="赵强", date=D(2026, 7, 10), terms="cash", amount=6800, profit=1020, costs=30,
             paid=datetime.datetime(2026, 7, 16, 16, 20), only=True),
        dict(agent="李雷", date=D(2026, 5, 12), terms="cash", amount=18000, profit=1440, costs=120,
             paid=datetime.datetime(2026, 5, 13, 9, 5), note="清库存，低毛利"),
        dict(agent="韩梅梅", date=D(2026, 6, 8), terms="net30", amount=36000, profit=7200, costs=210,
             paid=datetime.datetime(2026, 7, 28, 14, 0)),
        dict(agent="王芳", date=D(2026, 8, 3), terms="net90", amount=25000, profit=8000, costs=90,
             paid=datetime.datetime(2026, 8, 20, 11, 30)),
        dict(agent="李雷", date=D(2026, 9, 7), terms="net60", amount=50000, profit=8500, costs=260,
             paid=datetime.datetime(2026, 11, 10, 15, 45), approved=True, note="大客户，经理已批低毛利"),
        dict(agent="韩梅梅", date=D(2026, 10, 12), terms="net30", amount=20000, profit=6600, costs=80,
             paid=datetime.datetime(2026, 11, 9, 10, 10)),
        dict(agent="韩梅梅", date=D(2026, 5, 20), terms="cash", amount=12000, profit=360, costs=60,
             paid=datetime.datetime(2026, 5, 21, 17, 0), note="拒单：毛利低于5%"),
        dict(agent="王芳", date=D(2026, 10, 14), terms="net60", amount=15000, profit=1800, costs=70,
             paid=datetime.datetime(2026, 12, 10, 9, 40), approved=False),
    ]


def counted(o):
    margin = o["profit"] / o["amount"]
    if o["terms"] == "cash":
        return margin >= 0.10
    minimum = {"net30": 0.15, "net60": 0.20, "net90": 0.30}[o["terms"]]
    return margin >= minimum or o.get("approved", False)


def orders():
    """All orders, sorted by order number, with plain values (dates, integers)."""
    rng = random.Random(20260401)
    specials = special()
    out = []
    for month in range(4, 13):
        for agent in AGENTS:
            target = SALES[agent][month - 1]
            if target == 0:
                continue
            mine = [o for o in specials if o["agent"] == agent and o["date"].month == month]
            month_orders = list(mine)
            if not any(o.get("only") for o in mine):
                covered = sum(o["amount"] for o in mine if counted(o))
                goal = target * rng.uniform(0.55, 0.85)
                lo, hi = SIZE[agent]
                while True:
                    amount = rng.randrange(lo, hi) // 10 * 10
                    if covered + amount > goal:
                        break
                    covered += amount
                    month_orders.append(ordinary(rng, agent, month, amount))
            out += month_orders
    out.sort(key=lambda o: (o["date"], AGENTS[o["agent"]], -o["amount"]))
    seq = 10000
    for o in out:
        seq += 1 + (rng.randrange(40) if o["date"].day % 3 else rng.randrange(7))
        o["id"] = o["date"].strftime("%Y%m%d") + f"{seq:05d}"
    return out


def ordinary(rng, agent, month, amount):
    while True:
        day = D(2026, month, rng.randrange(1, 29))
        if day.weekday() < 5:
            break
    terms = rng.choices(["cash", "net30", "net60", "net90"], weights=[50, 25, 15, 10])[0]
    lo, hi = MARGIN[terms]
    profit = int(amount * rng.uniform(lo, hi))
    o = dict(agent=agent, date=day, terms=terms, amount=amount, profit=profit,
             costs=int(amount * rng.uniform(0.002, 0.008)))
    hour, minute = rng.randrange(9, 18), rng.randrange(60)
    if terms == "cash":
        paid = day + datetime.timedelta(days=rng.choice([0, 0, 1]))
    else:
        paid = day + datetime.timedelta(days=TERM_DAYS[terms] + rng.randrange(-25, 11))
    if paid <= YEAR_END:
        o["paid"] = datetime.datetime(paid.year, paid.month, paid.day, hour, minute)
    return o


def money(v):
    return f"{v:,.2f}"


def csv_text(rows=None):
    """The export as text (without the byte-order mark)."""
    rows = orders() if rows is None else rows
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADER)
    for o in rows:
        w.writerow([
            f'="{o["id"]}"', AGENTS[o["agent"]], f'{o["date"].year}/{o["date"].month}/{o["date"].day}', o["terms"],
            money(o["amount"]), money(o["profit"]), money(o["costs"]),
            f'{o["paid"].year}/{o["paid"].month}/{o["paid"].day} {o["paid"].hour}:{o["paid"].minute:02d}' if "paid" in o else "",
            {True: "是", False: "否"}.get(o.get("approved"), ""),
            f'{o["written_off"].year}/{o["written_off"].month}/{o["written_off"].day}' if "written_off" in o else "",
            money(o["resale"]) if "resale" in o else "",
            o.get("note", ""),
        ])
    return buf.getvalue()


def scenario_records(rows=None):
    """The orders as the scenario file stores them (what payplan's save writes)."""
    rows = orders() if rows is None else rows
    recs = []
    for o in rows:
        f = {"terms": o["terms"], "amount": str(o["amount"]), "profit": str(o["profit"]), "costs": str(o["costs"])}
        if "paid" in o: f["paid"] = o["paid"].date().isoformat()
        if "approved" in o: f["approved"] = "yes" if o["approved"] else "no"
        if "written_off" in o: f["written_off"] = o["written_off"].isoformat()
        if "resale" in o: f["resale"] = str(o["resale"])
        recs.append({"id": o["id"], "agent": o["agent"], "date": o["date"].isoformat(), "fields": f})
    return recs


def counted_by_month(rows=None):
    """Agent → month → the amount of counted orders (what the sales input is lowered by)."""
    rows = orders() if rows is None else rows
    out = {}
    for o in rows:
        if counted(o):
            m = out.setdefault(o["agent"], {})
            m[o["date"].month] = m.get(o["date"].month, 0) + o["amount"]
    return out


if __name__ == "__main__":
    root = pathlib.Path(__file__).resolve().parent.parent
    path = root / "electronics-orders.csv"
    path.write_text("\ufeff" + csv_text(), encoding="utf-8", newline="")
    print("wrote", path, len(orders()), "orders")
