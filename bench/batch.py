"""Throughput of the batch job: documents/s with 1 and 2 Ray workers beside `multipolar extract`
in one process, on the same pages, in one run; and resident memory per worker.

Input: the article-extraction benchmark pages in ../shared/bench (181 real news
and blog pages), packed into WARC archives in a temporary folder (``--copies``
repeats the set to lengthen the run). Figures are printed, never asserted.

    PYTHONPATH=src python bench/batch.py [--archives 8] [--copies 1] [--workers 1,2]

The Ray figures include starting Ray and loading the model in each worker
(what a user waits for); "warm/s" counts only the documents of files after
each worker's first one, over the time they took, a rough view of throughput
once the pool is up.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from multipolar.pipeline import extract  # noqa: E402
from multipolar.scale.warcpack import WarcPage, write_warc  # noqa: E402
from multipolar.settings import Settings  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "article-extraction"
STAMP = "2026-01-01T00:00:00Z"


def build_archives(folder: Path, archives: int, copies: int) -> list[str]:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for copy in range(copies):
        for page_id in sorted(truth):
            body = gzip.decompress((BENCH / "html" / f"{page_id}.html.gz").read_bytes())
            url = truth[page_id].get("url") or f"https://bench.example/{page_id}"
            pages.append(WarcPage(f"{url}#copy{copy}", body))
    paths = []
    for i in range(archives):
        path = folder / f"bench-{i:03d}.warc.gz"
        write_warc(str(path), pages[i::archives])
        paths.append(str(path))
    return paths


def run_in_process(paths: list[str]) -> dict:
    started = time.monotonic()
    count = sum(1 for _ in extract(paths, Settings(extracted_at=STAMP)))
    return {"documents": count, "seconds": time.monotonic() - started,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_on_ray(paths: list[str], workers: int, out: str) -> dict:
    from multipolar.scale.job import run_batch

    result = run_batch(paths, out, workers=workers, settings=Settings(extracted_at=STAMP), progress=False)
    # Each worker's first file pays for nothing extra (the model loads in the constructor),
    # but it waits on a cold pool; the rest show the warm rate.
    by_worker: dict[int, list[dict]] = {}
    for row in result.files:
        by_worker.setdefault(row["worker_pid"], []).append(row)
    warm = [row for rows in by_worker.values() for row in rows[1:]]
    warm_rate = None
    if warm:
        busy = sum(row["seconds"] for row in warm) / max(len(by_worker), 1)
        warm_rate = sum(row["documents"] for row in warm) / max(busy, 1e-9)
    memory = result.worker_memory()
    return {"documents": result.documents, "seconds": result.seconds, "warm_rate": warm_rate,
            "memory": memory}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archives", type=int, default=8, help="WARC files to split the pages into")
    parser.add_argument("--copies", type=int, default=1, help="repeat the 181 pages this many times")
    parser.add_argument("--workers", default="1,2", help="worker counts to try, comma-separated")
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"bench/batch.py: {BENCH} is absent (../shared); nothing to measure", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="multipolar-bench-") as tmp:
        paths = build_archives(Path(tmp), args.archives, args.copies)
        size = sum(os.path.getsize(p) for p in paths)
        print(f"input: {len(paths)} WARC files, {size / 1e6:.1f} MB, {os.cpu_count()} CPUs")
        base = run_in_process(paths)
        base_rate = base["documents"] / base["seconds"]
        print(f"{'run':22} {'docs':>5} {'seconds':>8} {'docs/s':>7} {'vs extract':>10} {'warm/s':>7}  "
              f"peak RSS MiB")
        print(f"{'extract, one process':22} {base['documents']:5d} {base['seconds']:8.1f} {base_rate:7.1f} "
              f"{1.0:9.2f}x {'':>7}  {base['peak_rss_mb']:.0f} (the process)")
        for workers in (int(w) for w in args.workers.split(",")):
            run = run_on_ray(paths, workers, os.path.join(tmp, f"out-{workers}"))
            rate = run["documents"] / run["seconds"]
            warm = f"{run['warm_rate']:7.1f}" if run["warm_rate"] is not None else f"{'-':>7}"
            memory = ", ".join(f"{mb:.0f}" for mb in sorted(run["memory"].values()))
            name = f"batch, {workers} worker{'s' if workers > 1 else ''}"
            print(f"{name:22} {run['documents']:5d} {run['seconds']:8.1f} {rate:7.1f} "
                  f"{rate / base_rate:9.2f}x {warm}  {memory} (per worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
