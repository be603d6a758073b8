"""Word lists in both languages, compiled into one linear-time matcher.

Why one matcher: every sentence is scanned once for every category (platforms, cues, regions,
sources...), and the phrases are merged into a character trie so the regex never tries hundreds
of alternatives at a position. Arabic entries are written in their natural spelling and folded
with the same normaliser as bodies; clitic prefixes (و ف ب ل ك) are matched by the pattern, and
``لل`` (ل + ال) gets its own variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .normalize import ascii_lower, fold

# --------------------------------------------------------------------------------------------
# Platforms and the companies that own them
# --------------------------------------------------------------------------------------------

PLATFORM_NAMES: dict[str, str] = {
    "tiktok": "TikTok",
    "douyin": "Douyin",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "meta": "Meta",
    "snapchat": "Snapchat",
    "x": "X",
    "youtube": "YouTube",
    "pinterest": "Pinterest",
    "whatsapp": "WhatsApp",
    "amazon": "Amazon",
    "shopee": "Shopee",
    "lazada": "Lazada",
    "tokopedia": "Tokopedia",
    "temu": "Temu",
    "shein": "Shein",
    "noon": "Noon",
    "qvc": "QVC",
    "kuaishou": "Kuaishou",
    "taobao": "Taobao",
    "alibaba": "Alibaba",
    "ebay": "eBay",
    "etsy": "Etsy",
    "walmart": "Walmart",
    "flipkart": "Flipkart",
    "jumia": "Jumia",
    "mercado_libre": "Mercado Libre",
    "telegram": "Telegram",
    "linkedin": "LinkedIn",
    "twitch": "Twitch",
}

_PLATFORMS: list[tuple[str, list[str]]] = [
    ("tiktok", ["تيك توك", "تيكتوك", "تك توك", "تيك توك شوب", "TikTok", "Tik Tok",
                "TikTok Shop", "TikTok Shopping", "Tiktok"]),
    ("douyin", ["دوين", "دويين", "دوي ين", "Douyin"]),
    ("facebook", ["فيسبوك", "فيس بوك", "الفيسبوك", "Facebook", "Facebook Marketplace"]),
    ("instagram", ["إنستغرام", "انستغرام", "إنستقرام", "انستقرام", "إنستجرام", "انستجرام", "انستا",
                   "Instagram", "Instagram Shopping"]),
    ("meta", ["ميتا", "ميتا بلاتفورمز", "Meta Platforms"]),
    ("snapchat", ["سناب شات", "سنابشات", "السناب شات", "السنابشات", "Snapchat"]),
    ("x", ["إكس", "تويتر", "Twitter"]),
    ("youtube", ["يوتيوب", "اليوتيوب", "YouTube", "YouTube Shopping", "Youtube"]),
    ("pinterest", ["بينترست", "بنترست", "بينتريست", "Pinterest"]),
    ("whatsapp", ["واتساب", "واتس اب", "واتس آب", "الواتساب", "واتساب بزنس", "WhatsApp",
                  "WhatsApp Business", "Whatsapp"]),
    ("amazon", ["أمازون", "Amazon", "Amazon.com"]),
    ("shopee", ["شوبي", "Shopee"]),
    ("lazada", ["لازادا", "Lazada"]),
    ("tokopedia", ["توكوبيديا", "Tokopedia"]),
    ("temu", ["تيمو", "Temu"]),
    ("shein", ["شي إن", "شي ان", "Shein"]),
    ("noon", ["نون"]),
    ("qvc", ["كيو في سي", "QVC"]),
    ("kuaishou", ["كوايشو", "كوايشو", "Kuaishou", "Kwai"]),
    ("taobao", ["تاوباو", "Taobao", "Tmall"]),
    ("alibaba", ["علي بابا", "Alibaba", "Alibaba Group"]),
    ("ebay", ["إيباي", "eBay"]),
    ("etsy", ["إتسي", "Etsy"]),
    ("walmart", ["وول مارت", "Walmart"]),
    ("flipkart", ["فليبكارت", "Flipkart"]),
    ("jumia", ["جوميا", "Jumia"]),
    ("mercado_libre", ["ميركادو ليبري", "Mercado Libre", "MercadoLibre"]),
    ("telegram", ["تيليغرام", "تلغرام", "Telegram"]),
    ("linkedin", ["لينكد إن", "LinkedIn"]),
    ("twitch", ["تويتش", "Twitch"]),
]
# Case-sensitive spellings: ordinary words in lower case ("noon", "meta", "snap").
_PLATFORMS_CS: list[tuple[str, list[str]]] = [
    ("noon", ["Noon", "NOON"]),
    ("meta", ["Meta", "META"]),
    ("x", ["X"]),
    ("shein", ["SHEIN"]),
]

# owner company -> (proper name, platform it owns)
_OWNERS: list[tuple[str, str, list[str]]] = [
    ("ByteDance", "tiktok", ["بايت دانس", "بايتدانس", "ByteDance", "Bytedance"]),
    ("Snap", "snapchat", ["سناب", "Snap Inc", "Snap Inc."]),
    ("Alphabet", "youtube", ["ألفابت", "Alphabet"]),
    ("Google", "youtube", ["غوغل", "جوجل", "قوقل", "Google"]),
    ("Sea Limited", "shopee", ["سي ليمتد", "Sea Limited", "Sea Ltd", "Sea Group"]),
    ("PDD Holdings", "temu", ["بي دي دي", "PDD Holdings", "PDD"]),
    ("Qurate Retail", "qvc", ["كيورات", "كيوريت", "Qurate Retail", "Qurate"]),
    ("X Corp", "x", ["X Corp", "X Corp."]),
    ("Meta", "meta", ["Meta Platforms Inc"]),
]
_OWNERS_CS: list[tuple[str, str, list[str]]] = [("Snap", "snapchat", ["Snap"])]

# Well-known sources written in Arabic script -> their Latin name.
_ORGS: list[tuple[str, list[str]]] = [
    ("Bloomberg", ["بلومبرغ", "بلومبيرغ", "بلومبرج", "بلومبيرج"]),
    ("Reuters", ["رويترز"]),
    ("Financial Times", ["فايننشال تايمز", "فاينانشال تايمز"]),
    ("Wall Street Journal", ["وول ستريت جورنال"]),
    ("CNBC", ["سي إن بي سي"]),
    ("Statista", ["ستاتيستا"]),
    ("Sensor Tower", ["سينسور تاور", "سنسور تاور"]),
    ("data.ai", ["داتا إيه آي"]),
    ("Momentum Works", ["مومنتم وركس"]),
    ("eMarketer", ["إي ماركتر", "إي ماركيتر", "اي ماركتر"]),
    ("Insider Intelligence", ["إنسايدر إنتليجنس"]),
    ("Kantar", ["كانتار"]),
    ("Nielsen", ["نيلسن", "نيلسون"]),
    ("McKinsey", ["ماكنزي", "ماكينزي"]),
    ("Goldman Sachs", ["غولدمان ساكس", "جولدمان ساكس"]),
    ("Morgan Stanley", ["مورغان ستانلي", "مورجان ستانلي"]),
    ("Bernstein", ["بيرنشتاين"]),
    ("Morningstar", ["مورنينغستار", "مورنينجستار"]),
    ("Euromonitor", ["يورومونيتور"]),
    ("Gartner", ["غارتنر", "جارتنر"]),
    ("IDC", ["آي دي سي"]),
    ("Deloitte", ["ديلويت"]),
    ("PwC", ["برايس ووترهاوس كوبرز"]),
    ("Bain & Company", ["باين آند كومباني", "بين آند كومباني"]),
    ("Kepios", ["كيبيوس"]),
    ("DataReportal", ["داتا ريبورتال"]),
    ("Similarweb", ["سيميلار ويب"]),
    ("Redseer", ["ريدسير"]),
    ("Coresight Research", ["كورسايت ريسيرش", "كورسايت"]),
    ("Comscore", ["كومسكور"]),
    ("GWI", ["جي دبليو آي"]),
    ("Associated Press", ["أسوشيتد برس"]),
    ("AFP", ["فرانس برس"]),
    ("Counterpoint", ["كاونتربوينت"]),
    ("Meta", ["ميتا"]),
]

# --------------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------------

_REGIONS: list[tuple[str, list[str]]] = [
    ("SA", ["السعودية", "سعودية", "السعودي", "سعودي", "سعوديا", "السعوديين", "سعوديين", "السعوديون",
            "المملكة العربية السعودية", "Saudi Arabia", "Saudi", "KSA", "Riyadh", "الرياض", "جدة",
            "Jeddah"]),
    ("AE", ["الإمارات", "دولة الإمارات", "الإمارات العربية المتحدة", "الإماراتية", "الإماراتي",
            "إماراتي", "إماراتية", "الإماراتيين", "United Arab Emirates", "the Emirates", "Emirates",
            "Emirati", "UAE", "Dubai", "دبي", "أبوظبي", "أبو ظبي", "Abu Dhabi"]),
    ("EG", ["مصر", "المصرية", "المصري", "مصري", "مصرية", "المصريين", "Egypt", "Egyptian", "Cairo",
            "القاهرة", "الجيزة"]),
    ("US", ["الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا",
            "أميركا", "الأمريكية", "الأميركية", "الأمريكي", "الأميركي", "الأمريكيين", "الأميركيين",
            "أمريكي", "أميركي", "United States", "the United States", "US", "U.S.", "USA", "America",
            "American", "Americans"]),
    ("GB", ["بريطانيا", "المملكة المتحدة", "البريطانية", "البريطاني", "بريطاني", "البريطانيين", "Britain",
            "British", "United Kingdom", "the United Kingdom", "UK", "U.K.", "London", "لندن"]),
    ("ID", ["إندونيسيا", "اندونيسيا", "الإندونيسية", "الإندونيسي", "إندونيسي", "Indonesia",
            "Indonesian", "Jakarta", "جاكرتا"]),
    ("CN", ["الصين", "الصينية", "الصيني", "صيني", "صينية", "China", "Chinese", "mainland China",
            "Beijing", "Shanghai", "بكين", "شنغهاي"]),
    ("IN", ["الهند", "الهندية", "الهندي", "India", "Indian"]),
    ("KW", ["الكويت", "الكويتية", "الكويتي", "Kuwait", "Kuwaiti"]),
    ("QA", ["قطر", "القطرية", "القطري", "Qatar", "Qatari"]),
    ("BH", ["البحرين", "البحرينية", "Bahrain"]),
    ("OM", ["سلطنة عمان", "العمانية", "Oman", "Omani"]),
    ("JO", ["الأردن", "الأردنية", "Jordan", "Jordanian"]),
    ("MA", ["المغرب", "المغربية", "المغربي", "Morocco", "Moroccan"]),
    ("DZ", ["الجزائر", "الجزائرية", "Algeria"]),
    ("TN", ["تونس", "التونسية", "Tunisia"]),
    ("IQ", ["العراق", "العراقية", "Iraq"]),
    ("LB", ["لبنان", "اللبنانية", "Lebanon"]),
    ("TR", ["تركيا", "التركية", "Turkey", "Türkiye", "Turkish"]),
    ("MY", ["ماليزيا", "الماليزية", "Malaysia", "Malaysian"]),
    ("SG", ["سنغافورة", "السنغافورية", "Singapore", "Singaporean"]),
    ("TH", ["تايلاند", "Thailand", "Thai"]),
    ("VN", ["فيتنام", "Vietnam", "Vietnamese"]),
    ("PH", ["الفلبين", "Philippines", "Filipino"]),
    ("JP", ["اليابان", "اليابانية", "Japan", "Japanese"]),
    ("KR", ["كوريا الجنوبية", "South Korea", "Korean"]),
    ("DE", ["ألمانيا", "الألمانية", "Germany", "German"]),
    ("FR", ["فرنسا", "الفرنسية", "France", "French"]),
    ("BR", ["البرازيل", "Brazil", "Brazilian"]),
    ("MX", ["المكسيك", "Mexico", "Mexican"]),
    ("PK", ["باكستان", "Pakistan"]),
    ("NG", ["نيجيريا", "Nigeria", "Nigerian"]),
    ("ZA", ["جنوب أفريقيا", "جنوب إفريقيا", "South Africa"]),
    ("SEA", ["جنوب شرق آسيا", "جنوب شرقي آسيا", "Southeast Asia", "South-East Asia", "South East Asia",
             "Southeast Asian", "ASEAN"]),
    ("MENA", ["الشرق الأوسط وشمال أفريقيا", "الشرق الأوسط وشمال إفريقيا", "منطقة الشرق الأوسط",
              "الشرق الأوسط", "Middle East and North Africa", "Middle East", "MENA"]),
    ("EU", ["الاتحاد الأوروبي", "أوروبا", "الأوروبية", "European Union", "Europe", "EU"]),
]
# Single Latin words of the region lexicon ("American", "Saudi", "UK"): they may qualify a noun.
ENGLISH_DEMONYMS = sorted({w for _code, names in _REGIONS for w in names if w.isascii() and " " not in w})
_REGIONS_CS = {"US", "U.S.", "UK", "U.K.", "EU", "UAE", "KSA", "USA", "ASEAN", "MENA"}
_GLOBAL = ["عالميا", "عالمي", "العالمي", "العالمية", "على المستوى العالمي", "على مستوى العالم",
           "حول العالم", "global", "globally", "worldwide", "around the world", "across the world"]
_REGION_REFS = ["المنطقة", "the region", "the region's", "the bloc", "the bloc's", "the country",
                "the country's", "البلاد", "the kingdom", "regional",
                "الإقليمية", "الإقليمي"]
_KINGDOM = ["المملكة"]
_HQ = ["مقرها", "مقره", "ومقرها", "يقع مقرها", "based in", "headquartered in"]

# --------------------------------------------------------------------------------------------
# Metric cues (backward/forward context words), growth, rejection, kind, sources
# --------------------------------------------------------------------------------------------

_METRICS: list[tuple[str, list[str]]] = [
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
_WEAK_METRICS: list[tuple[str, list[str]]] = [("market_share", ["market", "سوق", "السوق"])]

_GROWTH_UP = ["بزيادة", "زيادة", "بارتفاع", "ارتفاع", "ارتفعت", "ارتفع", "يرتفع", "ترتفع", "زادت",
              "زاد", "نمو", "بنمو", "نموا", "نمت", "نما", "تنمو", "ينمو", "قفزت", "قفز", "بقفزة",
              "صعدت", "صعد", "معدل النمو", "نسبة النمو", "up", "grew", "grow", "grows", "growth",
              "rose", "rise", "rises", "risen", "increased", "increase", "increases", "jumped",
              "jump", "climbed", "surged", "gained", "expanded", "soared", "growth rate"]
_GROWTH_DOWN = ["بانخفاض", "انخفاض", "انخفضت", "انخفض", "تراجع", "بتراجع", "تراجعت", "هبطت",
                "هبوط", "تقلص", "تقلصت", "down", "fell", "fall", "falls", "declined", "decline",
                "dropped", "drop", "decreased", "decrease", "shrank", "slipped"]
_LEVEL = ["up to", "rose to", "grew to", "increased to", "jumped to", "climbed to", "fell to"]

_NEGATIVE = ["التضخم", "معدل التضخم", "inflation", "الفائدة", "أسعار الفائدة", "سعر الفائدة",
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

_TARGET = ["تستهدف", "يستهدف", "نستهدف", "تهدف", "يهدف", "نهدف", "تسعى", "يسعى", "تطمح", "يطمح",
           "هدفها", "مستهدف", "تخطط", "يخطط", "نخطط", "خطتها", "aims", "aim", "aiming", "targets", "targeting",
           "goal", "plans to",
           "plan to", "wants to", "seeks to", "hopes to", "ambition"]
_FORECAST = ["أن تبلغ", "أن يبلغ", "أن تصل", "أن يصل", "أن تتجاوز", "أن يتجاوز", "من المتوقع", "المتوقع",
            "متوقع", "يتوقع", "تتوقع", "توقعات", "توقع", "تشير التوقعات",
             "يرجح", "ترجح", "ستصل", "سيصل", "ستبلغ", "سيبلغ", "ستتجاوز", "سيتجاوز", "ستنمو", "سينمو",
             "expected", "expects", "expect", "forecast", "forecasts", "projected", "projects",
             "projection", "predicts", "predicted", "likely to", "will reach", "will hit", "will top",
             "is set to", "are set to", "outlook", "estimated to reach", "on track to"]

# Source cues. "prep": the credited entity follows ("according to X", "بحسب X", "قالت X");
# "verb_en": the entity precedes ("X said").
_SRC_PREP = ["بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا عن", "استنادا إلى", "بناء على", "قالت", "قال",
             "أعلنت", "أعلن", "ذكرت", "ذكر", "أفادت", "أفاد", "أضافت", "أضاف", "أكدت", "أكد", "أشارت",
             "أشار", "كشفت", "كشف", "أظهرت", "أظهر", "تظهر", "يظهر", "تشير", "يشير", "يقدر", "تقدر",
             "قدرت", "يتوقع", "تتوقع", "أوضحت", "أوضح", "نقلت", "according to", "data from",
             "figures from", "estimates by", "estimates from", "study by", "survey by", "report by",
             "research by", "report from", "analysis by", "analysts at", "analysts from",
             "analysts with", "data by", "تقول", "يقول", "تضيف", "يضيف", "تؤكد", "يؤكد", "توضح",
             "يوضح", "cited by", "quoted by", "reported by", "as reported by"]
_SRC_VERB_EN = ["said", "says", "reported", "reports", "announced", "added", "estimates", "estimated", "expect",
                "forecast", "estimate", "project", "projects", "predict", "predicts", "say", "report",
                "puts", "put", "told", "disclosed", "revealed", "expects", "forecasts", "found", "shows",
                "showed", "shared"]
_SRC_SAME = ["الدراسة", "الدراسة ذاتها", "الدراسة نفسها", "ذات الدراسة", "نفس الدراسة", "التقرير",
             "التقرير ذاته", "التقرير نفسه", "البيانات ذاتها", "البيانات نفسها", "المسح", "المسح نفسه",
             "الاستطلاع", "الإحصاءات", "the same filing", "the same study", "the same report",
             "the same survey", "the same data", "the data", "the figures", "the survey", "the study",
             "the report", "the filing",
             "the same source", "the research firm", "the consultancy", "the agency", "the researcher",
             "the analytics firm", "the research group"]
_SRC_UNNAMED = ["مصادر", "مصادر مطلعة", "مصدر", "خبراء", "sources", "a source", "people familiar",
                "a person familiar", "an analyst", "analysts", "experts", "محللون", "محللين",
                "المحللون", "المحللين", "مراقبون", "متابعون", "people familiar with the matter"]
_COMPANY_REF = ["الشركة", "المجموعة", "تقريرها", "تقريره", "بيانها", "بياناتها", "نتائجها",
                "the company", "the firm", "the group", "its report", "its filing", "its quarterly filing",
                "its annual report", "its results", "its earnings"]

# Back-references to a platform. "app" ones name the service itself, so they skip a company-level
# mention (Meta, "the group") and refer to the last platform in focus; "company" ones name the firm.
_BACKREF = ["هناك", "هنالك", "منصتها", "منصته", "تطبيقها", "تطبيقه", "متجرها", "متجره", "there", "its"]
_BACKREF_APP = ["المنصة", "التطبيق", "القناة", "المتجر", "الموقع", "الخدمة", "السوق الإلكترونية", "the app",
                "the app's", "the platform", "the platform's", "the service", "the marketplace",
                "the marketplace's", "the site", "the channel", "the network"]
_BACKREF_COMPANY = ["الشركة", "المجموعة", "the company", "the company's", "the firm", "the firm's", "the group",
                    "the group's"]
# Whole-market figures ("Indonesia's e-commerce GMV", «حجم سوق التجارة الإلكترونية»): a figure in their
# scope belongs to no platform unless the clause names one that is not merely the speaker.
_MARKET_TOTAL = [f"{field} {noun}" for field in ["e-commerce", "ecommerce", "social commerce", "live commerce",
                                                 "online retail", "online shopping", "retail"]
                 for noun in ["sales", "GMV", "market", "spending", "revenue"]] + [
    "the broader market", "the wider market", "the overall market", "market size", "the industry",
    "all platforms", "سوق التجارة الإلكترونية", "مبيعات التجارة الإلكترونية", "قطاع التجارة الإلكترونية",
    "حجم سوق", "حجم السوق", "جميع المنصات", "جميع منصات", "كل المنصات"]
# Company-level mentions: a group, or the one slug the contract keeps for company-wide figures.
COMPANY_SLUGS = {"meta"}
_LATTER = ["الأخيرة", "الأخير", "the latter", "the latter's"]

_DAILY = ["يوميا", "يومي", "في اليوم", "كل يوم", "a day", "per day", "daily", "each day", "every day"]
_QUAL_VERB = ["تجاوز", "يتجاوز", "تتجاوز", "تجاوزت", "يفوق", "تفوق", "فاق", "فاقت", "يزيد", "تزيد",
              "تخطى", "تخطت", "يتخطى", "تتخطى",
              "exceeded", "exceeds", "exceed", "topped", "tops", "surpassed", "surpasses", "surpass", "passed",
              "passes", "pass", "crossed", "crosses", "cross"]
_LAUNCH = ["انطلقت", "انطلق", "تأسست", "تأسس", "أسست", "منذ", "مواليد", "launched", "founded",
           "since", "born", "established"]
# Clause openers that continue the previous figure's clause (inherit its context).
_ADJUNCT = ["مقابل", "بزيادة", "بارتفاع", "بنمو", "بانخفاض", "بتراجع", "بمتوسط", "بنسبة", "أي",
            "ما يعادل", "في حين", "بينما", "فيما", "compared with", "compared to", "against", "versus", "vs",
            "up", "down", "an increase", "a rise", "a jump", "a decline", "representing", "or",
            "while", "whereas", "with"]


# --------------------------------------------------------------------------------------------
# Compilation
# --------------------------------------------------------------------------------------------


class Hit(NamedTuple):
    """One lexicon match in a normalised sentence."""

    start: int
    end: int
    cat: str
    payload: str


@dataclass(frozen=True, slots=True)
class _Entry:
    cat: str
    payload: str
    case: str | None  # exact spelling required, when the word is ordinary in lower case
    needs_lam: bool  # a ``لل`` variant: only valid after a ``ل`` clitic


def _add(table: dict[str, list[_Entry]], words: Iterable[str], cat: str, payload: str = "",
         case_sensitive: bool = False) -> None:
    for word in words:
        folded = fold(word)
        key = folded.lower()
        entry = _Entry(cat, payload, folded if case_sensitive else None, False)
        table.setdefault(key, []).append(entry)
        if folded.startswith("ال") and len(folded) > 3:
            lam = "ل" + folded[2:]
            table.setdefault(lam, []).append(_Entry(cat, payload, None, True))


def _build_table() -> dict[str, list[_Entry]]:
    table: dict[str, list[_Entry]] = {}
    for slug, names in _PLATFORMS:
        _add(table, names, "platform", slug)
    for slug, names in _PLATFORMS_CS:
        _add(table, names, "platform", slug, case_sensitive=True)
    for name, slug, names in _OWNERS:
        _add(table, names, "owner", f"{name}|{slug}")
    for name, slug, names in _OWNERS_CS:
        _add(table, names, "owner", f"{name}|{slug}", case_sensitive=True)
    for name, names in _ORGS:
        _add(table, names, "org", name)
    for code, names in _REGIONS:
        for word in names:
            _add(table, [word], "region", code, case_sensitive=word in _REGIONS_CS)
    _add(table, _GLOBAL, "region_global", "global")
    _add(table, _REGION_REFS, "region_ref")
    _add(table, _KINGDOM, "kingdom")
    _add(table, _HQ, "hq")
    for metric, names in _METRICS:
        _add(table, names, "metric", metric)
    for metric, names in _WEAK_METRICS:
        _add(table, names, "metric_weak", metric)
    _add(table, _GROWTH_UP, "growth", "+")
    _add(table, _GROWTH_DOWN, "growth", "-")
    _add(table, _LEVEL, "level")
    _add(table, _NEGATIVE, "negative")
    _add(table, ["GDP"], "negative", case_sensitive=True)
    _add(table, _TARGET, "kind", "target")
    _add(table, _FORECAST, "kind", "forecast")
    _add(table, _SRC_PREP, "src_prep")
    _add(table, _SRC_VERB_EN, "src_verb")
    _add(table, _SRC_SAME, "src_same")
    _add(table, _SRC_UNNAMED, "src_unnamed")
    _add(table, _COMPANY_REF, "company_ref")
    _add(table, _BACKREF, "backref", "subject")
    _add(table, _BACKREF_APP, "backref", "app")
    _add(table, _BACKREF_COMPANY, "backref", "company")
    _add(table, _MARKET_TOTAL, "market_total")
    _add(table, _LATTER, "backref", "latter")
    _add(table, _DAILY, "daily")
    _add(table, _QUAL_VERB, "qual_verb", "more_than")
    _add(table, _LAUNCH, "launch")
    return table


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes (longest first)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(root)


TABLE = _build_table()
_MATCHER = re.compile(
    r"(?<!\w)(?P<pre>[وف]?[بلك]?)(?P<body>" + trie_pattern(TABLE) + r")(?![\w])"
)


ADJUNCT_RE = re.compile(
    r"\s*(?:و|and\s+)?(?:" + trie_pattern(sorted({fold(w).lower() for w in _ADJUNCT})) + r")(?!\w)", re.IGNORECASE
)


def scan(text: str, low: str | None = None) -> list[Hit]:
    """All lexicon hits in ``text`` (normalised), one per category per span, in order."""
    hits: list[Hit] = []
    for match in _MATCHER.finditer(low if low is not None else ascii_lower(text)):
        body = text[match.start("body") : match.end()]
        pre = match.group("pre")
        seen: set[tuple[str, str]] = set()
        # The pattern strips clitics greedily; a word may also be an entry with (part of) its
        # prefix («بزيادة» is an entry of its own, not only ب + «زيادة»), so try every split.
        for cut in range(len(pre), -1, -1):
            word = pre[cut:] + body
            start = match.start("pre") + cut
            for entry in TABLE.get(word.lower(), ()):
                if entry.needs_lam and not pre[:cut].endswith("ل"):
                    continue
                if entry.case is not None and word != entry.case:
                    continue
                if (entry.cat, entry.payload) in seen:
                    continue
                seen.add((entry.cat, entry.payload))
                hits.append(Hit(start, match.end(), entry.cat, entry.payload))
    return hits
