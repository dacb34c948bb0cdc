"""Who is who: mentions in a document resolved to CAMEO actor codes, as of the article's date.

The coders read a :class:`Resolution`; they never look names up themselves.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Actor, Evidence


@dataclass(frozen=True)
class ResolvedMention:
    """A span of ``document.text`` that names one actor, or a collective of several."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]  # one code; several for "Moscow and Tehran"-style collectives ("the two nations")
    kind: str = "state"
    name: str = ""
    person: str | None = None

    @property
    def code(self) -> str:
        return self.codes[0]

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(code_country(c) for c in self.codes)


def code_country(code: str) -> str:
    """The scored unit of an actor code: IGO codes keep six letters, the rest three."""
    return code[:6] if code.startswith("IGO") else code[:3]


@dataclass
class Resolution:
    """All resolved mentions of one document, in text order, and the actors they make."""

    mentions: list[ResolvedMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]

    def in_span(self, start: int, end: int) -> list[ResolvedMention]:
        """Mentions wholly inside ``[start, end)``."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def covering(self, start: int, end: int) -> ResolvedMention | None:
        """The mention that overlaps ``[start, end)`` (e.g. a token's span), if any."""
        i = bisect_left(self._starts, end)
        for m in reversed(self.mentions[max(0, i - 8):i]):
            if m.start < end and m.end > start:
                return m
        return None


def actors_from_mentions(mentions: list[ResolvedMention], text: str) -> list[Actor]:
    """Group mentions by code into SPEC actors, sorted by code; collectives count for each member."""
    by_code: dict[str, Actor] = {}
    for m in mentions:
        for code in m.codes:
            if code not in by_code:
                by_code[code] = Actor(code=code, name=m.name if len(m.codes) == 1 else code,
                                      country=None if code.startswith("---") else code_country(code),
                                      kind=m.kind if len(m.codes) == 1 else "state",
                                      person=m.person if len(m.codes) == 1 else None)
            by_code[code].mentions.append(Evidence.of(text, m.start, m.end))
    return [by_code[c] for c in sorted(by_code)]


def get_resolver():  # -> ActorResolver
    """The process-wide resolver over the packaged dictionaries (built once)."""
    from .resolver import default_resolver

    return default_resolver()
