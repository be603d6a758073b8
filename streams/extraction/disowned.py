"""Numbers a sentence writes but does not state as a platform's figure.

A counterfactual («ولو بلغت هدفها لتجاوزت ...»), what is denied, only claimed or hearsay
(«نفت تقريراً عن أن ...», «منشور يزعم أن», «يُقال إن», "denied a report that"), a figure of "any other
platform" («أي منصة أخرى»), a share spread across many («موزعاً على متاجر صغيرة وحسابات X»), and a number
word inside a quoted name («ربع للأبحاث»). Each check runs only when its words occur in the sentence, so
the common sentence pays for none of them. What a correction withdraws is `corrections.retracted_span`'s.
"""

from __future__ import annotations

import re

from .numbers.quantity import Quantity
from .sentence import Sentence

_COUNTERFACTUAL = re.compile(r"(?<!\w)[وف]?لو(?!\w)")
_DENIED = re.compile(r"(?<!\w)[وف]?(?:نفت|نفي|تنفي|ينفي|يزعم|تزعم|زعم|زعمت|يدعي|تدعي|ادعي|ادعت|يقال|denied|denies"
                     r"|rumou?red)(?!\w)")
_DENIED_GATE = re.compile("نفت|نفي|deni|زعم|دعي|ادع|يقال|rumo")
_REPORT_NOUNS = {"report", "reports"}  # "denied a report that ...": what is denied, not one who speaks
_ANY_OTHER = re.compile(r"(?<!\w)(?:اي\s+(?:منصه|تطبيق|متجر|شركه)(?:\s+اخري)?|(?:منصات|تطبيقات|متاجر)\s+اخري"
                        r"|(?:any|no)\s+other\s+(?:platform|app|marketplace|retailer|rival)s?)(?!\w)",
                        re.IGNORECASE)
# The writer's own business through a platform («طلباتنا نحن عبر «X»», "our own orders through X"): a
# merchant's or agency's figure, not the platform's.
_OURS_WORD = re.compile(r"(?:طلبات|مبيعات|عملاء|ايرادات|ارباح)نا|our\s+(?:own\s+)?(?:orders|sales|customers|revenue)")
_OURS_THROUGH = re.compile(r"(?<!\w)(?:(?:طلبات|مبيعات|عملاء|ايرادات|ارباح)نا(?:\s+نحن)?\s+(?:عبر|علي|من\s+خلال)"
                           r"|our\s+(?:own\s+)?(?:orders|sales|customers|revenue)\s+(?:through|via|on))\s*\"?\s*\Z")
# One person's own numbers («أنا شخصياً أبيع 150 طلباً بالشهر»، «أنا أبيع ... جاب لي مبيعات ثلاث مرات»): a
# seller's or buyer's anecdote. A spokesman's «أنا» speaks for «we» («أنا فخور بأن مبيعاتنا ...»).
_I = re.compile(r"(?<!\w)[وف]?انا(?!\w)")
_WE = re.compile(r"\w\wنا(?!\w)|(?<!\w)نحن(?!\w)")
# One category's sales («مبيعات فئة العطور», «طلبات قسم الإلكترونيات»): a part of a platform, not its figure.
_CATEGORY = re.compile(r"(?<!\w)[وف]?(?:ال)?(?:مبيعات|طلبات|ايرادات|عائدات|قيمه\s+مبيعات)\s+"
                       r"(?:فئه|فئات|قسم|اقسام)(?!\w)")
_SPREAD = re.compile(r"(?<!\w)(?:ما\s+زال\s+)?(?:موزع\w*|توزع\w*|spread\s+(?:across|among|over)"
                     r"|split\s+(?:among|between))(?!\w)")


def counterfactual_start(text: str) -> int | None:
    """Where «لو» opens a scenario (it needs no modal to be one, unlike "if")."""
    if "لو " not in text or not (" لو " in text or "ولو " in text or "فلو " in text or text.startswith("لو ")):
        return None
    match = _COUNTERFACTUAL.search(text)
    return match.start() if match else None


def disowned_span(sent: Sentence) -> tuple[int, int]:
    """(start, end) of what the sentence denies, calls a claim or hearsay: up to the next one who speaks
    («..., وقالت إن ...»); (0, 0) when there is none."""
    text = sent.text
    denied = _DENIED.search(text) if _DENIED_GATE.search(text) else None
    if denied is None:
        return 0, 0
    speaks = next((h.start for h in sent.hits if h.cat in ("src_prep", "src_verb") and h.start > denied.end()
                   and text[h.start : h.end] not in _REPORT_NOUNS), len(text))
    return denied.start(), speaks


class NotOnesFigure:
    """Checks of one sentence's quantities for figures that are no one platform's."""

    def __init__(self, sent: Sentence) -> None:
        text = sent.text
        self.sent = sent
        self.other = "اخري" in text or "other" in text
        self.spread = "وزع" in text or "spread" in text or "split" in text
        found_i = _I.search(text) if "انا" in text else None
        self.category = "فئ" in text or "قسم" in text or "اقسام" in text
        self.mine = found_i.start() if found_i and not _WE.search(text) else None
        self.ours = [h.start for h in sent.hits if h.cat == "platform"] if _OURS_WORD.search(text) else []

    def __call__(self, q: Quantity) -> bool:
        sent = self.sent
        text = sent.text
        clause = sent.clauses[sent.clause_of(q.start)]
        if self.other and _ANY_OTHER.search(text, clause.start, q.lead):
            return True  # «أي منصة أخرى لم تتجاوز حصتها 5%», "no other platform topped 5%"
        if self.spread and _SPREAD.search(text, q.end, clause.end):
            return True  # «ثلث السوق ما زال موزعاً على متاجر صغيرة وحسابات «إنستغرام»»: a share of many
        if self.category and _CATEGORY.search(text, clause.start, min(clause.end, q.end + 25)):
            return True  # «تضاعفت مبيعات فئة العطور ثلاث مرات»: one category's growth
        if self.mine is not None and self.mine < q.start:
            return True  # «أنا شخصياً أبيع 150 طلباً»: one person's own figure
        if any(clause.start <= at < q.lead and _OURS_THROUGH.search(text, max(clause.start, at - 40), at)
               for at in self.ours):
            return True  # «طلباتنا نحن عبر «نون» بلغت 12 ألف طلب»: the writer's own orders
        return q.words and _in_quoted_name(text, q.start, q.end)  # «ربع للأبحاث»: part of the name


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """Inside a short span between quotes (a name: «ربع للأبحاث»), not a quoted sentence."""
    opening = text.rfind('"', max(0, start - 30), start)
    closing = text.find('"', end, end + 30)
    return 0 <= opening < closing <= opening + 32 and text.count('"', 0, opening) % 2 == 0
