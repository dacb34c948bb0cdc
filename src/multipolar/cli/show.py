"""`multipolar show [DOC_ID] [--db FILE]`: what the store holds, or one stored document."""

from __future__ import annotations

import argparse

from ._store import add_store_args, run_query


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="list what the store holds (or one document with what was coded from it)")
    p.add_argument("doc_id", nargs="?", metavar="DOC_ID", help="a document id (SPEC document.id)")
    add_store_args(p)
    p.add_argument("--top", type=int, default=10, help="how many actors, dyads, agreements, claims to list")
    p.set_defaults(func=run)


def format_overview(o: dict) -> str:
    c = o["counts"]
    lines = [f"{c['documents']} documents ({c['errors']} unreadable inputs), {c['events']} events in "
             f"{c['event_clusters']} clusters, {c['agreements']} agreements from {c['agreement_reports']} reports, "
             f"{c['claims']} claims with {c['responses']} responses, {c['quotes']} quotes, {c['flags']} flags"]
    if o["top_actors"]:
        lines.append("actors:  " + ", ".join(f"{a['actor']} {a['n_events']}" for a in o["top_actors"]))
    if o["top_dyads"]:
        lines.append("dyads:   " + ", ".join(f"{d['source']}->{d['target']} {d['n_events']}" for d in o["top_dyads"]))
    for c in o.get("corroborated", []):
        lines.append(f"event {c['source'] or '?'} -{c['cameo']}/{c['plover'] or '-'}-> {c['target'] or '-'} "
                     f"{c['first_day'] or 'undated'}: {c['n_documents']} sources")
    for g in o["agreements"]:
        provs = " ".join(f"{k}={v}" for k, v in g["provisions"].items())
        lines.append(f"agreement #{g['id']} {'-'.join(g['parties'])} {g['kind']} {g['name'] or ''!s} "
                     f"signed {g['signed'] or '?'} ({g['n_documents']} docs) {provs}".rstrip())
    for cl in o["claims"]:
        lines.append(f"claim #{cl['id']} {cl['claimant'] or '?'} -> {cl['subject'] or '?'} {cl['topic']}: "
                     f"{cl['content']} ({cl['n_documents']} docs, {cl['n_responses']} responses)")
    for d in o["documents"]:
        lines.append(f"doc {d['id']} {d['published'] or '-':19} {d['title'] or '(no title)'}  [{d['source']}]")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..analysis import document, overview
    from ..model import record_from_dict
    from ..summary import format_record

    if args.doc_id:
        def render(d):
            if d is None:
                return f"no document {args.doc_id}"
            return format_record(record_from_dict({**d, "schema": "multipolar/1"}))
        return run_query(args, lambda s: document(s, args.doc_id), render)
    return run_query(args, lambda s: overview(s, top=args.top), format_overview)
