"""Names of platforms, of the companies that own them, and of well-known sources in Arabic script.

Data only (the matcher is :mod:`.matcher`). A name outside these lists is still recognised when
the text introduces it (:mod:`streams.extraction.platforms`); the lists keep the aliases, the
Arabic spellings and the owner of each platform.
"""

from __future__ import annotations

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

PLATFORMS: list[tuple[str, list[str]]] = [
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
PLATFORMS_CS: list[tuple[str, list[str]]] = [
    ("noon", ["Noon", "NOON"]),
    ("meta", ["Meta", "META"]),
    ("x", ["X"]),
    ("shein", ["SHEIN"]),
]

# owner company -> (proper name, platform it owns)
OWNERS: list[tuple[str, str, list[str]]] = [
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
OWNERS_CS: list[tuple[str, str, list[str]]] = [("Snap", "snapchat", ["Snap"])]

# Well-known sources written in Arabic script -> their Latin name.
ORGS: list[tuple[str, list[str]]] = [
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

# Company-level mentions: a group, or the one slug the contract keeps for company-wide figures.
COMPANY_SLUGS = {"meta"}
