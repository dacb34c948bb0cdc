"""Server-rendered pages (Jinja2). Each route parses, calls the store's queries and renders.

Pages: home, article, actor, dyad, agreement, compare, obligations, network, alerts, search, submit.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from .. import __version__, analysis
from ..analysis import browse
from ..model import PROVISION_KEYS
from . import params
from .api import cached, submission_from_form
from .auth import check_token
from .charts import (
    NetEdge,
    NetNode,
    WeekCounts,
    chart_window,
    network_svg,
    plover_legend,
    polarity_svg,
    timeline_svg,
)
from .errors import ApiError
from .render import highlighted_fields
from .submit import run_submission

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

DateParam = Annotated[str | None, Query(max_length=10)]


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, {"version": __version__, **context}, status_code=status)


def store_of(request: Request):
    return request.app.state.store.reader()


def _known_actor(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except analysis.UnknownActor as e:
        raise ApiError(404, str(e), code="unknown_actor") from e


def network_parts(net: dict[str, Any]) -> tuple[list[NetNode], list[NetEdge]]:
    nodes = [NetNode(n["id"], n.get("name") or n["id"], n.get("bloc")) for n in net["nodes"]]
    edges = [NetEdge(e["a"], e["b"], e["weight"], None, f"{e['n_agreements']} agreement(s)") for e in net["edges"]]
    return nodes, edges


@router.get("/")
def home(request: Request) -> HTMLResponse:
    store = store_of(request)
    recent = browse.event_clusters(store, limit=10)[:10]
    net = cached(request, analysis.network, on=None, since=None, min_weight=0.0)
    nodes, edges = network_parts(net)
    docs = browse.documents_page(store, limit=10)[:10]
    return render(request, "home.html", {"recent": recent, "documents": docs,
                                         "thumb": network_svg(nodes, edges, size=300, labels=False, link=None),
                                         "net": net})


@router.get("/documents/{doc_id}")
def article(request: Request, doc_id: str,
            alert: Annotated[int | None, Query(ge=1, description="an alert whose evidence to highlight")] = None,
            ) -> HTMLResponse:
    store = store_of(request)
    record = analysis.document(store, doc_id[:64])
    if record is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    shown = browse.alert(store, alert) if alert else None
    if shown is not None and shown["document"]["id"] != record["document"]["id"]:
        shown = None  # an alert about another document: nothing of it to mark here
    return render(request, "article.html", {
        "record": record, "doc": record["document"], "fields": highlighted_fields(record, shown),
        "alert": shown, "agreement_ids": [a.get("agreement") for a in record["agreements"]]})


def _actor_context(request: Request, a: str, b: str | None, since: str | None, until: str | None,
                   offset: int) -> dict[str, Any]:
    store = store_of(request)
    limit = 25
    tl = _known_actor(cached, request, analysis.timeline, a, b, since=since, until=until, limit=0, offset=0)
    rows = browse.event_clusters(store, actor=a, other=b, since=since, until=until, limit=limit, offset=offset)
    page = params.page_of(rows, limit, offset)
    weeks = cached(request, browse.weekly_counts, a, b, since=since, until=until)
    first = tl["actors"][0]
    agreements = analysis.agreements_of(store, first["code"], limit=100)["agreements"]
    if b:
        other = tl["actors"][1]["country"]
        agreements = [g for g in agreements if other in g["parties"]]
    claims = analysis.claims_about(store, first["code"], role="any", limit=50)["claims"]
    if b:
        other = tl["actors"][1]["country"]
        claims = [c for c in claims if other in (c["claimant"], c["subject"])]
    # by default the last three years; an explicit period may chart up to ten
    shown, hidden = chart_window([WeekCounts(w["week"], w["counts"]) for w in weeks],
                                 520 if since or until else 156)
    return {"actors": tl["actors"], "total_events": tl["total_events"], "page": page,
            "chart": timeline_svg(shown), "legend": plover_legend(), "n_weeks": len(shown),
            "hidden_events": hidden, "first_week": shown[0].week if shown else None,
            "agreements": agreements, "claims": claims,
            "since": since or "", "until": until or ""}


@router.get("/actors/{actor}")
def actor_page(request: Request, actor: str, since: DateParam = None, until: DateParam = None,
               offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0):
    if not params.ACTOR_CODE.match(actor.strip().upper()) or len(actor) > 15:
        # a name ("Russia", "the Kremlin"): resolve it, then show the code's page
        found = _known_actor(browse.actor_info, store_of(request), actor[:60])
        return RedirectResponse(f"/actors/{found['code']}", status_code=303)
    a = params.actor_code(actor)
    ctx = _actor_context(request, a, None, params.iso_date(since, "since"), params.iso_date(until, "until"), offset)
    return render(request, "actor.html", {**ctx, "base": f"/actors/{a}"})


@router.get("/dyads/{a}/{b}")
def dyad_page(request: Request, a: str, b: str, since: DateParam = None, until: DateParam = None,
              offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
    x, y = params.actor_code(a), params.actor_code(b)
    ctx = _actor_context(request, x, y, params.iso_date(since, "since"), params.iso_date(until, "until"), offset)
    return render(request, "actor.html", {**ctx, "base": f"/dyads/{x}/{y}"})


def provision_rows(found: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per SPEC provision key: the merged value and each reporting source's value."""
    rows = []
    for key in PROVISION_KEYS:
        merged = found["provisions"].get(key)
        rows.append({"key": key, "value": merged["value"] if merged else "unknown",
                     "n_present": merged["n_present"] if merged else 0,
                     "n_absent": merged["n_absent"] if merged else 0,
                     "reports": merged["reports"] if merged else []})
    return rows


