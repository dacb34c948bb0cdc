"""Where a batch job writes, and the small file operations that make its output resumable.

    OUT/records/<digest>.jsonl                     SPEC records of one input file (a shard)
    OUT/parquet/<table>/month=<YYYY-MM>/<digest>.parquet
                                                   one Parquet dataset per record type,
                                                   hive-partitioned by publication month
                                                   (``month=unknown`` when undated)
    OUT/errors.jsonl, OUT/errors.parquet           input files that failed twice
    OUT/_state/done/<digest>.json                  written last: the file is finished
    OUT/_state/failed/<key>.json                   a file's latest failure
    OUT/_state/digests.jsonl                       digest cache by path, size and mtime
    OUT/_state/lock                                the running job (pid, host)
    OUT/_state/tmp/                                work in progress, cleared on start

Every output file is written under ``_state/tmp`` and renamed into place, and
the done marker comes after all of a file's outputs: a job killed at any moment
leaves either a finished file or one that the next run redoes from scratch.
The directory must be visible to every Ray node (local disk for one machine,
a shared filesystem for a cluster).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from typing import Any

from ..errors import MultipolarError

TABLES = ("documents", "events", "agreements", "provisions", "claims", "responses", "quotes")
UNKNOWN_MONTH = "unknown"


class BatchLayout:
    def __init__(self, out: str) -> None:
        self.out = os.path.abspath(out)
        self.records = os.path.join(self.out, "records")
        self.parquet = os.path.join(self.out, "parquet")
        self.state = os.path.join(self.out, "_state")
        self.done = os.path.join(self.state, "done")
        self.failed = os.path.join(self.state, "failed")
        self.tmp = os.path.join(self.state, "tmp")
        self.spool = os.path.join(self.state, "spool")
        self.digests = os.path.join(self.state, "digests.jsonl")
        self.errors_jsonl = os.path.join(self.out, "errors.jsonl")
        self.errors_parquet = os.path.join(self.out, "errors.parquet")

    def lock(self) -> None:
        """Claim the folder for this job; refuse when a live job on this machine holds it.

        A lock left by a killed job (its process is gone) is taken over.
        """
        import socket

        os.makedirs(self.state, exist_ok=True)
        path = os.path.join(self.state, "lock")
        me = {"pid": os.getpid(), "host": socket.gethostname()}
        try:
            with open(path, encoding="utf-8") as f:
                holder = json.load(f)
        except (OSError, ValueError):
            holder = None
        if holder and holder.get("pid") != me["pid"] and _alive(holder, me["host"]):
            raise FolderBusy(f"{self.out} is in use by another batch job (pid {holder.get('pid')} on "
                             f"{holder.get('host')}); wait for it, or use another --out")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(me, f)

    def unlock(self) -> None:
        try:
            os.remove(os.path.join(self.state, "lock"))
        except OSError:
            pass

    def prepare(self) -> None:
        """Create the folders and drop what a killed run left half-written."""
        for folder in (self.records, self.done, self.failed, self.spool):
            os.makedirs(folder, exist_ok=True)
        for table in TABLES:
            os.makedirs(os.path.join(self.parquet, table), exist_ok=True)
        shutil.rmtree(self.tmp, ignore_errors=True)
        shutil.rmtree(self.spool, ignore_errors=True)
        os.makedirs(self.tmp, exist_ok=True)
        os.makedirs(self.spool, exist_ok=True)

    # -- per input file -------------------------------------------------
    def shard(self, digest: str) -> str:
        return os.path.join(self.records, f"{digest}.jsonl")

    def table_file(self, table: str, month: str, digest: str) -> str:
        return os.path.join(self.parquet, table, f"month={month}", f"{digest}.parquet")

    def done_marker(self, digest: str) -> str:
        return os.path.join(self.done, f"{digest}.json")

    def failed_marker(self, location: str, digest: str | None) -> str:
        return os.path.join(self.failed, f"{failure_key(location, digest)}.json")

    def work_dir(self, digest: str) -> str:
        """A fresh private folder for one attempt at one input file."""
        folder = os.path.join(self.tmp, f"{digest}-{os.getpid()}")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        return folder

    def remove_outputs(self, digest: str) -> None:
        """Delete the outputs of an unfinished earlier attempt (partitions may differ)."""
        for table in TABLES:
            table_dir = os.path.join(self.parquet, table)
            for part in os.listdir(table_dir) if os.path.isdir(table_dir) else ():
                path = os.path.join(table_dir, part, f"{digest}.parquet")
                if os.path.exists(path):
                    os.remove(path)
        if os.path.exists(self.shard(digest)):
            os.remove(self.shard(digest))

    # -- job state --------------------------------------------------------
    def finished(self) -> dict[str, dict[str, Any]]:
        """Done markers by digest."""
        out: dict[str, dict[str, Any]] = {}
        if not os.path.isdir(self.done):
            return out
        for name in sorted(os.listdir(self.done)):
            if name.endswith(".json"):
                with open(os.path.join(self.done, name), encoding="utf-8") as f:
                    marker = json.load(f)
                out[marker["digest"]] = marker
        return out

    def failures(self) -> list[dict[str, Any]]:
        rows = []
        if os.path.isdir(self.failed):
            for name in sorted(os.listdir(self.failed)):
                with open(os.path.join(self.failed, name), encoding="utf-8") as f:
                    rows.append(json.load(f))
        return sorted(rows, key=lambda r: r["location"])


class FolderBusy(MultipolarError):
    """Another batch job is writing to the same output folder."""


def _alive(holder: dict[str, Any], host: str) -> bool:
    if holder.get("host") != host:
        return True  # another machine's job: cannot tell, so assume it runs
    try:
        os.kill(int(holder["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def failure_key(location: str, digest: str | None) -> str:
    # A file that cannot be read has no digest; its location names it instead.
    return digest or "loc-" + hashlib.sha256(location.encode("utf-8")).hexdigest()


def write_json_atomic(path: str, data: dict[str, Any], tmp_dir: str) -> None:
    tmp = os.path.join(tmp_dir, os.path.basename(path) + f".{os.getpid()}.part")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def month_of(published: str | None) -> str:
    """The partition of a document: ``YYYY-MM`` of its publication date, else ``unknown``."""
    if published and len(published) >= 7 and published[:4].isdigit() and published[5:7].isdigit():
        return published[:7]
    return UNKNOWN_MONTH
