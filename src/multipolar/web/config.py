"""What the web app is started with: the store, the write token and the input limits.

`multipolar serve` and the tests build this one object; environment variables fill
what the caller leaves out, so the token is fixed at start-up and never per request.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..settings import Settings

DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a news page is tens of kB; 2 MB leaves room for heavy HTML


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() else default


@dataclass
class WebConfig:
    """Start-up options of the app. ``token`` None means write endpoints stay closed."""

    db: Path
    token: str | None = field(default_factory=lambda: os.environ.get("MULTIPOLAR_TOKEN") or None)
    max_upload_bytes: int = field(
        default_factory=lambda: _env_int("MULTIPOLAR_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))
    # Fetching a submitted URL goes through the pages layer; tests serve fixtures on loopback.
    allow_private_urls: bool = field(
        default_factory=lambda: os.environ.get("MULTIPOLAR_ALLOW_PRIVATE_URLS", "") in ("1", "true", "yes"))
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        self.db = Path(self.db)
