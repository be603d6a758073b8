"""A synthetic but realistic metric-update feed, for demos, `make run` and benchmarks."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from models import MetricUpdate

REGION_OF = {"tiktok": "US", "facebook": "US", "instagram": "AE", "snapchat": "SA", "shopee": "ID",
             "noon": "AE", "amazon": "US", "temu": "GB", "lazada": "ID", "youtube": "US"}
CURRENCY_OF = {"US": "USD", "AE": "AED", "SA": "SAR", "ID": "IDR", "GB": "GBP"}


@dataclass(frozen=True)
class PlatformProfile:
    """Per-tick means; conversion rate and basket size are what a dashboard should show."""

    platform: str
    sessions_per_tick: int
    conversion_pct: float
    basket: float
    active_users: float

    @property
    def region(self) -> str:
        return REGION_OF.get(self.platform, "US")


def default_profiles(platforms: list[str], seed: int = 7) -> list[PlatformProfile]:
    rng = random.Random(seed)
    return [PlatformProfile(p, rng.randint(500, 3000), round(rng.uniform(0.8, 9.5), 2),
                            round(rng.uniform(15, 90), 2), float(rng.randint(5, 300) * 1_000_000))
            for p in platforms]


def updates_for_tick(profile: PlatformProfile, at: datetime, rng: random.Random, tick: int) -> list[MetricUpdate]:
    """One tick of one platform: sessions, orders and GMV counters and an active-users gauge."""
    sessions = max(1, int(rng.gauss(profile.sessions_per_tick, profile.sessions_per_tick * 0.1)))
    orders = sum(1 for _ in range(sessions) if rng.random() * 100 < profile.conversion_pct)
    gmv = round(orders * rng.uniform(profile.basket * 0.8, profile.basket * 1.2), 2)
    region = profile.region
    common = {"platform": profile.platform, "region": region, "observed_at": at, "source": "demo"}
    stamp = f"{profile.platform}-{int(at.timestamp() * 1000)}-{tick}"
    users = profile.active_users * (1 + 0.01 * rng.uniform(-1, 1))
    return [
        MetricUpdate(metric="sessions", value=float(sessions), unit="count", update_id=f"{stamp}-s", **common),
        MetricUpdate(metric="orders", value=float(orders), unit="count", update_id=f"{stamp}-o", **common),
        MetricUpdate(metric="gmv", value=gmv, unit=CURRENCY_OF[region], update_id=f"{stamp}-g", **common),
        MetricUpdate(metric="active_users", value=round(users), unit="users", update_id=f"{stamp}-u", **common),
    ]


def feed(platforms: list[str], rate: float, seed: int = 7, limit: int | None = None) -> Iterator[list[MetricUpdate]]:
    """Yield one list of updates per tick, `rate` ticks a second (per platform), event time = now."""
    rng = random.Random(seed)
    profiles = default_profiles(platforms, seed)
    interval = 1.0 / rate if rate > 0 else 0.0
    tick = 0
    next_at = time.monotonic()
    while limit is None or tick < limit:
        now = datetime.now(UTC)
        batch: list[MetricUpdate] = []
        for profile in profiles:
            batch.extend(updates_for_tick(profile, now, rng, tick))
        yield batch
        tick += 1
        next_at += interval
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
