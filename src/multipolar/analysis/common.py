"""Shared pieces of the queries: the connection behind a store, actor arguments, evidence dicts."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from ..actors import code_country

_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")


def connection(store: Any) -> sqlite3.Connection:
    """Queries take a :class:`multipolar.store.Store` or a bare ``sqlite3.Connection``."""
    conn = store if isinstance(store, sqlite3.Connection) else store.conn
    conn.row_factory = sqlite3.Row
    return conn


@dataclass
class ActorRef:
    """An actor argument resolved: the code queried, its country unit, and how it was found."""

    code: str
    country: str
    name: str | None = None
    matched_by: str = "code"  # code | resolver | store

    @property
    def is_country(self) -> bool:
        """True when the query is about the whole country (or IGO / region), not one role in it."""
        return self.code == self.country

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class UnknownActor(LookupError):
    """The argument is neither an actor code nor a name the resolver or the store knows."""


def _resolver_lookup(text: str, on: str | None) -> str | None:
    """The actors helper's ``lookup(name, on)``; absent or failing resolvers fall back quietly."""
    try:
        from ..actors import get_resolver

        lookup = getattr(get_resolver(), "lookup", None)
        if lookup is None:
            return None
        found = lookup(text, on)
    except Exception:  # an older resolver without lookup, or a missing model: use the store
        return None
    if not found:
        return None
    if isinstance(found, str):
        return found
    code = getattr(found, "code", None)
    if code is None and isinstance(found, (list, tuple)) and found:
        code = getattr(found[0], "code", found[0])
    return code if isinstance(code, str) else None


def resolve_actor(store: Any, text: str, on: str | None = None) -> ActorRef:
    """``RUS``, ``IRNGOV`` or a name (``Russia``, ``the Kremlin``) -> :class:`ActorRef`.

    Codes are taken as they are; names go to the actor resolver (as of date ``on``), then
    to the names stored in the ``actors`` table. Raises :class:`UnknownActor`.
    """
    conn = connection(store)
    raw = text.strip()
    if _CODE.match(raw):  # written as a code: RUS, IRNGOV
        code, how = raw, "code"
    else:
        code, how = _resolver_lookup(raw, on), "resolver"
        if code is None:
            row = conn.execute("SELECT code FROM actors WHERE lower(name) = lower(?) "
                               "ORDER BY length(code), code LIMIT 1", (raw,)).fetchone()
            if row is None and len(raw) >= 3:
                row = conn.execute("SELECT code FROM actors WHERE name LIKE ? ORDER BY length(code), code "
                                   "LIMIT 1", (f"%{raw}%",)).fetchone()
            if row is None and _CODE.match(raw.upper()):  # a stored code typed in lowercase: "irngov"
                row = conn.execute("SELECT code FROM actors WHERE code = ?", (raw.upper(),)).fetchone()
            if row is not None:
                code, how = row[0], "store"
            elif len(raw) == 3 and _CODE.match(raw.upper()):  # "rus": a code typed in lowercase
                code, how = raw.upper(), "code"
            else:
                raise UnknownActor(f"no actor code or known name: {text!r}")
    row = conn.execute("SELECT name FROM actors WHERE code = ?", (code,)).fetchone()
    return ActorRef(code, code_country(code), row[0] if row else None, how)


def evidence_dict(text: str, start: int, end: int, field: str | None, doc: sqlite3.Row | dict | None = None
                  ) -> dict[str, Any]:
    out: dict[str, Any] = {"text": text, "start": start, "end": end}
    if field:
        out["field"] = field
    if doc is not None:
        out["document"] = document_ref(doc)
    return out


def document_ref(row: sqlite3.Row | dict) -> dict[str, Any]:
    """The few document fields every answer carries beside its evidence."""
    return {"id": row["doc_id"], "title": row["title"], "source": row["doc_source"], "url": row["url"],
            "published": row["published"]}


# Select list that, joined as ``d`` (documents) and ``ev`` (evidence), fills evidence_dict/document_ref.
EVIDENCE_COLUMNS = ("ev.text AS ev_text, ev.start AS ev_start, ev.\"end\" AS ev_end, ev.field AS ev_field, "
                    "d.id AS doc_id, d.title AS title, d.source AS doc_source, d.url AS url, "
                    "d.published AS published")


def evidence_of(row: sqlite3.Row) -> dict[str, Any]:
    return evidence_dict(row["ev_text"], row["ev_start"], row["ev_end"], row["ev_field"], row)
