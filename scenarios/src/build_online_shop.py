"""Writes scenarios/shop-orders-2026-03.csv and scenarios/online-shop-cs.json (plan A).

Run from the repository root: python3 scenarios/src/build_online_shop.py
Deterministic: the same files every run. Everything is invented: a small Taobao shop
selling tea and teaware, four sales customer-service agents CS01–CS04 and one after-sales
agent AS01. The CSV is the shop's March order export as Taobao writes it on Chinese Windows
(GB18030, order numbers as ="…", full-width commas in statuses, stray spaces in headers);
the JSON holds the plan, the agents, March's customer-service figures and the same orders
credited by the seller note (rule A2, first sales agent named), in exactly the form `save` writes.
"""
import csv, io, json, pathlib, random, re

root = pathlib.Path(__file__).resolve().parent.parent
plan = (root / "src" / "online-shop-cs.plan").read_text(encoding="utf-8").rstrip("\n").split("\n")
rng = random.Random(20260331)

agents = [
    {"name": "小美", "id": "CS01", "role": "sales", "hired": "2024-05-06", "attributes": {"rotation": "1", "home_account": "0"}},
    {"name": "阿杰", "id": "CS02", "role": "sales", "hired": "2024-09-02", "attributes": {"rotation": "2", "home_account": "1"}},
    {"name": "小雨", "id": "CS03", "role": "sales", "hired": "2025-03-10", "attributes": {"rotation": "3", "home_account": "2"}},
    {"name": "大伟", "id": "CS04", "role": "sales", "hired": "2026-03-02", "attributes": {"rotation": "4", "home_account": "3"}},
    {"name": "老周", "id": "AS01", "role": "after-sales", "hired": "2023-11-01"},
]
by_id = {a["id"]: a for a in agents}
# Orders in March per sales agent, and silent orders (闷拍).
counts = {"CS01": 95, "CS02": 70, "CS03": 55, "CS04": 35, None: 45}
products = [("明前龙井 250g 礼盒装", 268), ("安吉白茶 100g", 128), ("正山小种 红茶 200g", 96), ("紫砂壶 西施壶 手工", 588),
            ("玻璃公道杯 加厚", 39), ("普洱熟茶 357g 饼", 159), ("铁观音 浓香型 500g", 218), ("旅行茶具套装 便携", 149),
            ("白瓷盖碗 三才碗", 59), ("茶盘 实木 排水式", 329), ("金骏眉 特级 罐装", 398), ("茶宠 小金蟾", 35)]
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
given = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英"

def note_for(cs, i):
    """A seller note in the house format 内容—客服—时间, appended over time."""
    if cs is None:
        return rng.choice(["", "", "", "", "送小样", "顺丰包邮—老周—3/{}".format(rng.randint(3, 28))]) if i % 9 else "CS07 成交"
    day, hh, mm = rng.randint(2 if cs == "CS04" else 1, 28), rng.randint(9, 22), rng.randint(0, 59)
    kind = i % 23
    if kind == 3: return f"{cs};{cs}"                                   # the same ID twice
    if kind == 7: return f"{cs} 成交;改地址—AS01—3/{day + 1} {hh}:{mm:02d}"   # after-sales appended later
    if kind == 11 and cs != "CS04": return f"已核对地址—{cs}—3/{day} {hh}:{mm:02d};改规格—CS04—3/{day + 1} 10:{mm:02d}"  # conflict
    return rng.choice([cs, f"{cs} 已核对地址", f"已核对地址—{cs}—3/{day} {hh}:{mm:02d}", f"送赠品—{cs}—3/{day} {hh}:{mm:02d}",
                       f"{cs.lower()} 催付后付款"])

def credit(note):
    """Rule A2 as the scenario sets it: the first sales agent's ID, as a whole token."""
    for tok in re.findall(r"[A-Za-z0-9]+", note):
        a = by_id.get(tok.upper())
        if a and a["role"] == "sales":
            return a["name"]
    return None

def money(x):
    return f"{x:.2f}"

