"""Annotated field types shared by the records.

Every constraint here is one pydantic-core checks in Rust (patterns, literals, bounds,
aware datetimes): validation is on the hot path of every metric update, and a Python
validator per field cost ~4 µs per update. The messages a person reads are written by
`models.errors.describe`, from the error type, only when something is wrong.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints

from models.vocab import ISO_4217, METRIC_UNITS, NON_MONEY_UNITS

EARLIEST_EVENT = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=1)
MAX_ABS_VALUE = 1e15
"""Larger than any platform's yearly GMV in any currency we carry; beyond it a value is a bug."""

IDENTIFIER_MAX_LENGTH = 256
"""The longest `update_id` or `batch_id`, after its surrounding whitespace is stripped."""
PLATFORM_PATTERN = r"^\s*[A-Za-z0-9][A-Za-z0-9_]{0,63}\s*$"
"""Checked before the value is stripped and lower-cased: `TikTok` becomes `tiktok`."""
REGION_PATTERN = r"^([A-Z]{2}|global|SEA|MENA|EU)$"
PERIOD_PATTERN = r"^(19|20)\d\d(-Q[1-4])?$"

Platform = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=PLATFORM_PATTERN)]
if TYPE_CHECKING:  # closed sets built from the vocabulary; to a type checker they are strings
    Metric = str
    Unit = str
else:
    Metric = Literal[tuple(METRIC_UNITS)]
    Unit = Literal[tuple(sorted(NON_MONEY_UNITS | ISO_4217))]
Region = Annotated[str, StringConstraints(pattern=REGION_PATTERN)] | None
Period = Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)] | None
FiniteValue = Annotated[float, Field(allow_inf_nan=False, strict=True, ge=-MAX_ABS_VALUE, le=MAX_ABS_VALUE)]
UtcDatetime = AwareDatetime
EventTime = Annotated[AwareDatetime, Field(ge=EARLIEST_EVENT)]
Identifier = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=IDENTIFIER_MAX_LENGTH)]
