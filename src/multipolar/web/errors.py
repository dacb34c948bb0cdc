"""One error shape for every API failure, and the HTML page that shows it to a person.

JSON: ``{"error": {"status": 422, "code": "bad_request", "message": "...", "detail": [...]}}``.
Routes raise :class:`ApiError` (or FastAPI's own validation error); the handlers
registered by :func:`install_error_handlers` are the only writers of that shape.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_parameters",
    500: "internal",
    502: "fetch_failed",
    503: "unavailable",
}


class ApiError(Exception):
    """A failure the client can act on; ``code`` is a stable word, ``message`` says the fix."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 detail: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message
        self.detail = detail
        self.headers = headers or {}


def error_body(status: int, code: str, message: str, detail: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail is not None:
        body["detail"] = detail
    return {"error": body}


def wants_html(request: Request) -> bool:
    """Pages answer in HTML; the API (and anything asking for JSON) answers in JSON."""
    if request.url.path.startswith("/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _render(request: Request, err: ApiError) -> HTMLResponse | JSONResponse:
    if wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"status": err.status, "code": err.code, "message": err.message},
            status_code=err.status, headers=err.headers)
    return JSONResponse(error_body(err.status, err.code, err.message, err.detail),
                        status_code=err.status, headers=err.headers)


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
        out.append({"param": ".".join(loc), "message": e.get("msg", "")})
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _render(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        detail = _validation_detail(exc)
        summary = "; ".join(f"{d['param'] or 'request'}: {d['message']}" for d in detail)
        return _render(request, ApiError(422, f"invalid parameters: {summary}", detail=detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        # a bug: answer in the one shape without internals beyond the type (the ASGI server
        # logs the traceback when the error propagates on; in-process callers get this line)
        log.error("unhandled %s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
        return _render(request, ApiError(500, f"internal error ({type(exc).__name__}); see the server log"))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else STATUS_CODES.get(exc.status_code, "error")
        return _render(request, ApiError(exc.status_code, message, headers=dict(exc.headers or {})))
