"""A test's quick run and its long `make soak` variant: one test, two parameter sets."""

from __future__ import annotations

from typing import Any

import pytest


def quick_and_soak(quick: dict[str, Any], soak: dict[str, Any], soak_timeout_s: int) -> pytest.MarkDecorator:
    """Parametrise a test by `variant` (keyword arguments for its runner): `quick` runs in every
    `make test`; `soak` is marked `soak` (tests/conftest.py skips it unless `--run-soak`, as
    `make soak` passes) and gets its own timeout."""
    return pytest.mark.parametrize("variant", [
        pytest.param(quick, id="quick"),
        pytest.param(soak, id="soak", marks=(pytest.mark.soak, pytest.mark.timeout(soak_timeout_s))),
    ])
