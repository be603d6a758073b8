"""Words that tie a figure to its context: kind (target, forecast), who is credited, back-references.

Data only (the matcher is :mod:`.matcher`): what a figure is (a target the company aims at, an
analysts' forecast), who the text credits for it, the words that refer back to a platform or a
source named before, and the clause openers that continue the previous figure's clause.
"""

from __future__ import annotations

TARGET = ["تستهدف", "يستهدف", "نستهدف", "تهدف", "يهدف", "نهدف", "تسعى", "يسعى", "تطمح", "يطمح",
           "هدفها", "مستهدف", "تخطط", "يخطط", "نخطط", "خطتها", "aims", "aim", "aiming", "targets", "targeting",
           "goal", "plans to",
           "plan to", "wants to", "want", "wants", "نريد", "نطمح", "نسعى", "تعتزم", "يعتزم", "seeks to",
           "hopes to", "ambition", "target"]
FORECAST = ["توقعاتنا", "تقديرنا السابق", "تقديراتنا السابقة", "توقعنا", "نتوقع",
            "أن تبلغ", "أن يبلغ", "أن تصل", "أن يصل", "أن تتجاوز", "أن يتجاوز", "من المتوقع", "المتوقع",
            "متوقع", "يتوقع", "تتوقع", "توقعات", "توقع", "توقعت", "تشير التوقعات", "يتوقعون", "توقعوا",
             "يرجح", "ترجح", "ستصل", "سيصل", "ستبلغ", "سيبلغ", "ستتجاوز", "سيتجاوز", "ستنمو", "سينمو",
             "expected", "expects", "expect", "forecast", "forecasts", "projected", "projects",
             "projection", "predicts", "predicted", "likely to", "will reach", "will hit", "will top",
             "is set to", "are set to", "outlook", "estimated to reach", "on track to", "model has", "our model",
             "models", "we model", "we forecast", "we project"]

# Source cues. "prep": the credited entity follows ("according to X", "بحسب X", "قالت X");
# "verb_en": the entity precedes ("X said").
SRC_PREP = ["بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا عن", "استنادا إلى", "بناء على", "قالت", "قال",
             "أعلنت", "أعلن", "ذكرت", "ذكر", "أفادت", "أفاد", "أضافت", "أضاف", "أكدت", "أكد", "أشارت",
             "أشار", "كشفت", "كشف", "أظهرت", "أظهر", "تظهر", "يظهر", "تشير", "يشير", "يقدر", "تقدر",
             "قدرت", "يتوقع", "تتوقع", "يتوقعون", "توقعوا", "أوضحت", "أوضح", "نقلت", "according to", "data from",
             "figures from", "estimates by", "estimates from", "study by", "survey by", "report by",
             "research by", "report from", "analysis by", "analysts at", "analysts from",
             "analysts with", "data by", "تقول", "يقول", "تضيف", "يضيف", "تؤكد", "يؤكد", "توضح",
             "يوضح", "cited by", "quoted by", "reported by", "as reported by", "أصدرت", "أصدر", "توقع", "توقعت", "قدر",
             "أعدته", "أعدها", "أصدرته", "أصدرتها", "prepared by", "compiled by", "published by", "conducted by",
             "carried out by", "polled by", "surveyed by", "compiled by"]
SRC_VERB_EN = ["said", "says", "reported", "reports", "announced", "added", "estimates", "estimated", "expect",
                "forecast", "estimate", "project", "projects", "predict", "predicts", "say", "report",
                "puts", "put", "told", "disclosed", "revealed", "expects", "forecasts", "found", "shows",
                "showed", "shared", "show", "wrote", "write", "note", "noted", "suggest", "suggests",
                "calculates", "calculated", "measured", "reckons", "reckoned"]
SRC_SAME = ["الدراسة", "الدراسة ذاتها", "الدراسة نفسها", "ذات الدراسة", "نفس الدراسة", "التقرير",
             "التقرير ذاته", "التقرير نفسه", "البيانات ذاتها", "البيانات نفسها", "المسح", "المسح نفسه",
             "الاستطلاع", "الإحصاءات", "التقديرات ذاتها", "التقديرات نفسها", "المصدر نفسه", "المصدر ذاته",
             "الأرقام ذاتها", "الأرقام نفسها", "the same filing", "the same study", "the same report",
             "the same survey", "the same data", "the data", "the figures", "the survey", "the study",
             "the report", "the filing",
             "the same source", "the research firm", "the consultancy", "the agency", "the researcher",
             "the brokerage", "the broker", "the investment bank",
             "the analytics firm", "the research group", "the paper", "the newspaper", "the magazine",
             "the publication", "the daily", "the outlet", "the broadcaster", "the wire service", "the same release",
             "the release", "the statement", "the same statement", "the same note", "the note", "the same research",
             "the same presentation", "the data firm", "the research house", "the same estimates", "الصحيفة",
             "المجلة", "الصحيفة ذاتها", "البيان ذاته", "البيان نفسه", "المذكرة", "الجداول ذاتها", "الجداول نفسها",
             "الجدول ذاته", "الجدول نفسه", "the same tables", "the same table", "the same dataset",
             "that information", "this information", "the same information", "the observatory", "the researchers",
             "the institute", "the think tank", "the report's authors", "the authors"]
