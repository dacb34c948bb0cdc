"""The batch job: input files -> Ray Data actor pool -> JSONL shards + Parquet datasets.

The driver expands and hashes the inputs, leaves out files already finished
(by content hash), and hands the rest to a pool of :class:`.worker.FileExtractor`
actors, one input file per task. Workers write the outputs themselves, so
records never travel back through the driver; the driver only sees one small
result row per file.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, TextIO

from ..errors import MultipolarError
from ..settings import Settings
from .inputs import DigestCache, InputFile, expand_inputs, hash_inputs
from .layout import BatchLayout, write_json_atomic

log = logging.getLogger(__name__)


class ClusterUnreachable(MultipolarError):
    """``--address`` names no Ray cluster this process can join."""


@dataclass
class BatchResult:
    """What one run of the job did (figures for this run; outputs hold every run's work)."""

    out: str
    files_total: int = 0
    files_processed: int = 0
    files_skipped: int = 0  # finished by an earlier run, or a second copy of the same content
    files_failed: int = 0
    documents: int = 0
    record_errors: int = 0
    workers: int = 0
    seconds: float = 0.0
    files: list[dict[str, Any]] = field(default_factory=list)  # one result row per processed file

    def worker_memory(self) -> dict[int, float]:
        """Peak resident memory (MiB) of each worker process that processed a file."""
        peaks: dict[int, float] = {}
        for row in self.files:
            pid = row.get("worker_pid")
            if pid:
                peaks[pid] = max(peaks.get(pid, 0.0), row.get("peak_rss_mb") or 0.0)
        return peaks


def run_batch(inputs: Sequence[str], out: str, *, address: str | None = None, workers: int | None = None,
              settings: Settings | None = None, progress: bool = True,
              stream: TextIO | None = None) -> BatchResult:
    """Extract every document of ``inputs`` into ``out`` on Ray; resumable, see :mod:`.layout`.

    ``address`` None starts a local Ray instance (``workers`` CPUs, default all)
    and stops it at the end; otherwise the job joins that cluster (``auto`` or
    ``ray://host:port``). If Ray is already initialised in this process, the
    job uses that session and leaves it running.
    """
    started = time.monotonic()
    settings = settings or Settings()
    if settings.extracted_at is None:
        # One stamp for the whole run, so every worker writes the same value.
        settings = replace(settings, extracted_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    if _through_ray_client(address):
        from .client import run_on_cluster

        result = run_on_cluster(run_batch, inputs, out, address=address, workers=workers,
                                settings=settings, progress=progress)
        result.seconds = time.monotonic() - started
        return result
    layout = BatchLayout(out)
    layout.lock()
    try:
        layout.prepare()
        files = hash_inputs(expand_inputs(inputs), DigestCache(layout.digests))
        result = BatchResult(out=layout.out, files_total=len(files))
        todo = _plan(files, layout, result)
        if todo:
            with ray_session(address, workers) as pool_size:
                result.workers = min(pool_size, len(todo))
                _run_pool(todo, layout, settings, result, progress, stream)
        write_errors_table(layout)
    finally:
        layout.unlock()
    result.seconds = time.monotonic() - started
    return result


def _plan(files: list[InputFile], layout: BatchLayout, result: BatchResult) -> list[InputFile]:
    finished = layout.finished()
    finished_urls = {m["location"] for m in finished.values()}
    digests = {item.location: item.digest for item in files if item.digest}
    for failure in layout.failures():
        # The file changed since it failed: its old failure no longer describes anything.
        if failure["digest"] and digests.get(failure["location"], failure["digest"]) != failure["digest"]:
            os.remove(layout.failed_marker(failure["location"], failure["digest"]))
    seen: set[str] = set()
    todo: list[InputFile] = []
    for item in files:
        if item.error:
            result.files_failed += 1
            write_json_atomic(layout.failed_marker(item.location, None),
                              {"location": item.location, "digest": None, "attempts": 1,
                               "error": f"not_found: {item.error}",
                               "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}, layout.tmp)
            continue
        stale = layout.failed_marker(item.location, None)
        if not item.is_url and os.path.exists(stale):
            os.remove(stale)  # missing in an earlier run, readable now
        if item.digest in finished or item.digest in seen or (item.is_url and item.location in finished_urls):
            result.files_skipped += 1
            continue
        if item.digest:
            seen.add(item.digest)
        todo.append(item)
    return todo


def _through_ray_client(address: str | None) -> bool:
    """True where the job would drive Ray Data over Ray Client (``ray://``), which cannot work."""
    if address and address.startswith("ray://"):
        return True
    if "ray" not in sys.modules:
        return False
    import ray

    # A caller that connected with ray.init("ray://...") itself.
    return ray.is_initialized() and ray.util.client.ray.is_connected()


def _run_pool(todo: list[InputFile], layout: BatchLayout, settings: Settings, result: BatchResult,
              progress: bool, stream: TextIO | None) -> None:
    import ray

    _quiet_ray_data()
    context = ray.data.DataContext.get_current()
    saved = (context.enable_progress_bars, context.max_errored_blocks)
    try:
        context.enable_progress_bars = False  # our own display reports documents, not blocks
        # The worker catches every error of a file itself, so a failed block only means a worker
        # process died (out of memory, a crash in native code). Ray retries such a file once on a
        # fresh actor; if it dies again the job goes on and the file is listed as failed below.
        context.max_errored_blocks = -1
        _stream_results(todo, layout, settings, result, progress, stream)
    finally:
        context.enable_progress_bars, context.max_errored_blocks = saved


def _stream_results(todo: list[InputFile], layout: BatchLayout, settings: Settings, result: BatchResult,
                    progress: bool, stream: TextIO | None) -> None:
    import ray

    from .progress import ProgressDisplay, Tally
    from .worker import FileExtractor, settings_to_dict

    tally = ray.remote(num_cpus=0)(Tally).remote()
    items = [{"location": f.location, "digest": f.digest} for f in todo]
    with warnings.catch_warnings():
        # Ray 2.60 marks extra remote args deprecated (for 2.64) without a replacement for
        # max_task_retries yet; the pin in pyproject.toml keeps this call valid.
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
        dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            FileExtractor,
            batch_size=1,  # one input file per task: the unit of retry and of resumption
            batch_format="pyarrow",
            # One file at a time per actor: a dying worker takes no queued files down with it, and
            # large archives do not wait behind each other on one actor while another is idle.
            compute=ray.data.ActorPoolStrategy(size=result.workers, max_tasks_in_flight_per_actor=1),
            num_cpus=1,
            # A task lost with its worker process is retried once (Ray Data's default: forever).
            max_task_retries=1,
            fn_constructor_kwargs={"out": layout.out, "settings": settings_to_dict(settings),
                                   "tally": tally},
        )
    with ProgressDisplay(len(todo), tally, stream, enabled=progress) as display:
        for row in dataset.iter_rows():
            row = dict(row)
            display.file_finished(row)
            result.files.append(row)
            if row["status"] == "failed":
                result.files_failed += 1
            elif row["status"] == "skipped":
                result.files_skipped += 1
            else:
                result.files_processed += 1
            result.documents += row["documents"]
            result.record_errors += row["errors"]
    ray.kill(tally)
    answered = {row["location"] for row in result.files}
    for item in todo:
        if item.location not in answered:
            result.files_failed += 1
            write_json_atomic(layout.failed_marker(item.location, item.digest),
                              {"location": item.location, "digest": item.digest, "attempts": 2,
                               "error": "worker: the worker process died on this file, and again on "
                                        "Ray's retry (out of memory, or a crash in native code)",
                               "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}, layout.tmp)


def _quiet_ray_data() -> None:
    """Keep Ray Data's warnings on the console but not its INFO lines, which would bury our
    progress line (its log file under /tmp/ray keeps everything)."""
    import ray.data  # noqa: F401 - configures the "ray.data" logger on import

    for handler in logging.getLogger("ray.data").handlers:
        if handler.get_name() == "console":
            handler.setLevel(logging.WARNING)
    # Turning Ray's bars off (our display counts documents, not blocks) logs a notice once.
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)


@contextmanager
def ray_session(address: str | None, workers: int | None) -> Iterator[int]:
    """Connect to Ray (or start it) for the job; yields the number of workers to use."""
    import ray

    if ray.is_initialized():
        yield workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        return
    if address:
        connect(address, f"could not join the Ray cluster at {address!r} ({{error}}). Check the address "
                         "(auto, HOST:PORT of the head, or ray://HOST:10001) and, where the cluster uses "
                         "token authentication, set RAY_AUTH_MODE=token and its token (docs/scale.md)")
    else:
        # A local instance: worker processes must import this same multipolar (a source
        # checkout run with PYTHONPATH, say), so its folder goes first on their path.
        package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
        # address="local": always a new instance, even where `ray start` left a cluster address
        # behind (plain ray.init() would join that one instead).
        ray.init(address="local", num_cpus=workers or os.cpu_count() or 1, include_dashboard=False,
                 logging_level=logging.WARNING, runtime_env={"env_vars": {"PYTHONPATH": path}})
    try:
        yield workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    finally:
        ray.shutdown()  # stops a local instance; only disconnects from a cluster


# Ray Client's proxy starts a server process per client on the next free port from 23000; the
# start fails now and then when that port is not yet free again (a client of a few seconds ago),
# and the proxy moves on to the next port: a second try then connects.
CLIENT_SERVER_RETRIES = 2


def connect(address: str, failure: str) -> None:
    """``ray.init`` on a cluster address, failing fast with ``failure`` (``{error}`` filled in)."""
    import ray

    _check_reachable(address)
    for attempt in range(CLIENT_SERVER_RETRIES + 1):
        try:
            ray.init(address=address, logging_level=logging.WARNING)
            return
        except (ConnectionError, ValueError, TimeoutError) as e:
            transient = address.startswith("ray://") and "Starting Ray client server failed" in str(e)
            if not transient or attempt == CLIENT_SERVER_RETRIES:
                raise ClusterUnreachable(failure.format(error=e)) from e
            log.warning("Ray Client server at %s failed to start a server for this job; trying again", address)
            ray.shutdown()
            time.sleep(1.0)


def _check_reachable(address: str) -> None:
    """Fail fast on a head that does not answer: Ray itself retries a dead address for minutes."""
    if address == "auto":
        return
    host, _, port = address.split("://", 1)[-1].rpartition(":")
    try:
        socket.create_connection((host or "127.0.0.1", int(port)), timeout=5).close()
    except (OSError, ValueError) as e:
        raise ClusterUnreachable(f"no Ray cluster answers at {address!r} ({e}); expected auto, "
                                 "HOST:PORT of the head (GCS, 6379 by default) or ray://HOST:10001") from e


def write_errors_table(layout: BatchLayout) -> list[dict[str, Any]]:
    """Rewrite ``errors.jsonl`` and ``errors.parquet``: the input files whose latest attempt failed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = layout.failures()
    with open(layout.errors_jsonl, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    schema = pa.schema([("location", pa.string()), ("digest", pa.string()), ("attempts", pa.int64()),
                        ("error", pa.string()), ("at", pa.string())])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), layout.errors_parquet)
    return rows
