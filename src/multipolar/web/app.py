"""The app factory: one FastAPI app over one store, serving the JSON API and the pages.

``create_app(WebConfig(db=...))`` is what ``multipolar serve``, the tests and the
benchmark all build. Routes parse, call the store's query functions and render.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from .config import WebConfig
from .errors import install_error_handlers
from .limits import BodyLimitMiddleware

HERE = Path(__file__).resolve().parent

API_DESCRIPTION = """\
Evidence-linked records of international relations, read from a multipolar store.

Read endpoints are open. `POST /api/documents` needs `Authorization: Bearer <token>`,
where the token is the `MULTIPOLAR_TOKEN` the server was started with.
Lists are paginated with `limit` and `offset`; every list answer carries
`limit`, `offset` and `next_offset` (null on the last page).
Errors have one shape: `{"error": {"status", "code", "message", "detail"?}}`.
"""


def create_app(config: WebConfig | str | Path) -> FastAPI:
    """Build the app over the store at ``config.db`` (opened read-mostly, WAL)."""
    from . import api, pages
    from .store_access import open_store

    if not isinstance(config, WebConfig):
        config = WebConfig(db=Path(config))
    app = FastAPI(title="multipolar", version=__version__, description=API_DESCRIPTION,
                  docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json")
    app.state.config = config
    app.state.store = open_store(config.db)
    app.state.templates = _templates()
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=config.max_upload_bytes)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _templates() -> Jinja2Templates:
    from . import render

    templates = Jinja2Templates(directory=str(HERE / "templates"))
    render.install_filters(templates.env)
    return templates


def app_from_env() -> FastAPI:
    """Factory for worker processes (``multipolar serve --workers N``): the store path comes from
    ``MULTIPOLAR_WEB_DB`` and the rest from the usual environment variables."""
    import os

    db = os.environ.get("MULTIPOLAR_WEB_DB")
    if not db:
        raise RuntimeError("MULTIPOLAR_WEB_DB is not set; start the server with `multipolar serve --db FILE`")
    return create_app(WebConfig(db=Path(db)))
