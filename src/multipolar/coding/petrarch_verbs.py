"""Import PETRARCH/TABARI verb dictionaries (the ``PETR.Validate.verbs.txt`` layout) as a Lexicon.

Layout, as read here:
  ``&NAME`` then ``+member`` lines            a synset; ``&NAME`` inside a pattern expands to it
  ``--- VERB [code] ---``                     a verb family with its default code (``---``: none)
  ``VERB {FORM FORM}`` / ``+SYNONYM``          the family's verbs (``_`` joins a particle)
  ``- pre * post [code]``                     a pattern: ``*`` is the verb; ``+`` marks the target,
                                              ``$`` the source, ``%`` a compound actor; ``_`` glues words
Comments start with ``#``; ``<!-- -->`` lines are skipped.

PETRARCH matched patterns word by word on constituency parses. Here a pattern becomes a
:class:`VerbRule` for the verb (by lemma, so any inflection): the words after ``*`` must follow the
verb, in order, within the verb's phrase (a synset matches any of its members); a preposition
before ``+`` or ``%`` names where the target is, else the target is the first actor of the verb
phrase; words before ``*`` ("SAID * TO ATTEND", "&NEGATVAUXVRB *") must appear, in order, among
the eight words before the verb; ``%`` before the verb asks for a compound subject. Longer
patterns are tried first; the family's code applies when none matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .verbs import Lexicon, VerbRule, default_lexicon

PREPOSITIONS = {"to", "with", "against", "on", "in", "from", "for", "of", "at", "by", "into", "over",
                "about", "upon", "toward", "towards", "between", "among", "across", "near", "under"}
# PETRARCH takes the first actor of the verb phrase as the target.
DEFAULT_TARGETS = ("dobj", "dative", "phrase")
MARKERS = {"+", "$", "%", "^"}
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class ImportReport:
    families: int = 0
    verbs: int = 0
    patterns: int = 0
    rules: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def _clean(line: str) -> str:
    if line.lstrip().startswith("<!--"):
        return ""
    return line.split("#", 1)[0].rstrip()


def _first_code(text: str) -> str | None:
    m = _CODE.search(text)
    if not m:
        return None
    code = m.group(1).split(":")[0].strip()
    return code if code and code != "---" and code[:1].isdigit() else None


def _second_code(text: str) -> str | None:
    """The code after ":" in ``[064:064]``: the event the target returns (same code: mutual)."""
    m = _CODE.search(text)
    if not m or ":" not in m.group(1):
        return None
    code = m.group(1).split(":")[1].strip()
    return code if code and code[:1].isdigit() else None


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = _clean(raw).strip()
        if line.startswith("&"):
            current = line.split()[0].rstrip("_")
            synsets[current] = []
        elif line.startswith("+") and current:
            synsets[current].append(line[1:].strip().replace("_", " ").lower())
        else:
            current = None
    return synsets


def _expand(word: str, synsets: dict[str, list[str]], depth: int = 0) -> list[str]:
    """Head words a pattern word stands for: itself, or a synset's members' last words."""
    if word.startswith("&"):
        if depth > 4:
            return []
        out: list[str] = []
        for member in synsets.get(word.upper().rstrip("_"), []):
            last = member.split()[-1] if member.split() else member
            out.extend(_expand(last.upper(), synsets, depth + 1) if last.startswith("&") else [last])
        return out
    return [word.lower()]


def _pattern_rules(verbs: list[tuple[str, str | None]], body: str, code: str,
                   synsets: dict[str, list[str]], report: ImportReport) -> list[VerbRule]:
    text = body.replace("_", " ").replace("*", " * ")
    words = text.split()
    if "*" not in words:
        report.skip("no verb marker")
        return []
    star = words.index("*")
    pre, post = words[:star], words[star + 1:]
    before: list[tuple[tuple[str, ...], ...]] = []
    for w in pre:
        if w in MARKERS:
            continue
        alternatives = _word_alternatives(w, synsets)
        if alternatives is None:
            report.skip("empty synset")
            return []
        before.append(alternatives)
    needs_compound = "%" in pre
    reciprocal = needs_compound  # "% *": the joint subjects act on each other; "* WITH %" does not
    particle = None  # a particle after "*" ("*_OUT") is matched as a following word like the others
    targets: list[str] = []
    after: list[tuple[tuple[str, ...], ...]] = []
    for i, w in enumerate(post):
        prev = post[i - 1].lower() if i > 0 else None
        if w in MARKERS or w.startswith("+") or w.startswith("$"):
            if w in ("%", "+") or w.startswith("+"):
                if prev in PREPOSITIONS:
                    targets.append(f"prep:{prev}")  # "* WITH +", "* WITH %"
                elif w != "%":
                    targets.extend(["dobj", "dative"])
            if len(w) > 1 and w[0] in "+$":
                after.append(((w[1:].lower(),),))
            continue
        alternatives = _word_alternatives(w, synsets)
        if alternatives is None:
            report.skip("empty synset")
            return []
        after.append(alternatives)
    rules = []
    for verb, vparticle in verbs:
        rules.append(VerbRule(
            code=code, lemma=verb, particle=particle or vparticle, after=tuple(after),
            before=tuple(before), needs_compound=needs_compound,
            target=tuple(dict.fromkeys(targets)) or DEFAULT_TARGETS, reciprocal=reciprocal,
            origin="petrarch"))
    return rules


def _word_alternatives(word: str, synsets: dict[str, list[str]]) -> tuple[tuple[str, ...], ...] | None:
    """The word sequences a pattern word stands for: a synset's members, else the word itself;
    None for a synset with no members (the pattern is skipped)."""
    if not word.startswith("&"):
        return ((word.lower(),),)
    members = synsets.get(word.upper().rstrip("_"), [])
    return tuple(tuple(m.split()) for m in members) or None


def _verb_of(text: str) -> tuple[str, str | None] | None:
    text = re.sub(r"\{.*?\}", "", text).strip().strip("+").strip()
    parts = [p for p in re.split(r"[_\s]+", text) if p]
    if not parts or not parts[0].isalpha():
        return None
    return parts[0].lower(), (parts[1].lower() if len(parts) > 1 else None)


def load_petrarch_verbs(path: str | Path, base: Lexicon | None = None) -> tuple[Lexicon, ImportReport]:
    """A Lexicon of the dictionary's verbs and patterns, with ``base``'s grammar lists (light verbs,
    attribution) and nothing else of it; ``base`` defaults to the packaged lexicon."""
    base = base or default_lexicon()
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = read_synsets(lines)
    lex = Lexicon(light_verbs=base.light_verbs, attribution=dict(base.attribution),
                  actor_heads=base.actor_heads, negators=base.negators,
                  deal_verbs=base.deal_verbs, future_as_intent=False)
    report = ImportReport()
    family_code: str | None = None
    verbs: list[tuple[str, str | None]] = []
    in_family = False

    def add_default(verb: tuple[str, str | None]) -> None:
        if family_code:
            lex.add_verb(VerbRule(code=family_code, lemma=verb[0], particle=verb[1],
                                  target=DEFAULT_TARGETS, origin="petrarch"))
            report.rules += 1

    for raw in lines:
        line = _clean(raw)
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("---"):
            head = stripped.strip("-").strip()
            family_code = _first_code(head)
            name = _CODE.sub("", head).strip()
            verbs = []
            in_family = True
            report.families += 1
            v = _verb_of(name)
            if v:
                verbs.append(v)
                add_default(v)
            continue
        if stripped.startswith("&"):
            in_family = False  # a synset block between families
            continue
        if not in_family:
            continue
        if stripped.startswith("-"):
            report.patterns += 1
            code = _first_code(stripped)
            body = _CODE.sub("", stripped[1:]).strip()
            if not code:
                report.skip("no usable code")
                continue
            second = _second_code(stripped)
            for rule in _pattern_rules(verbs, body, code, synsets, report):
                if second == code:
                    rule = replace(rule, reciprocal=True)
                elif second:
                    rule = replace(rule, reverse=second)
                lex.add_verb(rule)
                report.rules += 1
            continue
        v = _verb_of(stripped)
        if v and v not in verbs:
            verbs.append(v)
            report.verbs += 1
            add_default(v)
    return lex, report
