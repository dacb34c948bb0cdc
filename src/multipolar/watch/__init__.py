"""Watch: follow feeds and sitemaps, ingest what is new, and alert on what matters.

- :mod:`.feeds`  feed lists, RSS/Atom and sitemap parsing, URL normalisation
- :mod:`.state`  the watcher's own ``watch_*`` tables in the store's SQLite file
- :mod:`.rules`  the YAML alert rules and how they match records
- :mod:`.alerts` alert records, corroboration, webhook delivery
- :mod:`.runner` the polling loop (restart-safe, backoff on errors)

Downloads go through :mod:`multipolar.pages.fetch` (robots.txt, rate limits,
size caps, no private addresses unless allowed).
"""

from __future__ import annotations

import re

from .rules import RulesError, RuleSet, load_rules
from .runner import RoundStats, Watcher
from .state import WatchState

__all__ = ["RoundStats", "RuleSet", "RulesError", "WatchState", "Watcher", "load_rules", "parse_interval"]

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.I)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in an interval such as ``15m``, ``90s``, ``1h30m`` or ``600``; ValueError otherwise."""
    compact = text.strip().replace(" ", "")
    if not compact or _PART.sub("", compact):
        raise ValueError(f"not an interval: {text!r} (use e.g. 15m, 90s, 1h)")
    seconds = sum(float(n) * _UNIT[u.lower()] for n, u in _PART.findall(compact))
    if seconds <= 0:
        raise ValueError(f"interval must be positive: {text!r}")
    return seconds
