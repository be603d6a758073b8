"""Words that say what a figure measures: metric cues, growth and decline, and what is not a signal.

Data only (the matcher is :mod:`.matcher`). "Negative" words (inflation, price, employees...) mark a
number as something other than a platform figure; market-total phrases mark a whole market's figure.
"""

from __future__ import annotations

METRICS: list[tuple[str, list[str]]] = [
    ("gmv", ["قيمة ما تسوقه", "قيمة ما يتسوقه", "إجمالي قيمة البضائع", "قيمة البضائع",
             "قيمة البضائع المباعة", "إجمالي قيمة المبيعات", "قيمة المبيعات", "حجم المبيعات",
             "المبيعات", "مبيعات", "مبيعاتها", "مبيعاته", "قيمة المعاملات", "قيمة الطلبات",
             "حجم التجارة", "GMV", "gross merchandise value", "gross merchandise volume",
             "merchandise value", "sales", "gross sales", "e-commerce sales", "total sales",
             "transaction value", "shopping sales", "of goods", "worth of goods", "of merchandise"]),
    ("revenue", ["إيرادات", "الإيرادات", "إيراداتها", "إيراداته", "عائدات", "العائدات", "عائداتها",
                 "الإيرادات الإعلانية", "إيرادات الإعلانات", "مداخيل", "revenue", "revenues",
                 "turnover", "ad revenue", "advertising revenue", "sales revenue", "ad sales"]),
    ("average_order_value", ["متوسط قيمة الطلب", "متوسط قيمة طلب", "متوسط قيمة الطلبات",
                             "متوسط قيمة السلة", "متوسط السلة", "قيمة السلة", "متوسط قيمة سلة",
                             "متوسط قيمة سلة المشتريات", "سلة المشتريات", "متوسط سلة المشتريات", "متوسط الإنفاق",
                             "متوسط قيمة الشراء", "متوسط الطلب", "متوسط قيمة المشتريات",
                             "average order value", "AOV", "average basket", "average basket size",
                             "basket size", "average order", "average spend", "average transaction value"]),
    ("conversion_rate", ["معدل التحويل", "معدلات التحويل", "معدل تحويل", "نسبة التحويل",
                         "conversion rate", "conversion rates", "conversion", "convert", "converts",
                         "go on to buy", "go on to purchase", "end up buying", "make a purchase",
                         "complete a purchase", "buy at a rate", "purchase rate"]),
    ("engagement_rate", ["معدل التفاعل", "معدلات التفاعل", "نسبة التفاعل", "معدل المشاركة",
                         "engagement rate", "engagement"]),
    ("market_share", ["حصة", "حصتها", "حصته", "الحصة السوقية", "حصة سوقية", "حصتها السوقية",
                      "حصة السوق", "من سوق", "من السوق", "market share", "share of", "share",
                      "of the market", "held", "holds", "hold", "controls", "controlled", "commands",
                      "captured", "slice", "تستحوذ", "يستحوذ", "استحوذت", "تسيطر", "يسيطر", "سيطرت"]),
    ("active_users", ["مستخدم نشط", "مستخدمين نشطين", "المستخدمين النشطين", "مستخدميها النشطين",
                      "مستخدميه النشطين", "مستخدم", "مستخدمين", "المستخدمين", "مستخدميها",
                      "مستخدمون", "مستخدما", "عدد المستخدمين", "active users", "monthly active users",
                      "daily active users", "users", "MAU", "MAUs", "DAU", "DAUs", "user base", "used by",
                      "recipients", "active recipients", "monthly active recipients", "active buyers",
                      "active customers", "active consumers", "يستخدمه", "يستخدمها"]),
    ("sellers", ["بائع", "بائعين", "بائعا", "البائعين", "تاجر", "تجار", "التجار", "تاجرا",
                 "sellers", "merchants", "vendors"]),
    ("orders", ["طلب", "طلبات", "الطلبات", "طلبية", "طلبيات", "مشتريات", "المشتريات",
                "عدد المشتريات", "عملية شراء", "orders", "purchases"]),
    ("time_spent", ["يقضي", "يقضون", "تقضي", "قضى", "قضت", "time spent", "spend", "spends", "spent"]),
]
# "market" alone only decides when nothing stronger is near.
WEAK_METRICS: list[tuple[str, list[str]]] = [("market_share", ["market", "سوق", "السوق"])]

