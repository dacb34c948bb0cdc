"""The accuracy gate (docs/accuracy-gate.md): gold facts per page in tests/gate/gold/, scored per
family; a score below its floor in tests/gate/floors.json fails, and so does a score well above its
floor (raise the floor with `python tests/gate --update` in a reviewed commit: floors only move up).
The repository's pages are always scored; the seed page and the dev set only where ../shared is."""

from __future__ import annotations

import json

import pytest

from gate.runner import (
    GOLD_DIR,
    ROOT,
    Floors,
    available_pages,
    dev_figures,
    dev_gold_and_files,
    extract_pages,
    judge,
    page_figures,
    score_pages,
)
from gate.scoring import PageScore, load_gold, shape_problems

UPDATE_HINT = ("a floor only moves up: run `PYTHONPATH=src python tests/gate --update` (with --dev where "
               "../shared is present) and commit tests/gate/floors.json for review")


@pytest.fixture(scope="module")
def gate_records() -> dict[str, dict]:
    return extract_pages(available_pages())


@pytest.fixture(scope="module")
def gate_scores(gate_records) -> list[PageScore]:
    return score_pages(available_pages(), gate_records)


def test_gate_gold_files_are_well_formed():
    pages = load_gold(GOLD_DIR)
    assert len({p.name for p in pages}) == len(pages) >= 12
    problems = []
    for page in pages:
        if page.group == "repo" and not (ROOT / page.path).is_file():
            problems.append(f"{page.name}: {page.path} does not exist")
        if page.group not in ("repo", "shared") or (page.group == "shared") != page.path.startswith("../shared/"):
            problems.append(f"{page.name}: group {page.group!r} does not fit {page.path}")
        if not page.must.get("document") or not page.must.get("events") or not page.must_not.get("body"):
            problems.append(f"{page.name}: a gate page states its document fields, events and body chrome")
        for side in (page.must, page.must_not):
            for family, facts in side.items():
                problems += [f"{page.name}: {p}" for fact in facts for p in shape_problems(family, fact)]
    assert problems == []


@pytest.mark.model
def test_gate_every_page_yields_a_record(gate_records):
    assert len(gate_records) >= 11  # the repository's pages at least
    failed = {name: (rec or {}).get("error", "no record") for name, rec in gate_records.items()
              if not rec or "error" in rec}
    assert failed == {}


@pytest.mark.model
def test_gate_page_scores_hold_their_floors(gate_scores):
    __tracebackhide__ = True  # the message says it all; the scores' repr would bury it
    verdict = judge(page_figures(gate_scores), Floors.load())
    if verdict.below:
        families = {line.split(".")[2].split(":")[0] for line in verdict.below} - {"all"}
        lost = [f"{s.page.name}: {m}" for s in gate_scores for m in s.missed + s.violated
                if m.split(":")[0] in families or not families]
        pytest.fail("accuracy fell below the floor:\n  " + "\n  ".join(verdict.below)
                    + "\nfacts missed or violated now in those families:\n  " + "\n  ".join(lost))


@pytest.mark.model
def test_gate_page_floors_are_current(gate_scores):
    verdict = judge(page_figures(gate_scores), Floors.load())
    stale = verdict.stale + [f"{k}: floor without a score" for k in verdict.unmeasured]
    assert stale == [], f"{UPDATE_HINT}:\n  " + "\n  ".join(stale)


@pytest.mark.model
@pytest.mark.shared
def test_gate_dev_set_holds_its_floors(dev_records):
    if dev_gold_and_files() is None:
        pytest.skip("../shared/eval/score.py or the dev gold is absent")
    verdict = judge(dev_figures(dev_records), Floors.load())
    assert verdict.below == [], "dev-set accuracy fell below the floor (../shared/eval/score.py)"
    assert verdict.stale + verdict.unmeasured == [], UPDATE_HINT



@pytest.mark.model
def test_gate_command_prints_the_scores_as_json(capsys):
    from gate.__main__ import main

    status = main(["--json"])
    out = json.loads(capsys.readouterr().out)
    assert status == (1 if out["below"] or out["stale"] or out["unmeasured"] else 0)
    assert set(out["pages"]) >= {p.name for p in available_pages() if p.group == "repo"}
    assert "repo.must.all" in out["figures"] and out["floors"]["repo.must.all"] > 0
