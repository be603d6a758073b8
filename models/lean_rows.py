"""The first path of the `metric-updates` decoder: msgspec reads the bytes, a lean loop checks the rest.

pydantic-core validating the 8 fields of an update against the model's constraints is most of
the decoder's cost (~15.8k instructions per update of a 500-update array); msgspec decodes the
same JSON into structs of plain types, closed sets and bounds, all checked in C, in ~4.6k. The
whole message costs ~17k instructions per update this way against ~25k by the model's rows
(docs/performance.md, "The decoder"). The path accepts a strict SUBSET of what MetricUpdate accepts: each
field passes only values the model accepts and keeps unchanged (or, for a platform, turns into
what the model's own validator turned it into), and anything the path is not sure of (another
spelling of an event time, whitespace at either end of an id, a platform the model refuses, any
rejection at all) makes it return None: the model-derived rows in `models.codec` then decide,
and word the reason. When it accepts, its rows are the dicts those rows would be: the same keys
(an omitted optional field absent, an explicit null None), in the model's field order, with the
same values and types. tests/models/test_update_rows.py holds the two to that.
"""

from __future__ import annotations

from datetime import datetime
from string import ascii_uppercase
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, get_args

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType
from pydantic import TypeAdapter, ValidationError

from models.fields import EARLIEST_EVENT, IDENTIFIER_MAX_LENGTH, MAX_ABS_VALUE
from models.metric_update import (
    BATCH_MAX_UPDATES,
    SOURCE_MAX_LENGTH,
    MetricBatch,
    MetricUpdate,
    UpdateRow,
    consistency_problem,
)

REGION_SPELLINGS: Final = (*sorted(a + b for a in ascii_uppercase for b in ascii_uppercase), "global", "SEA",
                           "MENA", "EU")
"""Every string REGION_PATTERN matches (`[A-Z]{2}|global|SEA|MENA|EU`): a closed set msgspec checks in C."""

if TYPE_CHECKING:
    Metric = str
    Unit = str
    Region = str
else:  # the model's own Literals: msgspec checks them in C and returns their (hashed) objects
    Metric = Literal[get_args(MetricUpdate.model_fields["metric"].annotation)]
    Unit = Literal[get_args(MetricUpdate.model_fields["unit"].annotation)]
    Region = Literal[REGION_SPELLINGS]
Value = Annotated[float, Meta(ge=-MAX_ABS_VALUE, le=MAX_ABS_VALUE)]
"""msgspec's float takes a JSON integer as its float and refuses a bool and out-of-range numbers
(`1e400`), as pydantic's strict finite float does. No `Meta(pattern=...)` anywhere: msgspec runs
patterns with Python's `re` (~2 µs per update)."""
Identifier = Annotated[str, Meta(min_length=1, max_length=IDENTIFIER_MAX_LENGTH)]
Source = Annotated[str, Meta(max_length=SOURCE_MAX_LENGTH)]


class LeanUpdate(Struct, forbid_unknown_fields=True, gc=False):
    """MetricUpdate's fields, as msgspec checks them. UNSET tells an omitted field from a null."""

    platform: str
    metric: Metric
    value: Value
    unit: Unit
    observed_at: str
    region: Region | UnsetType | None = UNSET
    source: Source | UnsetType | None = UNSET
    update_id: Identifier | UnsetType | None = UNSET


class LeanBatch(Struct, forbid_unknown_fields=True, gc=False):
    """MetricBatch's fields, as msgspec checks them."""

    updates: Annotated[list[LeanUpdate], Meta(min_length=1, max_length=BATCH_MAX_UPDATES)]
    batch_id: Identifier | UnsetType | None = UNSET


def _same_fields(struct: type[Struct], model: type[Any]) -> None:
    """A field added to the model and not here would let this path pass rows without it: refuse to import."""
    names = struct.__struct_fields__
    required = set(names[:len(names) - len(struct.__struct_defaults__)])
    if set(names) != set(model.model_fields) or required != {
            name for name, info in model.model_fields.items() if info.is_required()}:
        raise TypeError(f"{struct.__name__} and {model.__name__} have different fields")


_same_fields(LeanUpdate, MetricUpdate)
_same_fields(LeanBatch, MetricBatch)

_UPDATE: Final = msgspec.json.Decoder(LeanUpdate)
_UPDATES: Final = msgspec.json.Decoder(list[LeanUpdate])
_BATCH: Final = msgspec.json.Decoder(LeanBatch)
_EARLIEST_TS: Final = EARLIEST_EVENT.timestamp()

