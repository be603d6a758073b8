"""Every record example in docs/wire-format.md (and the one in the README) decodes; every bad one is
rejected with its message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import models
from models import DecodeError, decode, decode_updates, encode

REPO = Path(__file__).resolve().parents[2]
WIRE_FORMAT = (REPO / "docs" / "wire-format.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")
GOOD_BLOCK = r"```json (\w+)\n(.*?)\n```"
BAD_BLOCK = r"```json bad-(\w+)\n(.*?)\n```\n→ `([^`]+)`"
GOOD = [(f"{where}:{name}", name, text) for where, doc in (("wire-format", WIRE_FORMAT), ("README", README))
        for name, text in re.findall(GOOD_BLOCK, doc, re.S)]
BAD = re.findall(BAD_BLOCK, WIRE_FORMAT, re.S)


def test_wire_format_has_examples_of_every_record() -> None:
    assert {name for where, name, _ in GOOD if where.startswith("wire-format")} >= {
        "MetricUpdate", "MetricBatch", "Article", "Signal", "WindowAggregate", "DeadLetter"}
    assert len(BAD) >= 8
    # every bad example is one the pattern above reads (none left unchecked for want of its `→` line)
    assert len(BAD) == WIRE_FORMAT.count("```json bad-")


@pytest.mark.parametrize(("name", "text"), [(name, text) for _, name, text in GOOD], ids=[i for i, _, _ in GOOD])
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
