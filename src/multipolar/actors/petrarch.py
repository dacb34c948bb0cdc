"""Import PETRARCH/TABARI-format actor and agent dictionaries (``.actors.txt``, ``.agents.txt``).

The layout (documented in docs/actors.md, section "PETRARCH dictionaries"):

actors::

    RUSSIA  [RUS]                       # a phrase and its code
    +RUSSIAN                            # "+" lines add synonyms of the phrase above
    SAM_GAMGEE [HOB]                    # "_" joins words; a trailing "_" is dropped
        [HOBMIL 20080120-20121109]      # date-restricted codes: first match wins
        [HOBELI >20130119]              # after; "<DATE" before; dates YYYYMMDD or YYMMDD
    LORIEN  [ELR/GAL]                   # several codes: a collective

agents::

    !PERSON! = MAN, MEN, WOMAN          # substitution set, expanded inside phrases
    FOREIGN_MINISTER [~GOVFRM]          # "~CODE": appended to the actor ("ARN" -> "ARNGOVFRM")
    MSF {}  [NGO~]                      # "CODE~": put before the actor ("NGOARN"); {} = no plural
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   # explicit plurals; otherwise made by rule

Comments are ``# ...`` to the end of a line and ``<!-- ... -->`` blocks. Matching is
case-insensitive and word-exact (TABARI's word stems are read as whole words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..errors import MultipolarError
from .dictionary import IMPORTED, ActorDictionary, Entry, Tenure, tokens_of

DISCARD_CODES = {"###", "+++"}
COMMENT_BLOCK = re.compile(r"<!\s*-?-?.*?-->", re.S)
CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
RESTRICTION = re.compile(r"^\s*([^\s<>\[\]]+)\s*(?:(<|>)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*$")
SUBSTITUTION = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$")


class DictionaryFormatError(MultipolarError):
    """A PETRARCH dictionary line that cannot be read; the message names file and line."""


@dataclass
class ActorRecord:
    phrases: list[str]
    default: str
    restrictions: list[Tenure]


@dataclass
class AgentRecord:
    phrases: list[str]
    code: str  # "GOVFRM" (after the actor) or "NGO~" (before it)


def petrarch_date(text: str) -> date:
    """``YYYYMMDD`` or TABARI's ``YYMMDD`` (years 30-99 are 19xx, the rest 20xx)."""
    if len(text) == 6:
        yy = int(text[:2])
        text = (f"19{text[:2]}" if yy >= 30 else f"20{text[:2]}") + text[2:]
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _restriction(body: str, where: str) -> Tenure | str:
    """A code block's content: a plain code (the default) or a dated :class:`Tenure`."""
    m = RESTRICTION.match(body)
    if not m:
        raise DictionaryFormatError(f"{where}: cannot read code block [{body}]")
    code = m.group(1).upper()
    if m.group(2) == "<":
        return Tenure(code, "", "", petrarch_date(m.group(3)).isoformat())
    if m.group(2) == ">":
        return Tenure(code, "", (petrarch_date(m.group(3)) + timedelta(days=1)).isoformat())
    if m.group(4):
        start, end = petrarch_date(m.group(4)), petrarch_date(m.group(5)) + timedelta(days=1)
        return Tenure(code, "", start.isoformat(), end.isoformat())
    return code


def _clean_lines(text: str) -> list[str]:
    text = COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return [line.split("#", 1)[0].rstrip() for line in text.splitlines()]


def _phrase(raw: str) -> str:
    return " ".join(w for w in raw.strip().replace("_", " ").split())


