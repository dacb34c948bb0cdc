"""docs/web.md names every API endpoint, every page and every `multipolar serve` option."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from multipolar.web import WebConfig, create_app
from multipolar.web.errors import STATUS_CODES

DOCS = (Path(__file__).resolve().parents[1] / "docs" / "web.md").read_text(encoding="utf-8")


def _generic(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def test_every_route_is_documented(tmp_path):
    app = create_app(WebConfig(db=tmp_path / "s.db"))
    documented = {_generic(p) for p in re.findall(r"`(?:GET |POST )?(/[^`?\[ ]*)", DOCS)}
    for route in app.routes:
        path = getattr(route, "path", "")
        if not path or path.startswith(("/static", "/api/docs", "/api/openapi", "/docs/oauth2")):
            continue
        assert _generic(path) in documented, f"{path} is not in docs/web.md"


def test_every_serve_option_and_error_code_is_documented():
    from multipolar.cli import serve

    parser = argparse.ArgumentParser()
    serve.register(parser.add_subparsers())
    sub = parser._subparsers._group_actions[0].choices["serve"]
    for action in sub._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert f"`{flag}" in DOCS, f"{flag} is not in docs/web.md"
    for code in STATUS_CODES.values():
        assert f"`{code}`" in DOCS, f"error code {code} is not in docs/web.md"
