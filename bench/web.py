"""Web API benchmark: p50/p95 latency of each API endpoint under 20 concurrent clients.

    python bench/web.py                       # builds a 100k-event store in a temp dir
    python bench/web.py --db big.db           # reuse (or build once into) a store file
    python bench/web.py --clients 20 --requests 200 --workers 1

The server is `multipolar serve` in its own process on 127.0.0.1 (loopback only); the clients
are threads in this process (stdlib http.client, keep-alive), each sending its share of a fixed number of requests
per endpoint (bounded: no open-ended load), after 10 warm-up requests on fresh connections (so
every worker has opened its store connection and filled its answer cache: a steady state). Beside each endpoint it prints, as a baseline
measured in the same run, the p50 of the same query called in-process without HTTP, and the
ratio. Records are synthetic (the store's generator: ~10 events per document, an agreement and
a claim in every tenth). Target (issue 7): p95 <= 100 ms at 100k events. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402

from multipolar import analysis  # noqa: E402
from multipolar.analysis import browse  # noqa: E402
from multipolar.store import Store  # noqa: E402

try:
    from multipolar.store.synthetic import generated_record  # noqa: E402
except ImportError:  # older store branch: the generator still lives beside the store tests
    sys.path.insert(0, str(ROOT / "tests"))
    from store_fixtures import generated_record  # noqa: E402

EVENTS_PER_DOC = 10
WARM_CONNECTIONS = 10  # requests, each on a new connection, before an endpoint is timed
# Endpoints whose whole-store aggregate the server keeps in its answer cache (web/cache.py)
# until the store changes; their "direct" column is the uncached query.
CACHED = {"timeline", "timeline dyad", "obligations", "network", "network on", "blocs", "polarity", "overview"}


def build(path: Path, n_events: int) -> None:
    n_docs = n_events // EVENTS_PER_DOC
    t = time.perf_counter()
    with Store.open(path) as store:
        for start in range(0, n_docs, 2000):
            store.ingest([generated_record(i, EVENTS_PER_DOC) for i in range(start, min(n_docs, start + 2000))],
                         batch_size=2000)
        events = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    print(f"built {path}: {events} events in {n_docs} documents, {time.perf_counter() - t:.1f} s", flush=True)


def endpoints(store: Store) -> list[tuple[str, str, object]]:
    """(name, URL, the same query in-process) for every API endpoint."""
    conn = store.conn
    doc = conn.execute("SELECT id FROM documents ORDER BY doc LIMIT 1 OFFSET 500").fetchone()[0]
    agreement = conn.execute("SELECT id FROM agreements ORDER BY n_documents DESC LIMIT 1").fetchone()[0]
    other = conn.execute("SELECT id FROM agreements ORDER BY n_documents DESC LIMIT 1 OFFSET 1").fetchone()[0]
    return [
        ("documents", "/api/documents?limit=50", lambda: browse.documents_page(store, limit=50)),
        ("document", f"/api/documents/{doc}", lambda: analysis.document(store, doc)),
        ("actors", "/api/actors?limit=50", lambda: browse.actors_page(store, limit=50)),
        ("actor", "/api/actors/RUSGOV", lambda: browse.actor_info(store, "RUSGOV")),
        ("events", "/api/events?limit=50", lambda: browse.event_clusters(store, limit=50)),
        ("events actor", "/api/events?actor=RUS&limit=50", lambda: browse.event_clusters(store, actor="RUS", limit=50)),
        ("events dyad", "/api/events?dyad=RUS,USA&limit=50",
         lambda: browse.event_clusters(store, actor="RUS", other="USA", limit=50)),
        ("events type+date", "/api/events?type=ASSAULT&since=2020-01-01&until=2020-12-31&limit=50",
         lambda: browse.event_clusters(store, plover="ASSAULT", since="2020-01-01", until="2020-12-31", limit=50)),
        ("timeline", "/api/timeline?actor=RUS&limit=50",
         lambda: (analysis.timeline(store, "RUS", limit=0), browse.weekly_counts(store, "RUS"),
                  browse.event_clusters(store, actor="RUS", limit=50))),
        ("timeline dyad", "/api/timeline?actor=RUS&other=USA&limit=50",
         lambda: (analysis.timeline(store, "RUS", "USA", limit=0), browse.weekly_counts(store, "RUS", "USA"),
                  browse.event_clusters(store, actor="RUS", other="USA", limit=50))),
        ("agreements", "/api/agreements?limit=50", lambda: browse.agreements_page(store, limit=50)),
        ("agreements actor", "/api/agreements?actor=RUS&limit=50",
         lambda: analysis.agreements_of(store, "RUS", limit=51)),
        ("agreement", f"/api/agreements/{agreement}", lambda: analysis.agreement(store, agreement)),
        ("compare", f"/api/compare?a={agreement}&b={other}", lambda: analysis.treaty_compare(store, agreement, other)),
        ("obligations", "/api/obligations?attacker=USA&attacked=RUS",
         lambda: analysis.treaty_obligations(store, "USA", "RUS")),
        ("claims", "/api/claims?actor=IRN&limit=50", lambda: analysis.claims_about(store, "IRN", limit=51)),
        ("search", "/api/search?q=missiles+border&limit=20",
         lambda: analysis.search(store, "missiles border", limit=21)),
        ("network", "/api/network", lambda: analysis.network(store)),
        ("network on", "/api/network?on=2019-06-30", lambda: analysis.network(store, on="2019-06-30")),
        ("blocs", "/api/blocs", lambda: analysis.network(store)),
        ("polarity", "/api/polarity", lambda: analysis.polarity(store)),
        ("overview", "/api/overview", lambda: analysis.overview(store)),
    ]


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s) * 1000, s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))] * 1000


def direct_p50(fn, n: int = 20) -> float:
    fn()  # warm
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def load(port: int, url: str, clients: int, requests: int) -> tuple[list[float], int]:
    """``requests`` GETs of ``url`` shared by ``clients`` concurrent threads, each on its own
    keep-alive connection (stdlib http.client: a light client, so the figures are the server's)."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    per_client = max(1, requests // clients)
    start = threading.Barrier(clients)

    def worker() -> None:
        nonlocal failures
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad = [], 0
        start.wait()
        for _ in range(per_client):
            t = time.perf_counter()
            conn.request("GET", url)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - t)
            bad += response.status != 200
        conn.close()
        with lock:
            latencies.extend(mine)
            failures += bad

    for _ in range(WARM_CONNECTIONS):  # new connections spread over the workers: warms each one
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        warm.request("GET", url)
        warm.getresponse().read()
        warm.close()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-c", "import sys; from multipolar.cli import main; sys.exit(main())", "serve", "--db", str(db), "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2, trust_env=False).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()}")
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", help="store file to use (built when missing)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    args = ap.parse_args()
    tmp = None
    if args.db:
        db = Path(args.db)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="multipolar-bench-web-")
        db = Path(tmp.name) / "bench.db"
    if not db.exists():
        build(db, args.events)
    store = Store.open(db, readonly=True)
    eps = endpoints(store)
    port = free_port()
    server = start_server(db, port, args.workers)
    n_events = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    print(f"\n{n_events} events; {args.clients} concurrent clients, {args.requests} requests per endpoint, "
          f"{args.workers} server worker(s), loopback; CPUs: {os.cpu_count()}")
    print(f"{'endpoint':<18} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'fail':>5} {'direct p50':>11} {'http/direct':>11}")
    worst = 0.0
    try:
        for name, url, fn in eps:
            t = time.perf_counter()
            lat, failed = load(port, url, args.clients, args.requests)
            wall = time.perf_counter() - t
            p50, p95 = percentiles(lat)
            base_ms = direct_p50(fn)
            worst = max(worst, p95)
            label = name + (" *" if name in CACHED else "")
            print(f"{label:<18} {p50:8.1f} {p95:8.1f} {len(lat) / wall:7.0f} {failed:5d} {base_ms:11.2f} "
                  f"{p50 / base_ms if base_ms else float('nan'):11.1f}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
        store.close()
        if tmp:
            tmp.cleanup()
    print("* the aggregate part of this answer is served from the answer cache after the first request;")
    print("  'direct p50' is the uncached query called in-process (what a first request or a changed store costs)")
    print(f"\nworst p95: {worst:.1f} ms (target <= 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
