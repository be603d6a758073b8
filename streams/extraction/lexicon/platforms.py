"""Names of platforms, of the companies that own them, and of well-known sources in Arabic script.

Data only (the matcher is :mod:`.matcher`). A name outside these lists is still recognised when
the text introduces it (:mod:`streams.extraction.platforms`); the lists keep the aliases, the
Arabic spellings and the owner of each platform.
"""

# Rows of (name, its spellings) alike in shape on purpose (`duplicates` lists them as shape
# boilerplate): data, one row a name, read by one loop each in the matcher.
from __future__ import annotations

from ..normalize import fold

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
    ("amazon", ["أمازون", "Amazon", "Amazon.com", "Amazon.ae", "Amazon.sa", "Amazon.eg", "Amazon.in", "Amazon.co.uk",
                "Amazon.de", "Amazon.fr", "Amazon.com.br", "Amazon.com.mx", "Amazon.co.jp", "Amazon.com.tr"]),
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
# Other commerce platforms these owners run: a text naming one of them too makes the owner's own figures the
# company's («بي دي دي هولدينغز» with «تيمو» and «بيندودو»), not the one platform's the lexicon ties it to.
OWNER_ALSO: dict[str, set[str]] = {"PDD Holdings": {"pinduoduo"}, "ByteDance": {"douyin"}}

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
    ("Euromonitor International", ["يورومونيتور إنترناشونال", "يورومونيتور انترناشونال"]),
    ("Kearney", ["كيرني", "إيه تي كيرني"]),
    ("iResearch", ["آي ريسيرش"]),
    ("Boston Consulting Group", ["بوسطن كونسلتينغ جروب", "مجموعة بوسطن الاستشارية"]),
    ("Accenture", ["أكسنتشر"]),
    ("EY", ["إرنست ويونغ"]),
    ("KPMG", ["كي بي إم جي"]),
    # parent companies, credited for their platforms' figures
    ("Delivery Hero", ["ديليفري هيرو", "دليفري هيرو"]),
    ("Al Tayer Group", ["الطاير"]),
    ("Majid Al Futtaim", ["ماجد الفطيم"]),
    ("Naspers", ["ناسبرز"]),
    ("Prosus", ["بروسوس"]),
    ("GoTo", ["جوتو", "غوتو"]),
    ("Tencent", ["تينسنت", "تنسنت"]),
    ("Emaar", ["إعمار"]),
]
# Newspapers and agencies by their Arabic names, read only after «صحيفة»، «وكالة»... (many are ordinary
# words: «البيان» "the statement", «الاقتصادية» "the economic").
PUBLICATIONS_AR = {fold(arabic): latin for arabic, latin in [
    ("الاقتصادية", "Al Eqtisadiah"), ("البيان", "Al Bayan"), ("الرياض", "Al Riyadh"), ("عكاظ", "Okaz"),
    ("الخليج", "Al Khaleej"), ("الشرق الأوسط", "Asharq Al-Awsat"), ("الأهرام", "Al-Ahram"), ("المال", "Al Mal"),
    ("الوطن", "Al Watan"), ("الرأي", "Al Rai"), ("القبس", "Al Qabas"), ("ليكونوميست", "L'Economiste"),
    ("الاتحاد", "Al Ittihad"), ("الجزيرة", "Al Jazeera"), ("العربية", "Al Arabiya"), ("أرقام", "Argaam"),
    ("الشرق", "Asharq"), ("المصري اليوم", "Al-Masry Al-Youm"), ("الأنباء", "Al Anba"), ("واس", "SPA"),
    ("وام", "WAM"), ("رويترز", "Reuters"), ("بلومبرغ", "Bloomberg"), ("فرانس برس", "AFP"),
    ("فايننشال تايمز", "Financial Times"), ("وول ستريت جورنال", "Wall Street Journal"),
]}

