"""Words around a country name that make it something other than an actor.

A country word is an actor when it names the state, its people or its government. It is not
when the text uses it as part of something else:

- a geographic feature named after it: "the South China Sea", "the Korean Peninsula", "the
  Persian Gulf", "the Sea of Japan", "the Gulf of Mexico", "the Indian Ocean";
- an affixed adjective: "post-Soviet", "anti-American", "ex-Soviet", "non-European" (the
  country is what the word is about, not who acts); "Russian-speaking", "English-language",
  "Soviet-era", "US-made" (a language, a period, an origin);
- a language: "in English and French", "speaks Arabic", "Spanish speakers".

"pro-Russian separatists": the separatists are the actor and their country is not said, so the
phrase codes as an unknown country with the agent (``---REB``), never as Russia. A bare
"pro-Russian" codes nothing.

Each test looks only at the tokens next to the name, so it costs a few comparisons per match.
"""

from __future__ import annotations

from spacy.tokens import Doc

# capitalised feature nouns after a name ("South China Sea") or before "of" + name ("Sea of Japan")
FEATURES = {"sea", "seas", "ocean", "gulf", "strait", "straits", "peninsula", "river", "bay", "channel",
            "basin", "lake", "desert", "mountains", "plateau", "highlands", "trench", "canal", "shelf",
            "archipelago", "delta", "riviera", "valley"}  # not "coast": "Philippine Coast Guard"
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "upper", "lower", "greater"}
# "anti-American", "post-Soviet": the prefix says the word is about the country, not by it
PREFIXES = {"anti", "post", "ex", "non", "pro", "pre", "neo", "pan"}
# "Russian-speaking", "Soviet-era", "US-made": language, period, origin
SUFFIXES = {"language", "languages", "speaking", "speaker", "speakers", "era", "style", "made", "built",
            "designed", "manufactured", "born", "educated", "medium"}
# nouns that make an adjective a language: "Russian speakers", "the English translation"
LANGUAGE_NOUNS = {"language", "languages", "speakers", "speaker", "translation", "translations",
                  "subtitles", "dialect", "dialects", "version", "lessons", "classes", "alphabet",
                  "script", "grammar", "edition", "editions", "service"}
# words that take a language after them: "in English", "speaks French", "translated into Arabic"
LANGUAGE_TRIGGERS = {"in", "into", "speak", "speaks", "spoke", "spoken", "speaking", "fluent",
                     "learn", "learns", "learned", "learnt", "learning", "teach", "taught", "translated",
                     "translate", "dubbed", "subtitled", "written", "wrote", "fluently"}
CHAIN = {"and", "or", ","}
NOUNS = {"NOUN", "PROPN"}


def _attached(doc: Doc, k: int) -> bool:
    """Token ``k`` is written against the next token ("post-" in "post-Soviet")."""
    return not doc[k].whitespace_


def geographic_extent(doc: Doc, lower: list[str], i: int, j: int) -> tuple[int, int] | None:
    """The tokens of a geographic feature containing the name at ``[i, j)``, if it is one."""
    n = len(doc)
    if j < n and lower[j] in FEATURES:
        start = i
        while start > 0 and lower[start - 1] in COMPASS and doc[start - 1].text[:1].isupper():
            start -= 1
        # "South China Sea"; lowercase only after a compass word ("the East and South China seas")
        if doc[j].text[:1].isupper() or start < i:
            return start, j + 1
    if i >= 2 and lower[i - 1] == "of" and lower[i - 2] in FEATURES and doc[i - 2].text[:1].isupper():
        return i - 2, j
    return None


def is_geographic_entity(doc: Doc, start: int, end: int) -> bool:
    """An entity like "the Arabian Sea" or "Strait of Hormuz": a place, not an actor."""
    last, first = doc[end - 1], doc[start]
    if last.lower_ in FEATURES and last.text[:1].isupper():
        return True
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in FEATURES \
            and doc[start - 2].text[:1].isupper():
        return True  # "Bengal" in "the Bay of Bengal"
    if first.lower_ == "the" and end - start > 1:
        first = doc[start + 1]
    return first.lower_ in FEATURES and first.text[:1].isupper() and first.i + 1 < end \
        and doc[first.i + 1].lower_ == "of"


