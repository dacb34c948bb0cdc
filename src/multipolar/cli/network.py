"""`multipolar network`: states linked by agreements, their blocs, and the polarity index."""

from __future__ import annotations

import argparse

from ._store import add_store_args, run_query


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("network", help="network of states by agreements, blocs and polarity index")
    p.add_argument("--on", help="agreements in force on this date (default: every stored agreement)")
    p.add_argument("--since", help="only agreements signed since this date")
    p.add_argument("--min-weight", type=float, default=0.0, help="drop weaker edges")
    p.add_argument("--polarity", action="store_true", help="the polarity index year by year instead")
    p.add_argument("--from-year", type=int)
    p.add_argument("--to-year", type=int)
    add_store_args(p)
    p.set_defaults(func=run)


def render_network(n: dict) -> str:
    pol = n["polarity"]
    lines = [f"{len(n['nodes'])} states, {len(n['edges'])} links; effective number of poles "
             f"{pol['effective_poles']} (concentration {pol['concentration']})"]
    for b in n["blocs"]:
        lines.append(f"  bloc {b['id']} ({b['share']}): {', '.join(b['members'])}")
    for e in sorted(n["edges"], key=lambda e: -e["weight"]):
        lines.append(f"  {e['a']}-{e['b']}  weight {e['weight']}  ({e['n_agreements']} agreements)")
    return "\n".join(lines)


def render_polarity(p: dict) -> str:
    lines = [f"polarity index: {p['measure']}", f"  ({p['source']})"]
    for y in p["years"]:
        lines.append(f"  {y['year']}  states {y['n_states']:4}  blocs {y['n_blocs']:3}  "
                     f"effective poles {y['effective_poles'] if y['effective_poles'] is not None else '-'}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..analysis import network, polarity

    if args.polarity:
        return run_query(args, lambda s: polarity(s, start_year=args.from_year, end_year=args.to_year),
                         render_polarity)
    return run_query(args, lambda s: network(s, on=args.on, since=args.since, min_weight=args.min_weight),
                     render_network)
