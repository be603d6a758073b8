"""Words that say what a figure measures: metric cues, growth and decline, and what is not a signal.

Data only (the matcher is :mod:`.matcher`). "Negative" words (inflation, price, employees...) mark a
number as something other than a platform figure; market-total phrases mark a whole market's figure.
"""

from __future__ import annotations

METRICS: list[tuple[str, list[str]]] = [
    ("gmv", ["قيمة ما تسوقه", "قيمة ما يتسوقه", "إجمالي قيمة البضائع", "قيمة البضائع",
             "قيمة البضائع المباعة", "إجمالي قيمة المبيعات", "قيمة المبيعات", "حجم المبيعات",
             "المبيعات", "مبيعات", "مبيعاتها", "مبيعاته", "مبيعاتنا", "قيمة المعاملات", "قيمة الطلبات",
             "حجم التجارة", "GMV", "gross merchandise value", "gross merchandise volume",
             "merchandise value", "sales", "gross sales", "e-commerce sales", "total sales",
             "transaction value", "shopping sales", "of goods", "worth of goods", "of merchandise",
             "merchandise volume", "gross merchandise", "إجمالي قيمة البضائع المباعة",
             "القيمة الإجمالية للبضائع", "القيمة الإجمالية للبضائع المباعة", "القيمة الإجمالية للمبيعات",
             "قيمة إجمالية للبضائع", "قيمة إجمالية للبضائع المباعة", "قيمة إجمالية للمبيعات",
             # also share cues after a percent ("52% of merchandise volume"); after money they are GMV
             "of merchandise volume", "of the merchandise", "of gross merchandise value", "of GMV", "of sales",
             "of online sales", "GMS", "gross merchandise sales", "GOV", "gross order value", "gross order volume",
             "goods sold", "merchandise sold"]),
    ("revenue", ["إيرادات", "الإيرادات", "إيراداتها", "إيراداته", "إيراداتنا", "عائدات", "العائدات", "عائداتها",
                 "الإيرادات الإعلانية", "إيرادات الإعلانات", "مداخيل", "revenue", "revenues",
                 "turnover", "ad revenue", "advertising revenue", "sales revenue", "ad sales", "net sales",
                 "net revenue", "net revenues", "top line", "takings"]),
    ("average_order_value", ["متوسط قيمة الطلب", "متوسط قيمة طلب", "متوسط قيمة الطلبات",
                             "متوسط قيمة السلة", "متوسط السلة", "قيمة السلة", "متوسط قيمة سلة",
                             "متوسط قيمة سلة المشتريات", "سلة المشتريات", "متوسط سلة المشتريات", "متوسط الإنفاق",
                             "متوسط قيمة الشراء", "متوسط الطلب", "متوسط قيمة المشتريات",
                             "average order value", "AOV", "average basket", "average basket size",
                             "basket size", "average order", "average spend", "average transaction value", "per order",
                             "an order", "average ticket", "average bill", "للطلب الواحد", "متوسط الفاتورة",
                             "قيمة الطلب", "متوسط قيمة الفاتورة", "سلة الشراء", "متوسط سلة الشراء",
                             "متوسط السلة الشرائية", "متوسط قيمة سلة الشراء"]),
    ("conversion_rate", ["معدل التحويل", "معدلات التحويل", "معدل تحويل", "نسبة التحويل",
                         "conversion rate", "conversion rates", "conversion", "convert", "converts",
                         "go on to buy", "go on to purchase", "end up buying", "make a purchase",
                         "complete a purchase", "buy at a rate", "purchase rate", "bought something", "buy something",
                         "bought", "purchased", "made a purchase", "end up purchasing", "go on to shop",
                         "end in a purchase", "ended in a purchase", "ends in a purchase", "end in purchases",
                         "يشترون", "اشتروا",
                         "ينتهون إلى شراء", "ينتهي إلى شراء", "ينتهون بالشراء", "ينتهي بالشراء",
                         "يتمون عملية شراء", "أتموا عملية شراء",
                         # "one in five viewers ... ends up placing an order"
                         "placing an order", "place an order", "places an order", "placed an order"]),
    ("engagement_rate", ["معدل التفاعل", "معدلات التفاعل", "نسبة التفاعل", "معدل المشاركة",
                         "engagement rate", "engagement",
                         # "one in five viewers taps the product card", "ends with a click through to a retailer"
                         "taps the", "tap the", "click-through rate",
                         "interact with", "interacts with", "engage with", "engages with"]),
    ("market_share", ["حصة", "حصتها", "حصته", "حصتنا", "الحصة السوقية", "حصة سوقية", "حصتها السوقية",
                      "حصة السوق", "من سوق", "من السوق", "market share", "share of", "share",
                      "of the market", "held", "holds", "hold", "controls", "controlled", "commands",
                      "captured", "slice", "تستحوذ", "يستحوذ", "استحوذت", "تسيطر", "يسيطر", "سيطرت",
                      "accounted for", "accounts for", "account for", "of merchandise volume",
                      "of the merchandise", "of gross merchandise value", "of GMV", "of online retail",
                      "of online sales", "of sales", "of all", "of e-commerce", "of spending", "spent with",
                      "of the country's online", "of the country's e-commerce", "of the country's retail",
                      "of the country's online retail", "of the nation's online", "of the region's online",
                      "of social-commerce", "of social commerce", "of transactions",
                      # "one in four naira spent online": a share of spending
                      *(f"{money} spent" for money in ["naira", "dollars", "pesos", "riyals", "dirhams", "rupees",
                                                        "rand", "pounds", "euros", "shillings", "ringgit", "baht",
                                                        "reais", "lira", "dinars", "yuan"]),
                      "spend with", "من إجمالي", "من اجمالي", "انتزعت", "انتزع", "تستأثر", "يستأثر",
                      "استحوذ", "سيطر", "استأثر", "استأثرت", "من الإنفاق", "من إنفاق",
                      # "sales split as follows: Zalando (40%), ...": how a market's total divides
                      "split as follows", "split between", "split among", "divided between", "divided among"]),
    ("active_users", ["مستخدم نشط", "مستخدمين نشطين", "المستخدمين النشطين", "مستخدميها النشطين",
                      "مستخدميه النشطين", "مستخدمينا", "مستخدمونا", "مستخدم", "مستخدمين", "المستخدمين", "مستخدميها",
                      "مستخدمي", "مستخدمون", "مستخدما", "عدد المستخدمين", "active users", "monthly active users",
                      "daily active users", "users", "MAU", "MAUs", "DAU", "DAUs", "user base", "used by",
                      "recipients", "active recipients", "monthly active recipients", "active buyers", "buyers",
                      "active customers", "active consumers", "يستخدمه", "يستخدمها", "customer base",
                      "active customer base", "transacting users", "annual transacting users",
                      "عميل نشط", "عملاء نشطين", "العملاء النشطين", "عملائها النشطين",
                      "عملائنا النشطين", "active shoppers", "monthly active shoppers", "active accounts",
                      "المشترين النشطين", "are active", "were active", "active each month",
                      "مشترين نشطين", "مشتر نشط", "المتسوقين النشطين",
                      "متسوق نشط", "متسوقين نشطين", "monthly audience", "daily audience"]),
    ("sellers", ["الحسابات التجارية", "حسابات تجارية", "business accounts", "بائع", "بائعين", "بائعا", "البائعين",
                 "تاجر", "تجار", "التجار", "تاجرا",
                 "تجارنا", "بائعينا", "sellers", "merchants", "seller base", "merchant base",
                 "vendors", "brands", "businesses", "المنشآت", "منشأة",
                 "منشآت",
                 "علامة تجارية"]),
    ("orders", ["طلب", "طلبات", "الطلبات", "طلباتنا", "طلبية", "طلبيات", "مشتريات", "المشتريات",
                "عدد المشتريات", "عملية شراء", "orders", "purchases"]),
    ("time_spent", ["يقضي", "يقضون", "تقضي", "قضى", "قضت", "time spent", "spend", "spends", "spent",
                    "مدة المشاهدة", "مدة الاستخدام", "وقت المشاهدة", "زمن المشاهدة", "watch time"]),
]
# A market's total named with its metric ("e-commerce GMV") still says what a platform's figure measures
# when the clause names that platform ("Douyin generated $300 billion in e-commerce GMV").
_FIELDS = ["e-commerce", "ecommerce", "social commerce", "live commerce", "online retail", "online shopping", "retail"]
METRICS += [("gmv", [f"{field} {noun}" for field in _FIELDS for noun in ("sales", "GMV")]),
            ("revenue", [f"{field} revenue" for field in _FIELDS])]
