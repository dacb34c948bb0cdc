"""Print the accuracy gate's scores against the floors; ``--update`` raises the floors.

    PYTHONPATH=src python tests/gate [--missed] [--dev] [--update [--allow-lower]]

--missed       list, per page, the gold facts not found and the must-not facts violated
--json         print the per-page counts and the figures as one JSON object instead of tables
--dev          also score ../shared/eval/dev with ../shared/eval/score.py (when present)
--update       write the current scores as the floors in tests/gate/floors.json; a score below
               its floor is refused (exit 1) and nothing is written ...
--allow-lower  ... unless this is given too (say why in the commit message)

Exit status: 0 when every score holds its floor and none is stale, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gate.runner import (  # noqa: E402
    FLOORS_PATH,
    Floors,
    available_pages,
    dev_figures,
    dev_gold_and_files,
    extract_pages,
    judge,
    page_figures,
    raise_floors,
    score_pages,
)
from gate.scoring import FAMILIES  # noqa: E402


def _page_table(scores) -> None:
    print(f"{'page':<30} " + " ".join(f"{f[:6]:>7}" for f in FAMILIES) + "   must  must_not")
    for s in scores:
        cells = [f"{s.must[f][0]}/{s.must[f][1]}" if f in s.must else "-" for f in FAMILIES]
        found, total = (sum(v[i] for v in s.must.values()) for i in (0, 1))
        clean, total_not = (sum(v[i] for v in s.must_not.values()) for i in (0, 1))
        print(f"{s.page.name:<30} " + " ".join(f"{c:>7}" for c in cells)
              + f"   {found / total:.2f}  {total_not - clean} of {total_not} violated")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--missed", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--allow-lower", action="store_true")
    args = ap.parse_args(argv)

    pages = available_pages()
    scores = score_pages(pages, extract_pages(pages))
    if not args.json:
        _page_table(scores)
    if args.missed and not args.json:
        for s in scores:
            for line in [f"  missed   {m}" for m in s.missed] + [f"  VIOLATED {v}" for v in s.violated]:
                print(f"{s.page.name}: {line}")
    figures = page_figures(scores)
    if args.dev:
        dev = dev_gold_and_files()
        if dev is None:
            print("dev set: ../shared/eval absent, not scored", file=sys.stderr)
        else:
            from multipolar.pipeline import extract
            from multipolar.settings import Settings

            records = [r.to_dict() for r in extract(dev[1], Settings(extracted_at="2026-01-01T00:00:00Z"))]
            figures |= dev_figures(records)

    floors = Floors.load()
    verdict = judge(figures, floors)
    if args.json:
        pages_out = {s.page.name: {"must": s.must, "must_not": s.must_not, "missed": s.missed,
                                   "violated": s.violated} for s in scores}
        print(json.dumps({"pages": pages_out, "figures": figures, "floors": floors.values,
                          "below": verdict.below, "stale": verdict.stale,
                          "unmeasured": verdict.unmeasured}, indent=1, ensure_ascii=False))
    else:
        _print_figures(figures, floors, verdict)
    if args.update:
        return _update(figures, floors, args.allow_lower)
    return 1 if verdict.below or verdict.stale or verdict.unmeasured else 0


def _print_figures(figures, floors, verdict) -> None:
    print(f"\n{'figure':<32} {'score':>6} {'floor':>6}")
    for key, score in sorted(figures.items()):
        floor = floors.values.get(key)
        print(f"{key:<32} {score:6.3f} " + ("     -" if floor is None else f"{floor:6.3f}"))
    for line in verdict.below:
        print(f"BELOW FLOOR  {line}")
    for line in verdict.stale:
        print(f"RAISE FLOOR  {line}")
    for line in verdict.unmeasured:
        print(f"NO FIGURE    {line}")


def _update(figures, floors, allow_lower: bool) -> int:
    new, refused = raise_floors(figures, floors, allow_lower=allow_lower)
    if refused:
        print("\nfloors NOT written (a floor only moves up; --allow-lower overrides):", file=sys.stderr)
        print("\n".join(f"  {r}" for r in refused), file=sys.stderr)
        return 1
    changed = {k: (floors.values.get(k), v) for k, v in new.items() if floors.values.get(k) != v}
    floors.values = new
    floors.save()
    print(f"\nwrote {FLOORS_PATH}:", file=sys.stderr)
    print("\n".join(f"  {k}: {o} -> {n}" for k, (o, n) in sorted(changed.items())) or "  (no change)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
