"""Request-body cap: refuse oversized uploads with 413 before the pipeline sees a byte.

An ASGI middleware, because it must also catch bodies without a Content-Length
(chunked uploads). It reads a write request's body up to the cap, answers 413 as
soon as the cap is passed, and otherwise replays the buffered body to the route.
"""

from __future__ import annotations

import json

from .errors import error_body


class BodyLimitMiddleware:
    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        html = b"text/html" in headers.get(b"accept", b"") and not scope["path"].startswith("/api/")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(send, html)
            return
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._refuse(send, html)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send, html: bool = False) -> None:
        message = f"the request body is over the limit of {self.max_bytes} bytes (MULTIPOLAR_MAX_UPLOAD_BYTES)"
        if html:  # a person submitting the form: a page that says what happened, and a way back
            body = (f'<!doctype html><meta charset="utf-8"><title>413 too large</title>'
                    f'<link rel="stylesheet" href="/static/style.css"><main><h1>413 · too_large</h1>'
                    f'<p class="error-message">{message}</p><p><a href="/submit">Back to Submit</a></p></main>'
                    ).encode()
            ctype = b"text/html; charset=utf-8"
        else:
            body = json.dumps(error_body(413, "too_large", message)).encode("utf-8")
            ctype = b"application/json"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
