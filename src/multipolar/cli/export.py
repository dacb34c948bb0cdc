"""`multipolar export --format parquet|csv|jsonl DIR`: every table, plus a GDELT-style events table."""

from __future__ import annotations

import argparse

from ._store import add_store_args, run_query


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write each table (and gdelt_events) as Parquet, CSV or JSONL")
    p.add_argument("directory", metavar="DIR")
    p.add_argument("--format", choices=("parquet", "csv", "jsonl"), default="parquet")
    p.add_argument("--tables", nargs="+", help="only these tables")
    p.add_argument("--no-gdelt", action="store_true", help="skip the GDELT-style events table")
    add_store_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store.export import export

    return run_query(args, lambda s: export(s, args.directory, args.format, args.tables, not args.no_gdelt),
                     lambda r: "\n".join(f"{t:22} {v['rows']:9} rows  {v['path']}" for t, v in r.items()))
