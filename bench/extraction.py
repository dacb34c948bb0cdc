"""HTML article extraction benchmark: body-token precision / recall / F1 and pages per second.

    python bench/extraction.py [--bench DIR] [--limit N] [--repeat N]

Speed is pages per CPU-second of this process (robust on a shared machine, where
wall-clock time depends on the neighbours) with wall-clock pages/s beside it, each
the best of ``--repeat`` runs, and the ratio to trafilatura's default.

Runs multipolar's HTML reader (``multipolar.pages.html.extract_html``) and, in the
same run on the same pages, plain trafilatura in its default setting and in each
of its documented switches (the best of them is reported as "trafilatura best"),
and readability-lxml alone. The data is the 181-page benchmark in
``../shared/bench/article-extraction`` (``html/<id>.html.gz``, ground truth
``articleBody`` in ``ground-truth.json``). Scores are means over pages of the
per-page token P/R/F1 (``bench/_scoring.py``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from _scoring import body_tokens, token_prf  # noqa: E402

DEFAULT_BENCH = HERE.parent.parent / "shared" / "bench" / "article-extraction"


def load_pages(bench: Path, limit: int | None) -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold body) for each benchmark page, in sorted id order."""
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((bench / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append((page_id, truth[page_id].get("url"), html, truth[page_id]["articleBody"]))
    return pages


def multipolar_body(html: str, url: str | None) -> str:
    from multipolar.errors import ExtractionError
    from multipolar.pages.html import extract_html

    try:
        return extract_html(html, source="bench", url=url).text
    except ExtractionError:
        return ""


def trafilatura_with(**options) -> Callable[[str, str | None], str]:
    import trafilatura

    def run(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, **options) or ""
    return run


def readability_body(html: str, url: str | None) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


SYSTEMS: dict[str, Callable[[str, str | None], str]] = {
    "multipolar": multipolar_body,
    "trafilatura default": trafilatura_with(),
    "trafilatura no comments": trafilatura_with(include_comments=False),
    "trafilatura favor_precision": trafilatura_with(favor_precision=True),
    "trafilatura favor_precision, no comments": trafilatura_with(favor_precision=True, include_comments=False),
    "trafilatura favor_recall": trafilatura_with(favor_recall=True),
    "trafilatura fast": trafilatura_with(fast=True),
    "readability-lxml": readability_body,
}


def measure(name: str, system: Callable[[str, str | None], str], pages, repeat: int) -> dict:
    scores = []
    best_seconds = best_cpu = float("inf")
    for _ in range(repeat):
        scores = []
        start, start_cpu = time.perf_counter(), time.process_time()
        outputs = []
        for _page_id, url, html, _gold in pages:
            try:
                outputs.append(system(html, url))
            except Exception as e:  # a crash is a miss for that page, and is reported
                print(f"  {name}: {type(e).__name__}: {e}", file=sys.stderr)
                outputs.append("")
        best_seconds = min(best_seconds, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
        for (_page_id, _url, _html, gold), out in zip(pages, outputs, strict=True):
            scores.append(token_prf(body_tokens(out), body_tokens(gold)))
    f1s = [s[2] for s in scores]
    return {
        "system": name,
        "precision": statistics.fmean(s[0] for s in scores),
        "recall": statistics.fmean(s[1] for s in scores),
        "f1": statistics.fmean(f1s),
        "median_f1": statistics.median(f1s),
        "pages_f1_below_0.8": sum(f < 0.8 for f in f1s),
        "pages_per_s": len(pages) / best_seconds,
        "pages_per_cpu_s": len(pages) / best_cpu,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--limit", type=int, help="only the first N pages (by id)")
    parser.add_argument("--repeat", type=int, default=1, help="time each system N times, keep the fastest")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    args = parser.parse_args(argv)
    if not (args.bench / "ground-truth.json").is_file():
        print(f"benchmark not found at {args.bench}", file=sys.stderr)
        return 2
    pages = load_pages(args.bench, args.limit)
    rows = [measure(name, system, pages, args.repeat) for name, system in SYSTEMS.items()]
    baseline = next(r for r in rows if r["system"] == "trafilatura default")
    plain = [r for r in rows if r["system"].startswith("trafilatura")]
    best = max(plain, key=lambda r: r["f1"])
    print(f"{len(pages)} pages from {args.bench}")
    # CPU time is the fairer clock on a shared machine; wall-clock pages/s is printed beside it.
    print(f"{'system':44} {'P':>6} {'R':>6} {'F1':>6} {'medF1':>6} {'<0.8':>5} {'pages/cpu-s':>11} "
          f"{'speed':>6} {'pages/s':>8}")
    for r in rows:
        mark = "  <- trafilatura best" if r is best else ""
        print(f"{r['system']:44} {r['precision']:6.4f} {r['recall']:6.4f} {r['f1']:6.4f} "
              f"{r['median_f1']:6.4f} {r['pages_f1_below_0.8']:5d} {r['pages_per_cpu_s']:11.1f} "
              f"{r['pages_per_cpu_s'] / baseline['pages_per_cpu_s']:5.2f}x {r['pages_per_s']:8.1f}{mark}")
    ours = rows[0]
    print(f"multipolar F1 {ours['f1']:.4f} vs trafilatura best ({best['system']}) {best['f1']:.4f}: "
          f"{ours['f1'] - best['f1']:+.4f}; target 0.96 {'met' if ours['f1'] >= 0.96 else 'NOT met'}")
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
