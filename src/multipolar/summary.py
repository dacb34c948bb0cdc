"""A human-readable summary of records (`--format pretty`, `make run`)."""

from __future__ import annotations

from .model import Record


def format_record(record: Record) -> str:
    doc = record.document
    if record.error:
        return f"! {doc.source}: {record.error.stage}/{record.error.code}: {record.error.message}\n"
    lines = [f"== {doc.title or '(no title)'}", f"   source: {doc.source}   id: {doc.id}"]
    if doc.subtitle:
        lines.append(f"   standfirst: {doc.subtitle}")
    lines.append(f"   byline: {doc.byline or '-'}   published: {doc.published or '-'}   "
                 f"paragraphs: {len([p for p in doc.text.split(chr(10) * 2) if p.strip()])}   "
                 f"cleaning: {doc.cleaning or {}}")
    if record.actors:
        lines.append("   actors: " + ", ".join(_actor_label(a) for a in record.actors))
    for a in record.agreements:
        present = [p.key for p in a.provisions if p.value == "present"]
        absent = [p.key for p in a.provisions if p.value == "absent"]
        lines.append(f"   agreement {'-'.join(a.parties)} {a.kind} {a.name or ''!s} signed {a.signed or '?'}"
                     f" {f'{a.duration_years} years' if a.duration_years else ''}")
        if present:
            lines.append(f"      present: {', '.join(present)}")
        if absent:
            lines.append(f"      absent:  {', '.join(absent)}")
    for e in record.events:
        neg = " NOT" if e.negated else ""
        lines.append(f"   event {e.source or '?'} -{e.cameo}/{e.plover or '-'}{neg}-> {e.target or '-'}"
                     f"  {e.date or ''} [{e.status}]")
    for c in record.claims:
        lines.append(f"   claim {c.claimant} {c.kind}s {c.subject} ({c.topic}): {c.content}")
        for r in c.responses:
            lines.append(f"      {r.actor}: {r.stance}")
    for q in record.quotes:
        lines.append(f"   quote {q.speaker}: \u201c{q.text}\u201d")
    for f in record.flags:
        lines.append(f"   flag {f.kind}: {f.detail}")
    return "\n".join(lines) + "\n"


def _actor_label(actor) -> str:
    """``RUSGOV (Vladimir Putin)`` for people, ``---:Name`` for unresolved names, else the code."""
    if actor.person:
        return f"{actor.code} ({actor.person})"
    if actor.code.startswith("---"):
        return f"---:{actor.name}"
    return actor.code
