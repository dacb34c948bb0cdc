"""What happened: the coders that turn a parsed, actor-resolved document into SPEC records.

Each coder is a function of a :class:`CodingContext`; :func:`code_document` runs them in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..actors import Resolution
from ..article import Article
from ..dates import resolve_date
from ..model import Agreement, Claim, Event, Evidence, Flag, Quote


@dataclass
class CodingContext:
    article: Article
    doc: Doc
    actors: Resolution
    nlp: Language | None = None

    def evidence(self, span: Span) -> Evidence:
        """Evidence for a span of the body (usually a sentence), trimmed of outer whitespace."""
        text = self.doc.text
        start, end = span.start_char, span.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Evidence.of(text, start, end)

    def date_of(self, text: str) -> str | None:
        """A date named in ``text``, resolved against the article's publication date."""
        return resolve_date(text, self.article.published)

    def article_date(self) -> str | None:
        return self.article.published[:10] if self.article.published else None


@dataclass
class Coded:
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def code_document(ctx: CodingContext) -> Coded:
    from .agreements import code_agreements
    from .claims import code_claims
    from .events import code_events
    from .flags import code_flags
    from .quotes import code_quotes

    coded = Coded()
    coded.events = code_events(ctx)
    coded.agreements = code_agreements(ctx)
    coded.claims = code_claims(ctx)
    coded.quotes = code_quotes(ctx)
    coded.flags = code_flags(ctx, coded)
    return coded
