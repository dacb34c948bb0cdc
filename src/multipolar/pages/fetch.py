"""Polite, safe HTTP(S) downloads: the only place multipolar talks to the network.

Rules every request follows (redirect hops included, each one re-checked):

- only ``http``/``https``; a clear User-Agent naming the project;
- **no loopback, private, link-local (cloud metadata 169.254.169.254),
  carrier-grade NAT, multicast, reserved or unspecified addresses** unless the
  caller allows private addresses (``allow_private``) or names the host
  (``allow_hosts``). The host name is resolved and every address checked
  *before* connecting; after connecting, the peer address is checked again
  (a DNS answer that changed in between is refused);
- robots.txt honoured (RFC 9309: 4xx = no rules, 5xx or unreachable = disallow
  all for now), ``Crawl-delay`` respected;
- a minimum interval between two requests to the same host;
- timeouts for connecting and between bytes, and a wall-clock deadline for the
  whole download (a server that trickles bytes forever is cut off);
- a size cap on the decoded body (``Content-Length`` checked first).

Failures come back as :class:`FetchResult` with an :class:`ExtractionError`
(stage ``read``; codes ``blocked``, ``robots``, ``fetch``, ``too_large``),
never as an exception.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpcore
import httpx

from .. import __version__
from ..errors import ExtractionError
from . import Page

log = logging.getLogger(__name__)

USER_AGENT = f"multipolar/{__version__} (news research crawler; honours robots.txt)"
ROBOTS_AGENT = "multipolar"
REDIRECTS = (301, 302, 303, 307, 308)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class FetchOptions:
    """Politeness and safety settings of one :class:`Fetcher`."""

    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()  # "host" or "host:port" let through despite the address rules
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0      # longest silence between two chunks
    deadline: float = 60.0          # whole download, redirects included
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    min_interval: float = 1.0       # seconds between two requests to one host
    max_crawl_delay: float = 60.0   # a robots.txt Crawl-delay is honoured up to this
    robots: bool = True
    robots_ttl: float = 24 * 3600.0   # how long robots.txt rules are reused
    robots_retry: float = 15 * 60.0   # how long an unreachable robots.txt blocks its site


@dataclass
class FetchResult:
    """What one download gave: a body, a 304 (``not_modified``), or an error."""

    url: str                       # as asked
    final_url: str | None = None   # after redirects
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""
    error: ExtractionError | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def to_page(self) -> Page:
        """The page to extract: HTML or text by content type; other types are an error page."""
        if self.error is not None:
            return Page(self.url, url=self.final_url or self.url, error=self.error)
        ctype = self.headers.get("content-type", "").lower()
        if ctype.startswith(_HTML_TYPES) or not ctype:
            from .files import sniff_kind

            kind = "html" if ctype else sniff_kind(self.content)
        elif ctype.startswith("text/plain"):
            kind = "text"
        else:
            return Page(self.url, url=self.final_url, error=ExtractionError(
                "read", "not_text", f"{self.url}: content type {ctype!r} is not a web page"))
        return Page(self.url, self.content, kind, url=self.final_url or self.url, headers=dict(self.headers))


class Fetcher:
    """Downloads with the rules above. One per run; thread-safe for its rate limiter only."""

    def __init__(self, options: FetchOptions | None = None,
                 resolve: Callable[[str, int], list[str]] | None = None) -> None:
        self.options = options or FetchOptions()
        self._resolve = resolve or _resolve_addresses
        # origin -> (parser or None for "disallow all for now", monotonic time it expires)
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, float]] = {}
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()
        o = self.options
        transport = httpx.HTTPTransport()
        pool = getattr(transport, "_pool", None)
        if pool is not None and hasattr(pool, "_network_backend"):
            # Connect only to the addresses we vetted (no second DNS lookup that could differ).
            pool._network_backend = _VettedBackend(self)
        else:  # a future httpx without this hook: the peer check after connecting still applies
            log.warning("httpx transport has no network backend hook; relying on the peer check")
        self.client = httpx.Client(
            headers={"User-Agent": o.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(o.read_timeout, connect=o.connect_timeout),
            follow_redirects=False, trust_env=False,  # no env proxies: they would hide the real peer
            transport=transport)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public -----------------------------------------------------------------------------
    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              max_bytes: int | None = None) -> FetchResult:
        """GET ``url`` following redirects (each hop checked); conditional when given validators."""
        deadline = time.monotonic() + self.options.deadline
        limit = max_bytes or self.options.max_bytes
        current = url
        try:
            for _hop in range(self.options.max_redirects + 1):
                self.check_url(current)
                if self.options.robots and not self._robots_allow(current, deadline):
                    raise ExtractionError("read", "robots", f"{current}: disallowed by robots.txt")
                conditional = {}
                if etag:
                    conditional["If-None-Match"] = etag
                if last_modified:
                    conditional["If-Modified-Since"] = last_modified
                status, headers, body, location = self._get(current, conditional, limit, deadline)
                if status in REDIRECTS and location:
                    current = urljoin(current, location)
                    etag = last_modified = None  # validators belong to the first URL only
                    continue
                result = FetchResult(url, current, status, headers, body)
                if status == 304 or 200 <= status < 300:
                    return result
                result.error = ExtractionError("read", "fetch", f"{current}: HTTP {status}")
                return result
            raise ExtractionError("read", "fetch", f"{url}: more than {self.options.max_redirects} redirects")
        except ExtractionError as err:
            return FetchResult(url, current, error=err)

    def fetch_page(self, url: str) -> Page:
        return self.fetch(url).to_page()

    def fetch_pages(self, urls: Iterable[str]) -> Iterator[Page]:
        for url in urls:
            yield self.fetch_page(url)

    def check_url(self, url: str) -> None:
        """Raise ``ExtractionError`` (code ``blocked`` or ``fetch``) unless ``url`` may be requested."""
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as e:  # a port out of range, a broken IPv6 literal
            raise ExtractionError("read", "fetch", f"{url}: not a valid URL ({e})") from e
        if parts.scheme not in ("http", "https"):
            raise ExtractionError("read", "fetch", f"{url}: only http and https URLs can be fetched")
        host = parts.hostname
        if not host:
            raise ExtractionError("read", "fetch", f"{url}: no host in the URL")
        if self._host_allowed(parts):
            return
        self.vetted_addresses(host, port, url)

    def vetted_addresses(self, host: str, port: int, url: str | None = None) -> list[str]:
        """The addresses of ``host``, all allowed; raises ``ExtractionError`` otherwise."""
        url = url or f"{host}:{port}"
        try:
            addresses = [host] if _is_ip(host) else self._resolve(host, port)
        except OSError as e:
            raise ExtractionError("read", "fetch", f"{url}: cannot resolve {host} ({e})") from e
        if not addresses:
            raise ExtractionError("read", "fetch", f"{url}: {host} has no address")
        for address in addresses:
            reason = blocked_reason(address)
            if reason and not self.options.allow_private:
                where = f"{host} is {reason}" if address == host else f"{host} resolves to {address}, {reason}"
                raise ExtractionError(
                    "read", "blocked",
                    f"refusing to fetch {url}: {where} (pass --allow-private to allow private "
                    f"and local addresses)")
        return addresses

    # -- internals --------------------------------------------------------------------------
    def _host_allowed(self, parts) -> bool:
        allowed = self.options.allow_hosts
        if not allowed:
            return False
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return host in allowed or f"{host}:{port}" in allowed

    def _get(self, url: str, headers: dict[str, str], limit: int, deadline: float):
        self._wait_turn(url)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ExtractionError("read", "fetch", f"{url}: deadline of {self.options.deadline:g}s passed")
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                self._check_peer(url, response)
                status = response.status_code
                head = {k.lower(): v for k, v in response.headers.items()}
                if status in REDIRECTS:
                    return status, head, b"", response.headers.get("location")
                declared = head.get("content-length", "")
                if declared.isdigit() and int(declared) > limit and status != 304:
                    raise ExtractionError("read", "too_large",
                                          f"{url}: {declared} bytes is over the limit of {limit}")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise ExtractionError("read", "too_large", f"{url}: over the limit of {limit} bytes")
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise ExtractionError("read", "fetch", f"{url}: download took longer than "
                                                               f"{self.options.deadline:g}s")
                return status, head, b"".join(chunks), None
        except httpx.TimeoutException as e:
            raise ExtractionError("read", "fetch", f"{url}: timed out ({type(e).__name__})") from e
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as e:
            raise ExtractionError("read", "fetch", f"{url}: {type(e).__name__}: {e}") from e

    def _check_peer(self, url: str, response: httpx.Response) -> None:
        """Refuse a connection whose peer is not an allowed address (DNS changed after our check)."""
        if self.options.allow_private or self._host_allowed(urlsplit(url)):
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer and blocked_reason(str(peer[0])):
            raise ExtractionError("read", "blocked",
                                  f"refusing {url}: connected to {peer[0]}, {blocked_reason(str(peer[0]))}")

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host's minimum interval (or robots Crawl-delay) has passed."""
        host = urlsplit(url).netloc.lower()
        interval = self.options.min_interval
        robots = self._robots.get(_origin(url), (None, 0.0))[0]
        if robots is not None:
            delay = robots.crawl_delay(ROBOTS_AGENT)
            if delay:
                interval = max(interval, min(float(delay), self.options.max_crawl_delay))
        with self._lock:
            now = time.monotonic()
            wait = self._last_request.get(host, -1e9) + interval - now
            self._last_request[host] = now + max(wait, 0)
        if wait > 0:
            time.sleep(wait)

    def _robots_allow(self, url: str, deadline: float) -> bool:
        origin = _origin(url)
        cached = self._robots.get(origin)
        if cached is None or cached[1] < time.monotonic():
            parser = self._load_robots(origin, deadline)
            # RFC 9309: do not cache rules for more than a day; retry an unreachable file sooner.
            ttl = self.options.robots_ttl if parser is not None else self.options.robots_retry
            self._robots[origin] = (parser, time.monotonic() + ttl)
        parser = self._robots[origin][0]
        if parser is None:  # robots.txt unreachable or 5xx: RFC 9309 says assume disallow
            return False
        return parser.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, origin: str, deadline: float) -> urllib.robotparser.RobotFileParser | None:
        robots_url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        current = robots_url
        try:
            for _hop in range(self.options.max_redirects + 1):
                self.check_url(current)
                status, _headers, body, location = self._get(current, {}, 512 * 1024, deadline)
                if status in REDIRECTS and location:
                    current = urljoin(current, location)
                    continue
                break
            else:
                status, body = 404, b""
        except ExtractionError as err:
            log.warning("robots.txt of %s unreachable (%s): not fetching from it for now", origin, err)
            return None
        if 400 <= status < 500:
            parser.parse([])  # no rules: everything allowed
        elif 200 <= status < 300:
            parser.parse(body.decode("utf-8", "replace").splitlines())
        else:
            log.warning("robots.txt of %s answered HTTP %s: not fetching from it for now", origin, status)
            return None
        return parser


class _VettedBackend(httpcore.NetworkBackend):
    """httpcore's network backend, connecting only to addresses the fetcher's rules allow.

    The host is resolved here, once, every address checked, and the socket opened to a
    checked address (TLS still verifies the host name), so a DNS answer cannot change
    between the check and the connection.
    """

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options=None) -> httpcore.NetworkStream:
        options = self.fetcher.options
        if options.allow_private or host.lower() in options.allow_hosts or f"{host.lower()}:{port}" in options.allow_hosts:
            return self.inner.connect_tcp(host, port, timeout, local_address, socket_options)
        last_error: Exception | None = None
        for address in self.fetcher.vetted_addresses(host, port):
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as e:  # try the next address of the host
                last_error = e
        raise last_error or httpcore.ConnectError(f"cannot connect to {host}:{port}")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options=None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by the fetcher")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def blocked_reason(address: str) -> str | None:
    """Why an IP address may not be fetched from by default, or None for a public address."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (cloud metadata services live there)"
    if ip.is_unspecified:
        return "the unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved or not ip.is_global:
        return "a reserved or non-public address"
    return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


def _resolve_addresses(host: str, port: int) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.lower(), "", "", ""))
