"""The reported-figures table: the latest figure articles gave per platform, metric, unit,
region, period and kind, with a short history.

Updates are idempotent (a signal id is applied once; the latest by publication time wins,
ties broken by signal id), so replaying articles after a crash changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson

from models import ReportedFigure, Signal

HISTORY = 20


@dataclass
class ReportedTable:
    """In memory per partition; `changes()` yields what a store must persist."""

    rows: dict[str, ReportedFigure] = field(default_factory=dict)
    history: dict[str, list[tuple[str, float, str]]] = field(default_factory=dict)
    _dirty: set[str] = field(default_factory=set)

    def update(self, signal: Signal) -> ReportedFigure | None:
        """Apply an article signal; return the row when the table's latest value changed."""
        row = ReportedFigure.model_construct(
            platform=signal.platform, metric=signal.metric, unit=signal.unit, region=signal.region,
            period=signal.period, kind=signal.kind, value=signal.value, qualifier=signal.qualifier,
            source=signal.source, article_id=signal.article_id, signal_id=signal.signal_id,
            observed_at=signal.observed_at, revisions=1,
        )
        key = row.key
        entries = self.history.setdefault(key, [])
        if any(entry[2] == signal.signal_id for entry in entries):
            return None
        entries.append((signal.observed_at.isoformat(), signal.value, signal.signal_id))
        entries.sort()
        del entries[:-HISTORY]
        self._dirty.add(key)
        current = self.rows.get(key)
        if current is not None and (current.observed_at, current.signal_id) >= (row.observed_at, row.signal_id):
            self.rows[key] = current.model_copy(update={"revisions": len(entries)})
            return None
        self.rows[key] = row.model_copy(update={"revisions": len(entries)})
        return self.rows[key]

    def for_platform(self, platform: str) -> list[ReportedFigure]:
        return sorted((r for r in self.rows.values() if r.platform == platform), key=lambda r: r.key)

    def changes(self) -> dict[bytes, bytes]:
        """Serialized rows changed since the last call."""
        out = {}
        for key in self._dirty:
            out[key.encode()] = orjson.dumps({"row": self.rows[key].model_dump(mode="json"),
                                              "history": self.history[key]})
        self._dirty.clear()
        return out

    def load(self, items: dict[bytes, bytes]) -> None:
        for key, data in items.items():
            stored = orjson.loads(data)
            self.rows[key.decode()] = ReportedFigure.model_validate(stored["row"])
            self.history[key.decode()] = [tuple(e) for e in stored["history"]]
