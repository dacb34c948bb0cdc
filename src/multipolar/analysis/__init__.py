"""Answers over a store: each a plain function taking a :class:`multipolar.store.Store` (or a
``sqlite3.Connection``) and returning JSON-ready dicts. The CLI and the HTTP API share them.
"""

from __future__ import annotations

from .agreements import agreement, agreements_of, find_agreements
from .claims import claims_about
from .common import ActorRef, UnknownActor, resolve_actor
from .network import network, polarity
from .overview import document, overview
from .search import search
from .timelines import timeline
from .treaties import AgreementNotFound, treaty_compare, treaty_obligations

__all__ = ["ActorRef", "AgreementNotFound", "UnknownActor", "agreement", "agreements_of", "claims_about",
           "document", "find_agreements", "network", "overview", "polarity", "resolve_actor", "search",
           "timeline", "treaty_compare", "treaty_obligations"]
