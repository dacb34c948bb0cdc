"""Store benchmark: ingest rate, query latency (p50/p95) and file size at 100k and 1M events.

    python bench/store.py                 # 100k events
    python bench/store.py --million       # also 1M events (a few minutes)

Records are synthetic (multipolar.store.synthetic: ~10 events per document, an agreement and a
claim in every tenth). Ingest is timed from record dicts in memory to committed rows, and set
beside a baseline measured in the same run: the same event tuples written with a bare
``executemany`` into one unindexed table (SQLite's raw insert ceiling on this machine).
Targets (issue 6): ingest >= 50k events/s; every query p95 <= 50 ms at 1M events.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from multipolar import analysis  # noqa: E402
from multipolar.analysis import browse  # noqa: E402
from multipolar.store import Store  # noqa: E402
from multipolar.store.core import DEFAULT_BATCH_SIZE  # noqa: E402
from multipolar.store.synthetic import COUNTRIES, WORDS, generated_record  # noqa: E402

EVENTS_PER_DOC = 10


def fresh(path: str) -> str:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return path


def baseline_rate(records: list[dict], path: str) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE ev (doc TEXT, source TEXT, target TEXT, cameo TEXT, date TEXT, text TEXT, "
                 "start INTEGER, end INTEGER)")
    t = time.perf_counter()
    n = 0
    for i in range(0, len(records), 1000):
        rows = [(r["document"]["id"], e["source"], e["target"], e["cameo"], e["date"], e["evidence"]["text"],
                 e["evidence"]["start"], e["evidence"]["end"]) for r in records[i:i + 1000] for e in r["events"]]
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO ev VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
        n += len(rows)
    elapsed = time.perf_counter() - t
    conn.close()
    return n / elapsed


class StatementTimer:
    """Stands in for the store's connection and adds up the CPU time of each kind of statement
    (``INSERT INTO events``, ``COMMIT``, ...): where an ingest's SQLite time goes. Python's time
    between the calls is the rest of the ingest's CPU time."""

    _KIND = re.compile(r"(INSERT INTO \w+|INSERT OR REPLACE INTO \w+|UPDATE \w+|DELETE FROM \w+|BEGIN \w+|COMMIT"
                       r"|ROLLBACK|PRAGMA \w+|SELECT .{0,30})")
    _UPSERT = re.compile(r"^(INSERT INTO \w+) .* ON CONFLICT")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.cpu: dict[str, float] = {}

    def __getattr__(self, name: str):
        return getattr(self._conn, name)

    def _timed(self, method, sql: str, *args):
        flat = " ".join(sql.split())
        m = self._UPSERT.match(flat) or self._KIND.search(flat)
        kind = (m.group(1) + (" (upsert)" if "ON CONFLICT" in flat else "")) if m else flat[:40]
        c = time.process_time()
        try:
            return method(sql, *args)
        finally:
            self.cpu[kind] = self.cpu.get(kind, 0.0) + time.process_time() - c

    def execute(self, sql: str, *args):
        return self._timed(self._conn.execute, sql, *args)

    def executemany(self, sql: str, *args):
        return self._timed(self._conn.executemany, sql, *args)


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s) * 1000, s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))] * 1000