@router.get("/agreements/{agreement_id}")
def agreement_page(request: Request, agreement_id: int) -> HTMLResponse:
    found = analysis.agreement(store_of(request), agreement_id)
    if found is None:
        raise ApiError(404, f"no agreement with id {agreement_id}")
    sources = []
    for rep in found["reports"]:
        doc = rep["evidence"]["document"]
        if doc["id"] not in [s["id"] for s in sources]:
            sources.append(doc)
    rows = provision_rows(found)
    for row in rows:
        by_doc = {}
        for rep in row["reports"]:
            by_doc.setdefault(rep["evidence"]["document"]["id"], rep)
        row["by_source"] = [by_doc.get(s["id"]) for s in sources]
    others = browse.agreements_page(store_of(request), limit=100)[:100]
    return render(request, "agreement.html", {"g": found, "rows": rows, "sources": sources,
                                              "others": [o for o in others if o["id"] != agreement_id]})


@router.get("/compare")
def compare_page(request: Request, a: Annotated[str | None, Query(max_length=80)] = None,
                 b: Annotated[str | None, Query(max_length=80)] = None) -> HTMLResponse:
    store = store_of(request)
    choices = browse.agreements_page(store, limit=200)[:200]
    result = None
    if a and b:
        try:
            result = analysis.treaty_compare(store, a, b)
        except analysis.AgreementNotFound as e:
            raise ApiError(404, str(e), code="unknown_agreement") from e
    return render(request, "compare.html", {"choices": choices, "a": a or "", "b": b or "", "result": result})


@router.get("/obligations")
def obligations_page(request: Request, attacker: Annotated[str | None, Query(max_length=20)] = None,
                     attacked: Annotated[str | None, Query(max_length=20)] = None,
                     on: DateParam = None) -> HTMLResponse:
    result = None
    x, y = params.actor_code(attacker, "attacker"), params.actor_code(attacked, "attacked")
    if x and y:
        result = _known_actor(cached, request, analysis.treaty_obligations, x, y, on=params.iso_date(on, "on"))
    return render(request, "obligations.html", {"attacker": x or "", "attacked": y or "", "on": on or "",
                                                "result": result})


def _months(first_year: int, last_year: int) -> list[str]:
    return [f"{y:04d}-{m:02d}" for y in range(first_year, last_year + 1) for m in range(1, 13)]


@router.get("/network")
def network_page(request: Request, at: DateParam = None) -> HTMLResponse:
    on = params.iso_date(at, "at")
    net = cached(request, analysis.network, on=on, since=None, min_weight=0.0)
    nodes, edges = network_parts(net)
    pol = cached(request, analysis.polarity, start_year=None, end_year=None)
    years = [y["year"] for y in pol["years"]]
    months = _months(years[0], years[-1]) if years else []
    position = months.index(on[:7]) if on and on[:7] in months else len(months) - 1
    points = [(str(y["year"]), y["effective_poles"]) for y in pol["years"] if y["effective_poles"] is not None]
    return render(request, "network.html", {
        "net": net, "svg": network_svg(nodes, edges), "months": months, "position": position, "at": on or "",
        "polarity": pol, "polarity_svg": polarity_svg(points)})


@router.get("/alerts")
def alerts_page(request: Request, rule: Annotated[str | None, Query(max_length=100)] = None,
                offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
    limit = 50
    rows = browse.alerts_page(store_of(request), rule=rule or None, limit=limit, offset=offset)
    page = params.page_of(rows, limit, offset)
    return render(request, "alerts.html", {"page": page.to_dict(), "rule": rule or ""})


@router.get("/search")
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                offset: Annotated[int, Query(ge=0, le=10_000)] = 0) -> HTMLResponse:
    limit = 20
    page = None
    if q.strip():
        out = cached(request, analysis.search, q, limit=limit + 1, offset=offset, order="rank")
        page = params.page_of(out["hits"], limit, offset)
    return render(request, "search.html", {"q": q, "page": page.to_dict() if page else {"items": []}})


def _submit_context(request: Request, **extra: Any) -> dict[str, Any]:
    config = request.app.state.config
    return {"writes_enabled": bool(config.token), "max_kb": config.max_upload_bytes // 1024, "form": {},
            "error": None, **extra}


@router.get("/submit")
def submit_form(request: Request) -> HTMLResponse:
    return render(request, "submit.html", _submit_context(request))


@router.post("/submit")
async def submit_post(request: Request):
    form = await request.form()
    token = form.get("token")
    keep = {"text": form.get("text") or "", "url": form.get("url") or ""}
    try:
        check_token(request, token if isinstance(token, str) else None)
        sub = await submission_from_form(form)
        record = await run_in_threadpool(run_submission, sub, request.app.state.store, request.app.state.config)
    except ApiError as e:
        return render(request, "submit.html", _submit_context(request, form=keep, error=e.message), status=e.status)
    if record.error is not None:
        message = f"the page could not be extracted ({record.error.stage}/{record.error.code}): {record.error.message}"
        return render(request, "submit.html", _submit_context(request, form=keep, error=message), status=422)
    return RedirectResponse(f"/documents/{record.document.id}", status_code=303)
