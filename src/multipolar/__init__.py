"""multipolar: news pages to evidence-linked records of international relations."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "extract_pages", "extract_text", "Settings", "Store"]


def __getattr__(name: str):
    # Lazy, so `import multipolar` stays cheap and the CLI starts fast.
    if name in ("extract", "extract_pages", "extract_text"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Store":
        from .store import Store

        return Store
    if name == "Settings":
        from .settings import Settings

        return Settings
    raise AttributeError(name)
