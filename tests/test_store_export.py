"""Export per table (Parquet, CSV, JSONL) and the GDELT-style events table."""

from __future__ import annotations

import json

import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest

from multipolar.store import TABLES
from multipolar.store.export import export
from store_fixtures import make_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("x") / "s.db")
    yield s
    s.close()


def test_parquet_export_has_every_table_with_its_rows(store, tmp_path):
    result = export(store, tmp_path, "parquet")
    counts = store.counts()
    for table in TABLES:
        assert result[table]["rows"] == counts[table]
        assert pq.read_table(result[table]["path"]).num_rows == counts[table]
    events = pq.read_table(result["gdelt_events"]["path"]).to_pylist()
    assert len(events) == counts["events"]
    signing = next(e for e in events if e["Actor1Code"] == "RUS" and e["EventCode"] == "057")
    assert signing["SQLDATE"] == 20250117 and signing["EventRootCode"] == "05" and signing["QuadClass"] == 1
    assert signing["NumSources"] == 3 and signing["SOURCEURL"] == "https://paper.example/b"
    assert signing["Actor2CountryCode"] == "IRN" and signing["EvidenceText"].startswith("Moscow and Tehran")
    accusation = next(e for e in events if e["EventCode"] == "122")
    assert accusation["QuadClass"] == 3


def test_csv_and_jsonl_exports(store, tmp_path):
    result = export(store, tmp_path / "csv", "csv", tables=["agreements"])
    assert set(result) == {"agreements", "gdelt_events"}
    assert pcsv.read_csv(result["agreements"]["path"]).num_rows == 5
    result = export(store, tmp_path / "jsonl", "jsonl", tables=["claims"], gdelt=False)
    rows = [json.loads(line) for line in open(result["claims"]["path"], encoding="utf-8")]
    assert rows[0]["subject"] == "IRN" and rows[0]["topic"] == "arms_transfer"
    with pytest.raises(ValueError):
        export(store, tmp_path, "xlsx")


def test_duckdb_reads_the_gdelt_style_parquet(store, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    path = export(store, tmp_path, "parquet", tables=["events"])["gdelt_events"]["path"]
    rows = duckdb.sql(f"SELECT Actor1CountryCode, Actor2CountryCode, max(NumSources) FROM '{path}' "
                      f"WHERE EventRootCode = '05' GROUP BY 1, 2 ORDER BY 3 DESC").fetchall()
    assert rows[0] == ("RUS", "IRN", 3)
