"""Child of the crash test: apply, flush, commit, apply more, then die without closing."""

from __future__ import annotations

import json
import os
import sys

from streams.state import RocksStore
from streams.windows import WindowEngine
from tests.state.scenario import SPECS, make_events
from tests.windows.reference import row_key


def main(path: str, out: str, n_total: int, n_committed: int) -> None:
    events = make_events(n_total)
    engine = WindowEngine(SPECS, clock=lambda: 0.0)
    store = RocksStore(path)
    published = []
    for offset, event in enumerate(events[:n_committed]):
        event.apply_to(engine)
        if offset % 97 == 0 or offset == n_committed - 1:
            result = engine.flush()
            published += [[*row_key(r), r.value, r.count] for r in result.finals]
            store.commit(engine.export_changes(), {"signals:0": offset})
    with open(out, "w") as f:
        json.dump(published, f)
    for event in events[n_committed:]:  # applied, flushed, never committed
        event.apply_to(engine)
    engine.flush()
    os._exit(1)  # a crash: no close, no final commit


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
