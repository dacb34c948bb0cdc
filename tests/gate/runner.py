"""Run the accuracy gate: extract the gate pages, score them, compare the scores with the floors.

Scores are keyed ``<group>.<side>.<family>``: group ``repo`` holds the pages kept in this
repository (the general-news fixtures and ``examples/``), group ``shared`` the pages read from
``../shared`` (the seed page), so that a fresh clone without ``../shared`` still has a gate.
``dev.<metric>`` are ``../shared/eval/score.py``'s figures over the dev set.

A score fails when it falls below its floor by more than ``epsilon``. It is *stale* when it rises
above its floor by more than ``stale_margin``: the floor must then be raised (``python tests/gate
--update``) in a reviewed commit, so that a later regression of that size cannot pass unseen.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from .scoring import GatePage, PageScore, load_gold, score_page, summarise

ROOT = Path(__file__).resolve().parents[2]
GATE_DIR = Path(__file__).resolve().parent
GOLD_DIR = GATE_DIR / "gold"
FLOORS_PATH = GATE_DIR / "floors.json"
SHARED_EVAL = ROOT.parent / "shared" / "eval"

# score.py's summary -> the dev figures the gate pins (F1 for the fact types, accuracy for fields).
DEV_METRICS = {
    "events_f1": ("events", "f1"), "agreements_f1": ("agreements", "f1"),
    "provisions_f1": ("provisions", "f1"), "claims_f1": ("claims", "f1"),
    "responses_f1": ("responses", "f1"), "quotes_f1": ("quotes", "f1"),
    "title_accuracy": ("title_accuracy", None), "published_accuracy": ("published_accuracy", None),
    "signed_accuracy": ("signed_accuracy", None), "duration_accuracy": ("duration_accuracy", None),
}


def available_pages(gold_dir: Path = GOLD_DIR) -> list[GatePage]:
    """The gate pages whose files exist here (the shared ones drop out on a fresh clone)."""
    return [p for p in load_gold(gold_dir) if (ROOT / p.path).is_file()]


def extract_pages(pages: list[GatePage]) -> dict[str, dict]:
    """Each page's record as JSON, keyed by page name; every file is extracted once."""
    from multipolar.pipeline import extract
    from multipolar.settings import Settings

    files = sorted({p.path for p in pages})
    by_source = {}
    for rec in extract([str(ROOT / f) for f in files], Settings(extracted_at="2026-01-01T00:00:00Z")):
        d = rec.to_dict()
        by_source[d["document"]["source"]] = d
    out = {}
    for p in pages:
        source = str(ROOT / p.path) + ("" if p.record is None else f"#{p.record}")
        out[p.name] = by_source.get(source)
    return out


def score_pages(pages: list[GatePage], records: dict[str, dict]) -> list[PageScore]:
    return [score_page(p, records.get(p.name)) for p in pages]


def page_figures(scores: list[PageScore]) -> dict[str, float]:
    """Flat ``group.side.family`` figures for the groups present."""
    out = {}
    for group in sorted({s.page.group for s in scores}):
        summary = summarise([s for s in scores if s.page.group == group])
        for side, rates in summary.items():
            out.update({f"{group}.{side}.{family}": rate for family, rate in rates.items()})
    return out


def load_score_py() -> ModuleType | None:
    """``../shared/eval/score.py`` as a module, or None without ../shared."""
    path = SHARED_EVAL / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("multipolar_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_gold_and_files() -> tuple[list[dict], list[str]] | None:
    """The dev gold lines and their article paths, or None without ../shared."""
    score = load_score_py()
    gold_path = SHARED_EVAL / "dev" / "gold.jsonl"
    if score is None or not gold_path.is_file():
        return None
    gold = score.load_jsonl(gold_path)
    return gold, [str(gold_path.parent / g["file"]) for g in gold]


def dev_figures(records: list[dict]) -> dict[str, float]:
    """score.py's summary of the dev set records, as ``dev.<metric>`` figures.

    ``records`` are the dev articles' records in gold order (what ``dev_gold_and_files`` lists)."""
    score = load_score_py()
    gold, files = dev_gold_and_files()
    by_name = {Path(str(r["document"].get("source"))).name: r for r in records}
    aligned = [by_name.get(Path(f).name) for f in files]
    summary, _ = score.score(gold, aligned)
    out = {}
    for name, (key, sub) in DEV_METRICS.items():
        value = summary[key] if sub is None else summary[key][sub]
        if value is not None:
            out[f"dev.{name}"] = value
    return out


# -- floors -------------------------------------------------------------------------------------


@dataclass
class Floors:
    epsilon: float
    stale_margin: float
    values: dict[str, float]
    raw: dict

    @classmethod
    def load(cls, path: Path = FLOORS_PATH) -> Floors:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(raw["epsilon"], raw["stale_margin"], dict(raw["floors"]), raw)

    def save(self, path: Path = FLOORS_PATH) -> None:
        raw = dict(self.raw)
        raw["floors"] = dict(sorted(self.values.items()))
        path.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@dataclass
class Verdict:
    below: list[str]      # "key: score < floor"
    stale: list[str]      # "key: score > floor" (or a figure without a floor)
    unmeasured: list[str]  # floors of a measured group with no figure now


def judge(figures: dict[str, float], floors: Floors) -> Verdict:
    """Compare figures with the floors of the groups that were measured (prefix before the first dot)."""
    measured = {k.split(".")[0] for k in figures}
    below, stale = [], []
    for key, score in sorted(figures.items()):
        floor = floors.values.get(key)
        if floor is None:
            stale.append(f"{key}: {score:.3f} has no floor")
        elif score < floor - floors.epsilon:
            below.append(f"{key}: {score:.3f} < floor {floor:.3f}")
        elif score > floor + floors.stale_margin:
            stale.append(f"{key}: {score:.3f} > floor {floor:.3f}")
    unmeasured = [k for k in sorted(floors.values) if k.split(".")[0] in measured and k not in figures]
    return Verdict(below, stale, unmeasured)


def raise_floors(figures: dict[str, float], floors: Floors, allow_lower: bool = False) -> tuple[dict, list[str]]:
    """New floor values: every figure at or above its floor becomes the floor. A figure below its
    floor (or a floor whose figure vanished) is refused unless ``allow_lower``. Returns the new
    values and the refusals."""
    new = dict(floors.values)
    refused = []
    for key, score in figures.items():
        old = new.get(key)
        if old is not None and score < old and not allow_lower:
            refused.append(f"{key}: {score:.3f} would lower the floor {old:.3f}")
            continue
        new[key] = score
    for key in judge(figures, floors).unmeasured:
        if allow_lower:
            del new[key]
        else:
            refused.append(f"{key}: no figure now (its gold facts are gone?); floor {new[key]:.3f} kept")
    return new, refused