def time_queries(store: Store, n: int, seed: int = 1) -> dict[str, tuple[float, ...]]:
    rng = random.Random(seed)
    agreement_ids = [r[0] for r in store.conn.execute("SELECT id FROM agreements")]
    pairs = [r[0] for r in store.conn.execute("SELECT DISTINCT parties FROM agreements LIMIT 200")]
    doc_ids = [r[0] for r in store.conn.execute("SELECT id FROM documents WHERE doc % 20 = 0")]
    plovers = [r[0] for r in store.conn.execute("SELECT DISTINCT plover FROM events WHERE plover IS NOT NULL "
                                                "AND id < 5000")]
    queries = {
        "timeline actor": lambda: analysis.timeline(store, rng.choice(COUNTRIES)),
        "timeline role code": lambda: analysis.timeline(store, rng.choice(COUNTRIES) + "GOV"),
        "timeline dyad": lambda: analysis.timeline(store, *rng.sample(COUNTRIES, 2)),
        "agreements of": lambda: analysis.agreements_of(store, rng.choice(COUNTRIES[:12])),
        "claims about": lambda: analysis.claims_about(store, rng.choice(COUNTRIES)),
        "search (rank)": lambda: analysis.search(store, " ".join(rng.sample(WORDS, 2))),
        "search (recent)": lambda: analysis.search(store, rng.choice(WORDS), order="recent"),
        "search phrase": lambda: analysis.search(store, f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"'),
        "treaty compare": lambda: analysis.treaty_compare(store, rng.choice(agreement_ids), rng.choice(agreement_ids)),
        "treaty compare (parties)": lambda: analysis.treaty_compare(store, rng.choice(pairs).replace(",", "-"),
                                                                    rng.choice(pairs).replace(",", "-")),
        "treaty obligations": lambda: analysis.treaty_obligations(store, *rng.sample(COUNTRIES[:12], 2)),
        # the web's browsing queries (analysis/browse.py): weekly counts by PLOVER type for the
        # timeline chart, the event list of a dyad narrowed to one type, and one document
        "weekly counts actor": lambda: browse.weekly_counts(store, rng.choice(COUNTRIES[:4])),
        "weekly counts role code": lambda: browse.weekly_counts(store, rng.choice(COUNTRIES[:4]) + "GOV"),
        "weekly counts dyad": lambda: browse.weekly_counts(store, *rng.sample(COUNTRIES[:4], 2)),
        "events dyad": lambda: browse.event_clusters(store, actor=rng.choice(COUNTRIES[:4]),
                                                     other=rng.choice(COUNTRIES[4:12]), limit=50),
        "events dyad, one type": lambda: browse.event_clusters(store, actor=rng.choice(COUNTRIES[:4]),
                                                               other=rng.choice(COUNTRIES[4:12]),
                                                               plover=rng.choice(plovers), limit=50),
        "document": lambda: analysis.document(store, rng.choice(doc_ids)),
        "network": lambda: analysis.network(store),
        "overview": lambda: analysis.overview(store),
    }
    out = {}
    for name, q in queries.items():
        q()  # warm the page cache once
        wall, cpu = [], []
        for _ in range(n if name not in ("network", "overview") else max(10, n // 10)):
            t, c = time.perf_counter(), time.process_time()
            q()
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        out[name] = (*percentiles(wall), *percentiles(cpu))
    return out


def run(n_events: int, n_queries: int, directory: str, reuse: bool = False, batch: int = DEFAULT_BATCH_SIZE,
        statements: bool = False) -> None:
    n_docs = n_events // EVENTS_PER_DOC
    path = os.path.join(directory, f"store-{n_events}.db")
    if reuse and os.path.exists(path):
        store = Store.open(path, readonly=True)
        print(f"\n== queries on the kept store of {n_events:,} events ({os.path.getsize(path) / 1e6:,.1f} MB); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print_queries(store, n_queries)
        store.close()
        return
    t = time.perf_counter()
    records = [generated_record(i, EVENTS_PER_DOC, seed=n_events) for i in range(n_docs)]
    gen = time.perf_counter() - t
    n_ev = sum(len(r["events"]) for r in records)
    base = baseline_rate(records, fresh(os.path.join(directory, f"baseline-{n_events}.db")))
    path = fresh(os.path.join(directory, f"store-{n_events}.db"))
    store = Store.open(path)
    timer = None
    if statements:
        timer = store.conn = StatementTimer(store.conn)
    t, cpu = time.perf_counter(), time.process_time()
    stats = store.ingest(records, batch_size=batch)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    store.wait_for_checkpoint()  # the last batch's WAL checkpoint, left to a background thread
    settled = time.perf_counter() - t
    if timer is not None:
        store.conn = timer._conn
    single = None
    if n_events <= 100_000 and not statements:
        # the same ingest written on the caller's thread only, in the same minutes
        one = Store.open(fresh(os.path.join(directory, f"one-thread-{n_events}.db")))
        one.threaded_ingest = False
        t1 = time.perf_counter()
        one.ingest(records, batch_size=batch)
        single = time.perf_counter() - t1  # (the one-thread writer checkpoints inside its COMMIT)
        one.close()
    t = time.perf_counter()
    again = store.ingest(records, batch_size=batch)
    rerun = time.perf_counter() - t
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(path)
    print(f"\n== {n_ev:,} events in {n_docs:,} documents (generated in {gen:.1f} s), "
          f"{batch:,} documents per transaction")
    print(f"ingest: {n_ev / elapsed:,.0f} events/s, {n_docs / elapsed:,.0f} documents/s "
          f"({elapsed:.1f} s; {stats.events:,} events, {stats.agreements:,} agreement reports, "
          f"{stats.claims:,} claims)")
    print(f"        {n_ev / settled:,.0f} events/s counting the last batch's WAL checkpoint, which runs in the "
          f"background after ingest() returns ({settled - elapsed:.2f} s more)")
    print(f"        {n_ev / cpu:,.0f} events per CPU-second ({cpu:.1f} s of CPU, both ingest threads; the wall rate "
          f"is lower when other processes share the cores: load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores)")
    print(f"baseline (bare executemany, one unindexed table): {base:,.0f} events/s -> store at "
          f"{(n_ev / elapsed) / base:.2f}x of it")
    if single is not None:
        print(f"one thread (no worker): {n_ev / single:,.0f} events/s wall -> the worker thread makes ingest "
              f"{single / elapsed:.2f}x as fast")
    if timer is not None:
        in_sql = sum(timer.cpu.values())
        print(f"ingest CPU by statement, seconds per 100k events (timed with the statement timer, which "
              f"adds its own overhead): SQLite {in_sql * 1e5 / n_ev:.2f}, Python between the calls "
              f"{(cpu - in_sql) * 1e5 / n_ev:.2f}")
        for kind, sec in sorted(timer.cpu.items(), key=lambda kv: -kv[1]):
            if sec * 1e5 / n_ev >= 0.005:
                print(f"    {sec * 1e5 / n_ev:6.2f}  {kind}")
    print(f"re-ingest of the same records: {again.unchanged:,} unchanged, {n_docs / rerun:,.0f} documents/s")
    print(f"file size: {size / 1e6:,.1f} MB ({size / n_ev:,.0f} bytes/event); "
          f"{store.counts()['event_clusters']:,} event clusters")
    print_queries(store, n_queries)
    store.close()


def print_queries(store: Store, n_queries: int) -> None:
    print(f"{'query':28} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'cpu p95':>8}   ({n_queries} runs each; "
          f"network/overview fewer; cpu = process CPU time, unaffected by waiting for a core)")
    for name, (p50, p95, c50, c95) in time_queries(store, n_queries).items():
        print(f"{name:28} {p50:8.2f} {p95:8.2f} {c50:8.2f} {c95:8.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--million", action="store_true", help="also run at 1,000,000 events")
    ap.add_argument("--batch", type=int, default=DEFAULT_BATCH_SIZE,
                    help=f"documents per ingest transaction (default {DEFAULT_BATCH_SIZE:,}, the store's)")
    ap.add_argument("--queries", type=int, default=200, help="runs per query")
    ap.add_argument("--dir", help="keep the stores here (default: a temporary folder)")
    ap.add_argument("--reuse", action="store_true", help="with --dir: time the queries on stores kept there")
    ap.add_argument("--statements", action="store_true",
                    help="time the ingest's SQL statements by kind (CPU; slows the ingest a little)")
    args = ap.parse_args()
    print(f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}")
    sizes = [args.events] + ([1_000_000] if args.million else [])
    if args.dir:
        Path(args.dir).mkdir(parents=True, exist_ok=True)
        for n in sizes:
            run(n, args.queries, args.dir, args.reuse, args.batch, args.statements)
    else:
        with tempfile.TemporaryDirectory(prefix="multipolar-bench-") as tmp:
            for n in sizes:
                run(n, args.queries, tmp, batch=args.batch, statements=args.statements)


if __name__ == "__main__":
    main()
