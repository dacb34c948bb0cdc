"""Event-coding benchmark: dev-set triples, the PETRARCH2 validation suite, and throughput.

    PYTHONPATH=src python bench/events.py [--part dev|petrarch|speed|all] [--rounds N]

(a) dev: event-triple precision/recall/F1 on ../shared/eval/dev exactly as score.py computes them
    (score.py's own ``score()`` over records made in this process by the real pipeline).
(b) petrarch: the active PETRARCH2 validation records, coded with the PETR.Validate verb dictionary
    through coding/petrarch_verbs.py and the PETR.Validate actor/agent dictionaries through the actor
    importer (multipolar.actors.petrarch, when present); per-record exact-match rate and micro
    P/R/F1 over (source, target, code) by full code and by root code.
(c) speed: documents/second of spaCy parse + actor resolution + event coding, as a ratio to a bare
    spaCy parse of the same texts, measured in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"


def _load_score_module():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def dev_part() -> None:
    from multipolar.pipeline import extract
    from multipolar.settings import Settings

    score = _load_score_module()
    gold = score.load_jsonl(EVAL / "dev" / "gold.jsonl")
    files = [str(EVAL / "dev" / g["file"]) for g in gold]
    preds = [r.to_dict() for r in extract(files, Settings(extracted_at="2026-01-01T00:00:00Z"))]
    summary, per_doc = score.score(gold, preds)
    e = summary["events"]
    print(f"(a) dev events  P={e['p']:.3f} R={e['r']:.3f} F1={e['f1']:.3f}  "
          f"(tp={e['tp']} fp={e['fp']} fn={e['fn']}; {summary['documents']} documents, "
          f"{summary['error_records']} error records)")


def _triples(events, root: bool) -> list[tuple[str, str, str]]:
    return sorted((s or "---", t or "---", c[:2] if root else c) for s, t, c in events)


def petrarch_part() -> None:
    from multipolar.coding.petrarch_verbs import load_petrarch_verbs
    from multipolar.nlp import load_nlp

    raw = EVAL / "petrarch2_raw"
    lexicon, report = load_petrarch_verbs(raw / "PETR.Validate.verbs.txt")
    print(f"(b) PETRARCH2 verbs import: {report.families} families, {report.patterns} patterns -> "
          f"{report.rules} rules; skipped {report.skipped}")
    try:
        from multipolar.actors.petrarch import load_petrarch  # the actor importer (actors helper)
        from multipolar.actors.resolver import ActorResolver
    except ImportError:
        print("(b) PETRARCH2 suite: NOT RUN - no PETRARCH actor importer (multipolar.actors.petrarch) "
              "on this branch; the actor dictionaries PETR.Validate.actors/agents.txt cannot be read")
        return
    dictionary = load_petrarch(raw / "PETR.Validate.actors.txt", raw / "PETR.Validate.agents.txt")
    resolver = ActorResolver(dictionary, unknown_entities=False, bare_agents=True)
    nlp = load_nlp()
    records = [json.loads(line) for line in open(EVAL / "petrarch2_validation.jsonl", encoding="utf-8")]
    for label, subset in (("active", [r for r in records if r["active"]]),
                          ("inactive (kept apart; PETRARCH never ran them)", [r for r in records if not r["active"]])):
        _petrarch_score(label, subset, nlp, resolver, lexicon)


def _petrarch_score(label: str, records: list[dict], nlp, resolver, lexicon) -> None:
    from multipolar.article import Article
    from multipolar.coding import CodingContext
    from multipolar.coding.events import code_events

    exact = {False: 0, True: 0}
    counts = {False: [0, 0, 0], True: [0, 0, 0]}  # tp, fp, fn
    for r, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        date = f"{r['date'][:4]}-{r['date'][4:6]}-{r['date'][6:8]}"
        article = Article(source=r["id"], text=r["text"], published=date)
        resolution = resolver.resolve(doc, date)
        got = [(e.source, e.target, e.cameo) for e in code_events(CodingContext(article, doc, resolution, nlp),
                                                                    lexicon)]
        want = [(e["source"], e["target"], e["code"]) for e in r["expected"]]
        for root in (False, True):
            g, w = set(_triples(got, root)), set(_triples(want, root))
            exact[root] += g == w
            tp = len(g & w)
            counts[root][0] += tp
            counts[root][1] += len(g) - tp
            counts[root][2] += len(w) - tp
    for root in (False, True):
        tp, fp, fn = counts[root]
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        which = "root code" if root else "full code"
        print(f"(b) PETRARCH2 {label} records ({len(records)}), {which}: exact match "
              f"{exact[root] / max(len(records), 1):.1%}; triples P={p:.3f} R={rc:.3f} F1={f:.3f} "
              f"(tp={tp} fp={fp} fn={fn})")


def speed_part(rounds: int) -> None:
    from multipolar.actors import Resolution, get_resolver
    from multipolar.article import Article
    from multipolar.coding import CodingContext
    from multipolar.coding.events import code_events
    from multipolar.nlp import load_nlp
    from multipolar.pages import Page, page_to_article

    paths = sorted((EVAL / "dev" / "articles").glob("*.txt"))
    articles: list[Article] = [page_to_article(Page(str(p), p.read_bytes(), "text")) for p in paths]
    texts = [a.text for a in articles]
    nlp = load_nlp()
    resolver = get_resolver()
    list(nlp.pipe(texts[:2]))  # warm up
    code_events(CodingContext(articles[0], nlp(texts[0]), Resolution(), nlp))  # lexicon compiled once
    bare_runs, actor_runs, event_runs = [], [], []
    n_events = 0
    for _ in range(rounds):
        # Bare parse of all texts, then the same parse again with actors and events on top; the
        # parse+coding time is measured per stage so machine noise in the parse hits both alike.
        t0 = time.perf_counter()
        list(nlp.pipe(texts))
        bare_runs.append(time.perf_counter() - t0)
        t_actors = t_events = 0.0
        n_events = 0
        for article, doc in zip(articles, nlp.pipe(texts), strict=True):
            t0 = time.perf_counter()
            resolution = resolver.resolve(doc, article.published)
            t1 = time.perf_counter()
            n_events += len(code_events(CodingContext(article, doc, resolution, nlp)))
            t_events += time.perf_counter() - t1
            t_actors += t1 - t0
        actor_runs.append(t_actors)
        event_runs.append(t_events)
    bare, actors, events = (statistics.median(x) for x in (bare_runs, actor_runs, event_runs))
    docs = len(texts)
    print(f"(c) throughput: bare spaCy parse {docs / bare:.1f} docs/s; parse + actors + events "
          f"{docs / (bare + actors + events):.1f} docs/s; ratio {bare / (bare + actors + events):.1%} "
          f"(target >= 70%); events alone add {events / bare:.1%} and actors {actors / bare:.1%} to the "
          f"parse time (medians of {rounds} rounds, {docs} documents, {n_events} events)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=("dev", "petrarch", "speed", "all"), default="all")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"{EVAL} is absent: nothing to measure")
        return 0
    if a.part in ("dev", "all"):
        dev_part()
    if a.part in ("petrarch", "all"):
        petrarch_part()
    if a.part in ("speed", "all"):
        speed_part(a.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