# "market" alone only decides when nothing stronger is near.
WEAK_METRICS: list[tuple[str, list[str]]] = [("market_share", ["market", "سوق", "السوق"])]

GROWTH_UP = ["بزيادة", "زيادة", "بارتفاع", "ارتفاع", "ارتفعت", "ارتفع", "يرتفع", "ترتفع", "زادت",
              "زاد", "نمو", "بنمو", "نموا", "نمت", "نما", "تنمو", "ينمو", "قفزت", "قفز", "بقفزة",
              "صعدت", "صعد", "معدل النمو", "نسبة النمو", "up", "grew", "grow", "grows", "growth",
              "rose", "rise", "rises", "risen", "increased", "increase", "increases", "jumped",
              "jump", "climbed", "surged", "gained", "expanded", "soared", "growth rate", "growing", "rising",
              "climbing", "expanding"]
GROWTH_DOWN = ["بانخفاض", "انخفاض", "انخفضت", "انخفض", "تراجع", "بتراجع", "تراجعت", "هبطت",
                "هبوط", "تقلص", "تقلصت", "down", "fell", "fall", "falls", "declined", "decline",
                "dropped", "drop", "decreased", "decrease", "shrank", "slipped", "shrinking", "shrink", "shrinks",
                "declining", "falling", "contracting", "contracted"]
