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
    stamp = f"{profile.platform}-{int(at.timestamp() * 1000)}-{tick}"
    users = float(round(profile.active_users * (1 + 0.01 * rng.uniform(-1, 1))))

    def update(metric: str, value: float, unit: str, suffix: str) -> MetricUpdate:
        return MetricUpdate(platform=profile.platform, metric=metric, value=value, unit=unit, observed_at=at,
                            region=region, source="demo", update_id=f"{stamp}-{suffix}")

    return [
        update("sessions", float(sessions), "count", "s"),
        update("orders", float(orders), "count", "o"),
        update("gmv", gmv, CURRENCY_OF[region], "g"),
        update("active_users", users, "users", "u"),
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
