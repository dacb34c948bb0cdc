"""Score records against hand-written gold facts: must-recall and must-not violations, per family.

A gate page (``tests/gate/gold/*.yaml``) names a page and two lists of facts, ``must`` (a careful
reader would list them) and ``must_not`` (mistakes the page invites). Facts are grouped in
families, each matched against one kind of item of the page's record:

  document    a field of ``document``: ``equals`` (case and spacing folded), ``startswith``, ``at_least``
  body        ``contains`` a snippet of ``document.text`` (``count``: exactly that many times)
  actors      ``code``, ``person``, ``kind``
  events      ``source``, ``target``, ``cameo``, ``status``, ``negated``, ``date``
  agreements  ``parties`` (the exact set) or ``parties_include``, ``kind``, ``signed``, ``duration_years``
  provisions  ``parties``, ``key``, ``value``
  claims      ``claimant``, ``subject``, ``topic``, ``kind``
  responses   the claim's fields plus ``actor`` and ``stance``
  quotes      ``text`` (a snippet of the quote), ``actor``, ``speaker`` (words of the speaker's name)
  flags       ``kind``, ``detail_contains``

How a field matches: actor codes by prefix (gold ``RUS`` takes ``RUSGOV``; ``target: null`` wants
no target); ``cameo``, ``date`` and ``signed`` by prefix (``"19"`` is any fighting, ``"2025-01"``
any day of that month); other fields by equality. A list of values means "any of these" (for an
honest annotation of a reading that has two defensible codes). A field left out matches anything.

In ``must``, an agreement written with ``provisions: {present: [...], absent: [...]}`` and a claim
written with ``responses: [{actor, stance}]`` expand into one fact per attribute, provision and
response, so a wrong signing date costs one fact, not the whole agreement. Events and quotes are
matched one to one (two gold events cannot both be satisfied by one coded event).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FAMILIES = ("document", "body", "actors", "events", "agreements", "provisions", "claims",
            "responses", "quotes", "flags")

# field -> how it matches; the families whose items are dicts of the record.
_FIELDS: dict[str, dict[str, str]] = {
    "actors": {"code": "code", "person": "text", "kind": "eq"},
    "events": {"source": "code", "target": "code", "cameo": "prefix", "status": "eq", "negated": "eq",
               "date": "prefix"},
    "agreements": {"parties": "parties", "parties_include": "parties_include", "kind": "eq",
                   "signed": "prefix", "duration_years": "eq"},
    "provisions": {"parties": "parties", "parties_include": "parties_include", "key": "eq", "value": "eq"},
    "claims": {"claimant": "code", "subject": "code", "topic": "eq", "kind": "eq"},
    "responses": {"claimant": "code", "subject": "code", "topic": "eq", "actor": "code", "stance": "eq"},
    "quotes": {"text": "snippet", "actor": "code", "speaker": "words"},
    "flags": {"kind": "eq", "detail_contains": "snippet"},
}
_FIELDS_OF_ITEM = {"parties_include": "parties", "detail_contains": "detail"}
_REQUIRED = {"document": {"field"}, "body": {"contains"}, "quotes": {"text"}, "provisions": {"key"}}
_DOCUMENT_TESTS = ("equals", "startswith", "at_least", "contains")
_ONE_TO_ONE = {"events", "quotes"}


def fold(text: Any) -> str:
    """Lowercase, no accents (Inácio = Inacio), straight apostrophes and quotes, runs of whitespace
    as one space."""
    s = str(text or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).strip().lower()


def _alternatives(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _field_matches(how: str, gold: Any, got: Any) -> bool:
    if how in ("parties", "parties_include"):
        want = {str(c).upper() for c in gold}
        have = {str(c).upper() for c in got or ()}
        return want == have if how == "parties" else want <= have
    if gold is None:
        return got is None
    options = _alternatives(gold)
    if how == "code":
        return got is not None and any(str(got).upper().startswith(str(o).upper()) for o in options)
    if how == "prefix":
        return got is not None and any(str(got).startswith(str(o)) for o in options)
    if how == "snippet":
        return any(fold(o) in fold(got) for o in options)
    if how == "words":
        words = set(re.findall(r"\w+", fold(got)))
        return any(set(re.findall(r"\w+", fold(o))) <= words for o in options)
    if how == "text":
        return any(fold(o) == fold(got) for o in options)
    return any(o == got or (isinstance(o, str) and fold(o) == fold(got)) for o in options)


def item_matches(family: str, fact: dict, item: dict) -> bool:
    """Whether one record item (an event, a quote ...) satisfies every field the fact gives."""
    fields = _FIELDS[family]
    return all(_field_matches(fields[k], v, item.get(_FIELDS_OF_ITEM.get(k, k))) for k, v in fact.items())


def _items(family: str, record: dict) -> list[dict]:
    """The record's items of a family, flattened so that one fact compares with one dict."""
    if family == "provisions":
        return [{"parties": a.get("parties"), **p} for a in record.get("agreements", [])
                for p in a.get("provisions", [])]
    if family == "responses":
        return [{k: c.get(k) for k in ("claimant", "subject", "topic", "kind")} | r
                for c in record.get("claims", []) for r in c.get("responses", [])]
    return list(record.get(family, []))


