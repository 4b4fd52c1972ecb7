"""Writes scenarios/electronics-sales.json from electronics-sales.plan and fixed sample figures.

Run from the repository root: python3 scenarios/src/build_electronics.py
The figures are invented but realistic for a small electronics trading company.
"""
import json, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root / "src"))
import electronics_orders  # the sample orders, also written to scenarios/electronics-orders.csv
plan = (root / "src" / "electronics-sales.plan").read_text(encoding="utf-8").rstrip("\n").split("\n")

agents = [
    {"name": "李雷", "id": "S01", "role": "sales", "hired": "2023-03-01", "base": "3000"},
    {"name": "韩梅梅", "id": "S02", "role": "sales", "hired": "2021-09-01", "base": "3000"},
    {"name": "王芳", "id": "S03", "role": "sales", "hired": "2025-02-10", "base": "3000"},
    {"name": "赵强", "id": "S04", "role": "sales", "hired": "2026-04-01", "base": "3000"},
]
sales = {
    "李雷":   [62000, 48000, 120000, 95000, 134000, 88000, 72000, 156000, 99000, 110000, 143000, 210000],
    "韩梅梅": [185000, 160000, 240000, 205000, 310000, 198000, 176000, 222000, 265000, 190000, 248000, 330000],
    "王芳":   [28000, 35000, 41000, 38500, 52000, 46000, 39000, 61000, 44000, 57000, 48000, 66000],
    "赵强":   [0, 0, 0, 0, 12000, 26000, 34000, 45000, 30000, 52000, 41000, 58000],
}
expenses = {
    "李雷":   [300, 450, 900, 600, 1200, 500, 400, 1300, 700, 800, 1100, 1500],
    "韩梅梅": [1500, 1200, 2000, 1800, 2600, 3100, 1400, 2000, 2500, 1700, 2200, 2900],
    "王芳":   [200, 300, 350, 500, 400, 300, 250, 700, 300, 450, 600, 500],
    "赵强":   [0, 0, 0, 0, 100, 200, 300, 300, 250, 600, 300, 400],
}
# From April the orders are itemised: the monthly sales input keeps what the counted orders do not cover
# (counter sales), so every month's revenue R is the same as before.
order_rows = electronics_orders.orders()
for name, months in electronics_orders.counted_by_month(order_rows).items():
    for m, amount in months.items():
        assert 0 < amount < sales[name][m - 1], (name, m)
        sales[name][m - 1] -= amount
inputs = {}
for a in agents:
    n = a["name"]
    s = {f"2026-{m+1:02d}": str(v) for m, v in enumerate(sales[n]) if not (n == "赵强" and m < 3)}
    e = {f"2026-{m+1:02d}": str(v) for m, v in enumerate(expenses[n]) if v}
    inputs[n] = {"sales": s, "expenses": e}

doc = {
    "format": "payplan-scenario",
    "version": 1,
    "name": "electronics-sales",
    "description": "Plan C (document 3): four salespeople of an electronics trading company, 2026. 赵强 joins on 2026-04-01 and is on probation April–June.",
    "years": "2026",
    "plan": plan,
    "agents": agents,
    "inputs": inputs,
    "orders": electronics_orders.scenario_records(order_rows),
    "import_maps": {"electronics": electronics_orders.MAPPING},
}
out = root / "electronics-sales.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True, separators=(",", " : ")) + "\n", encoding="utf-8")
print("wrote", out)
