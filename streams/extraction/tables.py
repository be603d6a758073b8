"""Figures laid out as a table: a header row of metrics, then one row per platform.

    Platform       MAU (m)    Conv. rate          | Platform | GMV ($bn) | Share |
    Shopee         48.6       2.9%                | Zentro   | 4.2       | 31%   |

An analyst's estimates grid is the other way round: one platform (named in its caption), a row per metric,
a column per period marked actual or estimated ("2024A", "2025E"): see ``_grid``.

Sentence rules cannot read these: a cell's metric is in its column's header, its scale too ("(m)",
"($bn)"), and the row's platform is its first cell. The table's period and place are in its notes
("All figures: April-June 2025, Philippines only.") or the sentence introducing it; its source is the
one the text last credited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .candidate import Candidate
from .lexicon.matcher import scan
from .memory import Memory
from .normalize import fold
from .numbers.currencies import CURRENCY_AFTER, CURRENCY_WORDS, currency_before
from .numbers.quantity import Quantity
from .period_resolution import resolve_periods
from .sentence import Sentence

_CELL_GAP = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_RULE = re.compile(r"[\s|:+-]*")  # a markdown separator row "|---|:--:|"
_NUMBER = re.compile(r"(?P<sign>[-+−])?(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<scale>k|m|mn|bn|b|tn)?(?P<pct>\s*%)?"
                     r"(?![\w.])", re.IGNORECASE)
_SCALES = {"k": 1e3, "'000": 1e3, "000s": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9,
           "b": 1e9, "billion": 1e9, "tn": 1e12, fold("ألف"): 1e3, fold("مليون"): 1e6, fold("مليار"): 1e9}
_HEADER_SCALE = re.compile(r"\((?P<cur>[^()0-9]{0,5}?)\s*(?P<scale>" + "|".join(sorted(_SCALES, key=len, reverse=True))
                           + r")?\s*\)", re.IGNORECASE)
# Column names tables abbreviate ("Conv. rate", "CVR", "Share", "YoY"); the rest is the metric lexicon's.
_HEADER_WORDS = [(re.compile(r"(?<!\w)(?:conv\.?(?:\s+rate)?|cvr)(?!\w)", re.IGNORECASE), "conversion_rate"),
                 (re.compile(r"(?<!\w)(?:yoy|y/y|growth|change)(?!\w)", re.IGNORECASE), "growth_percent"),
                 (re.compile(r"(?<!\w)(?:aov|basket)(?!\w)", re.IGNORECASE), "average_order_value")]
_UNITS = {"active_users": "users", "sellers": "count", "orders": "count", "conversion_rate": "percent",
          "engagement_rate": "percent", "market_share": "percent", "growth_percent": "percent",
          "time_spent": "minutes"}
_MONEY = {"gmv", "revenue", "average_order_value"}


@dataclass(frozen=True, slots=True)
class _Column:
    metric: str
    scale: float
    currency: str | None
    percent: bool


@dataclass(frozen=True, slots=True)
class TableRow:
    """A data row: its line (body offsets) and the figures it yields."""

    start: int
    end: int
    figures: list[Candidate]


def _cells(line: str) -> list[tuple[int, str]]:
    """(offset in the line, text) of each cell; a line with fewer than two cells has none."""
    cells: list[tuple[int, str]] = []
    begin = 0
    for gap in [*_CELL_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        if line[begin:end].strip():
            cells.append((begin, line[begin:end]))
        if gap is None:
            break
        begin = gap.end()
    return cells if len(cells) >= 2 else []


def _column(header: str) -> _Column | None:
    metric = next((m for pattern, m in _HEADER_WORDS if pattern.search(header)), None)
    if metric is None:
        metric = next((h.payload for h in scan(fold(header)) if h.cat == "metric"), None)
    if metric is None:
        return None
    scale, currency = 1.0, None
    bracket = _HEADER_SCALE.search(header)
    if bracket:
        scale = _SCALES.get((bracket.group("scale") or "").lower(), 1.0)
        symbol = bracket.group("cur").strip()
        if symbol and symbol != "%":
            found = currency_before(symbol, len(symbol))
            word = CURRENCY_AFTER.match(" " + symbol.lower())
            currency = found[0] if found else (CURRENCY_WORDS[word.group("cur")] if word else None)
    return _Column(metric, scale, currency, "%" in header)


def _platform(cell: str, aliases: dict[str, tuple[str, str]]) -> str | None:
    name = cell.strip()
    if name in aliases:
        return aliases[name][0]
    hits = [h for h in scan(fold(name)) if h.cat == "platform"]
    return hits[0].payload if len(hits) == 1 and hits[0].end - hits[0].start >= len(name) - 6 else None


def _value(cell: str, column: _Column) -> tuple[int, int, float, str] | None:
    """(start, end, value, unit) of the one number a cell holds, read with its column's scale and unit."""
    numbers = list(_NUMBER.finditer(cell))
    if len(numbers) != 1:
        return None
    match = numbers[0]
    value = float(match.group("n").replace(",", ""))
    if match.group("sign") in ("-", "−"):
        value = -value
    unit = _UNITS.get(column.metric)
    start = match.start()
    if column.metric in _MONEY:
        before = currency_before(cell, match.start())
        after = CURRENCY_AFTER.match(cell.lower(), match.end())
        unit = before[0] if before else CURRENCY_WORDS[after.group("cur")] if after else column.currency
        start = before[1] if before else start
    if unit is None or (unit != "percent" and match.group("pct")):
        return None
    scale = _SCALES.get((match.group("scale") or "").lower(), column.scale) if unit != "percent" else 1.0
    return start, match.end(), value * scale, unit


