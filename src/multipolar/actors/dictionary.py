"""The actor dictionaries: packaged TSV files read into one token-keyed lookup table.

Every name (country, adjective, capital, seat of power, organisation, person, agent noun) is
tokenised with spaCy's English tokenizer, so that a name matches exactly the tokens a parsed
document has. Matching is case-insensitive, except that a capitalised word of a name must be
capitalised in the text and an all-capitals abbreviation ("US", "UN", "WHO") must match exactly:
that keeps "us", "who" and "the west of the city" out.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "actors"

# kinds of dictionary entries ("role" of a name inside the dictionary, not a CAMEO role)
COUNTRY, ADJECTIVE, CAPITAL, SEAT, ENTITY, PERSON = "country", "adjective", "capital", "seat", "entity", "person"
IMPORTED = "imported"  # read from a PETRARCH/TABARI dictionary (see petrarch.py)
NONACTOR = "nonactor"  # a name that is never an actor ("Arabic", "Strait of Hormuz"): codes nothing

# nouns that make a regional adjective a group of states ("European allies", "Gulf states")
COLLECTIVE_NOUNS = ("allies", "partners", "countries", "nations", "states", "governments", "leaders",
                    "powers", "capitals", "members", "member states", "neighbours", "neighbors",
                    "monarchies", "democracies", "officials", "diplomats")

AGENT_KINDS = {"GOV": "government", "MIL": "military"}


@dataclass(frozen=True)
class Tenure:
    """One office held from ``start`` to ``end`` (ISO dates; ``end`` empty while in office)."""

    code: str
    office: str
    start: str
    end: str = ""
    source: str = ""

    def holds_on(self, day: str) -> bool:
        return self.start <= day and (not self.end or day < self.end)


@dataclass(frozen=True)
class Entry:
    """What a name stands for. People carry tenures and resolve by date (:meth:`code_on`)."""

    code: str
    kind: str
    name: str
    sort: str  # COUNTRY, ADJECTIVE, CAPITAL, SEAT, ENTITY, PERSON or IMPORTED
    tenures: tuple[Tenure, ...] = ()
    default: str = ""  # imported entries: the code outside every dated restriction

    @property
    def is_person(self) -> bool:
        return self.sort == PERSON

    @property
    def composes(self) -> bool:
        """Country words that can take an agent noun ("Russian troops", "Kremlin's forces")."""
        return self.sort in (COUNTRY, ADJECTIVE, CAPITAL, SEAT, IMPORTED)

    def tenure_on(self, day: str | None) -> Tenure | None:
        """The office held on ``day``; without a date, the latest office if it is still held."""
        if not self.tenures:
            return None
        if day is None:
            latest = max(self.tenures, key=lambda t: t.start)
            return latest if not latest.end else None
        for t in self.tenures:
            if t.holds_on(day):
                return t
        return None

    def code_on(self, day: str | None) -> str:
        """The CAMEO code on ``day``: a person's office held, or country + ELI outside office;
        an imported entry's first matching date restriction, else its default code."""
        if not self.tenures:
            return self.code
        if self.sort == IMPORTED:
            if day is not None:
                for t in self.tenures:  # PETRARCH order: the first restriction that holds wins
                    if t.holds_on(day):
                        return t.code
            return self.default or "---"
        held = self.tenure_on(day)
        if held:
            return held.code
        return self.home_country() + "ELI"

    def home_country(self) -> str:
        """The country of the latest national (non-IGO) office, for coding a former holder."""
        national = [t for t in self.tenures if not t.code.startswith("IGO")]
        if not national:
            return "---"
        return max(national, key=lambda t: t.start).code[:3]


