"""Regression floors on heldout_a and on the tuning split, scored by the shared scorer.

heldout_a was written blind (see heldout_a/README.md), but since 2026-11-24 its misses have been
diagnosed and the constructions behind them generalised with tests of their own
(test_generalisation.py): it is now a DEVELOPMENT set, not a blind one, and its score says little
about unseen articles. The blind figure is bench/heldout_b, which the tests never read.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from bench.extraction_score import predict, read_articles

HERE = Path(__file__).resolve().parent / "heldout_a"


SETS = Path(__file__).resolve().parent / "sets"

FLOORS = [
    # Reached 1.000 F1 (attributes >= 0.95) on 2026-11-24; the margin allows one or two slips.
    pytest.param(HERE, 0.95, 0.90, id="heldout_a"),
    # The tuning split of the blind corpus, tuned on since 2026-12-03, so a development set too:
    # 0.989 F1 on the first 24 articles it was tuned on; with the third writer's 12, which arrived
    # after the tuning and were not looked at, 0.909 (attributes >= 0.879, source lowest). Tuned on
    # all 36 for issue 14 (general constructions only): 0.982, attributes >= 0.976; 0.990, attributes
    # >= 0.988 after the second round.
    pytest.param(SETS / "tune", 0.97, 0.96, id="tune"),
    # The second tuning half: F1 0.545 at first contact, 0.919 after tuning on it (issue 14), 0.976
    # (attributes >= 0.951) after the period, region, source and metric constructions of the second round.
    pytest.param(SETS / "tune2", 0.95, 0.93, id="tune2"),
    # The third corpus's tuning half (g6 English filings, transcripts, research summaries, trade press; g7 Arabic
    # Maghreb/Levant press, threads, scripts): F1 0.696 at first contact, 0.969 (attributes >= 0.855, region
    # lowest) after the general constructions of issue 14's third round.
    pytest.param(SETS / "tune3", 0.95, 0.83, id="tune3"),
]


@pytest.mark.parametrize(("folder", "f1", "attributes"), FLOORS)
def test_floor(scorer: ModuleType, folder: Path, f1: float, attributes: float) -> None:
    """What was reached on a set tuned on, with a margin for a slip or two."""
    predicted = predict(read_articles(folder / "articles.jsonl"))
    result, _errors = scorer.score(scorer.load(str(folder / "gold.jsonl")), predicted)
    assert result["f1"] >= f1, result
    assert all(value >= attributes for value in result["attribute_accuracy"].values()), result
