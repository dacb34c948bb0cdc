"""Alert rules: a small YAML file of what an analyst wants to hear about, matched against records.

    webhook: https://hooks.example.org/multipolar   # optional: JSON POST for each alert
    rules:
      - name: iran-russia-defence
        agreement: {parties: [IRN, RUS], provisions: {defense: present}}
      - name: strikes-between-israel-and-iran
        dyad: [ISR, IRN]
        events: {plover: [ASSAULT, COERCE]}
        min_corroboration: 2          # at least two sources (hosts) before alerting
      - name: accusations-against-china
        claims: {about: CHN, kinds: [accuse, allege]}
      - name: anything-on-the-kremlin
        actor: RUSGOV
      - name: barents-news
        mentions: [Barents Sea, Svalbard]

A rule matches *facts* of a record: events (``events``/``dyad``), agreements
(``agreement``), claims (``claims``); with none of those, the record's actors
(``actor``) or its words (``mentions``). ``actor`` narrows events (source or
target), agreements (a party) and claims (claimant or subject) too; ``mentions``
narrows any rule to documents that use one of the phrases. Codes match by
prefix (``RUS`` matches ``RUSGOV``). Each match has a key (what was reported, e.g.
``event:ISR-ASSAULT-IRN``), so the same fact reported by several sources
corroborates one alert instead of raising many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..actors import code_country
from ..errors import MultipolarError
from ..model import CLAIM_KINDS, CLAIM_TOPICS, EVENT_STATUSES, PROVISION_KEYS, PROVISION_VALUES, Record

# The 16 PLOVER event types (PLOVER manual, as listed in eval/plover_facts.md section 1).
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_RULE_KEYS = {"name", "actor", "dyad", "events", "agreement", "claims", "mentions", "min_corroboration",
              "description"}
_EVENT_KEYS = {"cameo", "plover", "status", "include_negated"}
_AGREEMENT_KEYS = {"parties", "kinds", "provisions"}
_CLAIM_KEYS = {"about", "claimant", "kinds", "topics"}


class RulesError(MultipolarError):
    """The rules file is not valid; the message says where."""


@dataclass
class Match:
    """One fact of a record that a rule matched."""

    rule: str
    key: str
    summary: str
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Rule:
    name: str
    actors: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None
    events: dict[str, Any] | None = None
    agreement: dict[str, Any] | None = None
    claims: dict[str, Any] | None = None
    mentions: tuple[str, ...] = ()
    min_corroboration: int = 1
    _mention_re: re.Pattern | None = None

    def matches(self, record: Record) -> list[Match]:
        """Every fact of ``record`` this rule matches (deduplicated by key)."""
        if record.error is not None:
            return []
        doc = record.document
        found: list[Match] = []
        if self._mention_re is not None:
            words = self._mention_hits(record)
            if not words:
                return []
        if self.events is not None or self.dyad is not None:
            found += self._event_matches(record)
        if self.agreement is not None:
            found += self._agreement_matches(record)
        if self.claims is not None:
            found += self._claim_matches(record)
        if self.events is None and self.dyad is None and self.agreement is None and self.claims is None:
            if self.actors:
                for actor in record.actors:
                    if _matches_any(actor.code, self.actors):
                        ev = [m.to_dict() for m in actor.mentions[:3]]
                        found.append(Match(self.name, f"actor:{actor.code}",
                                           f"{actor.name} ({actor.code}) in {doc.title or doc.source}", ev))
            elif self._mention_re is not None:
                phrases = sorted({w.lower() for w, _ in words})
                found.append(Match(self.name, f"mention:{doc.id}",
                                   f"mentions {', '.join(phrases)}: {doc.title or doc.source}",
                                   [ev for _, ev in words[:3]]))
        unique: dict[str, Match] = {}
        for m in found:
            unique.setdefault(m.key, m)
        return list(unique.values())

    # -- per fact kind ----------------------------------------------------------------------
    def _event_matches(self, record: Record) -> list[Match]:
        crit = self.events or {}
        out = []
        for e in record.events:
            if e.negated and not crit.get("include_negated", False):
                continue
            if crit.get("cameo") and not _matches_any(e.cameo or "", crit["cameo"]):
                continue
            if crit.get("plover") and (e.plover or "") not in crit["plover"]:
                continue
            if crit.get("status") and e.status not in crit["status"]:
                continue
            if self.dyad is not None:
                a, b = self.dyad
                pair = (e.source or "", e.target or "")
                if not ((_matches_any(pair[0], (a,)) and _matches_any(pair[1], (b,)))
                        or (_matches_any(pair[0], (b,)) and _matches_any(pair[1], (a,)))):
                    continue
            if self.actors and not (_matches_any(e.source or "", self.actors)
                                    or _matches_any(e.target or "", self.actors)):
                continue
            src = code_country(e.source) if e.source else "-"
            tgt = code_country(e.target) if e.target else "-"
            kind = e.plover or f"CAMEO{(e.cameo or '')[:2]}"
            out.append(Match(self.name, f"event:{src}-{kind}-{tgt}",
                             f"{e.source} {kind} ({e.cameo}) {e.target or ''} {e.date or ''}".strip(),
                             [e.evidence.to_dict()]))
        return out

    def _agreement_matches(self, record: Record) -> list[Match]:
        crit = self.agreement or {}
        out = []
        for a in record.agreements:
            parties = list(a.parties)
            if crit.get("parties") and not all(any(_matches_any(p, (want,)) for p in parties)
                                               for want in crit["parties"]):
                continue
            if crit.get("kinds") and a.kind not in crit["kinds"]:
                continue
            if self.actors and not any(_matches_any(p, self.actors) for p in parties):
                continue
            wanted: dict[str, str] = crit.get("provisions") or {}
            have = {p.key: p for p in a.provisions}
            if any(key not in have or have[key].value != value for key, value in wanted.items()):
                continue
            evidence = [a.evidence.to_dict()] + [have[k].evidence.to_dict() for k in wanted]
            provisions = ", ".join(f"{k}={v}" for k, v in wanted.items())
            out.append(Match(self.name, f"agreement:{'-'.join(sorted(parties))}:{a.signed or ''}",
                             f"{a.kind} {'-'.join(parties)} signed {a.signed or '?'}"
                             + (f" ({provisions})" if provisions else ""), evidence))
        return out

    def _claim_matches(self, record: Record) -> list[Match]:
        crit = self.claims or {}
        out = []
        for c in record.claims:
            if crit.get("about") and not _matches_any(c.subject or "", crit["about"]):
                continue
            if crit.get("claimant") and not _matches_any(c.claimant or "", crit["claimant"]):
                continue
            if crit.get("kinds") and c.kind not in crit["kinds"]:
                continue
            if crit.get("topics") and c.topic not in crit["topics"]:
                continue
            if self.actors and not (_matches_any(c.claimant or "", self.actors)
                                    or _matches_any(c.subject or "", self.actors)):
                continue
            out.append(Match(self.name, f"claim:{c.claimant}-{c.subject}-{c.topic}",
                             f"{c.claimant} {c.kind}s {c.subject}: {c.content}", [c.evidence.to_dict()]))
        return out

    def _mention_hits(self, record: Record) -> list[tuple[str, dict[str, Any]]]:
        doc = record.document
        hits = []
        for field_name, text in (("title", doc.title), ("subtitle", doc.subtitle), (None, doc.text)):
            for m in self._mention_re.finditer(text or ""):
                ev = {"text": m.group(0), "start": m.start(), "end": m.end()}
                if field_name:
                    ev["field"] = field_name
                hits.append((m.group(0), ev))
        return hits


@dataclass
class RuleSet:
    rules: list[Rule]
    webhook: str | None = None

    def matches(self, record: Record) -> list[Match]:
        return [m for rule in self.rules for m in rule.matches(record)]

    def by_name(self, name: str) -> Rule:
        return next(r for r in self.rules if r.name == name)


def load_rules(path: str | Path) -> RuleSet:
    """Read and validate a rules file; raises :class:`RulesError` with the offending rule named."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise RulesError(f"{path}: cannot read rules ({e})") from e
    return parse_rules(data, str(path))


