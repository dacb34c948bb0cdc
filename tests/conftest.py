"""Shared fixtures. ../shared is read only when present; tests that need it skip cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = SHARED / "seeds" / "000_00528b96f0de169d.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a fresh clone): skipping checks against it")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    if not SEED.is_file():
        pytest.skip("seed page absent")
    return SEED


@pytest.fixture(scope="session")
def nlp():
    from multipolar.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def resolver():
    """The actor resolver with the packaged dictionary, one per test module (a module that needs
    another dictionary defines its own ``resolver``)."""
    from multipolar.actors.resolver import ActorResolver

    return ActorResolver()


@pytest.fixture(scope="session")
def seed_record(seed_path: Path):
    """The seed page's record as JSON, extracted once for the whole session."""
    from multipolar.pipeline import extract
    from multipolar.settings import Settings

    record = next(extract([str(seed_path)], Settings(extracted_at="2026-01-01T00:00:00Z")))
    return record.to_dict()


@pytest.fixture(scope="session")
def dev_records(shared_dir: Path) -> list[dict]:
    """The dev set's records (../shared/eval/dev/articles) as JSON, extracted once for the whole
    session (the store's dev-set test and the accuracy gate share them)."""
    from multipolar.pipeline import extract
    from multipolar.settings import Settings

    articles = shared_dir / "eval" / "dev" / "articles"
    if not articles.is_dir():
        pytest.skip("dev articles absent")
    return [r.to_dict() for r in extract([str(articles)], Settings(extracted_at="2026-01-01T00:00:00Z"))]
