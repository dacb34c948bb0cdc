"""Body-token scoring shared by the extraction benchmarks.

A body is compared with its gold text as a bag of tokens: lower-cased runs of
word characters (letters, digits, underscore), punctuation and whitespace
dropped. Precision, recall and F1 count tokens with multiplicity, so text that
appears twice in a prediction but once in the gold costs precision.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")


def body_tokens(text: str | None) -> list[str]:
    """The scoring tokens of ``text`` (empty for None)."""
    return _TOKEN.findall((text or "").lower())


def token_prf(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of the predicted token bag against the gold bag.

    Empty prediction and empty gold score 1.0 each (nothing to find, nothing wrong);
    an empty prediction against a non-empty gold scores precision 0.
    """
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    common = sum((Counter(pred) & Counter(gold)).values())
    precision = common / len(pred) if pred else 0.0
    recall = common / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