# Phrasal verbs holding a growth word that are not growth ("made up 41% of sales").
NOT_GROWTH = ["made up", "make up", "makes up", "making up", "set up", "sets up", "signed up", "sign up", "signs up",
              "picked up", "pick up", "picks up", "show up", "shows up", "showed up", "end up", "ends up"]
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
             "تضخم", "معدل تضخم", "قدرت قيمتها", "قدرت قيمته", "سهمها", "سهمه", "أسهمه", "its shares", "fee",
             "fees", "platform fee", "threshold", "thresholds", "الربح", "ربح", "الأرباح", "أرباح", "أرباحها",
             "profit", "profits", "margin", "margins",
             "commission", "commissions", "take rate", "take rates", "رسم", "رسوم", "رسم التوصيل", "عمولة",
             "stake", "stakes", "equity stake", "مقابل حصة", "دفعت", "paid", "pays", "cost", "net debt",
             "price target", "target price", "سعر مستهدف", "population", "inhabitants", "نسمة", "سكان", "السكان",
             "jobs",
             "وظيفة", "وظائف", "متر مربع", "square metres", "square meters", "square feet",
             # profit and loss lines, per-customer averages and payouts are not platform figures
             "EBITDA", "adjusted EBITDA", "loss", "losses", "net loss", "operating loss", "profit", "net profit",
             "operating profit", "gross profit", "net income", "margin", "margins", "revenue per", "per share",
             "dividend", "buyback", "repurchase", "أرباح", "خسائر", "صافي الربح", "هامش", "registered users",
             "registered accounts", "downloads", "cost of goods sold", "مستخدم مسجل", "مستخدمين مسجلين",
             "إعادة شراء", "إعادة شراء أسهم"]

# A survey's or a check's sample: the count of people or merchants asked is not a platform figure (a
# percent or an amount they report still is).
SAMPLE = ["surveyed", "survey of", "polled", "respondents", "شمل", "شملت", "شملهم", "شملها", "عينة", "مشارك",
          "مشاركا", "channel checks", "checks with", "مسح", "مسحنا", "استطلاع", "أجريناه", "أجريناها",
          "interviews with", "interviewed", "a sample of", "مستجيب", "مستجيبا", "of respondents", "of those surveyed",
          "of shoppers surveyed", "of people surveyed", "of consumers surveyed",
          # "1,200 residents, 68 per cent of whom said", "6% of US adults bought": a population's answer or habit
          "of whom", "adults", "households", "residents"]

# Whole-market figures ("Indonesia's e-commerce GMV", «حجم سوق التجارة الإلكترونية»): a figure in their
# scope belongs to no platform unless the clause names one that is not merely the speaker.
MARKET_TOTAL = [f"{field} {noun}" for field in _FIELDS
                for noun in ["sales", "GMV", "market", "spending", "revenue"]] + [
    "the broader market", "the wider market", "the overall market", "market size", "the industry",
    "all platforms", "سوق التجارة الإلكترونية", "مبيعات التجارة الإلكترونية", "قطاع التجارة الإلكترونية",
    "حجم سوق", "حجم السوق", "جميع المنصات", "جميع منصات", "كل المنصات", "متوسط السوق", "market average",
    "industry average", "the four platforms", "the three platforms", "the five platforms", "the top platforms",
    "the biggest platforms", "the largest platforms", "the platforms combined", "combined sales",
    "إجمالي الإنفاق", "الإنفاق على الإعلانات", "الإنفاق الإعلاني", "ad spend", "ad spending", "advertising spend",
    "advertising spending", "digital ad spending"]

DAILY = ["يوميا", "يومي", "اليومي", "اليومية", "في اليوم", "كل يوم", "a day", "per day", "daily", "each day",
         "every day"]
QUAL_VERB = ["تجاوز", "يتجاوز", "تتجاوز", "تجاوزت", "يفوق", "تفوق", "فاق", "فاقت", "يزيد", "تزيد",
              "تخطى", "تخطت", "يتخطى", "تتخطى",
              "exceeded", "exceeds", "exceed", "topped", "tops", "surpassed", "surpasses", "surpass", "passed",
              "passes", "pass", "crossed", "crosses", "cross", "أن يتجاوز", "أن تتجاوز", "أن يفوق", "أن تفوق",
              "أن يتخطى", "أن تتخطى", "clearing", "clears", "cleared", "beyond"]