GROWTH_UP = ["بزيادة", "زيادة", "بارتفاع", "ارتفاع", "ارتفعت", "ارتفع", "يرتفع", "ترتفع", "زادت",
              "زاد", "نمو", "بنمو", "نموا", "نمت", "نما", "تنمو", "ينمو", "قفزت", "قفز", "بقفزة",
              "صعدت", "صعد", "معدل النمو", "نسبة النمو", "up", "grew", "grow", "grows", "growth",
              "rose", "rise", "rises", "risen", "increased", "increase", "increases", "jumped",
              "jump", "climbed", "surged", "gained", "expanded", "soared", "growth rate"]
GROWTH_DOWN = ["بانخفاض", "انخفاض", "انخفضت", "انخفض", "تراجع", "بتراجع", "تراجعت", "هبطت",
                "هبوط", "تقلص", "تقلصت", "down", "fell", "fall", "falls", "declined", "decline",
                "dropped", "drop", "decreased", "decrease", "shrank", "slipped"]
LEVEL = ["up to", "rose to", "grew to", "increased to", "jumped to", "climbed to", "fell to"]

NEGATIVE = ["التضخم", "معدل التضخم", "inflation", "الفائدة", "أسعار الفائدة", "سعر الفائدة",
             "interest rate", "interest rates", "البطالة", "unemployment", "أسهم", "أسهمها", "سهم",
             "shares", "stock", "share price", "valued at", "valuation", "تقييم", "تقييمها",
             "القيمة السوقية", "قيمتها السوقية", "market value", "market capitalisation",
             "market capitalization", "market cap", "موظف", "موظفا", "موظفين", "employees", "employs",
             "staff", "workers", "سعر", "بسعر", "سعرها", "سعره", "أسعار", "price", "prices", "priced",
             "costs", "sell for", "sells for", "retail for", "cheapest", "هاتف", "phone",
             "عمرها", "عمره", "aged", "استحواذ", "استحواذها", "صفقة", "acquisition", "deal",
             "تمويل", "جولة تمويل", "funding", "raised", "نقطة أساس", "نقاط أساس", "basis points",
             "الناتج المحلي", "GDP", "ضريبة", "tax", "غرامة", "fined", "استثمار", "استثمارات",
             "investment", "خصم", "خصومات", "تخفيضات", "discount", "discounts", "قرض", "loan",
             "debt", "الدولار", "راتب", "salary", "tariff", "رسوم جمركية", "headcount", "عدد الموظفين",
             "start at", "starts at", "starting at", "starting from", "retails at", "sold for",
             "capital expenditure", "capital expenditures", "capex", "capital spending", "الإنفاق الرأسمالي",
             "surveyed", "survey of", "polled", "respondents", "شمل", "شملت", "عينة", "مشارك", "مشاركا"]

# Whole-market figures ("Indonesia's e-commerce GMV", «حجم سوق التجارة الإلكترونية»): a figure in their
# scope belongs to no platform unless the clause names one that is not merely the speaker.
MARKET_TOTAL = [f"{field} {noun}" for field in ["e-commerce", "ecommerce", "social commerce", "live commerce",
                                                 "online retail", "online shopping", "retail"]
                 for noun in ["sales", "GMV", "market", "spending", "revenue"]] + [
    "the broader market", "the wider market", "the overall market", "market size", "the industry",
    "all platforms", "سوق التجارة الإلكترونية", "مبيعات التجارة الإلكترونية", "قطاع التجارة الإلكترونية",
    "حجم سوق", "حجم السوق", "جميع المنصات", "جميع منصات", "كل المنصات"]

DAILY = ["يوميا", "يومي", "في اليوم", "كل يوم", "a day", "per day", "daily", "each day", "every day"]
QUAL_VERB = ["تجاوز", "يتجاوز", "تتجاوز", "تجاوزت", "يفوق", "تفوق", "فاق", "فاقت", "يزيد", "تزيد",
              "تخطى", "تخطت", "يتخطى", "تتخطى",
              "exceeded", "exceeds", "exceed", "topped", "tops", "surpassed", "surpasses", "surpass", "passed",
              "passes", "pass", "crossed", "crosses", "cross"]
