"""Body-token scoring shared by the extraction benchmarks.

A body is compared with its ground truth as a bag of lowercase word tokens (``\\w+`` runs, so
any script), the way article-extraction benchmarks score main-content extractors: precision is
the share of predicted tokens found in the gold bag, recall the share of gold tokens found in the
prediction, each token counted as often as it occurs in both (text that appears twice in a
prediction but once in the gold costs precision).
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def body_tokens(text: str | None) -> list[str]:
    """Lowercase word tokens of ``text`` (empty for None)."""
    return _WORD.findall((text or "").lower())


def token_prf(pred: str | list[str] | None, gold: str | list[str] | None) -> tuple[float, float, float]:
    """Bag-of-token (precision, recall, F1) of ``pred`` against ``gold``; texts or token lists.

    Two empty texts agree perfectly; an empty prediction of a non-empty gold scores zero.
    """
    p_bag = Counter(pred if isinstance(pred, list) else body_tokens(pred))
    g_bag = Counter(gold if isinstance(gold, list) else body_tokens(gold))
    p_n, g_n = sum(p_bag.values()), sum(g_bag.values())
    if p_n == 0 and g_n == 0:
        return 1.0, 1.0, 1.0
    if p_n == 0 or g_n == 0:
        return 0.0, 0.0, 0.0
    common = sum((p_bag & g_bag).values())
    precision, recall = common / p_n, common / g_n
    f1 = 0.0 if common == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1
