"""Names of countries, cities and regions (ISO 3166 alpha-2 or SEA/MENA/EU), and words that refer to one.

Data only (the matcher is :mod:`.matcher`).
"""

from __future__ import annotations

REGIONS: list[tuple[str, list[str]]] = [
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
ENGLISH_DEMONYMS = sorted({w for _code, names in REGIONS for w in names if w.isascii() and " " not in w})
REGIONS_CS = {"US", "U.S.", "UK", "U.K.", "EU", "UAE", "KSA", "USA", "ASEAN", "MENA"}
GLOBAL = ["عالميا", "عالمي", "العالمي", "العالمية", "على المستوى العالمي", "على مستوى العالم",
           "حول العالم", "global", "globally", "worldwide", "around the world", "across the world"]
REGION_REFS = ["المنطقة", "the region", "the region's", "the bloc", "the bloc's", "the country",
                "the country's", "البلاد", "the kingdom", "regional",
                "الإقليمية", "الإقليمي"]
KINGDOM = ["المملكة"]
HQ = ["مقرها", "مقره", "ومقرها", "يقع مقرها", "based in", "headquartered in"]
