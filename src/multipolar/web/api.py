"""The JSON API under /api: read endpoints open, POST /api/documents behind the bearer token.

Every route parses its parameters, calls one query function of :mod:`multipolar.analysis`
and returns its answer; lists come as ``{"items", "limit", "offset", "next_offset"}``.

Why the read routes are ``async`` and return ready-made JSON (see docs/web.md, "Latency"): their
queries are indexed and take well under a millisecond to a few, so the event loop runs them
itself. A plain ``def`` route would cost two hand-offs to a worker thread per request (the call,
then FastAPI's validation of the returned dict), and under many concurrent clients each
hand-off waits for the GIL behind the loop's own work: that, not the queries, was most of the
latency. Whole-store aggregates are answered inline when the answer cache has them; a miss
(the first request after the store changed) is computed on a worker thread so that it does not
stall the loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic_core import to_json

from .. import analysis
from ..analysis import browse
from ..model import CLAIM_TOPICS
from . import params
from .auth import require_token
from .errors import ApiError
from .render import plover_sides
from .submit import Submission, run_submission

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=200, description="items per page (1-200)")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
DateParam = Annotated[str | None, Query(max_length=10, description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD")]
ActorParam = Annotated[str | None, Query(max_length=20, description="actor or country code, e.g. RUS, IRNGOV")]


def store_of(request: Request):
    return request.app.state.store.reader()


def cached(request: Request, fn, *args, **kwargs):
    """A whole-store aggregate through the answer cache (dropped when the store changes)."""
    return request.app.state.store.cached(fn, *args, **kwargs)


async def cached_async(request: Request, fn, *args, **kwargs):
    """:func:`cached` for async routes: a hit is answered inline, a miss computed on a worker thread."""
    hit, answer = request.app.state.store.cached_now(fn, *args, **kwargs)
    if hit:
        return answer
    return await run_in_threadpool(request.app.state.store.cached, fn, *args, **kwargs)


def as_json(content: Any, status_code: int = 200) -> Response:
    """The answer serialised once, by pydantic-core (several times faster than ``json.dumps``);
    returning a Response also skips FastAPI's re-validation of the returned dict."""
    return Response(to_json(content), status_code=status_code, media_type="application/json")


def _actor_or_404(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except analysis.UnknownActor as e:
        raise ApiError(404, str(e), code="unknown_actor") from e


async def _actor_or_404_async(awaitable):
    try:
        return await awaitable
    except analysis.UnknownActor as e:
        raise ApiError(404, str(e), code="unknown_actor") from e


@router.get("/documents", summary="Stored documents, most recently stored first")
async def list_documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    rows = browse.documents_page(store_of(request), limit=limit, offset=offset)
    return as_json(params.page_of(rows, limit, offset).to_dict())


@router.get("/documents/{doc_id}", summary="One document with everything coded from it (SPEC shape)")
async def get_document(request: Request, doc_id: str) -> Response:
    if len(doc_id) > 64:
        raise ApiError(422, "document id is at most 64 characters")
    found = analysis.document(store_of(request), doc_id)
    if found is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    return as_json(found)


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)],
             summary="Submit a page (text, HTML, an upload or a URL); runs the pipeline and stores the record",
             responses={401: {"description": "missing or wrong bearer token"},
                        413: {"description": "body over the upload limit"},
                        415: {"description": "unsupported content type"},
                        422: {"description": "nothing to extract, or bad fields"}})
async def post_document(request: Request) -> JSONResponse:
    sub = await submission_from_request(request)
    config = request.app.state.config
    record = await run_in_threadpool(run_submission, sub, request.app.state.store, config)
    body = record.to_dict()
    if record.error is not None:
        return JSONResponse(body, status_code=422)
    return JSONResponse({"stored": True, "id": record.document.id, "url": f"/documents/{record.document.id}",
                         "record": body}, status_code=201)


