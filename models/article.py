"""An article as it arrives on the `articles` topic."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from models.fields import Identifier, UtcDatetime
from models.record import Record


class Article(Record):
    """News or a post about social commerce; the extractor reads `body`.

    Extra fields (url, author, ...) are ignored rather than rejected: articles come from
    scrapers and feeds we do not control.
    """

    model_config = ConfigDict(extra="ignore")

    id: Identifier
    body: str = Field(min_length=1)
    title: str | None = None
    lang: Literal["ar", "en"] | None = None
    source: str | None = None
    published_at: UtcDatetime | None = None
