"""Arguments and output shared by the store commands (ingest, show, timeline, ...)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="the store, an SQLite file (default: $MULTIPOLAR_DB or ./multipolar.db)")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def open_for_reading(args: argparse.Namespace):
    """The store named by --db, read-only; None (with a message) when there is none."""
    from ..store import Store, default_db_path

    path = args.db or default_db_path()
    try:
        return Store.open(path, readonly=True)
    except FileNotFoundError:
        print(f"multipolar: no store at {path} (run `multipolar ingest` first, or pass --db)", file=sys.stderr)
        return None


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def run_query(args: argparse.Namespace, query, render) -> int:
    """Open the store, run ``query(store)``, print JSON or ``render(result)``; lookups that fail
    (unknown actor or agreement) print a message and exit 1."""
    from ..analysis import AgreementNotFound, UnknownActor

    store = open_for_reading(args)
    if store is None:
        return 1
    try:
        with store:
            result = query(store)
    except (UnknownActor, AgreementNotFound) as e:
        print(f"multipolar: {e}", file=sys.stderr)
        return 1
    if args.json:
        print_json(result)
    else:
        sys.stdout.write(render(result).rstrip("\n") + "\n")
    return 0


def date_span(first: str | None, last: str | None, missing: str = "?") -> str:
    """``first..last`` for a dated range, ``first`` when it is one date, ``missing`` when undated."""
    span = first or missing
    if last and last != first:
        span += f"..{last}"
    return span


def quote(evidence: dict[str, Any] | None, width: int = 140) -> str:
    if not evidence:
        return ""
    text = " ".join(evidence["text"].split())
    text = text if len(text) <= width else text[:width - 1] + "…"
    doc = evidence.get("document") or {}
    where = doc.get("url") or doc.get("source") or ""
    return f"\u201c{text}\u201d" + (f"  [{where}]" if where else "")
