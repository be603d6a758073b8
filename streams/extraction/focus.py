"""What a figure takes from the article in focus when its own sentence leaves it open (Arabic press).

«وقالت إنها تستهدف ...، مستفيدة من «يوتيوب»»: "she" is the platform in focus, not one a later clause names;
an owner's own figure («أعلنت «بي دي دي» أن إيراداتها») is the company's when the text names two of its
platforms; a past figure naming no period in a paragraph about one quarter («... خلال الربع الأول. وبلغ معدل
التحويل 4.8%») is that quarter's, and «خلال العام» with nothing after it is the year in focus.
"""

from __future__ import annotations

import re

from .kinds import NOW
from .memory import Memory
from .mentions import Mention
from .numbers.quantity import Quantity
from .periods import PeriodMention
from .platforms import slug
from .segments import Clause
from .sentence import Sentence

# A sentence opening with a speech verb whose subject is a pronoun («وقالت إنها», «وأضاف أنه»).
_SHE_SAID = re.compile(r"\W*[وف]?(?:قالت|قال|اضافت|اضاف|اوضحت|اوضح|ذكرت|ذكر|اكدت|اكد)\s+[بل]?ان(?:ها|ه)(?!\w)")
# A present-tense verb of a figure: «تستحوذ «أمازون» على 24%» states a figure for now.
_PRESENT_AR = re.compile(r"(?<!\w)[وف]?[تي](?:بلغ|ستحوذ|سيطر|صل|ضم|سجل|تجاوز|حقق|مثل|عادل|فوق|زيد|ملك|تصدر)(?!\w)")
_DURING_THE_YEAR = re.compile(r"(?<!\w)(?:خلال|طوال)\s+العام(?=\s*[،,.;:]|\s*\Z)")
_ARABIC_TEXT = re.compile(r"\W*[\u0600-\u06ff]")


class InFocus:
    """The platform and period in focus, for the figures of one sentence."""

    def __init__(self, sent: Sentence, mentions: list[Mention], memory: Memory) -> None:
        self.sent = sent
        self.mentions = mentions
        self.memory = memory
        self.she_said = bool(sent.quantities) and _SHE_SAID.match(sent.text) is not None
        self.arabic = _ARABIC_TEXT.match(sent.text) is not None
        self.during = "العام" in sent.text

    def platform(self, platform: str, q: Quantity, clause: Clause) -> str:
        memory, mentions = self.memory, self.mentions
        owner = next((m.owner_name for m in mentions if m.owner_name and m.platform == platform),
                     None) if memory.split_owners else None
        if owner in memory.split_owners and not any(
                m.explicit and not m.owner_name and m.platform == platform and clause.start <= m.start < clause.end
                for m in mentions):
            return slug(owner)  # beside «تيمو» and «بيندودو»: PDD Holdings' own
        if (self.she_said and memory.topic and platform != memory.topic
                and not any(m.explicit and m.start < q.start for m in mentions)):
            return memory.topic
        return platform

    def period(self, periods: list[tuple[PeriodMention, str | None]], q: Quantity, clause: Clause,
               metric: str) -> str | None:
        memory, text = self.memory, self.sent.text
        if (self.arabic and "-Q" in (memory.last_period or "") and memory.year_paragraph == memory.paragraph
                and not periods and not metric.startswith("growth")
                and not NOW.search(text, clause.start, clause.end) and not _PRESENT_AR.search(text, 0, q.lead)):
            return memory.last_period
        if self.during and memory.last_year and _DURING_THE_YEAR.search(text, clause.start, clause.end):
            return memory.last_year
        return None
