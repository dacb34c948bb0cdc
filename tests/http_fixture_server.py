"""A real HTTP server on 127.0.0.1 (in a thread) serving routes the fetch/watch tests define.

Each route is a function ``(handler) -> None`` that writes the whole response;
helpers build the common ones (pages with ETag support, redirects, pages that
never finish, oversized bodies). Every request is logged in ``site.log``.
A second instance doubles as the webhook receiver (``site.posts``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        import sys

        # A client hanging up early (at its size cap or timeout) is what the tests provoke.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FixtureSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, str, int]] = []      # (method, path, status sent)
        self.posts: list[tuple[str, dict]] = []        # (path, JSON body) of POSTs
        self.post_status: Callable[[], int] = lambda: 204  # what a POST is answered with
        self.stopping = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def send_response(self, code, message=None):
                site.log.append((self.command, self.path, code))
                super().send_response(code, message)

            def do_GET(self) -> None:
                route = site.routes.get(self.path.split("?")[0])
                if route is None:
                    body(self, 404, b"not here", "text/plain")
                else:
                    route(self)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                try:
                    site.posts.append((self.path, json.loads(data)))
                except ValueError:
                    site.posts.append((self.path, {"raw": data.decode("utf-8", "replace")}))
                body(self, site.post_status(), b"", "text/plain")

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def hostport(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str, status: int | None = None) -> int:
        return sum(1 for m, p, s in self.log if m == "GET" and p.split("?")[0] == path
                   and (status is None or s == status))

    def __enter__(self) -> FixtureSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()


def body(handler: BaseHTTPRequestHandler, status: int, data: bytes, ctype: str,
         headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(data)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    if data:
        handler.wfile.write(data)


def static(data: bytes, ctype: str = "text/html; charset=utf-8", etag: str | None = None,
           headers: dict[str, str] | None = None) -> Route:
    """A fixed body; with ``etag``, answers a matching If-None-Match with 304."""
    def route(handler: BaseHTTPRequestHandler) -> None:
        extra = dict(headers or {})
        if etag:
            extra["ETag"] = etag
            if handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
        body(handler, 200, data, ctype, extra)
    return route


def redirect(location: str, status: int = 302) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        body(handler, status, b"", "text/plain", {"Location": location})
    return route


def never_finishes(site: FixtureSite) -> Route:
    """Headers and the start of a page, then silence until the server stops."""
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(b"<html><head><title>Slow</title></head><body><p>The start of a page")
        handler.wfile.flush()
        site.stopping.wait(60)
    return route


def trickles(site: FixtureSite, interval: float = 0.2) -> Route:
    """A page that sends a few bytes at a time forever (each gap shorter than a read timeout)."""
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no length: HTTP/1.1 close-delimited
        try:
            while not site.stopping.wait(interval):
                handler.wfile.write(b"<p>more</p>")
                handler.wfile.flush()
        except OSError:
            pass
        handler.close_connection = True
    return route


def oversized(size: int) -> Route:
    """A page of ``size`` bytes sent without a Content-Length (so only streaming can cap it)."""
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        chunk = b"<p>" + b"filler text " * 80 + b"</p>\n"
        sent = 0
        try:
            handler.wfile.write(b"<html><body>")
            while sent < size:
                handler.wfile.write(chunk)
                sent += len(chunk)
        except OSError:  # the client hung up at its cap, as it should
            pass
    return route


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title, RFC 822 date) items."""
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate>"
                      f"<guid>{base}{p}</guid></item>" for p, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fixture news</title>'
            f"<link>{base}/</link><description>Test feed</description>{entries}</channel></rss>").encode()


def sitemap(base: str, paths: list[tuple[str, str]]) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>{d}</lastmod></url>" for p, d in paths)
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode()
