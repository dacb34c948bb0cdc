"""How long an agreement holds, when the text gives its term in a clause of its own.

A compound duration ("a 20-year treaty") is read with the agreement's name
(agreement_mentions). This module reads the term stated as a clause: "is valid for ten
years", "extending for another ten years", "for a period of five years", "runs until 2035",
"will remain in force until 2030", "expires in 2031". A term ending in a year becomes a number
of years counted from the signing year (or the article's year). The words that say a term is
meant (``validity_words`` in data/agreements/lexicon.yaml) must come shortly before the span
(except in "for the next/coming N years"): "have worked together for ten years" is history,
not a term.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .agreement_lexicon import lexicon
from .agreement_syntax import WORD_NUMBERS

_NUMBER = r"(\d{1,2}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_MAX_GAP = 45  # characters between the validity word and the span


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lexicon().validity_words
    cue = r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"
    span = (cue + r"[^.;\"“”]{0," + str(_MAX_GAP) + r"}?\bfor (?:another |a further |an additional |"
            r"(?:an? |the )?(?:[a-z]+ ){0,2}(?:period|term) of )?" + _NUMBER + r"[- ]years?\b")
    until = (cue + r"[^.;\"“”]{0," + str(_MAX_GAP) + r"}?\b(?:until|through|till|to|in) (?:the end of |the year )?"
             r"((?:19|20)\d\d)\b")
    # "for the next five years" looks forward by itself: no validity word needed; "for another
    # decade" is ten years.
    span = (r"(?:" + span + r"|\bfor the (?:next|coming) " + _NUMBER.replace("(", "(?P<next>", 1) + r" years\b"
            + r"|" + cue + r"[^.;\"“”]{0," + str(_MAX_GAP) + r"}?\bfor (?:another|a further|an additional|a) "
            r"(?P<decade>decade)\b)")
    return re.compile(span, re.I), re.compile(until, re.I)


def term_years(text: str, base_year: int | None) -> tuple[int, int] | None:
    """(years, offset of the match in ``text``) of the first term stated in ``text``; None when none is."""
    span, until = _patterns()
    found = []
    m = span.search(text)
    if m:
        word = (m.group(1) or m.group("next") or m.group("decade")).lower()
        years = 10 if word == "decade" else int(word) if word.isdigit() else WORD_NUMBERS.get(word)
        if years:
            found.append((years, m.start()))
    m = until.search(text)
    if m and base_year is not None:
        years = int(m.group(1)) - base_year
        if 0 < years < 100:
            found.append((years, m.start()))
    return min(found, key=lambda f: f[1]) if found else None