SRC_UNNAMED = ["مصادر", "مصادر مطلعة", "مصدر", "خبراء", "sources", "a source", "people familiar",
                "a person familiar", "an analyst", "analysts", "experts", "محللون", "محللين",
                "المحللون", "المحللين", "مراقبون", "متابعون", "people familiar with the matter"]
COMPANY_REF = ["الشركة", "المجموعة", "تقريرها", "تقريره", "بيانها", "بياناتها", "نتائجها",
                "the company", "the firm", "the group", "its report", "its filing", "its quarterly filing",
                "its annual report", "its results", "its earnings", "تقديراتها", "تقديراته", "أرقامها", "أرقامه",
                "its estimates", "its own estimates", "its data"]

# Back-references to a platform. "app" ones name the service itself, so they skip a company-level
# mention (Meta, "the group") and refer to the last platform in focus; "company" ones name the firm.
BACKREF = ["هناك", "هنالك", "منصتها", "منصته", "تطبيقها", "تطبيقه", "متجرها", "متجره", "there", "its"]
BACKREF_APP = ["المنصة", "التطبيق", "القناة", "المتجر", "الموقع", "الخدمة", "السوق الإلكترونية", "the app",
                "the app's", "the platform", "the platform's", "the service", "the marketplace",
                "the marketplace's", "the site", "the channel", "the network", "the online marketplace",
                "the e-commerce platform", "the online retailer", "the retailer", "the shopping app",
                "the delivery app", "the e-commerce site", "the video app", "the social network"]
BACKREF_COMPANY = ["الشركة", "المجموعة", "the company", "the company's", "the firm", "the firm's", "the group",
                    "the group's"]
# "we", "our", "us" inside a quotation: the speaker's company (case-sensitive: "US" is a place).
FIRST_PERSON = ["we", "We", "our", "Our", "us", "ours", "لدينا", "عندنا", "منصتنا", "تطبيقنا", "متجرنا", "شركتنا",
                "مستخدمينا", "مستخدمونا", "عملائنا", "عملاؤنا", "طلباتنا", "مبيعاتنا", "إيراداتنا", "تجارنا",
                "بائعينا", "حصتنا"]
LATTER = ["الأخيرة", "الأخير", "the latter", "the latter's"]
LAUNCH = ["acquired", "استحوذت عليها", "استحوذ عليها", "استحوذت عليه", "bought it", "انطلقت", "انطلق", "تأسست",
          "تأسس", "أسست", "منذ", "مواليد", "launched", "founded", "since", "born", "established", "opened", "افتتحت",
          "افتتح", "dating from"]
# Clause openers that continue the previous figure's clause (inherit its context).
ADJUNCT = ["بعدما كان", "بعدما كانت", "بعد أن كان", "بعد أن كانت",
           "مقابل", "بزيادة", "بارتفاع", "بنمو", "بانخفاض", "بتراجع", "بمتوسط", "بنسبة", "أي",
            "ما يعادل", "في حين", "بينما", "فيما", "compared with", "compared to", "against", "versus", "vs",
            "up", "down", "an increase", "a rise", "a jump", "a decline", "representing", "or",
            "while", "whereas", "with", "below", "above", "short of", "ahead of", "beating", "missing", "shy of",
            "a touch below", "a touch above", "well above", "well below", "slightly below", "slightly above",
            "just below", "just above", "far above", "far below", "أعلى من", "أقل من", "أي أعلى", "أي أقل",
            "to", "إلى", "which", "which would give", "giving", "making it", "tripling", "doubling", "quadrupling",
            "rising", "growing", "falling", "jumping", "climbing", "increasing", "declining", "slipping",
            "متجاوزا", "متجاوزة", "متخطيا", "متفوقا", "مرتفعا", "مرتفعة", "منخفضا",
            # "rose 40% in 2024, reaching $380 million": the level the growth brought the metric to
            "reaching", "hitting", "bringing it to", "taking it to",
            # «..., وأن يبلغ في الإمارات 900 مليون درهم»: the same figure elsewhere, its noun left out
            "أن يبلغ", "أن تبلغ", "أن يصل", "أن تصل", "يقارن", "فيقارن", "تقارن", "مقارنة ب", "مقارنة"]

