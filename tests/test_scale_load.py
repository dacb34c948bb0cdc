"""Reading a batch output back (what `multipolar ingest --from-batch` uses), without Ray."""

from __future__ import annotations

import json

import pytest

from multipolar.scale.layout import BatchLayout, write_json_atomic
from multipolar.scale.load import NotABatchOutput, iter_batch_record_objects, iter_batch_records


def _finish(layout: BatchLayout, location: str, digest: str, sources: list[str]) -> None:
    with open(layout.shard(digest), "w", encoding="utf-8") as f:
        for source in sources:
            f.write(json.dumps({"schema": "multipolar/1", "coder_version": "0.1.0", "extracted_at": "t",
                                "document": {"source": source}, "error": {"stage": "article",
                                "code": "no_body", "message": "x"}}) + "\n")
    write_json_atomic(layout.done_marker(digest), {"location": location, "digest": digest}, layout.tmp)


def test_load_yields_finished_files_in_location_order(tmp_path):
    layout = BatchLayout(str(tmp_path))
    layout.prepare()
    _finish(layout, "/data/b.warc", "d2", ["/data/b.warc#0"])
    _finish(layout, "/data/a.warc", "d9", ["/data/a.warc#0", "/data/a.warc#1"])
    # A shard without a done marker: the file was cut off by a killed run and must not be read.
    (tmp_path / "records" / "d5.jsonl").write_text('{"half": ', encoding="utf-8")
    sources = [r["document"]["source"] for r in iter_batch_records(str(tmp_path))]
    assert sources == ["/data/a.warc#0", "/data/a.warc#1", "/data/b.warc#0"]
    assert [r.error.code for r in iter_batch_record_objects(str(tmp_path))] == ["no_body"] * 3


def test_load_refuses_a_folder_that_is_not_a_batch_output(tmp_path):
    with pytest.raises(NotABatchOutput, match="multipolar batch"):
        list(iter_batch_records(str(tmp_path)))


def test_layout_lock_refuses_a_live_job_and_takes_over_a_dead_one(tmp_path):
    import os
    import socket
    import subprocess
    import sys

    from multipolar.scale.layout import FolderBusy

    layout = BatchLayout(str(tmp_path))
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        os.makedirs(layout.state, exist_ok=True)
        with open(os.path.join(layout.state, "lock"), "w") as f:
            json.dump({"pid": other.pid, "host": socket.gethostname()}, f)
        with pytest.raises(FolderBusy, match="another batch job"):
            layout.lock()
    finally:
        other.kill()
        other.wait()
    layout.lock()  # its holder is gone: a killed job's lock is taken over
    layout.unlock()
    assert not os.path.exists(os.path.join(layout.state, "lock"))
