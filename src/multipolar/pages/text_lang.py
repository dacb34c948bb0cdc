"""Cheap language detection and function-word lists for the text-scrape cleaner.

English uses our own list (``data/text/function_words_en.txt``). Other languages use the
function-word lists of the jusText package when it is installed (it comes with trafilatura);
``data/text/languages.tsv`` names which of its lists we use and their ISO 639-1 codes. Scripts
written without spaces (Chinese, Japanese) have no usable word list: for them the cleaner falls
back on line shape alone, and the detected language comes from the script.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"\w+")
# Han ideographs and the Japanese kana, the scripts written without spaces between words.
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")


def data_lines(name: str) -> list[str]:
    """The lines of ``data/text/NAME`` that are not blank or a ``#`` comment, unstripped."""
    text = resources.files("multipolar").joinpath("data", "text", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    return frozenset(w.strip().lower() for w in data_lines("function_words_en.txt"))


@lru_cache(maxsize=1)
def _other_stoplists() -> dict[str, frozenset[str]]:
    """ISO code -> function words, for the languages jusText has lists for (empty without it)."""
    try:
        import justext
    except ImportError:  # the cleaner still works on shape alone
        return {}
    lists: dict[str, frozenset[str]] = {}
    for line in data_lines("languages.tsv"):
        name, code = line.split("\t")
        if code == "en":
            continue
        try:
            lists[code] = frozenset(w.lower() for w in justext.get_stoplist(name))
        except (ValueError, OSError):
            continue
    return lists


@lru_cache(maxsize=1)
def _english_wikipedia_words() -> frozenset[str]:
    try:
        import justext

        return frozenset(w.lower() for w in justext.get_stoplist("English"))
    except (ImportError, ValueError, OSError):
        return frozenset()


@lru_cache(maxsize=1)
def _word_index() -> dict[str, tuple[str, ...]]:
    """Function word -> the languages whose list holds it (one pass per page, not one per list)."""
    index: dict[str, list[str]] = {}
    english = english_function_words() | _english_wikipedia_words()
    for word in english:
        index.setdefault(word, []).append("en")
    for code, words in _other_stoplists().items():
        # jusText's lists come from Wikipedia text, where English words leak into every
        # language's list; for telling languages apart only a list's non-English words count.
        for word in words - english:
            index.setdefault(word, []).append(code)
    return {w: tuple(codes) for w, codes in index.items()}


def stoplist(language: str | None) -> frozenset[str]:
    """The function words of ``language`` (empty when we have none)."""
    if language == "en":
        return english_function_words()
    return _other_stoplists().get(language or "", frozenset())


def detect_language(text: str, max_tokens: int = 3000) -> str | None:
    """ISO 639-1 code of the page's main language, or None when unsure.

    Scripts without spaces are told by their characters; otherwise the language whose function
    words cover most tokens wins (English on a tie, being what most of our inputs are).
    """
    sample = text[:40000]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return None
    kana, han, hangul = len(_KANA.findall(sample)), len(_HAN.findall(sample)), len(_HANGUL.findall(sample))
    if (kana + han) / letters > 0.3:
        return "ja" if kana > 0.1 * (kana + han) else "zh"
    if hangul / letters > 0.3:
        return "ko"
    index = _word_index()
    counts: dict[str, int] = {}
    tokens = _WORD.findall(sample.lower())[:max_tokens]
    for token in tokens:
        for code in index.get(token, ()):
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda c: (counts[c], c == "en"))
    # Below a tenth of the tokens the "winner" is noise (lists of names, numbers, code).
    return best if counts[best] >= 0.1 * len(tokens) else None


def uses_spaces(language: str | None) -> bool:
    return language not in ("zh", "ja")
