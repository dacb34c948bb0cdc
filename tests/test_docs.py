"""Docs are checked: every command, error code and setting appears in the README."""

import re
from pathlib import Path

from multipolar.cli import build_parser
from multipolar.errors import CODES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def test_docs_every_command_is_in_the_readme():
    missing = [c for c in _commands() if f"multipolar {c}" not in README]
    assert missing == []


def test_docs_every_error_code_is_in_the_readme():
    missing = [c for c in CODES if f"`{c}`" not in README]
    assert missing == []


def test_docs_every_environment_setting_is_in_the_readme():
    used = set()
    for path in (ROOT / "src").rglob("*.py"):
        used.update(re.findall(r"MULTIPOLAR_[A-Z_]+", path.read_text(encoding="utf-8")))
    missing = sorted(v for v in used if v not in README)
    assert missing == []


def test_docs_every_docs_page_is_linked_from_the_readme():
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    assert [p for p in pages if f"docs/{p}" not in README] == []
