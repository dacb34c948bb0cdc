"""`multipolar timeline ACTOR [ACTOR2]`: events of an actor, or of a dyad, by date with evidence."""

from __future__ import annotations

import argparse

from ._store import add_store_args, date_span, quote, run_query


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("timeline", help="events of an actor or a dyad, by date, with counts and evidence")
    p.add_argument("actor", metavar="ACTOR", help="actor or country code (RUS, IRNGOV) or a name")
    p.add_argument("actor2", nargs="?", metavar="ACTOR2", help="second actor: the dyad, both directions")
    p.add_argument("--since", help="first date or month (ISO)")
    p.add_argument("--until", help="last date or month (ISO)")
    p.add_argument("--limit", type=int, default=30, help="event clusters to list (default 30)")
    add_store_args(p)
    p.set_defaults(func=run)


def render(t: dict) -> str:
    who = " & ".join(a["code"] + (f" ({a['name']})" if a["name"] else "") for a in t["actors"])
    lines = [f"timeline of {who}: {t['total_events']} events"]
    for c in t["counts"]:
        quads = " ".join(f"{q}:{n}" for q, n in c["by_quad"].items())
        lines.append(f"  {c['month'] or 'undated':8} {c['n_events']:6}  {quads}")
    for c in t["clusters"]:
        neg = " NOT" if c["negated"] else ""
        span = date_span(c["first_day"], c["last_day"], missing="undated")
        lines.append(f"{span}  {c['source'] or '?'} -{c['cameo']}/{c['plover'] or '-'}{neg}-> {c['target'] or '-'}"
                     f"  ({c['n_documents']} sources)")
        for e in c["events"]:
            lines.append(f"    {quote(e['evidence'])}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..analysis import timeline

    return run_query(args, lambda s: timeline(s, args.actor, args.actor2, since=args.since, until=args.until,
                                              limit=args.limit), render)
