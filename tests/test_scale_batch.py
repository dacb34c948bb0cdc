"""The batch job on a real local Ray instance: same records as `multipolar extract`, Parquet
that pyarrow and DuckDB read, resumption after a rerun and after SIGKILL.

One Ray instance serves the module (Ray starts slowly on a small machine); the
SIGKILL test starts one more, inside the job it kills. A watchdog ends the
process with a traceback rather than letting a stuck Ray hang the suite.
"""

from __future__ import annotations

import faulthandler
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("ray")

from multipolar.pipeline import extract  # noqa: E402
from multipolar.scale import iter_batch_records, read_table  # noqa: E402
from multipolar.scale.job import run_batch  # noqa: E402
from multipolar.scale.layout import TABLES, BatchLayout, month_of  # noqa: E402
from multipolar.settings import Settings  # noqa: E402
from scale_warcs import build_archives  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")]

SRC = Path(__file__).resolve().parent.parent / "src"
STAMP = "2026-01-01T00:00:00Z"
UNREACHABLE = "http://127.0.0.1:9/archive-that-cannot-be-fetched.warc.gz"
WATCHDOG_S = 300


@pytest.fixture(scope="module")
def ray_instance():
    import ray

    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)
    env = {"PYTHONPATH": os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p)}
    ray.init(address="local", num_cpus=2, include_dashboard=False, logging_level=logging.WARNING,
             runtime_env={"env_vars": env})
    try:
        yield ray
    finally:
        ray.shutdown()
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> dict:
    """Three archives named directly (a folder), the rest through a list file with a bad URL."""
    folder = tmp_path_factory.mktemp("warcs")
    paths = build_archives(folder / "in")
    direct = folder / "in"
    listed = folder / "listed"
    listed.mkdir()
    for path in paths[3:]:
        path.rename(listed / path.name)
    listing = folder / "archives.txt"
    listing.write_text("# archives of the test run\nlisted/" + "\nlisted/".join(p.name for p in paths[3:])
                       + f"\n\n{UNREACHABLE}\n", encoding="utf-8")
    files = sorted(direct.iterdir()) + sorted(listed.iterdir())
    return {"inputs": [str(direct), str(listing)], "files": [str(p) for p in files]}


@pytest.fixture(scope="module")
def reference(archives) -> dict:
    """What `multipolar extract` gives for each archive (None when extract itself raises on it)."""
    settings = Settings(extracted_at=STAMP)
    out = {}
    for path in archives["files"]:
        try:
            out[path] = [r.to_dict() for r in extract([path], settings)]
        except Exception:  # a reader bug on a damaged archive: the batch must log the file instead
            out[path] = None
    return out


