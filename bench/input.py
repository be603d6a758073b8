"""The benchmark input: deterministic metric updates as the exact bytes both systems consume.

48 series (16 platforms x sessions/orders/gmv, one region per platform), event times in
event-time order over `span_s` seconds that end a few minutes before now (so every window
can close by event time), with up to `jitter_s` of disorder (less than the 10 s grace, so no
update is late). Values are multiples of 0.25: sums of them are exact in binary floating
point whatever the order of addition, so "exact" can mean bit-for-bit equal.

After the data, one *watermark update* per series (value 0, event time past the last
window's end + grace) closes every data window by event time in both systems: ours keeps a
watermark per `signals` partition, Quix per key ("key" closing strategy), and both see every
series' watermark update. The watermark updates' own windows stay open and are not checked.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

PLATFORMS: tuple[str, ...] = (
    "tiktok", "facebook", "instagram", "snapchat", "shopee", "noon", "amazon", "lazada",
    "tokopedia", "temu", "shein", "youtube", "pinterest", "kuaishou", "douyin", "taobao",
)
REGIONS: tuple[str, ...] = ("SA", "AE", "EG", "KW", "QA", "BH", "OM", "JO", "US", "GB", "DE", "FR", "ID", "MY",
                            "SG", "TH")
METRICS: tuple[tuple[str, str], ...] = (("sessions", "count"), ("orders", "count"), ("gmv", "USD"))
WINDOW_S = 60
GRACE_S = 10


@dataclass(frozen=True, slots=True)
class SeriesKey:
    platform: str
    metric: str
    region: str
    unit: str

    @property
    def label(self) -> str:
        """`platform|metric|region|unit`: the part of a window key before the window start."""
        return f"{self.platform}|{self.metric}|{self.region}|{self.unit}"


SERIES: tuple[SeriesKey, ...] = tuple(
    SeriesKey(platform, metric, REGIONS[i], unit)
    for i, platform in enumerate(PLATFORMS) for metric, unit in METRICS
)


@dataclass(frozen=True, slots=True)
class Update:
    series: int
    """Index into SERIES."""
    ts_ms: int
    value: float
    update_id: str


@dataclass(slots=True)
class Workload:
    """One input shape: the messages (key, value) to pre-load, and what they contain."""

    name: str
    messages: list[tuple[bytes, bytes]]
    updates: int
    """Data updates (without the watermark updates)."""
    watermark_updates: int
    first_ts_ms: int
    last_ts_ms: int
    updates_per_message: int
    meta: dict[str, object] = field(default_factory=dict)


_ISO_CACHE: dict[int, str] = {}


def iso_ms(ts_ms: int) -> str:
    """Epoch milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ` (what a producer would send)."""
    second, ms = divmod(ts_ms, 1000)
    head = _ISO_CACHE.get(second)
    if head is None:
        head = _ISO_CACHE[second] = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
    return f"{head}.{ms:03d}Z"


def encode_update(update: Update) -> bytes:
    s = SERIES[update.series]
    return (f'{{"platform":"{s.platform}","metric":"{s.metric}","value":{update.value!r},"unit":"{s.unit}",'
            f'"observed_at":"{iso_ms(update.ts_ms)}","region":"{s.region}","source":"bench",'
            f'"update_id":"{update.update_id}"}}').encode()


def time_base(now: float | None = None, span_s: int = 240, margin_s: int = 180) -> int:
    """Start of the data (epoch seconds, minute-aligned): it ends `margin_s` or more before now."""
    now = time.time() if now is None else now
    return (int(now) - margin_s - span_s) // WINDOW_S * WINDOW_S


def generate(count: int, start_s: int, span_s: int = 240, jitter_s: float = 2.0, seed: int = 7,
             prefix: str = "u") -> Iterator[Update]:
    """`count` updates in event-time order (up to `jitter_s` early), spread over `span_s`."""
    rng = random.Random(seed)
    start_ms = start_s * 1000
    span_ms = span_s * 1000
    jitter_ms = int(jitter_s * 1000)
    nseries = len(SERIES)
    for i in range(count):
        ts = start_ms + span_ms * i // count - rng.randrange(jitter_ms + 1)
        ts = max(ts, start_ms)
        series = rng.randrange(nseries)
        metric = SERIES[series].metric
        if metric == "sessions":
            value = float(rng.randrange(1, 60))
        elif metric == "orders":
            value = float(rng.randrange(0, 6))
        else:
            value = rng.randrange(1, 40_000) / 4
        yield Update(series, ts, value, f"{prefix}{i}")


def watermark_updates(last_ts_ms: int, prefix: str = "wm") -> list[Update]:
    """One zero-valued update per series, past the end + grace of the last data window."""
    last_window_end_s = (last_ts_ms // 1000 // WINDOW_S + 1) * WINDOW_S
    ts_ms = (last_window_end_s + GRACE_S + 5) * 1000
    return [Update(i, ts_ms, 0.0, f"{prefix}{i}") for i in range(len(SERIES))]


def build(name: str, updates: Iterable[Update], per_message: int, observe: Callable[[Update], None],
          watermark_prefix: str = "wm") -> Workload:
    """Messages of `per_message` updates (1: one JSON object each; more: JSON arrays of one
    platform, as `streams.publisher.Publisher` sends them), keyed by platform, then the
    watermark updates (one message each). Every data update is passed to `observe` (the reference)."""
    pending: dict[str, list[bytes]] = {}
    messages: list[tuple[bytes, bytes]] = []
    count = 0
    first = last = -1
    for u in updates:
        observe(u)
        count += 1
        if first < 0:
            first = u.ts_ms
        last = max(last, u.ts_ms)
        platform = SERIES[u.series].platform
        if per_message == 1:
            messages.append((platform.encode(), encode_update(u)))
            continue
        group = pending.setdefault(platform, [])
        group.append(encode_update(u))
        if len(group) >= per_message:
            messages.append((platform.encode(), b"[" + b",".join(group) + b"]"))
            pending[platform] = []
    for platform, group in pending.items():
        if group:
            messages.append((platform.encode(), b"[" + b",".join(group) + b"]"))
    marks = watermark_updates(last, watermark_prefix)
    messages.extend((SERIES[u.series].platform.encode(), encode_update(u)) for u in marks)
    return Workload(name=name, messages=messages, updates=count, watermark_updates=len(marks), first_ts_ms=first,
                    last_ts_ms=last, updates_per_message=per_message)
