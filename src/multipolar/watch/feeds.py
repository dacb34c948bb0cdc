"""Feed lists and feed documents: RSS/Atom (feedparser) and XML sitemaps, to entry URLs.

A feeds file has one URL per line; ``#`` starts a comment; blank lines are
ignored. Whether a URL is a feed or a sitemap is decided by what it serves
(``<urlset>``/``<sitemapindex>`` is a sitemap; anything else goes to feedparser).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser
import lxml.etree

from ..errors import MultipolarError


class FeedError(MultipolarError):
    """A feed document could not be understood."""


@dataclass
class Entry:
    url: str
    title: str | None = None
    published: str | None = None  # when the feed says it was published (a hint for the document)
    modified: str | None = None   # when it last changed (only to order entries)

    @property
    def when(self) -> str | None:
        return self.published or self.modified


@dataclass
class FeedDocument:
    entries: list[Entry]
    child_sitemaps: list[str]
    kind: str  # "feed" or "sitemap"


_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$", re.I)


def read_feed_list(path: str | Path) -> list[str]:
    """The URLs of a feeds file, in order, without duplicates."""
    urls: list[str] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        line = re.sub(r"(^|\s)#.*$", "", line).strip()  # a comment starts with a '#' after a space
        if not line:
            continue
        if not line.startswith(("http://", "https://")):
            raise FeedError(f"{path}:{number}: not an http(s) URL: {line!r}")
        if line not in urls:
            urls.append(line)
    return urls


def normalise_url(url: str) -> str:
    """The URL an entry is remembered by: no fragment, lower-case host, no tracking parameters."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc.lower()
    if (parts.scheme == "http" and netloc.endswith(":80")) or (parts.scheme == "https" and netloc.endswith(":443")):
        netloc = netloc.rsplit(":", 1)[0]
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


def parse_feed_document(content: bytes, base_url: str) -> FeedDocument:
    """Entries of an RSS/Atom feed or a sitemap (a sitemap index gives child sitemaps instead)."""
    head = content[:2048].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _parse_sitemap(content, base_url)
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        raise FeedError(f"{base_url}: not a feed or sitemap ({parsed.get('bozo_exception')})")
    entries = []
    for item in parsed.entries:
        link = item.get("link") or next((ln.get("href") for ln in item.get("links", []) if ln.get("href")), None)
        if not link:
            continue
        # dict.get: FeedParserDict.get maps a missing "updated" to "published" (with a warning)
        published, modified = (_iso(dict.get(item, key)) for key in ("published_parsed", "updated_parsed"))
        entries.append(Entry(normalise_url(urljoin(base_url, link)), item.get("title"), published, modified))
    return FeedDocument(entries, [], "feed")


def _parse_sitemap(content: bytes, base_url: str) -> FeedDocument:
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = lxml.etree.fromstring(content, parser)
    except lxml.etree.XMLSyntaxError as e:
        raise FeedError(f"{base_url}: sitemap is not XML ({e})") from e
    if root is None:
        raise FeedError(f"{base_url}: empty sitemap")

    def children(tag: str):
        return [el for el in root.iter() if isinstance(el.tag, str) and lxml.etree.QName(el).localname == tag]

    def text_of(el, tag: str) -> str | None:
        for child in el:
            if isinstance(child.tag, str) and lxml.etree.QName(child).localname == tag and child.text:
                return child.text.strip()
        return None

    if lxml.etree.QName(root).localname == "sitemapindex":
        maps = [text_of(el, "loc") for el in children("sitemap")]
        return FeedDocument([], [urljoin(base_url, m) for m in maps if m], "sitemap")
    entries = []
    for el in children("url"):
        loc = text_of(el, "loc")
        if loc:
            # Google News sitemaps put the date in <news:news><news:publication_date>.
            news = next((c for c in el if isinstance(c.tag, str) and lxml.etree.QName(c).localname == "news"), None)
            published = text_of(news, "publication_date") if news is not None else None
            title = text_of(news, "title") if news is not None else None
            entries.append(Entry(normalise_url(urljoin(base_url, loc)), title, published, text_of(el, "lastmod")))
    return FeedDocument(entries, [], "sitemap")


def _iso(stamp) -> str | None:
    """feedparser's UTC struct_time as ISO 8601."""
    return "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*stamp[:6]) if stamp else None


def newest_first(entries: list[Entry], limit: int) -> list[Entry]:
    """At most ``limit`` entries, the most recent first (undated ones keep feed order, last)."""
    dated = sorted((e for e in entries if e.when), key=lambda e: e.when, reverse=True)
    undated = [e for e in entries if not e.when]
    seen, out = set(), []
    for e in dated + undated:
        if e.url not in seen:
            seen.add(e.url)
            out.append(e)
    return out[:limit]