# Regional platforms, by their Arabic spellings only: in Latin script a name outside the lists above is
# recognised by how the text uses it (streams/extraction/platforms.py), and every Latin name here also
# lets an Arabic spelling the list lacks be matched by its consonants (streams/extraction/arabic_names.py).
# Ordinary Arabic words that are also brands (طلبات، سلة، جاهز، كريم) are left to the text's quotes.
REGIONAL: list[tuple[str, str, list[str]]] = [
    ("trendyol", "Trendyol", ["ترينديول", "ترنديول"]),
    ("hepsiburada", "Hepsiburada", ["هبسي بورادا", "هيبسي بورادا", "هبسيبورادا"]),
    ("namshi", "Namshi", ["نمشي"]),
    ("ounass", "Ounass", ["أوناس"]),
    ("hungerstation", "HungerStation", ["هنقرستيشن", "هنقر ستيشن", "هنغرستيشن", "هنجرستيشن"]),
    ("keeta", "Keeta", ["كيتا"]),
    ("deliveroo", "Deliveroo", ["ديليفرو", "دليفرو"]),
    ("breadfast", "Breadfast", ["بريدفاست"]),
    ("avito", "Avito", ["أفيتو"]),
    ("takealot", "Takealot", ["تاكالوت", "تيك ألوت"]),
    ("konga", "Konga", ["كونغا"]),
    ("bukalapak", "Bukalapak", ["بوكالاباك"]),
    ("blibli", "Blibli", ["بليبلي"]),
    ("zalora", "Zalora", ["زالورا"]),
    ("meesho", "Meesho", ["ميشو"]),
    ("myntra", "Myntra", ["مينترا"]),
    ("pinduoduo", "Pinduoduo", ["بيندوودو", "بيندودو"]),
    ("meituan", "Meituan", ["ميتوان"]),
    ("xiaohongshu", "Xiaohongshu", ["شياوهونغشو"]),
    ("aliexpress", "AliExpress", ["علي إكسبريس", "علي اكسبريس", "AliExpress"]),
    ("vinted", "Vinted", ["فينتد"]),
    ("zalando", "Zalando", ["زالاندو"]),
    ("coupang", "Coupang", ["كوبانغ"]),
    ("rakuten", "Rakuten", ["راكوتين"]),
    ("mercari", "Mercari", ["ميركاري"]),
    ("wildberries", "Wildberries", ["وايلدبيريز"]),
    ("dubizzle", "Dubizzle", ["دوبيزل"]),
    ("carrefour", "Carrefour", ["كارفور"]),
    ("instashop", "InstaShop", ["إنستاشوب"]),
    ("threads", "Threads", ["ثريدز"]),
    ("reddit", "Reddit", ["ريديت"]),
    ("jollychic", "JollyChic", ["جولي شيك"]),
    ("fordeal", "Fordeal", ["فورديل"]),
    ("sivvi", "Sivvi", ["سيفي"]),
]
# Latin names the consonants of an Arabic spelling may be matched against (with the ones above).
LATIN_ONLY = ["Whatnot", "Poshmark", "Depop", "HSN", "ShopHQ", "Jewelry Television", "Wayfair", "Allegro", "Ozon",
              "Tiki", "Sendo", "JD.com", "Careem", "Talabat", "Salla", "Zid", "Jahez", "Mrsool", "Tamara", "Tabby",
              "Noon Food", "Lemon8", "Bluesky", "Kilimall", "Souq", "OpenSooq", "Haraj", "Jarir", "Lulu", "Nana"]
PLATFORM_NAMES.update({slug_: latin for slug_, latin, _arabic in REGIONAL})
LATIN_NAMES = sorted(set(PLATFORM_NAMES.values()) | set(LATIN_ONLY))

# Company-level mentions: a group, or the one slug the contract keeps for company-wide figures.
COMPANY_SLUGS = {"meta"}
# What kind of service a platform is, where it is only one: "the app" after Tokopedia and TikTok is TikTok,
# "the marketplace" Tokopedia. Platforms that are both (Temu, Shein: a marketplace used through its app) are in neither.
APP_ONLY = {"tiktok", "instagram", "facebook", "snapchat", "youtube", "pinterest", "whatsapp", "x", "kuaishou",
            "douyin", "meta"}
MARKETPLACE_ONLY = {"amazon", "shopee", "lazada", "tokopedia", "taobao", "alibaba", "noon", "qvc"}

