"""Weekly counts by PLOVER type: the summary table (``actor_weeks``) with events for the weeks cut
by the bounds gives exactly the counts read from the events alone, for any bounds."""

from __future__ import annotations

import itertools

from multipolar.analysis import browse
from multipolar.store import Store
from store_fixtures import generated_record

BOUNDS = [None, "2019", "2019-03", "2019-03-13", "2020-02-29", "2021-1", "2021-06-02T10", "bogus",
          "2018-12-31", "2024-01-07", "2024-01-08"]


def _from_events(store, actor, since, until):
    weeks: dict = {}
    lo, hi = browse._bounds(since, until)
    browse._events_by_week(store.conn, browse.resolve_actor(store.conn, actor), None, lo, hi, weeks)
    return [{"week": w, "counts": weeks[w]} for w in sorted(weeks)]


def test_weekly_counts_from_the_summary_table_equal_the_events_for_any_bounds(tmp_path):
    path = tmp_path / "w.db"
    with Store.open(path) as store:
        store.ingest([generated_record(i) for i in range(200)])
    with Store.open(path, readonly=True) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM actor_weeks").fetchone()[0] > 0
        checked = 0
        for since, until in itertools.product(BOUNDS, BOUNDS):
            for actor in ("USA", "RUS"):
                assert browse.weekly_counts(store, actor, since=since, until=until) == \
                    _from_events(store, actor, since, until), (actor, since, until)
                checked += 1
        whole = browse.weekly_counts(store, "USA")
        assert whole and all(w["counts"] for w in whole) and checked == 2 * len(BOUNDS) ** 2
        # a week starts on Monday; an event counts once however many USA actors it has
        assert all(w["week"] == browse.week_of(w["week"]) for w in whole)
        n = store.conn.execute("SELECT COUNT(*) FROM events WHERE plover IS NOT NULL AND day IS NOT NULL "
                               "AND (source_country = 'USA' OR target_country = 'USA')").fetchone()[0]
        assert sum(sum(w["counts"].values()) for w in whole) == n
