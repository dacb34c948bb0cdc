"""`multipolar agreements ACTOR`: the agreements a country is party to, with merged provisions."""

from __future__ import annotations

import argparse

from ._store import add_store_args, quote, run_query


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("agreements", help="agreements of a country, with provisions present/absent/conflict")
    p.add_argument("actor", metavar="ACTOR", nargs="?", help="country code or name")
    p.add_argument("--id", type=int, help="show one agreement in full, with every report and its evidence")
    p.add_argument("--limit", type=int, default=100)
    add_store_args(p)
    p.set_defaults(func=run)


def _provisions(provisions: dict) -> list[str]:
    by_value: dict[str, list[str]] = {}
    for key, v in provisions.items():
        by_value.setdefault(v["value"], []).append(key)
    return [f"    {value:8}: {', '.join(keys)}" for value, keys in by_value.items()]


def render_list(r: dict) -> str:
    a = r["actor"]
    lines = [f"{r['total']} agreements of {a['code']}" + (f" ({a['name']})" if a["name"] else "")]
    for g in r["agreements"]:
        dur = f", {g['duration_years']} years" if g["duration_years"] else ""
        lines.append(f"#{g['id']} {'-'.join(g['parties'])} {g['kind']} \u201c{g['name'] or ''}\u201d signed "
                     f"{g['signed'] or '?'}{dur}; {g['n_documents']} documents, weight {g['weight']}")
        lines += _provisions(g["provisions"])
    return "\n".join(lines)


def render_one(g: dict | None) -> str:
    if g is None:
        return "no such agreement"
    lines = [f"#{g['id']} {'-'.join(g['parties'])} {g['kind']} \u201c{g['name'] or ''}\u201d signed "
             f"{g['signed'] or '?'}; {g['n_reports']} reports in {g['n_documents']} documents"]
    for key, v in g["provisions"].items():
        lines.append(f"  {key}: {v['value']} (present {v['n_present']}, absent {v['n_absent']})")
        for rep in v["reports"]:
            lines.append(f"      {rep['value']:7} {quote(rep['evidence'])}")
    if g["conflicts"]:
        lines.append("  conflicting reports on: " + ", ".join(g["conflicts"]))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..analysis import agreement, agreements_of

    if args.id is not None:
        return run_query(args, lambda s: agreement(s, args.id), render_one)
    if not args.actor:
        print("multipolar agreements: give ACTOR or --id N")
        return 2
    return run_query(args, lambda s: agreements_of(s, args.actor, limit=args.limit), render_list)
