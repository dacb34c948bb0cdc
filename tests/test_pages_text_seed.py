"""The seed page (../shared/seeds), cleaned by the text-scrape cleaner; skipped without ../shared."""

from __future__ import annotations

import pytest

from multipolar.pages.text import extract_text_scrape

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_article(seed_path):
    return extract_text_scrape(seed_path.read_text(encoding="utf-8"), str(seed_path))


def test_seed_header_fields(seed_article):
    assert seed_article.title == "Russia and Iran Forge 20-Year Defence Pact to Deepen Strategic Ties"
    assert seed_article.subtitle == "Both nations pledge mutual defence and cooperation against military threats"
    assert seed_article.byline == "Express Desk"
    assert seed_article.published == "2025-01-18T00:42:00"
    assert seed_article.language == "en"


def test_seed_body_has_each_paragraph_once_without_chrome(seed_path, seed_article):
    paras = seed_article.text.split("\n\n")
    assert len(paras) == len(set(paras))
    assert paras[0].startswith("Russian President Vladimir Putin and Iranian President")
    assert paras[-1].startswith("Pezeshkian")
    # Every long line of the page's body appears, once.
    page_lines = {line.strip() for line in seed_path.read_text(encoding="utf-8").splitlines()}
    body_lines = [line for line in page_lines if len(line.split()) >= 20]
    for line in body_lines:
        assert seed_article.text.count(line) == 1
    assert "Comments" not in paras
    assert "Israeli Security Cabinet Approves Ceasefire Agreement" not in seed_article.text
    assert "Archive |" not in seed_article.text
    assert seed_article.title not in seed_article.text
    assert seed_article.cleaning["duplicate_blocks_removed"] > 0
    assert seed_article.cleaning["boilerplate_lines_removed"] > 0