def other_place(doc: Doc, i: int) -> bool:
    """"Jersey" in "New Jersey", "Mexico" in "New Mexico", "Guinea" in "New Guinea": a "New"
    place is another place (names that really start with "New" are matched whole first)."""
    return i >= 1 and doc[i - 1].text == "New"


# capitalised title words of newspapers named after a place: "Washington Post", "Moscow Times"
NEWSPAPER_WORDS = {"post", "times", "herald", "tribune", "journal", "gazette", "daily", "independent",
                   "telegraph", "chronicle", "observer", "standard", "examiner", "courier"}


def newspaper_end(doc: Doc, lower: list[str], j: int) -> int | None:
    """End of a newspaper title after a place name ending at ``j`` ("Washington Post")."""
    k = j
    if k + 1 < len(doc) and lower[k] == "morning" and doc[k].text[:1].isupper():
        k += 1  # "Sydney Morning Herald"
    if k < len(doc) and lower[k] in NEWSPAPER_WORDS and doc[k].text[:1].isupper() \
            and not doc[k].text.isupper():
        return k + 1
    return None


def is_retweet_marker(doc: Doc, i: int, j: int) -> bool:
    """"RT @user": the retweet marker, not the RT television network."""
    return j - i == 1 and doc[i].text == "RT" and j < len(doc) and doc[j].text.startswith("@")


def prefix_at(doc: Doc, lower: list[str], i: int) -> str | None:
    """The prefix glued to the name at ``i`` by a hyphen ("anti" in "anti-American")."""
    if i >= 2 and lower[i - 1] == "-" and lower[i - 2] in PREFIXES and _attached(doc, i - 2) \
            and _attached(doc, i - 1):
        return lower[i - 2]
    return None


def suffix_end(doc: Doc, lower: list[str], j: int) -> int | None:
    """End of a hyphenated suffix after the name ending at ``j`` ("-speaking"), if any."""
    if j + 1 < len(doc) and lower[j] == "-" and lower[j + 1] in SUFFIXES and _attached(doc, j - 1) \
            and _attached(doc, j):
        return j + 2
    return None


def alone_on_line(doc: Doc, i: int, j: int) -> bool:
    """A word that is a whole line: a menu label ("English" in a language picker), not a
    sentence about anyone. Used for nationality adjectives, which are never a heading's subject."""
    def breaks(k: int) -> bool:
        return k < 0 or k >= len(doc) or (doc[k].is_space and "\n" in doc[k].text)

    return breaks(i - 1) and breaks(j) and (i > 0 or j < len(doc))


def is_language(doc: Doc, lower: list[str], i: int, j: int) -> bool:
    """Whether the adjective at ``[i, j)`` names a language: followed by a language noun
    ("Spanish speakers"), or after a language-taking word, in a chain of capitalised words
    ("in English and French"), with no noun after the chain ("in Russian hands" is not)."""
    n = len(doc)
    if j < n and lower[j] in LANGUAGE_NOUNS:
        return True
    if i >= 1 and j < n and lower[i - 1] == "(" and lower[j] == ")":
        return True  # a language choice: "United States (English)"
    k = i - 1
    while k >= 1 and lower[k] in CHAIN and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper():
        k -= 2
    if k < 0 or lower[k] not in LANGUAGE_TRIGGERS:
        return False
    m = j
    while m + 1 < n and lower[m] in CHAIN and doc[m + 1].is_alpha and doc[m + 1].text[:1].isupper():
        m += 2
    if m < n and lower[m] in LANGUAGE_NOUNS:
        return True
    if m >= n:
        return True
    if not doc.has_annotation("TAG"):  # tokenizer only (a headline): punctuation must follow
        return not doc[m].is_alpha
    return doc[m].pos_ not in NOUNS
