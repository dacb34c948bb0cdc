"""`multipolar alerts --db FILE [--rule NAME] [--limit N] [--format table|jsonl]`"""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("alerts", help="list the alerts raised by `watch`",
                       description="List stored alerts, oldest first; --limit keeps the newest N.")
    p.add_argument("--db", required=True, help="the store `watch` writes into")
    p.add_argument("--rule", help="only alerts of this rule")
    p.add_argument("--limit", type=int, default=100, help="the newest N only (default 100; 0 for all)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..store import Store
    from ..watch import WatchState

    if not Path(args.db).is_file():
        print(f"multipolar alerts: no store at {args.db}", file=sys.stderr)
        return 1
    with Store.open(args.db) as store:
        state = WatchState(store.conn)
        where, params = ("rule = ?", (args.rule,)) if args.rule else ("1", ())
        alerts = state.alerts(where=where, args=params)
    if args.limit and args.limit > 0:
        alerts = alerts[-args.limit:]
    if args.format == "jsonl":
        for alert in alerts:
            sys.stdout.write(json.dumps(alert, ensure_ascii=False) + "\n")
        return 0
    if not alerts:
        print("no alerts")
        return 0
    for a in alerts:
        delivery = "" if a["webhook_state"] == "none" else f"  webhook: {a['webhook_state']}"
        print(f"#{a['id']} {a['created_at']} [{a['rule']}] {a['summary']}")
        print(f"    {a['title'] or '(no title)'} - {a['url'] or a['source']}  "
              f"sources: {a['corroboration']}{delivery}")
        for ev in a["evidence"][:1]:
            print(f"    \"{ev.get('text', '')[:160]}\"")
    return 0