def _document_value(record: dict, path: str) -> Any:
    value: Any = record.get("document", {})
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _document_fact_holds(fact: dict, record: dict) -> bool:
    got = _document_value(record, fact["field"])
    if "equals" in fact:
        return _field_matches("text", fact["equals"], got)
    if "startswith" in fact:
        return _field_matches("prefix", str(fact["startswith"]), got)
    if "at_least" in fact:
        return isinstance(got, int | float) and got >= fact["at_least"]
    return _field_matches("snippet", fact["contains"], got)


def _body_count(fact: dict, record: dict) -> int:
    return fold(record.get("document", {}).get("text")).count(fold(fact["contains"]))


def _one_to_one(candidates: list[list[int]]) -> list[bool]:
    """Maximum bipartite matching (augmenting paths) of gold facts to record items."""
    owner: dict[int, int] = {}

    def place(g: int, seen: set[int]) -> bool:
        for i in candidates[g]:
            if i not in seen:
                seen.add(i)
                if i not in owner or place(owner[i], seen):
                    owner[i] = g
                    return True
        return False

    for g in range(len(candidates)):
        place(g, set())
    hit = set(owner.values())
    return [g in hit for g in range(len(candidates))]


def facts_found(family: str, facts: list[dict], record: dict, one_to_one: bool = True) -> list[bool]:
    """For each fact of a family, whether the record holds it."""
    if family == "document":
        return [_document_fact_holds(f, record) for f in facts]
    if family == "body":
        return [(_body_count(f, record) == f["count"]) if "count" in f else _body_count(f, record) > 0
                for f in facts]
    items = _items(family, record)
    candidates = [[i for i, item in enumerate(items) if item_matches(family, f, item)] for f in facts]
    if one_to_one and family in _ONE_TO_ONE:
        return _one_to_one(candidates)
    return [bool(c) for c in candidates]


def describe(family: str, fact: dict) -> str:
    """A one-line label of a fact, for reports."""
    return f"{family}: " + ", ".join(f"{k}={v}" for k, v in fact.items())


# -- gold files ---------------------------------------------------------------------------------


@dataclass
class GatePage:
    name: str
    path: str                 # relative to the repository root; ../shared/... for shared pages
    group: str                # "repo" (in the repository) or "shared" (needs ../shared)
    record: int | None = None  # the record's index within a WARC
    must: dict[str, list[dict]] = field(default_factory=dict)
    must_not: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def source_suffix(self) -> str:
        return self.path if self.record is None else f"{self.path}#{self.record}"


def _expand(family: str, fact: dict) -> list[tuple[str, dict]]:
    """One nested gold entry -> the facts it stands for (see the module docstring)."""
    if family == "agreements":
        base = {"parties": fact["parties"]}
        out = [("agreements", base)]
        out += [("agreements", base | {k: fact[k]}) for k in ("kind", "signed", "duration_years") if k in fact]
        for value in ("present", "absent"):
            out += [("provisions", base | {"key": k, "value": value})
                    for k in (fact.get("provisions") or {}).get(value, [])]
        return out
    if family == "claims" and "responses" in fact:
        claim = {k: v for k, v in fact.items() if k != "responses"}
        key = {k: v for k, v in claim.items() if k in ("claimant", "subject", "topic")}
        return [("claims", claim)] + [("responses", key | r) for r in fact["responses"]]
    return [(family, fact)]


