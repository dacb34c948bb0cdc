"""Text-scrape benchmark: body-token F1 and speed of the text-scrape cleaner.

Usage::

    PYTHONPATH=src python bench/text_scrapes.py [--root ../shared/bench/text-scrapes]
        [--per-page] [--trafilatura]

Scores ``extract_text_scrape`` on ``pages/`` (the tuning half) and ``check/pages/`` (the
held-out half: report it, never tune on it) against each page's ``articleBody``, beside the
whole-page baseline (keep every line) measured in the same run, and optionally beside
trafilatura run on the blocks wrapped as HTML paragraphs. Speed is pages per second of the
cleaner alone, in CPU time of this one process (one core), reading excluded; the first page
pays for loading the function-word lists.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import sys
import time
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _scoring import token_prf  # noqa: E402
from multipolar.pages.text import extract_text_scrape  # noqa: E402


def load_half(folder: str) -> list[tuple[str, str, str]]:
    """(page id, page text, gold body) for every page of one half."""
    with open(os.path.join(folder, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    items = []
    for page_id in sorted(truth):
        path = os.path.join(folder, "pages", page_id + ".txt")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                items.append((page_id, f.read(), truth[page_id]["articleBody"]))
    return items


def whole_page(text: str) -> str:
    return text


def cleaner(text: str) -> str:
    return extract_text_scrape(text, "bench").text


def trafilatura_wrapped(text: str) -> str:
    import trafilatura

    blocks = "".join(f"<p>{html.escape(b)}</p>" for b in text.split("\n") if b.strip())
    return trafilatura.extract(f"<html><body>{blocks}</body></html>", deduplicate=False) or ""


def run(name: str, fn: Callable[[str], str], items: list[tuple[str, str, str]]) -> dict:
    # CPU time of this one process: pages per second on one core, whatever else the machine runs.
    start = time.process_time()
    preds = [fn(text) for _, text, _ in items]
    elapsed = time.process_time() - start
    scores = [token_prf(pred, gold) for pred, (_, _, gold) in zip(preds, items, strict=True)]
    f1s = [s[2] for s in scores]
    return {
        "name": name,
        "p": statistics.fmean(s[0] for s in scores),
        "r": statistics.fmean(s[1] for s in scores),
        "f1": statistics.fmean(f1s),
        "under_half": sum(f < 0.5 for f in f1s),
        "pages_per_s": len(items) / elapsed if elapsed else float("inf"),
        "per_page": [(pid, s) for (pid, _, _), s in zip(items, scores, strict=True)],
    }


def main(argv: list[str] | None = None) -> int:
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(here, "..", "shared", "bench", "text-scrapes"))
    parser.add_argument("--per-page", action="store_true", help="list each tuning page's scores")
    parser.add_argument("--trafilatura", action="store_true", help="also run wrapped trafilatura")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.root):
        print(f"benchmark data not found at {args.root}", file=sys.stderr)
        return 2
    halves = [("pages", args.root), ("check", os.path.join(args.root, "check"))]
    print(f"{'half':<6} {'method':<22} {'pages':>5} {'P':>6} {'R':>6} {'F1':>7} {'<0.5':>5} {'pages/s':>9}")
    for half, folder in halves:
        items = load_half(folder)
        methods = [("whole page (baseline)", whole_page), ("multipolar cleaner", cleaner)]
        if args.trafilatura:
            methods.append(("trafilatura on <p>", trafilatura_wrapped))
        results = [run(name, fn, items) for name, fn in methods]
        for res in results:
            print(f"{half:<6} {res['name']:<22} {len(items):>5} {res['p']:>6.3f} {res['r']:>6.3f} "
                  f"{res['f1']:>7.4f} {res['under_half']:>5} {res['pages_per_s']:>9.1f}")
        base, ours = results[0], results[1]
        print(f"{half:<6} cleaner vs baseline: F1 {ours['f1'] - base['f1']:+.3f}")
        if args.per_page and half == "pages":
            for pid, (p, r, f1) in sorted(ours["per_page"], key=lambda x: x[1][2]):
                print(f"  {pid[:12]} P={p:.2f} R={r:.2f} F1={f1:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
