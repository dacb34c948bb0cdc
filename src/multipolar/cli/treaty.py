"""`multipolar treaty compare A B` and `multipolar treaty obligations --attacker X --attacked Y`."""

from __future__ import annotations

import argparse

from ._store import add_store_args, quote, run_query


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("treaty", help="compare two agreements; who must act if X attacks Y")
    tsub = p.add_subparsers(dest="treaty_command", metavar="SUBCOMMAND", required=True)
    c = tsub.add_parser("compare", help="provisions of two agreements side by side",
                        description="A and B are agreement ids (12), party sets (RUS-IRN, RUS-IRN@2025-01-17) "
                                    "or words of the name.")
    c.add_argument("a", metavar="A")
    c.add_argument("b", metavar="B")
    add_store_args(c)
    c.set_defaults(func=run_compare)
    o = tsub.add_parser("obligations", help="which stored agreements oblige whom, if X attacks Y")
    o.add_argument("--attacker", required=True, metavar="X")
    o.add_argument("--attacked", required=True, metavar="Y")
    o.add_argument("--on", help="only agreements in force on this date")
    add_store_args(o)
    o.set_defaults(func=run_obligations)


def _title(g: dict) -> str:
    return f"#{g['id']} {'-'.join(g['parties'])} {g['kind']} \u201c{g['name'] or ''}\u201d ({g['signed'] or '?'})"


def render_compare(r: dict) -> str:
    lines = [f"A: {_title(r['a'])}", f"B: {_title(r['b'])}", f"{'provision':28} {'A':9} {'B':9}"]
    for row in r["provisions"]:
        mark = "" if row["a"] == row["b"] else "  *"
        lines.append(f"{row['key']:28} {row['a']:9} {row['b']:9}{mark}")
        for side in ("a", "b"):
            for ev in row[f"{side}_evidence"][:1]:
                lines.append(f"    {side.upper()}: {quote(ev)}")
    return "\n".join(lines)


def _duty(o: dict) -> str:
    if o["duty"] == "stay_neutral":
        return f"must not help {o['must_not_help']} (neutrality owed to {o['toward']})"
    if o["duty"] == "deny_territory":
        return f"must not let {o['must_not_help']} use its territory (owed to {o['toward']})"
    return f"must {o['duty']} {o['toward']}"


def render_obligations(r: dict) -> str:
    x, y = r["attacker"]["code"], r["attacked"]["code"]
    lines = [f"if {x} attacks {y}:"]
    if not (r["obligations"] or r["breaches"] or r["not_obliged"]):
        lines.append("  no stored agreement of either party says anything about it")
    for o in r["obligations"]:
        disputed = "  [reports disagree]" if o["disputed"] else ""
        lines.append(f"  {o['party']} {_duty(o)} under {_title(o['agreement'])}{disputed}")
        for ev in o["evidence"][:2]:
            lines.append(f"      {quote(ev)}")
    for o in r["breaches"]:
        lines.append(f"  {x} is bound not to attack {y} ({o['provision']}) under {_title(o['agreement'])}")
        for ev in o["evidence"][:2]:
            lines.append(f"      {quote(ev)}")
    for o in r["not_obliged"]:
        lines.append(f"  {o['party']} has no duty to {o['duty'].replace('_', ' ')} {o['toward']}: "
                     f"{o['provision']} reported absent in {_title(o['agreement'])}")
        for ev in o["evidence"][:1]:
            lines.append(f"      {quote(ev)}")
    return "\n".join(lines)


def run_compare(args: argparse.Namespace) -> int:
    from ..analysis import treaty_compare

    return run_query(args, lambda s: treaty_compare(s, args.a, args.b), render_compare)


def run_obligations(args: argparse.Namespace) -> int:
    from ..analysis import treaty_obligations

    return run_query(args, lambda s: treaty_obligations(s, args.attacker, args.attacked, on=args.on),
                     render_obligations)