def parse_rules(data: Any, where: str = "rules") -> RuleSet:
    if isinstance(data, list):
        data = {"rules": data}
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulesError(f"{where}: expected a mapping with a 'rules' list")
    webhook = data.get("webhook")
    if webhook is not None and not (isinstance(webhook, str) and webhook.startswith(("http://", "https://"))):
        raise RulesError(f"{where}: webhook must be an http(s) URL")
    rules, names = [], set()
    for i, raw in enumerate(data["rules"]):
        rule = _parse_rule(raw, f"{where}: rule {i + 1}")
        if rule.name in names:
            raise RulesError(f"{where}: rule name {rule.name!r} used twice")
        names.add(rule.name)
        rules.append(rule)
    return RuleSet(rules, webhook)


def _parse_rule(raw: Any, where: str) -> Rule:
    if not isinstance(raw, dict):
        raise RulesError(f"{where}: a rule is a mapping")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RulesError(f"{where}: unknown field(s) {sorted(unknown)}; known: {sorted(_RULE_KEYS)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RulesError(f"{where}: every rule needs a name")
    where = f"{where} ({name})"
    rule = Rule(name=name.strip(), actors=_codes(raw.get("actor"), where, "actor"))
    if raw.get("dyad") is not None:
        dyad = _codes(raw["dyad"], where, "dyad")
        if len(dyad) != 2:
            raise RulesError(f"{where}: dyad takes two actor codes")
        rule.dyad = (dyad[0], dyad[1])
    if raw.get("events") is not None:
        rule.events = _section(raw["events"], _EVENT_KEYS, where, "events")
        _check_values(rule.events, "plover", PLOVER_TYPES, where, upper=True)
        _check_values(rule.events, "status", EVENT_STATUSES, where)
        if "cameo" in rule.events:
            rule.events["cameo"] = [str(c) for c in _as_list(rule.events["cameo"])]
            if not all(c.isdigit() for c in rule.events["cameo"]):
                raise RulesError(f"{where}: cameo codes are digits (prefixes such as '19' or '057')")
    if raw.get("agreement") is not None:
        rule.agreement = _section(raw["agreement"], _AGREEMENT_KEYS, where, "agreement")
        if "parties" in rule.agreement:
            rule.agreement["parties"] = list(_codes(rule.agreement["parties"], where, "parties"))
        provisions = rule.agreement.get("provisions")
        if isinstance(provisions, list):
            provisions = {k: "present" for k in provisions}
        if provisions is not None:
            if not isinstance(provisions, dict):
                raise RulesError(f"{where}: provisions is a list of keys or a mapping key: present|absent")
            for key, value in provisions.items():
                if key not in PROVISION_KEYS:
                    raise RulesError(f"{where}: unknown provision {key!r}")
                if value not in PROVISION_VALUES:
                    raise RulesError(f"{where}: provision {key} must be present or absent")
            rule.agreement["provisions"] = dict(provisions)
    if raw.get("claims") is not None:
        rule.claims = _section(raw["claims"], _CLAIM_KEYS, where, "claims")
        for key in ("about", "claimant"):
            if key in rule.claims:
                rule.claims[key] = _codes(rule.claims[key], where, key)
        _check_values(rule.claims, "kinds", CLAIM_KINDS, where)
        _check_values(rule.claims, "topics", CLAIM_TOPICS, where)
    mentions = [str(m).strip() for m in _as_list(raw.get("mentions")) if str(m).strip()]
    if mentions:
        rule.mentions = tuple(mentions)
        alternatives = "|".join(r"\s+".join(map(re.escape, m.split())) for m in mentions)
        rule._mention_re = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)
    corroboration = raw.get("min_corroboration", 1)
    if not isinstance(corroboration, int) or corroboration < 1:
        raise RulesError(f"{where}: min_corroboration is a whole number >= 1")
    rule.min_corroboration = corroboration
    if not (rule.actors or rule.dyad or rule.events is not None or rule.agreement is not None
            or rule.claims is not None or rule.mentions):
        raise RulesError(f"{where}: the rule matches nothing (give actor, dyad, events, agreement, "
                         f"claims or mentions)")
    return rule


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _codes(value: Any, where: str, what: str) -> tuple[str, ...]:
    codes = tuple(str(v).strip().upper() for v in _as_list(value))
    if any(not re.fullmatch(r"[A-Z0-9]{3,}", c) for c in codes):
        raise RulesError(f"{where}: {what} takes CAMEO actor codes such as RUS or IRNGOV, got {value!r}")
    return codes


def _section(value: Any, allowed: set[str], where: str, what: str) -> dict[str, Any]:
    if value is True or value == {}:
        return {}
    if not isinstance(value, dict):
        raise RulesError(f"{where}: {what} is a mapping")
    unknown = set(value) - allowed
    if unknown:
        raise RulesError(f"{where}: unknown {what} field(s) {sorted(unknown)}; known: {sorted(allowed)}")
    return dict(value)


def _check_values(section: dict[str, Any], key: str, allowed: tuple[str, ...], where: str,
                  upper: bool = False) -> None:
    if key not in section:
        return
    values = [str(v).upper() if upper else str(v) for v in _as_list(section[key])]
    bad = [v for v in values if v not in allowed]
    if bad:
        raise RulesError(f"{where}: unknown {key} {bad}; known: {list(allowed)}")
    section[key] = values


def _matches_any(code: str, prefixes: tuple[str, ...] | list[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)
