"""`multipolar search QUERY`: full-text search over the evidence sentences."""

from __future__ import annotations

import argparse

from ._store import add_store_args, run_query


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="full-text search over evidence sentences (FTS5 syntax allowed)")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--order", choices=("rank", "recent"), default="rank")
    add_store_args(p)
    p.set_defaults(func=run)


def render(r: dict) -> str:
    lines = [f"{len(r['hits'])} hits for {r['query']!r}"]
    for h in r["hits"]:
        d = h["document"]
        lines.append(f"- {h['snippet']}\n    {d['published'] or '-'} {d['title'] or ''} [{d['url'] or d['source']}]")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..analysis import search

    q = " ".join(args.query)
    return run_query(args, lambda s: search(s, q, limit=args.limit, order=args.order), render)
