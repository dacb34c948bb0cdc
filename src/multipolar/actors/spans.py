"""Working spans: what the resolver knows about a stretch of tokens before it becomes a mention."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import ResolvedMention
from .dictionary import AGENT_KINDS, Entry

AGENT_LABELS = {
    "GOV": "Government", "MIL": "Military", "POL": "Police", "SPY": "Intelligence services",
    "LEG": "Legislature", "JUD": "Judiciary", "OPP": "Opposition", "REB": "Rebels",
    "BUS": "Business", "MED": "Media", "CVL": "Civilians", "EDU": "Education",
    "REF": "Refugees", "LAB": "Labour", "HLH": "Health", "ELI": "Elites",
}


@dataclass(frozen=True)
class CollectiveMention(ResolvedMention):
    """A mention standing for several actors ("Moscow and Tehran", "the two nations").

    ``parts`` holds the member mentions where the members are named inside the span, so that
    each member actor gets its own evidence; it is empty for a reference like "both sides".
    """

    parts: tuple[ResolvedMention, ...] = ()


@dataclass
class Span:
    """Tokens ``[i, j)`` read as an actor (or as several, for a collective)."""

    i: int
    j: int
    codes: list[str]
    kind: str
    name: str
    person: str | None = None
    office: str = ""  # the office word a person was named with ("president"), for "the president"
    entry: Entry | None = None
    agent: str = ""  # the agent code composed onto a country word, if any
    parts: list[Span] = field(default_factory=list)
    via: str = "dictionary"  # dictionary | composed | unknown | coref

    @property
    def code(self) -> str:
        return self.codes[0]

    @property
    def is_person(self) -> bool:
        return self.person is not None


def country_label(code: str, country_names: dict[str, str]) -> str:
    return country_names.get(code[:3], code[:3])


def composed_name(country: str, agent: str, country_names: dict[str, str]) -> str:
    label = AGENT_LABELS.get(agent, agent.title())
    return f"{label} of {country_label(country, country_names)}"


def agent_kind(agent: str) -> str:
    return AGENT_KINDS.get(agent, "other")


def to_mention(span: Span, doc, text: str | None = None) -> ResolvedMention:
    """The public mention for ``span``: character offsets into ``doc.text`` (pass ``text`` =
    ``doc.text`` when converting many spans: spaCy rebuilds it on every access)."""
    text = doc.text if text is None else text
    start = doc[span.i].idx
    last = doc[span.j - 1]
    end = last.idx + len(last.text)
    codes = tuple(dict.fromkeys(span.codes))
    if len(codes) > 1 or span.parts:
        return CollectiveMention(start, end, text[start:end], codes, span.kind, span.name, span.person,
                                 tuple(to_mention(p, doc, text) for p in span.parts))
    return ResolvedMention(start, end, text[start:end], codes, span.kind, span.name, span.person)