def _normalise(value: Any) -> Any:
    """YAML reads 2025-01-17 as a date: dates and years are compared as text."""
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return value
    return str(value)


def shape_problems(family: str, fact: dict) -> list[str]:
    """What is wrong with a fact as written (unknown family or field, missing required field)."""
    if family not in FAMILIES:
        return [f"unknown family {family!r}"]
    if family == "document":
        tests = [k for k in fact if k in _DOCUMENT_TESTS]
        extra = set(fact) - {"field", *_DOCUMENT_TESTS}
        return ([] if len(tests) == 1 else [f"document fact needs one of {_DOCUMENT_TESTS}: {fact}"]) + \
               ([f"unknown keys {sorted(extra)}"] if extra else [])
    allowed = {"contains", "count"} if family == "body" else set(_FIELDS[family])
    problems = [f"unknown key {k!r} in {describe(family, fact)}" for k in fact if k not in allowed]
    problems += [f"missing {k!r} in {describe(family, fact)}" for k in _REQUIRED.get(family, ()) if k not in fact]
    if not fact:
        problems.append(f"empty {family} fact")
    return problems


def load_page(path: Path) -> GatePage:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = GatePage(name=path.stem, path=raw["page"], group=raw.get("group", "repo"), record=raw.get("record"))
    for side in ("must", "must_not"):
        facts: dict[str, list[dict]] = {}
        for family, entries in (raw.get(side) or {}).items():
            for entry in entries or []:
                expanded = _expand(family, entry) if side == "must" else [(family, entry)]
                for fam, fact in expanded:
                    facts.setdefault(fam, []).append(_normalise(fact))
        setattr(page, side, facts)
    return page


def load_gold(gold_dir: Path) -> list[GatePage]:
    return [load_page(p) for p in sorted(gold_dir.glob("*.yaml"))]


# -- scores -------------------------------------------------------------------------------------


@dataclass
class PageScore:
    page: GatePage
    must: dict[str, tuple[int, int]] = field(default_factory=dict)      # family -> (found, total)
    must_not: dict[str, tuple[int, int]] = field(default_factory=dict)  # family -> (clean, total)
    missed: list[str] = field(default_factory=list)
    violated: list[str] = field(default_factory=list)


def score_page(page: GatePage, record: dict | None) -> PageScore:
    """Score one page's record (None or an error record scores nothing)."""
    record = record if record and "error" not in record else {}
    out = PageScore(page)
    for family, facts in page.must.items():
        found = facts_found(family, facts, record)
        out.must[family] = (sum(found), len(found))
        out.missed += [describe(family, f) for f, ok in zip(facts, found, strict=True) if not ok]
    for family, facts in page.must_not.items():
        hit = facts_found(family, facts, record, one_to_one=False) if record else [False] * len(facts)
        out.must_not[family] = (len(hit) - sum(hit), len(hit))
        out.violated += [describe(family, f) for f, bad in zip(facts, hit, strict=True) if bad]
    return out


def _ratio(pairs: list[tuple[int, int]]) -> float | None:
    total = sum(t for _, t in pairs)
    return round(sum(n for n, _ in pairs) / total, 3) if total else None


def summarise(scores: list[PageScore]) -> dict[str, dict[str, float]]:
    """Micro-averaged rates over pages: ``must`` recall and ``must_not`` clean rate (1 - violations/total),
    per family and ``all`` families together. Families without facts are left out."""
    out: dict[str, dict[str, float]] = {}
    for side in ("must", "must_not"):
        rates = {}
        for family in FAMILIES:
            r = _ratio([getattr(s, side)[family] for s in scores if family in getattr(s, side)])
            if r is not None:
                rates[family] = r
        everything = _ratio([pair for s in scores for pair in getattr(s, side).values()])
        if everything is not None:
            rates["all"] = everything
        out[side] = rates
    return out
