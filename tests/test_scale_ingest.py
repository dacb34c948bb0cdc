"""`multipolar ingest --from-batch DIR` loads a batch output into the SQLite store (no Ray needed)."""

from __future__ import annotations

import json

from multipolar.cli import main
from multipolar.scale.layout import BatchLayout, write_json_atomic
from multipolar.store import Store

TEXT = "Russia and Iran signed a treaty in Moscow on Friday."


def _batch_output(folder) -> list[dict]:
    layout = BatchLayout(str(folder))
    layout.prepare()
    records = [
        {"schema": "multipolar/1", "coder_version": "0.1.0", "extracted_at": "2026-01-01T00:00:00Z",
         "document": {"id": f"{i:016x}", "source": f"/data/a.warc#{i}", "title": f"Treaty {i}",
                      "subtitle": None, "byline": None, "published": "2025-01-18", "language": "en",
                      "text": f"{TEXT} Item {i}.", "cleaning": {}},
         "actors": [], "events": [], "agreements": [], "claims": [], "quotes": [], "flags": []}
        for i in range(3)]
    records.append({"schema": "multipolar/1", "coder_version": "0.1.0", "extracted_at": "2026-01-01T00:00:00Z",
                    "document": {"source": "/data/a.warc#3"},
                    "error": {"stage": "article", "code": "no_body", "message": "no body"}})
    with open(layout.shard("d1"), "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record) + "\n")
    write_json_atomic(layout.done_marker("d1"), {"location": "/data/a.warc", "digest": "d1", "documents": 4},
                      layout.tmp)
    return records


def test_ingest_from_batch_loads_every_record(tmp_path, capsys):
    _batch_output(tmp_path / "out")
    db = str(tmp_path / "store.db")
    assert main(["ingest", "--from-batch", str(tmp_path / "out"), "--db", db, "--no-progress"]) == 0
    with Store.open(db) as store:
        counts = store.counts()
    assert (counts["documents"], counts["ingest_errors"]) == (3, 1)
    # A second load changes nothing (the store's ingest is idempotent).
    assert main(["ingest", "--from-batch", str(tmp_path / "out"), "--db", db, "--no-progress"]) == 0
    with Store.open(db) as store:
        assert store.counts() == counts


def test_ingest_from_batch_refuses_a_folder_that_is_not_a_batch_output(tmp_path, capsys):
    assert main(["ingest", "--from-batch", str(tmp_path), "--db", str(tmp_path / "s.db")]) == 1
    assert "multipolar batch" in capsys.readouterr().err
    assert main(["ingest", "--db", str(tmp_path / "s.db")]) == 2