def find_tables(text: str, aliases: dict[str, tuple[str, str]]) -> list[tuple[int, int, list[TableRow]]]:
    """(start, end, rows) of each table in the text: a header row naming a metric, then two platform rows."""
    if "  " not in text and "\t" not in text and "|" not in text:
        return []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    tables: list[tuple[int, int, list[TableRow]]] = []
    index = 0
    while index < len(lines):
        start, line = lines[index]
        header = _cells(line)
        columns = [_column(cell) for _offset, cell in header[1:]]
        index += 1
        if not any(columns):
            grid = _grid(lines, index - 1, aliases)
            if grid is not None:
                tables.append(grid)
                index += len(grid[2])
            continue
        rows: list[TableRow] = []
        while index < len(lines):
            row_start, row_line = lines[index]
            if _RULE.fullmatch(row_line):
                index += 1
                continue
            cells = _cells(row_line)
            platform = _platform(cells[0][1], aliases) if len(cells) == len(header) else None
            if platform is None:
                break
            figures = []
            for (offset, cell), column in zip(cells[1:], columns, strict=True):
                read = _value(cell, column) if column else None
                if column and read:
                    q = Quantity(offset + read[0], offset + read[1], read[2], read[3], lead=offset + read[0])
                    figures.append(Candidate(q, 0, platform, column.metric, read[3], "exact", "actual", None, None,
                                             None, None, None, 0.8, (row_start, row_start + len(row_line))))
            rows.append(TableRow(row_start, row_start + len(row_line), figures))
            index += 1
        if len(rows) >= 2:
            tables.append((start, rows[-1].end, rows))
    return tables


# An estimates grid: one platform's metrics as rows, periods as columns ("2024A  2025E  2026E", "FY24  FY25E").
#     Estimates grid: Zentro (US$bn unless stated)
#                 2024A     2025E
#     GMV         100.5     118.9
_PERIOD_CELL = re.compile(r"\s*(?:FY\s?)?(?P<year>(?:19|20)[0-9]{2}|[0-9]{2})(?P<mark>[AEFP])?\s*")
_CAPTION_UNIT = re.compile(r"\((?P<cur>US\$|[A-Z]{1,3}\$|[$£€¥₹]|[A-Z]{3})\s?(?P<scale>bn|mn|m|k|tn|billion|million)"
                           r"(?![a-z])")


def _grid(lines: list[tuple[int, str]], at: int, aliases: dict[str, tuple[str, str]]
          ) -> tuple[int, int, list[TableRow]] | None:
    """The estimates grid whose header of periods is line ``at`` (its caption the line before), or None."""
    header = _cells(lines[at][1])
    marks = [_PERIOD_CELL.fullmatch(cell) for _offset, cell in header]
    if at == 0 or not all(marks) or not any(m and m.group("mark") for m in marks):
        return None
    caption = lines[at - 1][1]
    named = {h.payload for h in scan(fold(caption)) if h.cat == "platform"}
    named |= {slug for name, (slug, _n) in aliases.items() if name in caption}
    if len(named) != 1:
        return None
    platform = named.pop()
    unit = _CAPTION_UNIT.search(caption)
    currency = currency_before(unit.group("cur"), len(unit.group("cur"))) if unit else None
    money = _Column("gmv", _SCALES[unit.group("scale").lower()], currency[0], False) if unit and currency else None
    periods = [(("20" + m.group("year"))[-4:], "actual" if m.group("mark") in (None, "A") else "forecast")
               for m in marks if m]
    rows: list[TableRow] = []
    for row_start, row_line in lines[at + 1 :]:
        cells = _cells(row_line)
        column = _column(cells[0][1]) if len(cells) == len(header) + 1 else None
        if not cells or len(cells) != len(header) + 1:
            break
        if column is not None and column.metric in _MONEY and money is not None and column.currency is None:
            column = _Column(column.metric, money.scale, money.currency, False)
        figures = []
        for (offset, cell), (period, kind) in zip(cells[1:], periods, strict=True):
            read = _value(cell, column) if column else None
            if column and read:
                q = Quantity(offset + read[0], offset + read[1], read[2], read[3], lead=offset + read[0])
                figures.append(Candidate(q, 0, platform, column.metric, read[3], "exact", kind, period, None,
                                         None, None, None, 0.8, (row_start, row_start + len(row_line))))
        rows.append(TableRow(row_start, row_start + len(row_line), figures))
    return (lines[at][0], rows[-1].end, rows) if len(rows) >= 2 else None


def table_context(text: str, start: int, end: int, published: datetime | None) -> tuple[str | None, str | None]:
    """(period, region) the notes under a table state, else the line introducing it."""
    after = text[end : end + 300].strip().split("\n\n")[0]
    before = text[max(0, start - 400) : start].strip().rsplit("\n", 1)[-1]
    period = region = None
    for note in (after, before):
        if not note:
            continue
        folded = fold(note)
        sent = Sentence(folded, False)
        named = {value for _m, value in resolve_periods(sent, Memory(), published) if value}
        quarters = {value for value in named if "-Q" in value}
        period = period or (quarters.pop() if len(quarters) == 1 else named.pop() if len(named) == 1 else None)
        # "US$bn" in a caption is the currency, not the place
        places = {h.payload for h in scan(folded) if h.cat == "region" and not folded.startswith("$", h.end)}
        region = region or (places.pop() if len(places) == 1 else None)
    return period, region
