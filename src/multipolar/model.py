"""The record types of SPEC.md (schema ``multipolar/1``) and their JSON form.

This module is the only definition of the record contract in code. Every
stage builds these objects; every consumer (store, API, exports) reads them
back with :func:`record_from_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "multipolar/1"

ACTOR_KINDS = ("state", "government", "military", "person", "igo", "region", "group", "other")
EVENT_STATUSES = ("asserted", "alleged", "denied", "planned", "hypothetical")
AGREEMENT_KINDS = ("treaty", "agreement", "memorandum", "partnership", "alliance", "other")
PROVISION_VALUES = ("present", "absent")
PROVISION_KEYS = (
    "defense", "offense", "neutrality", "nonaggression", "consultation", "territory_non_use",
    "military_cooperation", "intelligence_sharing", "joint_exercises", "port_visits",
    "military_training", "military_technical", "arms_transfers", "basing", "economic",
    "payments_national_currencies", "energy", "nuclear", "sanctions_countering",
    "counterterrorism", "information_security",
)
CLAIM_KINDS = ("accuse", "allege", "assert", "warn")
CLAIM_TOPICS = ("arms_transfer", "troop_deployment", "attack", "interference",
                "sanctions_evasion", "nuclear", "other")
STANCES = ("deny", "confirm", "neither_confirm_nor_deny", "not_confirmed", "acknowledge_partly")
FLAG_KINDS = ("contradiction", "duplicate_content", "low_confidence")
ERROR_STAGES = ("read", "article", "nlp", "coding")
TEXT_FIELDS = ("title", "subtitle")


@dataclass(frozen=True)
class Evidence:
    """A character span of ``document.text`` (or of the title/subtitle when ``field`` is set)."""

    text: str
    start: int
    end: int
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.field:
            out["field"] = self.field
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(d["text"], int(d["start"]), int(d["end"]), d.get("field"))

    @classmethod
    def of(cls, text: str, start: int, end: int, field: str | None = None) -> Evidence:
        """Evidence for ``text[start:end]``; the span text is taken from the source string."""
        return cls(text[start:end], start, end, field)


@dataclass
class Actor:
    code: str
    name: str
    country: str | None
    kind: str
    mentions: list[Evidence] = field(default_factory=list)
    person: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code, "name": self.name, "country": self.country, "kind": self.kind,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in self.mentions],
        }
        if self.person:
            out["person"] = self.person
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(d["code"], d.get("name", d["code"]), d.get("country"), d.get("kind", "other"),
                   [Evidence.from_dict(m) for m in d.get("mentions", [])], d.get("person"))


@dataclass
class Event:
    source: str | None
    target: str | None
    cameo: str
    plover: str | None
    date: str | None
    evidence: Evidence
    negated: bool = False
    status: str = "asserted"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "cameo": self.cameo,
                "plover": self.plover, "date": self.date, "negated": self.negated,
                "status": self.status, "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(d.get("source"), d.get("target"), d["cameo"], d.get("plover"), d.get("date"),
                   Evidence.from_dict(d["evidence"]), bool(d.get("negated", False)),
                   d.get("status", "asserted"))


@dataclass
class Provision:
    key: str
    value: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "value": self.value, "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Provision:
        return cls(d["key"], d["value"], Evidence.from_dict(d["evidence"]))


@dataclass
class Agreement:
    name: str | None
    kind: str
    parties: list[str]
    evidence: Evidence
    signed: str | None = None
    duration_years: int | None = None
    provisions: list[Provision] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "parties": sorted(self.parties),
                "signed": self.signed, "duration_years": self.duration_years,
                "provisions": [p.to_dict() for p in self.provisions],
                "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Agreement:
        return cls(d.get("name"), d.get("kind", "other"), list(d.get("parties", [])),
                   Evidence.from_dict(d["evidence"]), d.get("signed"), d.get("duration_years"),
                   [Provision.from_dict(p) for p in d.get("provisions", [])])


@dataclass
class Response:
    actor: str
    stance: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "stance": self.stance, "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Response:
        return cls(d["actor"], d["stance"], Evidence.from_dict(d["evidence"]))


@dataclass
class Claim:
    claimant: str | None
    kind: str
    subject: str | None
    topic: str
    content: str
    evidence: Evidence
    date: str | None = None
    responses: list[Response] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"claimant": self.claimant, "kind": self.kind, "subject": self.subject,
                "topic": self.topic, "content": self.content, "date": self.date,
                "responses": [r.to_dict() for r in self.responses],
                "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(d.get("claimant"), d.get("kind", "accuse"), d.get("subject"),
                   d.get("topic", "other"), d.get("content", ""), Evidence.from_dict(d["evidence"]),
                   d.get("date"), [Response.from_dict(r) for r in d.get("responses", [])])


@dataclass
class Quote:
    speaker: str
    actor: str | None
    text: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "actor": self.actor, "text": self.text,
                "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(d["speaker"], d.get("actor"), d["text"], Evidence.from_dict(d["evidence"]))


@dataclass
class Flag:
    kind: str
    detail: str
    evidence: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail,
                "evidence": [e.to_dict() for e in self.evidence]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Flag:
        return cls(d["kind"], d.get("detail", ""), [Evidence.from_dict(e) for e in d.get("evidence", [])])


@dataclass
class Document:
    id: str
    source: str
    text: str
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    cleaning: dict[str, int] = field(default_factory=dict)
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "source": self.source, "title": self.title, "subtitle": self.subtitle,
            "byline": self.byline, "published": self.published, "language": self.language,
            "text": self.text, "cleaning": dict(self.cleaning),
        }
        if self.url:
            out["url"] = self.url
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(d.get("id", ""), d.get("source", ""), d.get("text", ""), d.get("title"),
                   d.get("subtitle"), d.get("byline"), d.get("published"), d.get("language"),
                   dict(d.get("cleaning") or {}), d.get("url"))


@dataclass
class ErrorInfo:
    stage: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"stage": self.stage, "code": self.code, "message": self.message}


@dataclass
class Record:
    """One document's object: the document and everything coded from it, or an error."""

    document: Document
    coder_version: str
    extracted_at: str
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    error: ErrorInfo | None = None
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        head: dict[str, Any] = {"schema": self.schema, "coder_version": self.coder_version,
                                "extracted_at": self.extracted_at}
        if self.error is not None:
            doc: dict[str, Any] = {"source": self.document.source}
            if self.document.url:
                doc["url"] = self.document.url
            return {**head, "document": doc, "error": self.error.to_dict()}
        return {
            **head,
            "document": self.document.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "agreements": [a.to_dict() for a in self.agreements],
            "claims": [c.to_dict() for c in self.claims],
            "quotes": [q.to_dict() for q in self.quotes],
            "flags": [f.to_dict() for f in self.flags],
        }


