"""HTML pages to articles: trafilatura for the main content, readability-lxml as a second opinion.

Choices, measured with ``bench/extraction.py`` on the 181-page article-extraction
benchmark (body-token F1, see docs/pages.md):

- trafilatura with ``favor_precision`` and comments excluded is its best setting
  on news pages; its default keeps comments, which cost precision.
- ``deduplicate=False``: trafilatura's deduplication keeps a process-wide cache
  and silently empties a page whose paragraphs it has seen before, so the second
  copy of a page (or a site's recurring paragraphs) would lose its body.
- When trafilatura's body is much shorter than readability-lxml's (under
  :data:`MUCH_SHORTER` of its tokens) trafilatura has usually stopped at a
  split in the markup (a gallery, an inline ad) and readability's whole-container
  choice recovers the rest; otherwise trafilatura's tighter body wins.
"""

from __future__ import annotations

import logging
import re

import lxml.etree
import lxml.html
import trafilatura

from ..article import Article
from ..errors import ExtractionError
from .published import metadata_datetime, normalise_iso, url_date

log = logging.getLogger(__name__)
# trafilatura warns "discarding data" for every page it finds no body in; that is our
# no_body error record already, so keep its logger to real errors unless asked otherwise.
if logging.getLogger("trafilatura").level == logging.NOTSET:
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

#: trafilatura's body loses to readability's when it has fewer than this share of its tokens.
MUCH_SHORTER = 0.5

_WORD = re.compile(r"\w+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr thead tbody tfoot "
    "section article aside header footer figure figcaption main nav form hr br address".split())
_SKIP_TAGS = frozenset("script style noscript template iframe svg button select".split())


def extract_html(html: str, source: str, url: str | None = None) -> Article:
    """The article of one HTML page; raises :class:`ExtractionError` when it has no body."""
    try:
        return _extract_html(html, source, url)
    except ExtractionError:
        raise
    except Exception as e:  # a third-party parser tripping on odd markup must not sink the batch
        log.warning("%s: HTML extraction failed (%s: %s)", source, type(e).__name__, e)
        raise ExtractionError("article", "parse", f"{source}: HTML could not be parsed "
                                                  f"({type(e).__name__}: {e})") from e


def _extract_html(html: str, source: str, url: str | None) -> Article:
    # lxml refuses str input that declares an encoding (XHTML's <?xml ...?>); the text is decoded already.
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as e:
        raise ExtractionError("article", "parse", f"{source}: HTML could not be parsed ({e})") from e
    if tree is None:
        raise ExtractionError("article", "no_body", f"{source}: the HTML has no elements")
    doc = _trafilatura(html, source, url)
    traf_paragraphs = _paragraphs_of_lines(doc.text if doc is not None else "")
    read_document = None
    if token_count(traf_paragraphs) >= MUCH_SHORTER * _page_token_count(tree):
        # readability's body is page text too, so it cannot reach twice trafilatura's: skip it
        paragraphs, chosen = traf_paragraphs, "trafilatura"
    else:
        read_paragraphs, read_document = _readability(html, source)
        paragraphs, chosen = choose_body(traf_paragraphs, read_paragraphs)
    log.debug("%s: body from %s", source, chosen)
    title = (doc.title if doc is not None else None) or _readability_title(read_document, html)
    paragraphs = _without_leading_title(paragraphs, title)
    if not paragraphs:
        raise ExtractionError("article", "no_body", f"{source}: no article body found in the HTML")
    subtitle, paragraphs = _standfirst(doc.description if doc is not None else None, paragraphs, title, tree)
    if not paragraphs:
        raise ExtractionError("article", "no_body", f"{source}: the HTML holds a headline but no body")
    return Article(
        source=source, text="\n\n".join(paragraphs), title=title, subtitle=subtitle,
        byline=(doc.author if doc is not None else None) or None,
        published=_published(tree, doc.date if doc is not None else None, url),
        language=(doc.language if doc is not None else None) or _declared_language(tree),
        url=url or (doc.url if doc is not None else None))


def choose_body(trafilatura_paragraphs: list[str], readability_paragraphs: list[str]) -> tuple[list[str], str]:
    """The better of the two bodies and the name of the extractor that gave it.

    "Better" here is the rule measured on the benchmark: trafilatura's body unless it
    holds under :data:`MUCH_SHORTER` of readability's tokens.
    """
    traf = token_count(trafilatura_paragraphs)
    read = token_count(readability_paragraphs)
    if read and traf < MUCH_SHORTER * read:
        return readability_paragraphs, "readability"
    return trafilatura_paragraphs, "trafilatura"


def token_count(paragraphs: list[str]) -> int:
    return sum(len(_WORD.findall(p)) for p in paragraphs)


def _page_token_count(tree) -> int:
    """Tokens of all the page's text outside scripts and styles: a bound on any extractor's body."""
    return sum(len(_WORD.findall(t)) for t in tree.xpath(
        "//text()[not(ancestor::script) and not(ancestor::style)]"))


