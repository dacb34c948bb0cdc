"""Actor resolution: accuracy and speed, printed as one table.

    PYTHONPATH=src python bench/actors.py [--shared ../shared] [--repeat 3]

Rows:
- PETRARCH2 validation (active records): the expected source/target actor codes of each
  sentence, resolved with the PETR.Validate dictionaries read through our PETRARCH importer;
  "found" = the code is among the codes the resolver gives that sentence (exact code, and by
  country unit). Quoted new-actor strings ("THE MINISTRY OF MAGIC") need PETRARCH's
  new-actor option, which we do not have; they are counted as misses.
- dev set: per article, the country units (SPEC scoring unit) of the gold events' sources
  and targets; "found" = the unit is among the resolver's actors for the article (packaged
  dictionaries, article date from the gold).
- throughput: resolver time over spaCy pipeline time on the same texts (the full loaded
  pipeline, i.e. what NER costs us), best of --repeat runs.
Nothing here is tuned to these records; figures are printed as measured.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from multipolar.actors import code_country  # noqa: E402
from multipolar.actors.petrarch import load_petrarch  # noqa: E402
from multipolar.actors.resolver import ActorResolver  # noqa: E402
from multipolar.nlp import load_nlp  # noqa: E402


def resolved_codes(resolution) -> set[str]:
    return {c for m in resolution.mentions for c in m.codes}


def petrarch_rows(shared: Path, nlp) -> tuple[list[str], list, dict]:
    raw = shared / "eval" / "petrarch2_raw"
    dictionary = load_petrarch(raw / "PETR.Validate.actors.txt", raw / "PETR.Validate.agents.txt")
    resolver = ActorResolver(dictionary, unknown_entities=False, bare_agents=True)
    records = [json.loads(line) for line in (shared / "eval" / "petrarch2_validation.jsonl").open()]
    records = [r for r in records if r["active"]]
    texts = [r["text"] for r in records]
    docs = list(nlp.pipe(texts))
    stats = {"records": len(records), "expected": 0, "exact": 0, "unit": 0, "quoted": 0, "resolved": 0,
             "resolved_expected": 0}
    for r, doc in zip(records, docs, strict=True):
        expected = {c for e in r["expected"] for c in (e["source"], e["target"]) if c}
        got = resolved_codes(resolver.resolve(doc, r["date"]))
        stats["expected"] += len(expected)
        stats["quoted"] += sum(1 for c in expected if c.startswith('"'))
        stats["exact"] += len(expected & got)
        units = {code_country(c) for c in got}
        stats["unit"] += sum(1 for c in expected if code_country(c) in units)
        stats["resolved"] += len(got)
        stats["resolved_expected"] += len(got & expected)
    return texts, docs, stats


def dev_rows(shared: Path, nlp) -> tuple[list[str], list, dict]:
    dev = shared / "eval" / "dev"
    gold = [json.loads(line) for line in (dev / "gold.jsonl").open()]
    resolver = ActorResolver()
    texts = [(dev / g["file"]).read_text(encoding="utf-8") for g in gold]
    docs = list(nlp.pipe(texts))
    stats = {"articles": len(gold), "expected": 0, "found": 0, "missed": [],
             "roles": 0, "roles_found": 0, "unlocated": 0}
    for g, doc in zip(gold, docs, strict=True):
        res = resolver.resolve(doc, g.get("published"))
        units = {code_country(c) for e in g["events"] for c in (e.get("source"), e.get("target")) if c}
        got = {code_country(a.code) for a in res.actors}
        stats["expected"] += len(units)
        stats["found"] += len(units & got)
        stats["missed"] += [f"{g['id']}:{u}" for u in sorted(units - got)]
        # stricter: each event's source/target among the mentions of the sentence(s) it quotes
        for e in g["events"]:
            at = doc.text.find(e.get("sentence") or "\0")
            if at < 0:
                stats["unlocated"] += 1
                continue
            first = doc.char_span(at, at + 1, alignment_mode="expand")
            last = doc.char_span(at + len(e["sentence"]) - 1, at + len(e["sentence"]), alignment_mode="expand")
            lo, hi = first.sent.start_char, last.sent.end_char
            near = {code_country(c) for m in res.in_span(lo, hi) for c in m.codes}
            for role in ("source", "target"):
                if e.get(role):
                    stats["roles"] += 1
                    stats["roles_found"] += code_country(e[role]) in near
    return texts, docs, stats


def throughput(nlp, texts: list[str], repeat: int) -> tuple[float, float, int]:
    resolver = ActorResolver()
    words = sum(len(t.split()) for t in texts)
    nlp_best = res_best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t1 = time.perf_counter()
        for doc in docs:
            resolver.resolve(doc, "2025-01-18")
        t2 = time.perf_counter()
        nlp_best, res_best = min(nlp_best, t1 - t0), min(res_best, t2 - t1)
    return nlp_best, res_best, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--show-missed", action="store_true")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval").is_dir():
        print(f"no eval data under {shared}; nothing to measure")
        return 0
    nlp = load_nlp()
    ActorResolver()  # build the packaged dictionaries before timing
    p_texts, _, p = petrarch_rows(shared, nlp)
    d_texts, _, d = dev_rows(shared, nlp)
    nlp_s, res_s, words = throughput(nlp, d_texts + p_texts, args.repeat)

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {100.0 * a / b:5.1f}%" if b else "n/a"

    rows = [
        ("PETRARCH2 active records", f"{p['records']} sentences"),
        ("  expected codes found (exact)", pct(p["exact"], p["expected"])),
        ("  expected codes found (country unit)", pct(p["unit"], p["expected"])),
        ("  of which quoted new-actor strings", f"{p['quoted']} (unsupported, counted as misses)"),
        ("  resolved codes that are expected", pct(p["resolved_expected"], p["resolved"])),
        ("dev set (eval/dev)", f"{d['articles']} articles"),
        ("  gold event source/target units in the article", pct(d["found"], d["expected"])),
        ("  ... in the event's own sentence(s)", pct(d["roles_found"], d["roles"])
         + f"  ({d['unlocated']} events' sentences not found verbatim)"),
        ("throughput (same texts)", f"{len(d_texts) + len(p_texts)} texts, {words} words"),
        ("  spaCy pipeline", f"{nlp_s:.3f} s ({words / nlp_s:,.0f} words/s)"),
        ("  resolver", f"{res_s:.3f} s ({words / res_s:,.0f} words/s)"),
        ("  resolver / spaCy time", f"{100.0 * res_s / nlp_s:.1f}%"),
    ]
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'actors benchmark':<{width}}value")
    print("-" * (width + 30))
    for name, value in rows:
        print(f"{name:<{width}}{value}")
    if args.show_missed:
        print("dev misses:", " ".join(d["missed"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
