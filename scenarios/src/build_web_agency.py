"""Writes scenarios/web-agency.json from web-agency.plan and one month of sample deals.

Run from the repository root: python3 scenarios/src/build_web_agency.py
The deals are those of the worked checks in issue 6 (plan B, rules.md B1–B3), April 2026.
"""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
plan = (root / "src" / "web-agency.plan").read_text(encoding="utf-8").rstrip("\n").split("\n")

agents = [
    {"name": "甲", "id": "B01", "role": "sales", "hired": "2024-03-01"},
    {"name": "乙", "id": "B02", "role": "sales", "hired": "2024-09-16"},
    {"name": "丙", "id": "B03", "role": "sales", "hired": "2023-05-08"},
    {"name": "丁", "id": "B04", "role": "sales", "hired": "2025-07-01"},
]

# (agent, day of April, fields); IDs W01, W02, … in this order.
deals = [
    ("甲", 3, {"product": "standard", "price": "3500"}),
    ("甲", 9, {"product": "bilingual", "class": "D", "price": "5000"}),
    ("甲", 15, {"product": "nonstandard", "class": "D", "price": "3500"}),
    ("甲", 22, {"product": "design", "price": "3000", "profit": "1800"}),
    ("乙", 1, {"product": "standard", "price": "3300"}),
    ("乙", 8, {"product": "standard", "price": "3300"}),
    ("乙", 14, {"product": "standard", "price": "3300"}),
    ("乙", 21, {"product": "standard", "price": "3300"}),
    ("乙", 17, {"product": "mobile", "price": "1750"}),
    ("乙", 24, {"product": "seo", "price": "2000", "below_quote": "no"}),
    ("丙", 2, {"product": "standard", "price": "3500"}),
    ("丙", 7, {"product": "standard", "price": "3500"}),
    ("丙", 13, {"product": "standard", "price": "3500"}),
    ("丙", 20, {"product": "standard", "price": "3500"}),
    ("丙", 27, {"product": "standard", "price": "3500"}),
    ("丙", 23, {"product": "bilingual", "class": "A", "price": "8000"}),
    ("丁", 1, {"product": "standard", "price": "2500"}),
    ("丁", 3, {"product": "standard", "price": "2500"}),
    ("丁", 10, {"product": "standard", "price": "2500"}),
    ("丁", 16, {"product": "standard", "price": "2500"}),
    ("丁", 24, {"product": "standard", "price": "2500"}),
    ("丁", 29, {"product": "standard", "price": "2500"}),
    ("丁", 28, {"product": "vi", "price": "4000", "profit": "3000"}),
]
orders = [
    {"agent": agent, "date": f"2026-04-{day:02d}", "fields": fields, "id": f"W{i + 1:02d}"}
    for i, (agent, day, fields) in enumerate(deals)
]

doc = {
    "format": "payplan-scenario",
    "version": 1,
    "name": "web-agency",
    "description": "Plan B (document 2): four business staff of a web agency, their deals of April 2026 as orders.",
    "years": "2026",
    "plan": plan,
    "agents": agents,
    "inputs": {},
    "orders": orders,
}
out = root / "web-agency.json"
text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True, separators=(",", " : ")) + "\n"
# save writes an empty object over three lines; match it so that a saved copy diffs clean.
text = text.replace('"inputs" : {},', '"inputs" : {\n\n  },')
out.write_text(text, encoding="utf-8")
print("wrote", out)
