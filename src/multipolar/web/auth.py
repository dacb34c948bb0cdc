"""Writes need the bearer token fixed at start-up (``MULTIPOLAR_TOKEN``); reads are open.

With no token configured the write endpoints stay shut: an open write endpoint on a
forgotten server is worse than one that says how to turn it on.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from .errors import ApiError

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="multipolar"'}


def token_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison, so the token cannot be guessed byte by byte from timings."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def check_token(request: Request, given: str | None) -> None:
    """Raise 401 unless ``given`` is the configured token."""
    expected = request.app.state.config.token
    if not expected:
        raise ApiError(401, "writes are disabled on this server: start it with MULTIPOLAR_TOKEN set",
                       code="writes_disabled", headers=_CHALLENGE)
    if not token_matches(expected, given):
        raise ApiError(401, "a valid bearer token is required (Authorization: Bearer <MULTIPOLAR_TOKEN>)",
                       headers=_CHALLENGE)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def require_token(request: Request) -> None:
    """FastAPI dependency for API write routes."""
    check_token(request, bearer_token(request))