async def submission_from_request(request: Request) -> Submission:
    """JSON ``{"text"|"html"|"url", "source"?}``, a multipart form (``file``/``text``/``url``),
    or a raw ``text/html`` / ``text/plain`` body."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            data = await request.json()
        except ValueError as e:
            raise ApiError(422, "the body is not valid JSON") from e
        if not isinstance(data, dict):
            raise ApiError(422, 'send a JSON object such as {"text": "..."}')
        unknown = set(data) - {"text", "html", "url", "source"}
        if unknown:
            raise ApiError(422, f"unknown fields: {', '.join(sorted(unknown))}")
        for key in ("text", "html", "url", "source"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ApiError(422, f"{key} must be a string")
        if data.get("text") and data.get("html"):
            raise ApiError(422, "send text or html, not both")
        body = data.get("html") or data.get("text")
        kind = "html" if data.get("html") else ("text" if data.get("text") else None)
        return Submission(body.encode("utf-8") if body else None, kind, data.get("url") or None, data.get("source"))
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.form()
        return await submission_from_form(form)
    if ctype in ("text/html", "text/plain"):
        return Submission(await request.body(), "html" if ctype == "text/html" else "text")
    raise ApiError(415, "send application/json, multipart/form-data, text/html or text/plain")


async def submission_from_form(form) -> Submission:
    upload = form.get("file")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        name = upload.filename.lower()
        if not name.endswith((".html", ".htm", ".txt", ".text")):
            raise ApiError(415, "upload a saved page: .html, .htm or .txt")
        data = await upload.read()
        return Submission(data, "text" if name.endswith((".txt", ".text")) else "html", None, upload.filename)
    text = form.get("text") or form.get("html")
    url = form.get("url") or None
    if text and isinstance(text, str) and text.strip():
        return Submission(text.encode("utf-8"), None, url, None)
    return Submission(None, None, url if isinstance(url, str) else None, None)


@router.get("/actors", summary="Actors seen in the store, by code")
async def list_actors(request: Request, prefix: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z0-9]*$")] = None,
                      limit: Limit = 50, offset: Offset = 0) -> Response:
    rows = browse.actors_page(store_of(request), prefix=prefix, limit=limit, offset=offset)
    return as_json(params.page_of(rows, limit, offset).to_dict())


@router.get("/actors/{actor}", summary="One actor (code or known name)")
async def get_actor(request: Request, actor: str) -> Response:
    if len(actor) > 60:
        raise ApiError(422, "actor is at most 60 characters")
    return as_json(_actor_or_404(browse.actor_info, store_of(request), actor))


@router.get("/events", summary="Event clusters with corroboration counts and evidence (by date with actor/dyad, else most recently stored first)")
async def list_events(request: Request, actor: ActorParam = None,
                      dyad: Annotated[str | None, Query(max_length=41, description="two codes, e.g. RUS,IRN")] = None,
                      type: Annotated[str | None, Query(max_length=12, description="PLOVER type, e.g. SUPPORT")] = None,
                      since: DateParam = None, until: DateParam = None,
                      limit: Limit = 50, offset: Offset = 0) -> Response:
    a = params.actor_code(actor)
    pair = params.dyad(dyad)
    if a and pair:
        raise ApiError(422, "give actor or dyad, not both")
    plover = params.choice(type, tuple(plover_sides()), "type")
    lo, hi = params.iso_date(since, "since"), params.iso_date(until, "until")
    first, second = pair if pair else (a, None)
    rows = _actor_or_404(browse.event_clusters, store_of(request), actor=first, other=second, plover=plover,
                         since=lo, until=hi, limit=limit, offset=offset)
    return as_json(params.page_of(rows, limit, offset).to_dict())


@router.get("/timeline", summary="Timeline of an actor or dyad: monthly counts, weekly PLOVER counts, clusters")
async def get_timeline(request: Request, actor: Annotated[str, Query(max_length=20)],
                       other: ActorParam = None, since: DateParam = None, until: DateParam = None,
                       limit: Limit = 50, offset: Offset = 0) -> Response:
    a, b = params.actor_code(actor), params.actor_code(other, "other")
    lo, hi = params.iso_date(since, "since"), params.iso_date(until, "until")
    # the counts and weeks are aggregates, cached until the store changes, and cached already
    # serialised (the weeks of a busy actor are ~80 KB of JSON); the clusters are a plain page
    head = await _actor_or_404_async(cached_async(request, timeline_head, a, b, since=lo, until=hi))
    rows = browse.event_clusters(store_of(request), actor=a, other=b, since=lo, until=hi,
                                 limit=limit, offset=offset)
    page = to_json(params.page_of(rows, limit, offset).to_dict())
    return Response(head + b"," + page[1:], media_type="application/json")


def timeline_head(store, actor: str, other: str | None, *, since: str | None, until: str | None) -> bytes:
    """The aggregate part of a timeline answer as JSON object members without the closing brace
    (``{"actors": ..., "total_events": ..., "counts": ..., "weeks": ...``), ready to splice."""
    counts = analysis.timeline(store, actor, other, since=since, until=until, limit=0, offset=0)
    weeks = browse.weekly_counts(store, actor, other, since=since, until=until)
    head = to_json({"actors": counts["actors"], "total_events": counts["total_events"],
                    "counts": counts["counts"], "weeks": weeks})
    return head[:-1]


@router.get("/agreements", summary="Merged agreements (all, or those of one country)")
async def list_agreements(request: Request, actor: ActorParam = None, limit: Limit = 50,
                          offset: Offset = 0) -> Response:
    a = params.actor_code(actor)
    store = store_of(request)
    if a:
        out = _actor_or_404(analysis.agreements_of, store, a, limit=limit + 1, offset=offset)
        rows = out["agreements"]
    else:
        rows = browse.agreements_page(store, limit=limit, offset=offset)
    return as_json(params.page_of(rows, limit, offset).to_dict())


@router.get("/agreements/{agreement_id}", summary="One agreement: merged provisions, reports, conflicts")
async def get_agreement(request: Request, agreement_id: int) -> Response:
    found = analysis.agreement(store_of(request), agreement_id)
    if found is None:
        raise ApiError(404, f"no agreement with id {agreement_id}")
    return as_json(found)


@router.get("/compare", summary="Two agreements' provisions side by side")
async def compare(request: Request,
                  a: Annotated[str, Query(max_length=80, description="agreement id, parties (RUS-IRN) or name words")],
                  b: Annotated[str, Query(max_length=80)]) -> Response:
    try:
        return as_json(analysis.treaty_compare(store_of(request), a, b))
    except analysis.AgreementNotFound as e:
        raise ApiError(404, str(e), code="unknown_agreement") from e


@router.get("/obligations", summary="Who must do what under stored agreements if ATTACKER attacks ATTACKED")
async def obligations(request: Request, attacker: Annotated[str, Query(max_length=20)],
                      attacked: Annotated[str, Query(max_length=20)], on: DateParam = None) -> Response:
    x, y = params.actor_code(attacker, "attacker"), params.actor_code(attacked, "attacked")
    on_day = params.iso_date(on, "on")
    return as_json(await _actor_or_404_async(cached_async(request, analysis.treaty_obligations, x, y, on=on_day)))


@router.get("/claims", summary="Claims about (or by) an actor with every response")
async def list_claims(request: Request, actor: Annotated[str, Query(max_length=20)],
                      role: Annotated[str, Query(pattern="^(subject|claimant|any)$")] = "subject",
                      topic: Annotated[str | None, Query(max_length=20)] = None,
                      limit: Limit = 50, offset: Offset = 0) -> Response:
    a = params.actor_code(actor)
    t = params.choice(topic, CLAIM_TOPICS, "topic")
    out = _actor_or_404(analysis.claims_about, store_of(request), a, role=role, topic=t,
                        limit=limit + 1, offset=offset)
    page = params.page_of(out["claims"], limit, offset).to_dict()
    return as_json({"actor": out["actor"], "total": out["total"], **page})


@router.get("/alerts", summary="Alerts fired by `multipolar watch` rules, newest first (empty on a store never watched)")
async def list_alerts(request: Request, rule: Annotated[str | None, Query(max_length=100, description="one rule's alerts")] = None,
                      limit: Limit = 50, offset: Offset = 0) -> Response:
    rows = browse.alerts_page(store_of(request), rule=rule or None, limit=limit, offset=offset)
    return as_json(params.page_of(rows, limit, offset).to_dict())


@router.get("/search", summary="Full-text search over evidence sentences")
async def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
                 order: Annotated[str, Query(pattern="^(rank|recent)$")] = "rank",
                 limit: Limit = 20, offset: Offset = 0) -> Response:
    # BM25 over the newest matches costs a few ms of SQLite time (which releases the GIL): a miss
    # runs on a worker thread; the answer is kept until the store changes (pages 2, 3... and
    # popular queries are asked again)
    out = await cached_async(request, analysis.search, q, limit=limit + 1, offset=offset, order=order)
    page = params.page_of(out["hits"], limit, offset).to_dict()
    return as_json({"query": out["query"], "fts_query": out["fts_query"], **page})


@router.get("/network", summary="States linked by agreements, with blocs and the polarity index")
async def get_network(request: Request, on: DateParam = None, since: DateParam = None,
                      min_weight: Annotated[float, Query(ge=0, le=1000)] = 0.0) -> Response:
    return as_json(await cached_async(request, analysis.network, on=params.iso_date(on, "on"),
                                      since=params.iso_date(since, "since"), min_weight=min_weight))


@router.get("/blocs", summary="The network's blocs (Louvain communities) and each one's share")
async def get_blocs(request: Request, on: DateParam = None) -> Response:
    net = await cached_async(request, analysis.network, on=params.iso_date(on, "on"), since=None, min_weight=0.0)
    return as_json({"on": net["on"], "blocs": net["blocs"], "polarity": net["polarity"]})


@router.get("/polarity", summary="The polarity index (effective number of poles) year by year")
async def get_polarity(request: Request, start_year: Annotated[int | None, Query(ge=1800, le=2200)] = None,
                       end_year: Annotated[int | None, Query(ge=1800, le=2200)] = None) -> Response:
    if start_year and end_year and end_year < start_year:
        raise ApiError(422, "end_year is before start_year")
    if start_year and end_year and end_year - start_year > 300:
        raise ApiError(422, "ask for at most 300 years")
    return as_json(await cached_async(request, analysis.polarity, start_year=start_year, end_year=end_year))


@router.get("/overview", summary="What the store holds: counts, busiest actors and dyads, recent documents")
async def get_overview(request: Request) -> Response:
    return as_json(await cached_async(request, analysis.overview))
