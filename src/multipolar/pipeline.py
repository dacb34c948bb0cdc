"""The one pipeline: pages -> article -> nlp -> actors -> coding -> Record.

The CLI, the web app, the batch job and the tests all call :func:`extract`
(or :func:`extract_pages` when they already hold pages).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice

from . import __version__
from .article import Article
from .errors import ExtractionError
from .model import Document, ErrorInfo, Record
from .pages import Page, page_to_article
from .settings import Settings

log = logging.getLogger(__name__)


def extract(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Record]:
    """Records for every document under ``paths`` (files, folders, WARCs, ``-``), in input order."""
    from .pages.files import iter_pages

    settings = settings or Settings()
    yield from extract_pages(iter_pages(paths, settings), settings)


def extract_text(content: str | bytes, source: str = "-", kind: str | None = None,
                 url: str | None = None, settings: Settings | None = None) -> Record:
    """The record of one page held in memory (text scrape or HTML)."""
    from .pages.files import sniff_kind

    data = content.encode("utf-8") if isinstance(content, str) else content
    page = Page(source, data, kind or sniff_kind(data), url=url)
    return next(extract_pages([page], settings))


def extract_pages(pages: Iterable[Page], settings: Settings | None = None) -> Iterator[Record]:
    settings = settings or Settings()
    stamp = settings.extracted_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    pages = iter(pages)
    while batch := list(islice(pages, settings.batch_size)):
        yield from _extract_batch(batch, settings, stamp)


def _error_record(source: str, url: str | None, err: ExtractionError, stamp: str) -> Record:
    return Record(document=Document(id="", source=source, text="", url=url),
                  coder_version=__version__, extracted_at=stamp,
                  error=ErrorInfo(err.stage, err.code, err.message))


def _extract_batch(pages: list[Page], settings: Settings, stamp: str) -> Iterator[Record]:
    from .nlp import load_nlp

    results: list[Record | Article] = []
    for page in pages:
        try:
            results.append(page_to_article(page))
        except ExtractionError as err:
            results.append(_error_record(page.source, page.url, err, stamp))
        except Exception as err:  # a reader tripping on odd input must not sink the batch
            log.exception("reading %s failed", page.source)
            results.append(_error_record(page.source, page.url, ExtractionError(
                "article", "parse", f"{page.source}: {type(err).__name__}: {err}"), stamp))
    articles = [r for r in results if isinstance(r, Article)]
    nlp = load_nlp(settings.spacy_model) if articles else None
    if nlp is not None:
        # spaCy refuses texts over nlp.max_length; say so for that document alone.
        for i, item in enumerate(results):
            if isinstance(item, Article) and len(item.text) > nlp.max_length:
                results[i] = _error_record(item.source, item.url, ExtractionError(
                    "nlp", "too_large", f"{item.source}: {len(item.text)} characters of text is over the "
                                        f"language model's limit of {nlp.max_length}"), stamp)
        articles = [r for r in results if isinstance(r, Article)]
    docs = iter(nlp.pipe(a.text for a in articles)) if nlp else iter(())
    done = 0
    for item in results:
        if isinstance(item, Record):
            yield item
            continue
        done += 1
        try:
            doc = next(docs)
        except Exception as e:  # a model failure must not sink the batch
            yield _error_record(item.source, item.url, ExtractionError("nlp", "nlp", str(e)), stamp)
            # a generator that raised is finished: go on with a fresh one for the rest
            docs = iter(nlp.pipe(a.text for a in articles[done:]))
            continue
        yield _code_article(item, doc, nlp, stamp)


def _code_article(article: Article, doc, nlp, stamp: str) -> Record:
    from .actors import get_resolver
    from .coding import CodingContext, code_document

    document = Document(id=article.id, source=article.source, text=article.text,
                        title=article.title, subtitle=article.subtitle, byline=article.byline,
                        published=article.published, language=article.language,
                        cleaning=dict(article.cleaning), url=article.url)
    try:
        resolution = get_resolver().resolve(doc, article.published)
        coded = code_document(CodingContext(article, doc, resolution, nlp))
    except Exception as e:
        log.exception("coding failed on %s", article.source)
        return Record(document=Document(id=document.id, source=article.source, text="", url=article.url),
                      coder_version=__version__, extracted_at=stamp,
                      error=ErrorInfo("coding", "coding", f"{type(e).__name__}: {e}"))
    return Record(document=document, coder_version=__version__, extracted_at=stamp,
                  actors=resolution.actors, events=coded.events, agreements=coded.agreements,
                  claims=coded.claims, quotes=coded.quotes, flags=coded.flags)
