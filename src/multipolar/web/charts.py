"""Charts drawn as SVG on the server: the event timeline, the agreement network, polarity.

No chart library: each function lays out what a query returned and writes SVG
elements with data-* attributes, so the page works without JS and tests can read
the numbers back from the DOM.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from .render import plover_side, plover_sides

# Cooperative types in greens/blues, conflictual in oranges/reds (ColorBrewer-like hues).
PLOVER_COLOURS = {
    "AGREE": "#9ecae1", "CONSULT": "#6baed6", "SUPPORT": "#3182bd", "CONCEDE": "#c7e9c0",
    "COOPERATE": "#74c476", "AID": "#31a354", "RETREAT": "#006d2c",
    "REQUEST": "#fdd0a2", "ACCUSE": "#fdae6b", "REJECT": "#fd8d3c", "THREATEN": "#e6550d",
    "PROTEST": "#fcbba1", "SANCTION": "#fb6a4a", "MOBILIZE": "#de2d26", "COERCE": "#a50f15",
    "ASSAULT": "#67000d",
}
BLOC_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
                "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f")
UNALIGNED = "#bbbbbb"


def bloc_colour(bloc: int | None) -> str:
    return UNALIGNED if bloc is None or bloc < 0 else BLOC_COLOURS[bloc % len(BLOC_COLOURS)]


def _attr(value: object) -> str:
    return str(escape(str(value)))


@dataclass
class WeekCounts:
    week: str  # ISO date of the week's Monday
    counts: dict[str, int]  # PLOVER type -> events


DEFAULT_WEEKS = 156  # three years of weekly bars fit a page; older weeks need a date filter


def chart_window(weeks: Sequence[WeekCounts], max_weeks: int = DEFAULT_WEEKS) -> tuple[list[WeekCounts], int]:
    """The last ``max_weeks`` weeks up to the latest one, every week present (empty ones too),
    so the time axis is even; and how many events fall before that window (not charted)."""
    if not weeks:
        return [], 0
    try:
        last = date.fromisoformat(weeks[-1].week)
    except ValueError:
        return list(weeks[-max_weeks:]), sum(sum(w.counts.values()) for w in weeks[:-max_weeks])
    first = max(date.fromisoformat(weeks[0].week), last - timedelta(weeks=max_weeks - 1))
    have = {w.week: w for w in weeks}
    span = (last - first).days // 7 + 1
    shown = [have.get(d, WeekCounts(d, {})) for d in
             ((first + timedelta(weeks=i)).isoformat() for i in range(span))]
    hidden = sum(sum(w.counts.values()) for w in weeks if w.week < first.isoformat())
    return shown, hidden


def timeline_svg(weeks: Sequence[WeekCounts], width: int = 720, height: int = 220) -> Markup:
    """Stacked bars per week: cooperative types above the axis, conflictual below.

    ``weeks`` should be consecutive (see :func:`chart_window`); each gets one slot."""
    if not weeks:
        return Markup('<p class="empty">No dated events to chart.</p>')
    order = list(plover_sides())
    up = [sum(c for p, c in w.counts.items() if plover_side(p) == "cooperative") for w in weeks]
    down = [sum(c for p, c in w.counts.items() if plover_side(p) == "conflictual") for w in weeks]
    top, bottom = max(up + [1]), max(down + [1])
    pad_l, pad_b, pad_t = 36, 22, 10
    plot_h = height - pad_b - pad_t
    axis_y = pad_t + plot_h * top / (top + bottom)
    scale = plot_h / (top + bottom)
    step = (width - pad_l - 4) / len(weeks)
    bar_w = max(1.0, step * 0.8)
    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="events per week by PLOVER type" xmlns="http://www.w3.org/2000/svg">']
    out.append(f'<line class="axis" x1="{pad_l}" x2="{width}" y1="{axis_y:.1f}" y2="{axis_y:.1f}" stroke="#444"/>')
    out.append(f'<text x="2" y="{pad_t + 10}" font-size="10">+{top}</text>')
    out.append(f'<text x="2" y="{height - pad_b}" font-size="10">-{bottom}</text>')
    for i, w in enumerate(weeks):
        x = pad_l + i * step
        above = below = 0.0
        for plover in order + sorted(set(w.counts) - set(order)):
            n = w.counts.get(plover, 0)
            if not n:
                continue
            side = plover_side(plover)
            h = n * scale
            if side == "conflictual":
                y = axis_y + below
                below += h
            else:
                above += h
                y = axis_y - above
            out.append(
                f'<rect class="bar {side}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{PLOVER_COLOURS.get(plover, "#999")}" data-week="{_attr(w.week)}" '
                f'data-plover="{_attr(plover)}" data-count="{n}"><title>{escape(w.week)}: {n} '
                f'{escape(plover)}</title></rect>')
    label_every = max(1, len(weeks) // 6)
    for i in range(0, len(weeks), label_every):
        x = pad_l + i * step
        out.append(f'<text x="{x:.1f}" y="{height - 6}" font-size="10">{escape(weeks[i].week)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def plover_legend() -> Markup:
    items = [f'<span class="swatch" style="background:{PLOVER_COLOURS[p]}"></span>{p}'
             for p in plover_sides() if p in PLOVER_COLOURS]
    return Markup('<div class="legend">' + " ".join(f"<span>{i}</span>" for i in items) + "</div>")


@dataclass
class NetNode:
    id: str
    label: str
    bloc: int | None = None


@dataclass
class NetEdge:
    a: str
    b: str
    weight: float
    signed: str | None = None
    label: str = ""


def network_svg(nodes: Sequence[NetNode], edges: Sequence[NetEdge], size: int = 520,
                labels: bool = True, link: str | None = "/actors/") -> Markup:
    """States on a circle, grouped by bloc so a bloc sits together; edge width follows weight."""
    if not nodes:
        return Markup('<p class="empty">No agreements between states yet.</p>')
    ordered = sorted(nodes, key=lambda n: (n.bloc if n.bloc is not None else 1 << 30, n.id))
    centre, radius = size / 2, size / 2 - (60 if labels else 12)
    pos = {}
    for i, node in enumerate(ordered):
        angle = 2 * math.pi * i / len(ordered) - math.pi / 2
        pos[node.id] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle), angle)
    heaviest = max((e.weight for e in edges), default=1.0) or 1.0
    out = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" '
           f'aria-label="states linked by agreements" xmlns="http://www.w3.org/2000/svg">']
    for e in edges:
        if e.a not in pos or e.b not in pos:
            continue
        (x1, y1, _), (x2, y2, _) = pos[e.a], pos[e.b]
        width = 1 + 5 * e.weight / heaviest
        out.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="#666" stroke-opacity="0.6" stroke-width="{width:.1f}" '
                   f'data-a="{_attr(e.a)}" data-b="{_attr(e.b)}" data-weight="{e.weight:g}" '
                   f'data-signed="{_attr(e.signed or "")}"><title>{escape(e.a)}–{escape(e.b)}: '
                   f'{escape(e.label or "")} (weight {e.weight:g})</title></line>')
    r = 9 if labels else 5
    for node in ordered:
        x, y, angle = pos[node.id]
        colour = bloc_colour(node.bloc)
        circle = (f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}" '
                  f'data-id="{_attr(node.id)}" data-bloc="{_attr("" if node.bloc is None else node.bloc)}">'
                  f'<title>{escape(node.label)} (bloc {escape("-" if node.bloc is None else node.bloc)})</title>'
                  f'</circle>')
        if labels:
            lx, ly = x + 16 * math.cos(angle), y + 16 * math.sin(angle)
            anchor = "start" if math.cos(angle) >= 0 else "end"
            circle += (f'<text x="{lx:.1f}" y="{ly + 4:.1f}" font-size="12" text-anchor="{anchor}">'
                       f'{escape(node.id)}</text>')
        if link:
            circle = f'<a href="{_attr(link + node.id)}">{circle}</a>'
        out.append(circle)
    out.append("</svg>")
    return Markup("".join(out))


def polarity_svg(points: Sequence[tuple[str, float]], width: int = 520, height: int = 160) -> Markup:
    """The polarity index over time as a line with a dot per measurement."""
    if not points:
        return Markup('<p class="empty">No polarity measurements yet.</p>')
    pad_l, pad_b, pad_t = 36, 22, 10
    hi = max(1.0, max(v for _, v in points))
    step = (width - pad_l - 10) / max(1, len(points) - 1)
    coords = [(pad_l + i * step, pad_t + (height - pad_b - pad_t) * (1 - v / hi)) for i, (_, v) in enumerate(points)]
    out = [f'<svg class="polarity" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="polarity index over time" xmlns="http://www.w3.org/2000/svg">',
           f'<line x1="{pad_l}" x2="{width}" y1="{height - pad_b}" y2="{height - pad_b}" stroke="#444"/>',
           f'<text x="2" y="{pad_t + 10}" font-size="10">{hi:.2f}</text>',
           f'<text x="2" y="{height - pad_b}" font-size="10">0</text>']
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        out.append(f'<polyline points="{path}" fill="none" stroke="#3182bd" stroke-width="2"/>')
    for (x, y), (when, v) in zip(coords, points, strict=True):
        out.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#3182bd" '
                   f'data-date="{_attr(when)}" data-value="{v:.4f}"><title>{escape(when)}: {v:.3f}</title></circle>')
    every = max(1, len(points) // 5)
    for i in range(0, len(points), every):
        out.append(f'<text x="{coords[i][0]:.1f}" y="{height - 6}" font-size="10">{escape(points[i][0])}</text>')
    out.append("</svg>")
    return Markup("".join(out))