_SHAPE: Final = bytes(48 if 48 <= b <= 57 else b if b in b"-T:.Z+" else 0xFF for b in range(256))
"""Every ASCII digit to `0`, the characters of the spelling kept, any other byte (non-ASCII too) to 0xFF."""
_FRACTIONS: Final = ("", *("." + "0" * n for n in range(1, 7)))
_UTC_SHAPES: Final = frozenset(f"0000-00-00T00:00:00{f}Z".encode() for f in _FRACTIONS)
_OFFSET_SHAPES: Final = frozenset(f"0000-00-00T00:00:00{f}{sign}00:00".encode() for f in _FRACTIONS for sign in "+-")
"""With `_UTC_SHAPES`: ISO_INSTANT_PATTERN without its ranges. `lean_rows` checks the hour (and an
offset's hour and minute) as text, and `datetime.fromisoformat` refuses a month, day, minute or
second out of range (datetime's own invariants), so a spelling that passes matches the pattern."""

CACHE_MAX: Final = 4096


class PlatformVerdicts:
    """pydantic's own verdict on a platform string, remembered: a feed carries a few platforms.

    `known` maps a string to what the model's field validator makes of it (`" TikTok "` to
    `"tiktok"`); `learn` asks the validator about a new one, None when it refuses it. Refusals are
    not remembered (the model's path refuses the message again, and words why); at CACHE_MAX
    strings the memory starts over, so it stays bounded.
    """

    def __init__(self) -> None:
        info = MetricUpdate.model_fields["platform"]
        self._adapter: TypeAdapter[str] = TypeAdapter(Annotated[(info.annotation, *info.metadata)])  # type: ignore[arg-type]
        self.known: dict[str, str] = {}

    def learn(self, raw: str) -> str | None:
        try:
            value = self._adapter.validate_python(raw)
        except ValidationError:
            return None
        if len(self.known) >= CACHE_MAX:
            self.known = {}
        self.known[raw] = value
        return value


PLATFORMS: Final = PlatformVerdicts()


def lean_rows(data: bytes, latest: float) -> list[tuple[float, UpdateRow]] | None:
    """The rows and event times of one message, or None when the model's path must decide.

    An `update_id` (or `batch_id`) is taken when `str.strip` leaves it as it is: that strips every
    character pydantic-core strips (Unicode White_Space) and a few more (`\\x1c`–`\\x1f`), whose ids
    take the model's path.
    """
    head = data[:1]
    if head != b"{" and head != b"[":
        head = data.lstrip()[:1]
    try:
        if head == b"[":
            updates = _UPDATES.decode(data)
        elif head == b"{":
            try:  # the common single update first: a batch fails at its first key
                updates = [_UPDATE.decode(data)]
            except msgspec.ValidationError:
                batch = _BATCH.decode(data)
                if batch.batch_id.__class__ is str and batch.batch_id != batch.batch_id.strip():
                    return None
                updates = batch.updates
        else:
            return None
    except msgspec.DecodeError:
        return None
    platforms, learn_platform = PLATFORMS.known, PLATFORMS.learn
    utc_shapes, offset_shapes, shape = _UTC_SHAPES, _OFFSET_SHAPES, _SHAPE
    parse = datetime.fromisoformat
    timed: list[tuple[float, UpdateRow]] = []
    for update in updates:
        raw, spelled, update_id = update.platform, update.observed_at, update.update_id
        platform = platforms.get(raw) or learn_platform(raw)
        if platform is None or (update_id.__class__ is str and update_id != update_id.strip()):
            return None
        try:  # ValueError: a date that does not exist, a minute or second out of range (or a lone surrogate)
            spelling = spelled.encode().translate(shape)
            if (spelling not in utc_shapes and (spelling not in offset_shapes or spelled[-5] > "2" or spelled[-2] > "5"
                                                or (spelled[-5] == "2" and spelled[-4] > "3"))) or (
                    spelled[11] > "2" or (spelled[11] == "2" and spelled[12] > "3")):
                return None  # not the shape, or an hour (of the time or the offset) or an offset minute out of range
            observed_at = parse(spelled)
        except ValueError:
            return None
        ts = observed_at.timestamp()
        metric, value, unit = update.metric, update.value, update.unit
        if ts < _EARLIEST_TS or consistency_problem(metric, unit, value, observed_at, ts, latest):
            return None
        region, source = update.region, update.source
        row: dict[str, Any] = {"platform": platform, "metric": metric, "value": value, "unit": unit,
                               "observed_at": observed_at, "region": region, "source": source, "update_id": update_id}
        if region is UNSET or source is UNSET or update_id is UNSET:  # omitted: absent, as in the model's rows
            for name in ("region", "source", "update_id"):
                if row[name] is UNSET:
                    del row[name]
        timed.append((ts, row))
    return timed or None  # an empty array is the model's path's to refuse