# Well-known platforms by their Latin names, matched with their capitals (several are ordinary words in
# lower case: "ninja", "noon", "souq"). A new article names these as often as the global ones above.
KNOWN_LATIN: list[tuple[str, str, list[str]]] = [
    ("kaspi", "Kaspi.kz", ["Kaspi.kz", "Kaspi"]), ("mercari", "Mercari", ["Mercari"]),
    ("coupang", "Coupang", ["Coupang"]), ("swiggy", "Swiggy", ["Swiggy"]), ("instamart", "Instamart", ["Instamart"]),
    ("zomato", "Zomato", ["Zomato"]), ("blinkit", "Blinkit", ["Blinkit"]), ("zepto", "Zepto", ["Zepto"]),
    ("meesho", "Meesho", ["Meesho"]), ("myntra", "Myntra", ["Myntra"]), ("nykaa", "Nykaa", ["Nykaa"]),
    ("shopsy", "Shopsy", ["Shopsy"]), ("daraz", "Daraz", ["Daraz"]), ("ozon", "Ozon", ["Ozon"]),
    ("wildberries", "Wildberries", ["Wildberries"]), ("yandex_market", "Yandex Market", ["Yandex Market"]),
    ("avito", "Avito", ["Avito"]), ("allegro", "Allegro", ["Allegro"]), ("vinted", "Vinted", ["Vinted"]),
    ("zalando", "Zalando", ["Zalando"]), ("depop", "Depop", ["Depop"]), ("poshmark", "Poshmark", ["Poshmark"]),
    ("wayfair", "Wayfair", ["Wayfair"]), ("rakuten", "Rakuten", ["Rakuten"]), ("takealot", "Takealot", ["Takealot"]),
    ("konga", "Konga", ["Konga"]), ("kilimall", "Kilimall", ["Kilimall"]), ("trendyol", "Trendyol", ["Trendyol"]),
    ("hepsiburada", "Hepsiburada", ["Hepsiburada"]), ("namshi", "Namshi", ["Namshi"]), ("ounass", "Ounass", ["Ounass"]),
    ("careem", "Careem", ["Careem"]), ("talabat", "Talabat", ["Talabat"]), ("jahez", "Jahez", ["Jahez"]),
    ("hungerstation", "HungerStation", ["HungerStation", "Hungerstation"]), ("keeta", "Keeta", ["Keeta"]),
    ("mrsool", "Mrsool", ["Mrsool"]), ("snoonu", "Snoonu", ["Snoonu"]), ("salla", "Salla", ["Salla"]),
    ("zid", "Zid", ["Zid"]), ("taager", "Taager", ["Taager"]), ("breadfast", "Breadfast", ["Breadfast"]),
    ("instashop", "InstaShop", ["InstaShop", "Instashop"]), ("deliveroo", "Deliveroo", ["Deliveroo"]),
    ("weixin", "Weixin", ["Weixin", "WeChat"]),
    ("weixin_channels", "Weixin Channels", ["Weixin Channels", "WeChat Channels"]),
    ("xiaohongshu", "Xiaohongshu", ["Xiaohongshu", "RedNote"]),
    ("pinduoduo", "Pinduoduo", ["Pinduoduo"]), ("jd", "JD.com", ["JD.com"]), ("meituan", "Meituan", ["Meituan"]),
    ("bukalapak", "Bukalapak", ["Bukalapak"]), ("blibli", "Blibli", ["Blibli"]), ("zalora", "Zalora", ["Zalora"]),
    ("whatnot", "Whatnot", ["Whatnot"]), ("talkshoplive", "TalkShopLive", ["TalkShopLive"]),
    ("lemon8", "Lemon8", ["Lemon8"]), ("threads", "Threads", ["Threads"]), ("shopify", "Shopify", ["Shopify"]),
    ("otto", "Otto", ["Otto"]), ("bol", "Bol.com", ["Bol.com"]), ("cdiscount", "Cdiscount", ["Cdiscount"]),
    ("jumia", "Jumia", ["Jumia"]), ("temu", "Temu", ["Temu"]), ("farfetch", "Farfetch", ["Farfetch"]),
    ("noon", "Noon", ["Noon"]), ("ninja", "Ninja", ["Ninja"]), ("dubizzle", "Dubizzle", ["Dubizzle"]),
    ("carrefour", "Carrefour", ["Carrefour"]), ("tiki", "Tiki", ["Tiki"]), ("sendo", "Sendo", ["Sendo"]),
]
PLATFORM_NAMES.update({slug_: latin for slug_, latin, _names in KNOWN_LATIN if slug_ not in PLATFORM_NAMES})
LATIN_NAMES = sorted(set(LATIN_NAMES) | {latin for _slug, latin, _names in KNOWN_LATIN})