rows, orders = [], []
seq = 0
for cs, n in counts.items():
    for i in range(n):
        seq += 1
        title, price = rng.choice(products)
        qty = 1 if price > 200 else rng.choice([1, 1, 1, 2, 3])
        goods = price * qty
        postage = 0 if goods >= 99 else 8
        discount = rng.choice([0, 0, 0, 5, 10, 20]) if goods > 100 else 0
        paid = goods + postage - discount
        day = rng.randint(2 if cs == "CS04" else 1, 31)
        created = (day, rng.randint(8, 23), rng.randint(0, 59), rng.randint(0, 59))
        r = rng.random()
        status, refund, paid_time = "交易成功", 0.0, True
        if r < 0.05: status, paid_time = "等待买家付款", False
        elif r < 0.09: status, paid_time = "交易关闭", False                         # never paid
        elif r < 0.12: status, refund = "交易关闭", paid                             # refunded in full
        elif r < 0.18: refund = round(paid * rng.choice([0.3, 0.5]), 1)             # part refunded
        elif r < 0.30: status = "卖家已发货，等待买家确认"
        elif r < 0.36: status = "买家已付款，等待卖家发货"
        oid = f"2026031{seq:03d}{rng.randint(100000000, 999999999)}"
        note = note_for(cs, i)
        d, h, m, s = created
        pay_min = m + rng.randint(0, 3) if paid_time else None
        ctext = f"2026-03-{d:02d} {h:02d}:{m:02d}:{s:02d}" if seq % 3 else f"2026/3/{d} {h}:{m:02d}"
        ptext = "" if not paid_time else (f"2026-03-{d:02d} {h:02d}:{min(pay_min, 59):02d}:{s:02d}" if seq % 3 else f"2026/3/{d} {h}:{min(pay_min, 59):02d}")
        actual = paid if paid_time else 0.0
        amount_text = money(actual) if seq % 17 else f"¥{actual:,.2f}"
        buyer = "tb" + str(rng.randint(10000000, 99999999)) if seq % 4 else rng.choice(["茶友", "小鹿", "阿木", "清风", "一叶"]) + str(rng.randint(10, 999))
        rows.append({
            "订单编号": f'="{oid}"', "买家会员名": buyer, "买家应付货款": money(goods), "买家应付邮费": money(postage),
            "总金额": money(goods + postage), "买家实际支付金额": amount_text, "订单状态": status,
            "买家留言": rng.choice(["", "", "", "请尽快发货", "不要放快递柜"]),
            "收货人姓名": rng.choice(surnames) + rng.choice(given) + (rng.choice(given) if seq % 2 else ""),
            "订单创建时间": ctext, "订单付款时间": ptext, "宝贝标题": title, "宝贝总数量": str(qty),
            "订单备注": note, "退款金额": money(refund), "订单关闭原因": ("买家未付款" if status == "交易关闭" and not paid_time else
                                                                     "退款" if status == "交易关闭" else ""),
        })
        fields = {"amount": f"{actual:.2f}".rstrip("0").rstrip("."), "status": status}
        if buyer: fields["buyer"] = buyer
        if note: fields["note"] = note
        if refund: fields["refund"] = f"{refund:.2f}".rstrip("0").rstrip(".")
        o = {"date": f"2026-03-{d:02d}", "fields": fields, "id": oid}
        who = credit(note)
        if who: o["agent"] = who
        orders.append(o)

# The CSV, as the shop's export writes it: stray spaces in some headers, CRLF, GB18030.
header = list(rows[0].keys())
written = [h + " " if h in ("订单状态", "订单备注") else (" " + h if h == "买家会员名" else h) for h in header]
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(written)
for r in rows:
    w.writerow([r[h] for h in header])
(root / "shop-orders-2026-03.csv").write_bytes(buf.getvalue().encode("gb18030"))

orders.sort(key=lambda o: o["id"])
inputs = {
    # 询单人数, 最终付款人数, first and average response (seconds), after-sales cost, account staffed.
    "小美": {"inquiries": "140", "buyers": "88", "first_response": "12", "avg_response": "45", "after_sales_cost": "150", "account": "0"},
    "阿杰": {"inquiries": "118", "buyers": "66", "first_response": "28", "avg_response": "95", "after_sales_cost": "260", "account": "1"},
    "小雨": {"inquiries": "74", "buyers": "52", "first_response": "19", "avg_response": "60", "after_sales_cost": "0", "account": "2"},
    "大伟": {"inquiries": "72", "buyers": "33", "first_response": "41", "avg_response": "210", "after_sales_cost": "120", "account": "3"},
}
doc = {
    "format": "payplan-scenario",
    "version": 1,
    "name": "online-shop-cs",
    "description": "Plan A (documents 1 and 5): customer service of a small Taobao tea shop, March 2026. Four sales agents CS01–CS04 (大伟 joins on 2026-03-02 and is assessed over March) and one after-sales agent AS01. Orders are the March export scenarios/shop-orders-2026-03.csv credited by the seller note. Invented figures; base 3000 and commission 1% are defaults the documents do not give.",
    "years": "2026",
    "plan": plan,
    "agents": agents,
    "inputs": {n: {k: {"2026-03": v} for k, v in d.items() if v != "0" or k == "account"} for n, d in inputs.items()},
    "team_inputs": {"main_inquiries": {"2026-03": "140"}, "sub1_inquiries": {"2026-03": "118"},
                    "sub2_inquiries": {"2026-03": "74"}, "sub3_inquiries": {"2026-03": "72"}},
    "orders": orders,
}
out = root / "online-shop-cs.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True, separators=(",", " : ")) + "\n", encoding="utf-8")
print("wrote", out, "and", root / "shop-orders-2026-03.csv", f"({len(rows)} orders)")
