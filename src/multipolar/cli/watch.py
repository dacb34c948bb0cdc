"""`multipolar watch FEEDS.txt --db FILE [--every 15m] [--once] [--rules RULES.yaml]`"""

from __future__ import annotations

import argparse
import json
import sys

from .fetch import add_fetch_arguments, fetch_options_from_args


def _interval(text: str) -> float:
    from ..watch import parse_interval

    try:
        return parse_interval(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "watch", help="poll RSS/Atom feeds and sitemaps, ingest new articles, raise alerts",
        description="Poll the feeds and sitemaps listed in FEEDS (one URL per line, # comments), "
                    "fetch entries not seen before, extract and ingest them into the store, and "
                    "raise alerts from a rules file. State lives in the store's SQLite file, so "
                    "stopping and restarting loses and duplicates nothing.")
    p.add_argument("feeds", metavar="FEEDS.txt")
    p.add_argument("--db", required=True, help="the store to write into (created if missing)")
    p.add_argument("--every", type=_interval, default=900.0, metavar="INTERVAL",
                   help="time between rounds, e.g. 15m (default), 90s, 1h")
    p.add_argument("--once", action="store_true", help="run one round and exit (for cron)")
    p.add_argument("--rules", help="alert rules (YAML); see docs/watch.md")
    p.add_argument("--webhook", help="POST each alert as JSON to this URL (overrides the rules file's)")
    p.add_argument("--max-entries", type=int, default=50,
                   help="newest entries taken from one feed per poll (default 50)")
    p.add_argument("--model", help="spaCy model name")
    add_fetch_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import threading

    from ..pages.fetch import Fetcher
    from ..settings import Settings
    from ..store import Store
    from ..watch import Watcher, load_rules
    from ..watch.feeds import read_feed_list

    feeds = read_feed_list(args.feeds)
    if not feeds:
        print(f"multipolar watch: no feed URLs in {args.feeds}", file=sys.stderr)
        return 2
    rules = load_rules(args.rules) if args.rules else None
    settings = Settings()
    if args.model:
        settings.spacy_model = args.model
    with Store.open(args.db) as store, Fetcher(fetch_options_from_args(args)) as fetcher:
        watcher = Watcher(store, fetcher, feeds, rules=rules, webhook=args.webhook, settings=settings,
                          every=args.every, max_entries=args.max_entries)
        if args.once:
            stats = watcher.run_round()
            print(json.dumps(stats.to_dict()), file=sys.stderr)
            return 0
        print(f"multipolar watch: {len(feeds)} feed(s) every {args.every:g}s into {args.db}; "
              f"Ctrl-C stops", file=sys.stderr)
        watcher.run_forever(threading.Event())
    return 0