@pytest.fixture(scope="module")
def clean_run(ray_instance, archives, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean") / "out"
    result = run_batch(archives["inputs"], str(out), workers=2, settings=Settings(extracted_at=STAMP),
                       progress=False)
    return out, result


def _without_stamp(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "extracted_at"}


def _by_source(records: list[dict]) -> list[dict]:
    return sorted((_without_stamp(r) for r in records), key=lambda r: r["document"]["source"])


def test_batch_gives_the_records_of_extract(clean_run, reference):
    out, result = clean_run
    expected = [r for recs in reference.values() if recs is not None for r in recs]
    got = list(iter_batch_records(str(out)))
    assert result.workers == 2
    assert result.documents == len(expected) == len(got)
    assert _by_source(got) == _by_source(expected)
    # The loader's own order is extract's order over the files sorted by path.
    assert [r["document"]["source"] for r in got] == [
        r["document"]["source"] for path in sorted(reference) for r in reference[path] or []]
    assert {r["extracted_at"] for r in got} == {STAMP}
    assert any(r.get("error", {}).get("code") == "no_body" for r in got)  # a bad record, not a crash


def test_batch_logs_failing_files_after_one_retry(clean_run, reference):
    out, result = clean_run
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    failed = {e["location"]: e for e in errors}
    broken_readers = {path for path, recs in reference.items() if recs is None}
    assert set(failed) == broken_readers | {UNREACHABLE}
    assert all(e["attempts"] == 2 for e in errors)
    assert result.files_failed == len(failed)
    import pyarrow.parquet as pq

    assert pq.read_table(out / "errors.parquet").num_rows == len(errors)


def test_batch_parquet_tables_have_the_right_rows(clean_run):
    import duckdb

    out, _ = clean_run
    records = list(iter_batch_records(str(out)))
    expected = {
        "documents": len(records),
        "events": sum(len(r.get("events", [])) for r in records),
        "agreements": sum(len(r.get("agreements", [])) for r in records),
        "provisions": sum(len(a["provisions"]) for r in records for a in r.get("agreements", [])),
        "claims": sum(len(r.get("claims", [])) for r in records),
        "responses": sum(len(c["responses"]) for r in records for c in r.get("claims", [])),
        "quotes": sum(len(r.get("quotes", [])) for r in records),
    }
    for table in TABLES:
        assert read_table(str(out / "parquet"), table).num_rows == expected[table], table
    documents = read_table(str(out / "parquet"), "documents").to_pylist()
    months = {r["doc_source"]: r["month"] for r in documents}
    assert months == {r["document"]["source"]: month_of(r["document"].get("published")) for r in records}
    assert {"2024-09", "2025-01", "2025-03", "unknown"} <= set(months.values())
    glob = str(out / "parquet" / "documents" / "*" / "*.parquet")
    with duckdb.connect() as con:
        count, errors, month_count = con.execute(
            f"select count(*), count(error_code), count(distinct month) "
            f"from read_parquet('{glob}', hive_partitioning = true)").fetchone()
    assert count == len(records)
    assert errors == sum(1 for r in records if "error" in r)
    assert month_count == len(set(months.values()))


def test_batch_rerun_skips_finished_files(clean_run, archives):
    out, first = clean_run
    before = {p.name: p.read_bytes() for p in (out / "records").iterdir()}
    again = run_batch(archives["inputs"], str(out), workers=2, settings=Settings(extracted_at=STAMP),
                      progress=False)
    assert again.files_processed == 0
    assert again.files_skipped == first.files_processed
    assert {p.name: p.read_bytes() for p in (out / "records").iterdir()} == before


def _snapshot(out: Path) -> dict:
    """Everything a user reads from an output folder, in a comparable form."""
    layout = BatchLayout(str(out))
    tables = {t: sorted(read_table(layout.parquet, t).to_pylist(), key=lambda r: json.dumps(r, sort_keys=True))
              for t in TABLES}
    shards = {p.name: p.read_text(encoding="utf-8") for p in sorted(Path(layout.records).iterdir())}
    errors = [{k: v for k, v in json.loads(line).items() if k != "at"}
              for line in Path(layout.errors_jsonl).read_text().splitlines()]
    parquet_files = sorted(str(p.relative_to(out)) for p in (out / "parquet").rglob("*.parquet"))
    return {"tables": tables, "shards": shards, "errors": errors, "files": parquet_files}


def test_batch_killed_midway_then_rerun_equals_clean_run(clean_run, archives, tmp_path):
    clean_out, clean_result = clean_run
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p)}
    command = [sys.executable, "-c", "import sys; from multipolar.cli import main; sys.exit(main())",
               "batch", *archives["inputs"], "--out", str(out), "--workers", "1",
               "--extracted-at", STAMP, "--no-progress"]
    # Its own session, so SIGKILL reaches the job and the Ray processes it started.
    job = subprocess.Popen(command, env=env, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = out / "_state" / "done"
    deadline = time.monotonic() + 150
    try:
        while time.monotonic() < deadline and job.poll() is None:
            if done.is_dir() and any(done.iterdir()):
                break
            time.sleep(0.02)
    finally:
        if job.poll() is None:
            os.killpg(job.pid, signal.SIGKILL)
        job.wait(timeout=30)
    finished_at_kill = len(list(done.iterdir())) if done.is_dir() else 0
    assert job.returncode == -signal.SIGKILL, "the job ended before it could be killed"
    assert 0 < finished_at_kill < clean_result.files_processed

    rerun = run_batch(archives["inputs"], str(out), workers=2, settings=Settings(extracted_at=STAMP),
                      progress=False)
    assert rerun.files_skipped >= finished_at_kill
    assert rerun.files_processed + rerun.files_skipped == clean_result.files_processed
    assert _snapshot(out) == _snapshot(clean_out)
    assert not list((out / "_state" / "tmp").iterdir())


def test_batch_output_loads_into_the_store(clean_run, tmp_path):
    from multipolar.cli import main
    from multipolar.store import Store

    out, _ = clean_run
    records = list(iter_batch_records(str(out)))
    db = str(tmp_path / "store.db")
    assert main(["ingest", "--from-batch", str(out), "--db", db, "--no-progress"]) == 0
    with Store.open(db) as store:
        counts = store.counts()
    # The same page under two archives is one document in the store (same document id).
    assert counts["documents"] == len({r["document"]["id"] for r in records if "error" not in r})
    assert counts["ingest_errors"] == sum(1 for r in records if "error" in r)