def record_from_dict(d: dict[str, Any]) -> Record:
    """Rebuild a :class:`Record` from its JSON form (the inverse of ``Record.to_dict``)."""
    err = d.get("error")
    return Record(
        document=Document.from_dict(d.get("document") or {}),
        coder_version=d.get("coder_version", ""),
        extracted_at=d.get("extracted_at", ""),
        actors=[Actor.from_dict(a) for a in d.get("actors", [])],
        events=[Event.from_dict(e) for e in d.get("events", [])],
        agreements=[Agreement.from_dict(a) for a in d.get("agreements", [])],
        claims=[Claim.from_dict(c) for c in d.get("claims", [])],
        quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
        flags=[Flag.from_dict(f) for f in d.get("flags", [])],
        error=ErrorInfo(err["stage"], err["code"], err["message"]) if err else None,
        schema=d.get("schema", SCHEMA),
    )


def validate_record(d: dict[str, Any]) -> list[str]:
    """Return the ways a record's JSON form breaks SPEC.md (empty when it is valid)."""
    problems: list[str] = []
    if d.get("schema") != SCHEMA:
        problems.append(f"schema is {d.get('schema')!r}, expected {SCHEMA!r}")
    doc = d.get("document") or {}
    if "source" not in doc:
        problems.append("document.source missing")
    if "error" in d:
        err = d["error"] or {}
        if err.get("stage") not in ERROR_STAGES:
            problems.append(f"error.stage {err.get('stage')!r} unknown")
        if not err.get("code") or not err.get("message"):
            problems.append("error needs code and message")
        return problems
    fields = {"text": doc.get("text") or "", "title": doc.get("title") or "",
              "subtitle": doc.get("subtitle") or ""}

    def check_evidence(ev: Any, where: str) -> None:
        if not isinstance(ev, dict):
            problems.append(f"{where}: evidence missing")
            return
        target = fields.get(ev.get("field") or "text", "")
        start, end = ev.get("start"), ev.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or target[start:end] != ev.get("text"):
            problems.append(f"{where}: evidence offsets do not index document.{ev.get('field') or 'text'}")

    for i, a in enumerate(d.get("actors", [])):
        if a.get("kind") not in ACTOR_KINDS:
            problems.append(f"actors[{i}].kind {a.get('kind')!r} unknown")
        for j, m in enumerate(a.get("mentions", [])):
            check_evidence(m, f"actors[{i}].mentions[{j}]")
    for i, e in enumerate(d.get("events", [])):
        if e.get("status") not in EVENT_STATUSES:
            problems.append(f"events[{i}].status {e.get('status')!r} unknown")
        check_evidence(e.get("evidence"), f"events[{i}]")
    for i, a in enumerate(d.get("agreements", [])):
        if a.get("kind") not in AGREEMENT_KINDS:
            problems.append(f"agreements[{i}].kind {a.get('kind')!r} unknown")
        if list(a.get("parties", [])) != sorted(a.get("parties", [])):
            problems.append(f"agreements[{i}].parties not sorted")
        check_evidence(a.get("evidence"), f"agreements[{i}]")
        for j, p in enumerate(a.get("provisions", [])):
            if p.get("key") not in PROVISION_KEYS or p.get("value") not in PROVISION_VALUES:
                problems.append(f"agreements[{i}].provisions[{j}] key/value unknown")
            check_evidence(p.get("evidence"), f"agreements[{i}].provisions[{j}]")
    for i, c in enumerate(d.get("claims", [])):
        if c.get("kind") not in CLAIM_KINDS or c.get("topic") not in CLAIM_TOPICS:
            problems.append(f"claims[{i}] kind/topic unknown")
        check_evidence(c.get("evidence"), f"claims[{i}]")
        for j, r in enumerate(c.get("responses", [])):
            if r.get("stance") not in STANCES:
                problems.append(f"claims[{i}].responses[{j}].stance unknown")
            check_evidence(r.get("evidence"), f"claims[{i}].responses[{j}]")
    for i, q in enumerate(d.get("quotes", [])):
        check_evidence(q.get("evidence"), f"quotes[{i}]")
    for i, f in enumerate(d.get("flags", [])):
        if f.get("kind") not in FLAG_KINDS:
            problems.append(f"flags[{i}].kind unknown")
        if not f.get("evidence"):
            problems.append(f"flags[{i}]: evidence missing")
        for j, ev in enumerate(f.get("evidence", [])):
            check_evidence(ev, f"flags[{i}].evidence[{j}]")
    return problems
