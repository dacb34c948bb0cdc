"""Presentation helpers: evidence highlighting and the server-drawn SVG charts."""

from __future__ import annotations

import re

from multipolar.web.charts import (
    NetEdge,
    NetNode,
    WeekCounts,
    chart_window,
    network_svg,
    polarity_svg,
    timeline_svg,
)
from multipolar.web.render import Span, highlight_segments, highlighted_fields, plover_side, segments_html
from web_fixtures import fixture_dicts


def test_highlight_segments_cover_text_and_keep_offsets():
    text = "Alpha signed. Beta refused. Gamma."
    spans = [Span(0, 13, "event", "event-0"), Span(0, 5, "quote", "quote-0"), Span(14, 27, "claim", "claim-0")]
    segs = highlight_segments(text, spans)
    assert "".join(s.text for s in segs) == text
    first = segs[0]
    assert first.text == "Alpha" and first.kinds == ["event", "quote"] and first.anchor == "text-0"
    assert [s.kinds for s in segs if s.text == "Beta refused."] == [["claim"]]
    assert segs[-1].kinds == []  # " Gamma." is not evidence


def test_highlight_ignores_spans_outside_the_text_and_escapes_html():
    html = str(segments_html(highlight_segments("<b>x</b>", [Span(3, 4, "event", "event-0"), Span(5, 99, "flag", "f")])))
    assert "&lt;b&gt;" in html and '<mark class="hl hl-event" id="text-3" data-refs="event-0">x</mark>' in html
    assert "hl-flag" not in html


def test_every_fixture_evidence_sentence_is_highlighted():
    record = fixture_dicts()[0]
    html = str(highlighted_fields(record)["text"])
    marks = re.findall(r'<mark class="([^"]+)"[^>]*>', html)
    assert any("hl-provision" in m for m in marks) and any("hl-quote" in m for m in marks)
    for e in record["events"]:
        assert f'id="text-{e["evidence"]["start"]}"' in html
    assert 'id="subtitle-' in str(highlighted_fields(record)["subtitle"])  # the flag on the standfirst


def test_plover_sides_come_from_the_quad_table():
    assert plover_side("SUPPORT") == "cooperative"
    assert plover_side("ASSAULT") == "conflictual"
    assert plover_side(None) == "other"


def test_timeline_draws_cooperation_above_and_conflict_below_the_axis():
    svg = str(timeline_svg([WeekCounts("2025-01-13", {"SUPPORT": 2, "ASSAULT": 1}),
                            WeekCounts("2025-01-20", {"CONSULT": 1})]))
    axis = float(re.search(r'class="axis"[^>]*y1="([\d.]+)"', svg).group(1))
    bars = re.findall(r'<rect class="bar (\w+)" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"', svg)
    assert len(bars) == 3
    for side, y, h in bars:
        if side == "cooperative":
            assert float(y) + float(h) <= axis + 0.2
        else:
            assert float(y) >= axis - 0.2
    assert 'data-count="2"' in svg


def test_network_colours_nodes_by_bloc_and_marks_edges():
    svg = str(network_svg([NetNode("RUS", "Russia", 0), NetNode("IRN", "Iran", 0), NetNode("USA", "US", 1)],
                          [NetEdge("IRN", "RUS", 3.0, "2025-01-17")]))
    fills = dict(re.findall(r'fill="(#[0-9a-f]{6})" data-id="(\w+)"', svg)[i][::-1] for i in range(3))
    assert fills["RUS"] == fills["IRN"] != fills["USA"]
    assert svg.count('class="edge"') == 1 and 'data-signed="2025-01-17"' in svg


def test_empty_charts_say_so():
    assert "No dated events" in timeline_svg([])
    assert "No agreements" in network_svg([], [])
    assert "No polarity" in polarity_svg([])
    assert polarity_svg([("2025-01", 0.4), ("2025-02", 0.5)]).count('class="point"') == 2


def test_chart_window_fills_empty_weeks_and_cuts_old_ones():
    weeks = [WeekCounts("2019-01-07", {"ASSAULT": 4}), WeekCounts("2025-01-06", {"SUPPORT": 1}),
             WeekCounts("2025-01-27", {"CONSULT": 2})]
    shown, hidden = chart_window(weeks, max_weeks=10)
    assert [w.week for w in shown][0] == "2024-11-25" and shown[-1].week == "2025-01-27"
    assert len(shown) == 10 and hidden == 4
    assert [w.counts for w in shown if w.counts] == [{"SUPPORT": 1}, {"CONSULT": 2}]
    assert chart_window(weeks[1:], max_weeks=10) == (shown[6:], 0)


def test_search_snippet_marks_only_matched_words():
    from multipolar.web.render import snippet_html

    html = str(snippet_html("The [treaty] [sic] said <b> [1, 2]"))
    assert html.count('<mark class="match">') == 2 and "&lt;b&gt;" in html and "[1, 2]" in html
