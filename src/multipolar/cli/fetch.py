"""`multipolar fetch URL... [--format jsonl|json|pretty] [--db FILE]`: download pages and extract them."""

from __future__ import annotations

import argparse
import json
import sys

from ..pages.fetch import FetchOptions


def add_fetch_arguments(p: argparse.ArgumentParser) -> None:
    """The politeness and safety flags shared by `fetch` and `watch`."""
    g = p.add_argument_group("network")
    g.add_argument("--allow-private", action="store_true",
                   help="allow loopback, private and link-local addresses (refused by default)")
    g.add_argument("--allow-host", action="append", default=[], metavar="HOST[:PORT]",
                   help="let this one host through despite the address rules (repeatable)")
    g.add_argument("--rate", type=float, default=1.0, metavar="SECONDS",
                   help="minimum seconds between two requests to one host (default 1)")
    g.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="connect timeout and longest silence while reading (default 20)")
    g.add_argument("--deadline", type=float, default=60.0, metavar="SECONDS",
                   help="longest time for one whole download (default 60)")
    g.add_argument("--max-bytes", type=int, default=None,
                   help="largest body downloaded (default: the extraction size limit, 20 MB)")
    g.add_argument("--user-agent", help="User-Agent header (default names multipolar)")


def fetch_options_from_args(args: argparse.Namespace) -> FetchOptions:
    from ..settings import Settings

    options = FetchOptions(
        allow_private=args.allow_private,
        allow_hosts=frozenset(h.lower() for h in args.allow_host),
        connect_timeout=args.timeout, read_timeout=args.timeout, deadline=args.deadline,
        max_bytes=args.max_bytes or Settings().max_bytes, min_interval=max(args.rate, 0.0))
    if args.user_agent:
        options.user_agent = args.user_agent
    return options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fetch", help="download web pages (politely, safely) and print their records",
                       description="Download each URL over HTTP(S) and extract its record, as `extract` "
                                   "does for files. robots.txt is honoured; local and private "
                                   "addresses are refused unless --allow-private.")
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("--format", choices=("jsonl", "json", "pretty"), default="jsonl")
    p.add_argument("--db", help="also ingest the records into this store")
    p.add_argument("--model", help="spaCy model name")
    add_fetch_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pages.fetch import Fetcher
    from ..pipeline import extract_pages
    from ..settings import Settings
    from ..summary import format_record

    settings = Settings()
    if args.model:
        settings.spacy_model = args.model
    options = fetch_options_from_args(args)
    records = []
    total = failed = 0
    with Fetcher(options) as fetcher:
        for record in extract_pages(fetcher.fetch_pages(args.urls), settings):
            total += 1
            if record.error is not None:
                failed += 1
                print(f"multipolar fetch: {record.document.source}: {record.error.code}: "
                      f"{record.error.message}", file=sys.stderr)
            if args.format == "jsonl":
                sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            elif args.format == "pretty":
                sys.stdout.write(format_record(record) + "\n")
            if args.format == "json" or args.db:
                records.append(record)
    if args.format == "json":
        sys.stdout.write(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2) + "\n")
    if args.db:
        from ..store import Store

        with Store.open(args.db) as store:
            stats = store.ingest(records)
        print(f"multipolar fetch: stored in {args.db}: {stats.to_dict()}", file=sys.stderr)
    return 1 if total and failed == total else 0