def _trafilatura(html: str, source: str, url: str | None):
    try:
        return trafilatura.bare_extraction(
            html, url=url, favor_precision=True, include_comments=False, deduplicate=False,
            with_metadata=True, include_tables=True,
            date_extraction_params={"original_date": True, "extensive_search": True,
                                    "outputformat": "%Y-%m-%d"})
    except Exception as e:  # trafilatura lets many lxml and parsing errors through
        log.warning("%s: trafilatura failed (%s: %s)", source, type(e).__name__, e)
        return None


def _readability(html: str, source: str):
    """readability-lxml's body as paragraphs, and its Document (for a title if needed)."""
    from readability import Document

    try:
        document = Document(html)
        summary = document.summary(html_partial=True)
    except Exception as e:  # readability raises bare Exceptions on unusual pages
        log.info("%s: readability failed (%s: %s)", source, type(e).__name__, e)
        return [], None
    if not summary or not summary.strip():
        return [], document
    try:
        # Usually a <div> fragment; for some pages a whole document (then take its body).
        root = lxml.html.fromstring(summary)
    except Exception:  # lxml raises ParserError, ValueError or AssertionError on odd fragments
        return [], document
    bodies = root.xpath("//body")
    return block_paragraphs(bodies[0] if bodies else root), document


def _readability_title(document, html: str) -> str | None:
    """readability's title, computed only when trafilatura found none (it re-parses the page)."""
    try:
        if document is None:
            from readability import Document

            document = Document(html)
        title = (document.short_title() or "").strip()
    except Exception:  # same bare Exceptions as above
        return None
    return None if not title or title.lower() in ("[no-title]", "no-title") else title


def block_paragraphs(root) -> list[str]:
    """The text of an HTML element split at block elements, whitespace folded."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(buf)).strip()
        buf.clear()
        text = re.sub(r"\s*\n\s*", " ", text)
        if text:
            out.append(text)

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS or not isinstance(el.tag, str):
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return out


def _without_leading_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop the headline when the body starts with it: it is the document's title, not its text."""
    if title and paragraphs and _fold(paragraphs[0]) == _fold(title):
        return paragraphs[1:]
    return paragraphs


def _paragraphs_of_lines(text: str) -> list[str]:
    return [p for p in (_SPACE.sub(" ", line).strip() for line in (text or "").split("\n")) if p]


def _standfirst(description: str | None, paragraphs: list[str], title: str | None,
                tree) -> tuple[str | None, list[str]]:
    """The page's description as its standfirst, and the body without it.

    Many sites fill their description with the lead paragraph, so a body that opens
    with the description keeps it, unless the page marks that text as a standfirst
    (see :func:`_marked_as_standfirst`): then it moves out of the body. A description
    that only repeats the title, copies the lead, or is too short to be a sentence
    is no standfirst.
    """
    if not description:
        return None, paragraphs
    desc = _SPACE.sub(" ", description).strip()
    fold = _fold(desc)
    if len(fold.split()) < 6 or (title and fold == _fold(title)):
        return None, paragraphs
    if paragraphs and _fold(paragraphs[0]) == fold:
        if _marked_as_standfirst(tree, fold):
            return desc, paragraphs[1:]
        return None, paragraphs
    if _fold(" ".join(paragraphs[:2])).startswith(fold[:120]):
        return None, paragraphs
    return desc, paragraphs


# Class or id words that news templates give a standfirst (dek, strapline, summary...).
_STANDFIRST_MARK = re.compile(
    r"stand-?first|\bdeck?\b|\bdek\b|sub-?title|sub-?head|strap|summary|\blede\b|excerpt|intro|teaser|"
    r"description|abstract|\bsapo\b|chapeau", re.I)


def _marked_as_standfirst(tree, folded_text: str) -> bool:
    """True when the element holding this text is marked as a standfirst by its class or id,
    or is the heading right after the page's <h1>."""
    for el in tree.iter("p", "div", "h2", "h3", "span", "section", "header"):
        if len(el) > 8 or _fold(el.text_content()) != folded_text:  # big containers are not it
            continue
        for node in (el, el.getparent()):
            if node is not None and _STANDFIRST_MARK.search(f"{node.get('class', '')} {node.get('id', '')}"):
                return True
        previous = el.getprevious()
        if el.tag in ("h2", "h3") and previous is not None and previous.tag == "h1":
            return True
    return False


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _published(tree, trafilatura_date: str | None, url: str | None) -> str | None:
    """Metadata datetime (keeps the time) > trafilatura/htmldate day > day in the URL."""
    declared = metadata_datetime(tree)
    if declared and ("T" in declared or not trafilatura_date):
        return declared
    if trafilatura_date:
        return normalise_iso(trafilatura_date) or declared
    return declared or url_date(url)


def _declared_language(tree) -> str | None:
    lang = tree.get("lang") or tree.get("xml:lang") if tree.tag == "html" else None
    if not lang:
        found = tree.xpath("//html/@lang")
        lang = found[0] if found else None
    return lang.split("-")[0].lower() if lang else None
