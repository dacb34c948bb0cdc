"""kill -9 in the middle of a 2,000-document ingest, then a rerun: exactly the rows of a clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from multipolar.store import Store

SRC = str(Path(__file__).resolve().parents[1] / "src")
N_DOCS = 2000
BATCH = 20
INGEST = """
import sys
from multipolar.store import Store
from multipolar.store.synthetic import generated_record
with Store.open(sys.argv[1]) as store:
    store.ingest((generated_record(i, 10, seed=42) for i in range(int(sys.argv[2]))), batch_size=int(sys.argv[3]))
"""


def ingest_cmd(db: Path, n_docs: int = N_DOCS, batch: int = BATCH) -> list[str]:
    return [sys.executable, "-c", INGEST, str(db), str(n_docs), str(batch)]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}


def documents_in(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet


def fingerprint(db: Path) -> tuple:
    """Row counts plus the content that ordering could change: clusters and merged identities."""
    with Store.open(db, readonly=True) as store:
        conn = store.conn
        clusters = sorted(tuple(r) for r in conn.execute(
            "SELECT source, target, root, negated, anchor_day, first_day, last_day, n_events, n_documents "
            "FROM event_clusters"))
        agreements = sorted(tuple(r) for r in conn.execute(
            "SELECT parties, kind, name, signed, n_reports, weight FROM agreements"))
        summaries = sorted(tuple(r) for r in conn.execute("SELECT * FROM actor_months"))
        return store.counts(), clusters, agreements, summaries


@pytest.mark.slow
@pytest.mark.parametrize(("n_docs", "batch"), [
    (N_DOCS, BATCH),
    # batches of 1,000 documents: each committed batch is checkpointed on a background thread,
    # which the kill is likely to interrupt (it comes as soon as the first batch is visible)
    (3000, 1000),
])
def test_kill_9_mid_ingest_then_rerun_equals_a_clean_run(tmp_path, n_docs, batch):
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    subprocess.run(ingest_cmd(clean, n_docs, batch), env=env(), check=True, timeout=600)

    proc = subprocess.Popen(ingest_cmd(killed, n_docs, batch), env=env())
    at_kill = 0
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        at_kill = documents_in(killed)
        if at_kill >= min(5 * batch, n_docs - batch):
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    survived = documents_in(killed)
    assert 0 < survived < n_docs
    assert survived % batch == 0, "a killed ingest must leave whole batches only"

    subprocess.run(ingest_cmd(killed, n_docs, batch), env=env(), check=True, timeout=600)
    assert fingerprint(killed) == fingerprint(clean)
    assert fingerprint(clean)[0]["documents"] == n_docs