def parse_actors(text: str, source: str = "actors") -> list[ActorRecord]:
    records: list[ActorRecord] = []
    current: ActorRecord | None = None
    for n, line in enumerate(_clean_lines(text), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        head = CODE_BLOCK.sub("", line).strip()
        if line.lstrip().startswith("+"):
            if current is None:
                raise DictionaryFormatError(f"{where}: synonym before any actor")
            current.phrases.append(_phrase(head.lstrip("+")))
        elif head and not line[:1].isspace():
            current = ActorRecord([_phrase(head)], "", [])
            records.append(current)
        elif head:
            raise DictionaryFormatError(f"{where}: unexpected text {head!r}")
        for body in CODE_BLOCK.findall(line):
            if current is None:
                raise DictionaryFormatError(f"{where}: code block before any actor")
            value = _restriction(body, where)
            if isinstance(value, Tenure):
                current.restrictions.append(value)
            else:
                current.default = value
    return [r for r in records if r.default or r.restrictions]


def _plural(word: str) -> str:
    w = word.upper()
    if w.endswith(("MEN", "PEOPLE")):
        return word  # already plural
    if w.endswith("MAN"):
        return word[:-3] + ("MEN" if word.isupper() else "men")
    if w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if w.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def _expand(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    for key, values in subs.items():
        if key in phrase:
            return [p for v in values for p in _expand(phrase.replace(key, v), subs)]
    return [phrase]


def parse_agents(text: str, source: str = "agents") -> list[AgentRecord]:
    subs: dict[str, list[str]] = {}
    records: list[AgentRecord] = []
    for n, line in enumerate(_clean_lines(text), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        m = SUBSTITUTION.match(line)
        if m:
            subs[m.group(1)] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        codes = CODE_BLOCK.findall(line)
        if not codes:
            raise DictionaryFormatError(f"{where}: agent without a [code]")
        code = codes[0].strip().upper()
        head = CODE_BLOCK.sub("", line)
        plurals_m = re.search(r"\{([^}]*)\}", head)
        word = re.sub(r"\{[^}]*\}", "", head).strip()
        phrases = _expand(word, subs)
        if plurals_m is None:
            phrases += [" ".join([*p.replace("_", " ").split()[:-1], _plural(p.replace("_", " ").split()[-1])])
                        for p in phrases]
        else:
            phrases += _expand(plurals_m.group(1).strip(), subs) if plurals_m.group(1).strip() else []
        if code.startswith("~"):
            code = code[1:]
        elif not code.endswith("~"):
            raise DictionaryFormatError(f"{where}: agent code {code!r} needs a '~' before or after it")
        records.append(AgentRecord([_phrase(p) for p in phrases], code))
    return records


def kind_of_code(code: str) -> str:
    """The SPEC kind a bare CAMEO code suggests."""
    if code.startswith("IGO"):
        return "igo"
    roles = [code[i:i + 3] for i in range(3, len(code), 3)]
    if not roles:
        return "state"
    if roles[0] in ("GOV", "LEG", "JUD", "SPY", "POL", "COP"):
        return "government"
    if roles[0] == "MIL":
        return "military"
    if roles[0] in ("REB", "OPP", "INS", "UAF"):
        return "group"
    return "other"


def add_actors(d: ActorDictionary, records: list[ActorRecord]) -> None:
    for r in records:
        code = r.default or "---"
        entry = Entry(code, kind_of_code(code), r.phrases[0].title(), IMPORTED, tuple(r.restrictions),
                      default=code)
        for phrase in r.phrases:
            d.add_name(tuple(t.lower() for t in tokens_of(phrase)), entry, front=True)


def add_agents(d: ActorDictionary, records: list[AgentRecord]) -> None:
    for r in records:
        for phrase in r.phrases:
            d.add_agent(tuple(t.lower() for t in tokens_of(phrase)), r.code, front=True)


def load_petrarch(actors: str | Path | None = None, agents: str | Path | None = None,
                  base: ActorDictionary | None = None) -> ActorDictionary:
    """A dictionary from PETRARCH files; entries take precedence over ``base`` (if given)."""
    d = base.copy() if base is not None else ActorDictionary()
    try:
        if actors:
            path = Path(actors)
            add_actors(d, parse_actors(path.read_text(encoding="utf-8", errors="replace"), path.name))
        if agents:
            path = Path(agents)
            add_agents(d, parse_agents(path.read_text(encoding="utf-8", errors="replace"), path.name))
    except OSError as e:
        raise DictionaryFormatError(f"cannot read PETRARCH dictionary: {e}") from e
    return d
