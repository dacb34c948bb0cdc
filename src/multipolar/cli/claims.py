"""`multipolar claims ACTOR`: claims about an actor (or by it), with every response reported."""

from __future__ import annotations

import argparse

from ._store import add_store_args, date_span, quote, run_query


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("claims", help="claims about an actor, with the responses from every document")
    p.add_argument("actor", metavar="ACTOR", help="actor or country code or a name")
    p.add_argument("--role", choices=("subject", "claimant", "any"), default="subject",
                   help="the actor as the claim's subject (default), claimant, or either")
    p.add_argument("--topic", help="only this topic (arms_transfer, attack, ...)")
    p.add_argument("--limit", type=int, default=50)
    add_store_args(p)
    p.set_defaults(func=run)


def render(r: dict) -> str:
    lines = [f"{r['total']} claims ({r['actor']['code']})"]
    for c in r["claims"]:
        when = date_span(c["first_date"], c["last_date"])
        lines.append(f"#{c['id']} {c['claimant'] or '?'} {c['kind']}s {c['subject'] or '?'} [{c['topic']}] "
                     f"{c['content']}  ({when}; {c['n_documents']} documents)")
        for rep in c["reports"]:
            lines.append(f"    claim    {quote(rep['evidence'])}")
        for resp in c["responses"]:
            lines.append(f"    {resp['actor']} {resp['stance']}: {quote(resp['evidence'])}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..analysis import claims_about

    return run_query(args, lambda s: claims_about(s, args.actor, role=args.role, topic=args.topic,
                                                  limit=args.limit), render)
