"""Every record example in the README decodes; every bad one is rejected with its message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import models
from models import DecodeError, decode, decode_updates, encode

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
GOOD = re.findall(r"```json (\w+)\n(.*?)\n```", README, re.S)
BAD = re.findall(r"```json bad-(\w+)\n(.*?)\n```\n→ `([^`]+)`", README, re.S)


def test_readme_has_examples_of_every_record() -> None:
    assert {name for name, _ in GOOD} >= {"MetricUpdate", "MetricBatch", "Article", "Signal", "WindowAggregate",
                                          "DeadLetter"}
    assert len(BAD) >= 8


@pytest.mark.parametrize(("name", "text"), GOOD, ids=[name for name, _ in GOOD])
def test_good_example_round_trips(name: str, text: str) -> None:
    model = getattr(models, name)
    record = decode(text.encode(), model)
    assert decode(encode(record), model) == record


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[m for _, _, m in BAD])
def test_bad_example_is_rejected_with_its_message(name: str, text: str, message: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode_updates(text.encode())
    assert caught.value.reason == "invalid"
    assert message in caught.value.detail
