"""The event lexicon: verb, verb + object and event-noun rules mapped to CAMEO codes.

The rules live in ``data/verbs/lexicon.yaml`` (see its header for the fields). They are compiled once
into a :class:`Lexicon` indexed by lemma, so the coder does one dictionary lookup per token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

TARGET_SLOTS = ("dobj", "dative", "agent", "poss", "objmod", "accuser", "clause_subject", "deal_partner",
                "phrase", "act_author", "sponsor",
                "governor_subjects", "truce_parties")


@dataclass(frozen=True)
class VerbRule:
    code: str
    lemma: str
    particle: str | None = None
    objects: frozenset[str] | None = None  # required object head lemmas; None: any object or none
    object_mods: tuple[frozenset[str], ...] = ()  # words the object must also carry, one from each set
    object_preps: tuple[str, ...] = ()
    target: tuple[str, ...] = ("dobj",)
    reciprocal: bool = False
    reverse: str | None = None
    intransitive: bool = False
    embed: str | None = None
    needs_prep: tuple[str, ...] = ()
    needs_clause: bool = False
    needs_adverb: tuple[str, ...] = ()
    target_prefix: str | None = None
    # words that must come before the verb, in order; each item lists alternative word sequences
    before: tuple[tuple[tuple[str, ...], ...], ...] = ()
    needs_compound: bool = False  # a joint subject ("% *" in PETRARCH patterns)
    after: tuple[tuple[tuple[str, ...], ...], ...] = ()  # words that must follow, in order, in the verb's phrase
    swap: bool = False  # the named target acts on the subject ("X buys tanks from Y": Y aids X)
    needs_future: bool = False  # only said of the future ("would respond"), not a report of the act
    needs_passive: bool = False  # only in the passive ("diplomats were expelled from Poland")
    after_window: int = 12  # how many words after the verb ``after`` looks at (PETRARCH patterns: 12)
    origin: str = ""
    exclude_modifier: frozenset[str] = frozenset()  # object modifiers that unmake it ("a trade war")

    @property
    def specificity(self) -> int:
        return (2 if self.objects or self.needs_adverb else 0) + (1 if self.particle else 0) + (
            1 if self.needs_prep else 0) + len(self.object_mods) + 2 * len(self.before) + self.needs_compound + 2 * len(self.after)


@dataclass(frozen=True)
class NounRule:
    code: str
    lemma: str
    target_preps: tuple[str, ...] = ()
    reciprocal: bool = False
    reverse: str | None = None
    require_modifier: frozenset[str] | None = None
    # modifiers (or of-objects) that make the noun no event of this kind: "trade war", "war of words"
    exclude_modifier: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    verbs: dict[str, list[VerbRule]] = field(default_factory=dict)
    nouns: dict[str, list[NounRule]] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    attribution: dict[str, str] = field(default_factory=dict)
    negators: frozenset[str] = frozenset()
    deal_verbs: frozenset[str] = frozenset()  # "signed a deal to buy ...": the signer buys
    actor_heads: frozenset[str] = frozenset()
    # "a trilateral summit": every party meets every other one (words before the meeting noun).
    multilateral: frozenset[str] = frozenset()
    meeting_nouns: frozenset[str] = frozenset()
    # CAMEO codes (or their 2-/3-digit prefixes) of acts that, reported by a third party, are a charge.
    accusable: tuple[str, ...] = ()
    cancellers: frozenset[str] = frozenset()  # "cancelled the visit": the event noun did not happen
    preparers: frozenset[str] = frozenset()  # "is preparing new sanctions": the event noun is planned
    threat_verbs: frozenset[str] = frozenset()  # "threatened to impose sanctions on X": a threat against X
    obligation_modals: frozenset[str] = frozenset()  # "said X must ...": the speaker demands it of X
    # "an attack on X would be an attack on us": the words of a security guarantee (coding/guarantees.py)
    guarantee: dict[str, frozenset[str]] = field(default_factory=lambda: {
        "attack_nouns": frozenset(), "invoking": frozenset(), "invoked": frozenset(), "equating": frozenset()})
    report_nouns: frozenset[str] = frozenset()  # "X's claims that Y sent troops": X charges Y
    # "told X to leave or face consequences": a demand with such an alternative is also a threat.
    ultimatum: frozenset[str] = frozenset()
    # "X warned that Y was endangering peace": a harmful act reported by a speaker is criticism (111).
    harmful_acts: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    reporter_agents: frozenset[str] = frozenset()
    unanswered_words: frozenset[str] = frozenset()  # "would not go unanswered"
    condemning_words: frozenset[str] = frozenset()  # "said the US decision was irresponsible"
    # "condemned the veto": act nouns -> CAMEO code prefixes of the earlier event they refer back to.
    act_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # PLOVER files a future or intended cooperative act as intent (AGREE); imported PETRARCH
    # dictionaries carry their own codes for that and turn this off.
    future_as_intent: bool = True

    def add_verb(self, rule: VerbRule) -> None:
        rules = self.verbs.setdefault(rule.lemma, [])
        rules.append(rule)
        # Most specific first (stable: file order among equals), so "sign ... treaty" beats "sign".
        rules.sort(key=lambda r: -r.specificity)

    def add_noun(self, rule: NounRule) -> None:
        rules = self.nouns.setdefault(rule.lemma, [])
        rules.append(rule)
        rules.sort(key=lambda r: -(1 if r.require_modifier else 0))

    def codes(self) -> set[str]:
        out = {r.code for rs in self.verbs.values() for r in rs}
        out |= {r.code for rs in self.nouns.values() for r in rs}
        return out | set(self.modifiers.values())


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value.lower()]
    return [str(v).lower() for v in value]


def lexicon_from_dict(data: dict[str, Any], origin: str = "") -> Lexicon:
    lex = Lexicon()
    for entry in data.get("verbs") or []:
        code = str(entry["code"])
        objects = entry.get("objects")
        for lemma in _words(entry.get("lemmas")):
            verb, _, particle = lemma.partition(" ")
            lex.add_verb(VerbRule(
                code=code, lemma=verb, particle=particle or None,
                objects=frozenset(_words(objects)) if objects else None,
                object_preps=tuple(_words(entry.get("object_preps"))),
                object_mods=tuple(frozenset(_words(m)) for m in entry.get("object_mods") or []),
                target=tuple(entry.get("target", ["dobj"])),
                reciprocal=bool(entry.get("reciprocal", False)),
                reverse=str(entry["reverse"]) if entry.get("reverse") else None,
                intransitive=bool(entry.get("intransitive", False)),
                embed=entry.get("embed"),
                needs_prep=tuple(_words(entry.get("needs_prep"))),
                needs_clause=bool(entry.get("needs_clause", False)),
                needs_adverb=tuple(_words(entry.get("needs_adverb"))),
                target_prefix=entry.get("target_prefix"),
                swap=bool(entry.get("swap", False)),
                # "after: [[leave, depart]]": words in the verb's phrase after it, in order; an
                # alternative may be several words ("persona non grata")
                after=tuple(tuple(tuple(alt.split()) for alt in _words(item)) for item in entry.get("after") or []),
                needs_future=bool(entry.get("needs_future", False)),
                needs_passive=bool(entry.get("needs_passive", False)),
                after_window=40,  # our rules look through the verb's whole phrase
                exclude_modifier=frozenset(_words(entry.get("exclude_modifier"))),
                origin=origin))
    for entry in data.get("nouns") or []:
        mods = entry.get("require_modifier")
        for lemma in _words(entry.get("lemmas")):
            lex.add_noun(NounRule(
                code=str(entry["code"]), lemma=lemma,
                target_preps=tuple(_words(entry.get("target_preps"))),
                reciprocal=bool(entry.get("reciprocal", False)),
                reverse=str(entry["reverse"]) if entry.get("reverse") else None,
                require_modifier=frozenset(_words(mods)) if mods else None,
                exclude_modifier=frozenset(_words(entry.get("exclude_modifier")))))
    for entry in data.get("modifiers") or []:
        for lemma in _words(entry.get("lemmas")):
            lex.modifiers[lemma] = str(entry["code"])
    lex.light_verbs = frozenset(_words(data.get("light_verbs")))
    lex.actor_heads = frozenset(_words(data.get("actor_heads")))
    lex.negators = frozenset(_words(data.get("negators")))
    lex.deal_verbs = frozenset(_words(data.get("deal_verbs")))
    lex.multilateral = frozenset(_words(data.get("multilateral")))
    lex.meeting_nouns = frozenset(_words(data.get("meeting_nouns")))
    lex.accusable = tuple(_words(data.get("accusable")))
    lex.report_nouns = frozenset(_words(data.get("report_nouns")))
    lex.cancellers = frozenset(_words(data.get("cancellers")))
    lex.preparers = frozenset(_words(data.get("preparers")))
    lex.threat_verbs = frozenset(_words(data.get("threat_verbs")))
    lex.obligation_modals = frozenset(_words(data.get("obligation_modals")))
    lex.guarantee = {k: frozenset(_words(v)) for k, v in (data.get("guarantee") or {}).items()}
    for key in ("attack_nouns", "invoking", "invoked", "equating"):
        lex.guarantee.setdefault(key, frozenset())
    lex.ultimatum = frozenset(_words(data.get("ultimatum")))
    lex.harmful_acts = frozenset(_words(data.get("harmful_acts")))
    lex.speech_verbs = frozenset(_words(data.get("speech_verbs")))
    lex.reporter_agents = frozenset(_words(data.get("reporter_agents")))
    lex.unanswered_words = frozenset(_words(data.get("unanswered_words")))
    lex.condemning_words = frozenset(_words(data.get("condemning_words")))
    lex.act_nouns = {str(k).lower(): tuple(_words(v)) for k, v in (data.get("act_nouns") or {}).items()}
    for status, words in (data.get("attribution") or {}).items():
        for w in _words(words):
            lex.attribution.setdefault(w, status)
    return lex


def load_lexicon_file(path: str | Path) -> Lexicon:
    with open(path, encoding="utf-8") as f:
        return lexicon_from_dict(yaml.safe_load(f), origin=str(path))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, compiled once per process."""
    text = resources.files("multipolar").joinpath("data", "verbs", "lexicon.yaml").read_text(encoding="utf-8")
    return lexicon_from_dict(yaml.safe_load(text), origin="lexicon.yaml")