@dataclass
class ActorDictionary:
    """Token-sequence -> entries, plus the agent nouns and the canonical country names."""

    names: dict[tuple[str, ...], list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    max_len: int = 1
    agent_max_len: int = 1
    # regional collective name ("European states") or code ("EUR") -> member countries (regions.tsv)
    region_members: dict[str, frozenset[str]] = field(default_factory=dict)

    def add_name(self, tokens: tuple[str, ...], entry: Entry, front: bool = False) -> None:
        """Add a name; ``front`` puts it before existing readings (imported dictionaries win)."""
        if not tokens:
            return
        key = tuple(fold(t) for t in tokens)
        bucket = self.names.setdefault(key, [])
        if any(e == entry and form == tokens for form, e in bucket):
            return
        bucket.insert(0, (tokens, entry)) if front else bucket.append((tokens, entry))
        self.max_len = max(self.max_len, len(key))

    def add_agent(self, tokens: tuple[str, ...], agent: str, front: bool = False) -> None:
        key = tuple(t.lower() for t in tokens)
        if front:
            self.agents[key] = agent
        else:
            self.agents.setdefault(key, agent)
        self.agent_max_len = max(self.agent_max_len, len(key))

    def copy(self) -> ActorDictionary:
        return ActorDictionary({k: list(v) for k, v in self.names.items()}, dict(self.agents),
                               dict(self.country_names), self.max_len, self.agent_max_len,
                               dict(self.region_members))

    def entries(self) -> Iterator[Entry]:
        seen: set[int] = set()
        for bucket in self.names.values():
            for _, e in bucket:
                if id(e) not in seen and e.sort != NONACTOR:  # actors only
                    seen.add(id(e))
                    yield e


def fold(word: str) -> str:
    """The lookup key of a word: lowercase, typographic apostrophes as ASCII ("People’s")."""
    return word.lower().replace("\u2019", "'").replace("\u2018", "'")


def form_accepts(form: tuple[str, ...], words: list[str]) -> bool:
    """Whether text ``words`` may be read as dictionary ``form`` (same lowercase tokens).

    A capitalised form word needs a capitalised text word; a short all-capitals abbreviation
    needs the exact letters (so "US" is not "us" and "WHO" is not "who").
    """
    for f, w in zip(form, words, strict=True):
        if not f[:1].isupper():
            continue
        if not w[:1].isupper():
            return False
        if len(f) <= 4 and f.isupper() and f.isalpha() and w != f:
            return False
    return True


@lru_cache(maxsize=1)
def tokenizer():
    """spaCy's rule-based English tokenizer (no model needed), shared by all dictionaries."""
    import spacy

    return spacy.blank("en").tokenizer


def tokens_of(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenizer()(text.strip()))


def read_tsv(path: Path | None = None, name: str = "") -> Iterator[dict[str, str]]:
    """Rows of a packaged (or given) TSV file; lines starting with ``#`` are comments."""
    if path is None:
        text = (DATA_PATH / name).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def _country_rows(d: ActorDictionary, rows: Iterable[dict[str, str]]) -> None:
    for row in rows:
        code, name = row["code"], row["name"]
        d.country_names[code] = name
        country = Entry(code, "state", name, COUNTRY)
        for n in [name, *split(row.get("aliases"))]:
            d.add_name(tokens_of(n), country)
        adjective = Entry(code, "state", name, ADJECTIVE)
        for n in split(row.get("adjectives")):
            d.add_name(tokens_of(n), adjective)
        capital = Entry(code, "state", name, CAPITAL)
        for n in split(row.get("capitals")):
            d.add_name(tokens_of(n), capital)
        seat = Entry(code + "GOV", "government", f"Government of {name}", SEAT)
        for n in split(row.get("seats")):
            d.add_name(tokens_of(n), seat)
            if not n.lower().startswith("the "):
                d.add_name(tokens_of("the " + n), seat)


def _entity_rows(d: ActorDictionary, rows: Iterable[dict[str, str]]) -> None:
    for row in rows:
        names = split(row["names"])
        entry = Entry(row["code"], row["kind"], names[0], ENTITY)
        for n in names:
            d.add_name(tokens_of(n), entry)


def _people_rows(d: ActorDictionary, rows: Iterable[dict[str, str]]) -> None:
    tenures: dict[str, list[Tenure]] = {}
    aliases: dict[str, list[str]] = {}
    countries: dict[str, str] = {}
    for row in rows:
        person = row["name"]
        tenures.setdefault(person, []).append(
            Tenure(row["country"] + row["role"], row["office"], row["start"], row.get("end") or "",
                   row.get("source") or ""))
        aliases.setdefault(person, [])
        aliases[person] += [a for a in split(row.get("aliases")) if a not in aliases[person]]
        countries.setdefault(person, row["country"])
    for person, held in tenures.items():
        entry = Entry(countries[person], "person", person, PERSON, tuple(sorted(held, key=lambda t: t.start)))
        for n in [person, *aliases[person]]:
            d.add_name(tokens_of(n), entry)


def _nonactor_rows(d: ActorDictionary, rows: Iterable[dict[str, str]]) -> None:
    for row in rows:
        d.add_name(tokens_of(row["name"]), Entry("", "other", row["name"], NONACTOR))


def _region_rows(d: ActorDictionary, rows: Iterable[dict[str, str]]) -> None:
    for row in rows:
        for adjective in split(row["adjectives"]):
            entry = Entry(row["code"], "region", f"{adjective} states", ENTITY)
            d.region_members[entry.name] = frozenset(split(row.get("members")))
            # the code's first row also serves entities.tsv names of that code ("European nations")
            d.region_members.setdefault(row["code"], d.region_members[entry.name])
            for noun in COLLECTIVE_NOUNS:
                d.add_name(tokens_of(f"{adjective} {noun}"), entry)


def _agent_rows(d: ActorDictionary, rows: Iterable[dict[str, str]]) -> None:
    for row in rows:
        AGENT_KINDS.setdefault(row["agent"], row["kind"])
        for n in split(row["nouns"]):
            d.add_agent(tokens_of(n), row["agent"])


@lru_cache(maxsize=1)
def packaged_dictionary() -> ActorDictionary:
    """The dictionaries shipped in ``multipolar/data/actors`` (people first: they win ties)."""
    d = ActorDictionary()
    _people_rows(d, read_tsv(name="people.tsv"))
    _entity_rows(d, read_tsv(name="entities.tsv"))
    _country_rows(d, read_tsv(name="countries.tsv"))
    _region_rows(d, read_tsv(name="regions.tsv"))
    _nonactor_rows(d, read_tsv(name="nonactors.tsv"))
    _agent_rows(d, read_tsv(name="agents.tsv"))
    return d
