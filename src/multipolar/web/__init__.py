"""The HTTP API and server-rendered web UI over a multipolar store (FastAPI + Jinja2).

``create_app(WebConfig(db=...))`` builds the app; ``multipolar serve`` runs it.
"""

from __future__ import annotations

from .app import create_app
from .config import WebConfig

__all__ = ["WebConfig", "create_app"]
