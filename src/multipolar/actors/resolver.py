"""Placeholder resolver: the Actors issue replaces it with the dictionary-driven one."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from . import Resolution


class ActorResolver:
    def resolve(self, doc: Doc, published: str | None = None) -> Resolution:
        return Resolution()


@lru_cache(maxsize=1)
def default_resolver() -> ActorResolver:
    return ActorResolver()
