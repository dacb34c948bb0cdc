"""Records flattened into the seven Parquet tables, written per input file and read back by month."""

from __future__ import annotations

from multipolar.model import (
    Actor,
    Agreement,
    Claim,
    Document,
    ErrorInfo,
    Event,
    Evidence,
    Provision,
    Quote,
    Record,
    Response,
    validate_record,
)
from multipolar.scale.layout import TABLES, BatchLayout, month_of
from multipolar.scale.outputs import FileOutputs
from multipolar.scale.tables import SCHEMAS, read_table, record_rows

TEXT = ("Russia and Iran signed a treaty on Friday. It provides for joint exercises. "
        "It has no mutual defence clause. Washington accused Tehran of sending missiles. "
        "Tehran denied it. \"We reject this,\" the minister said.")


def _span(part: str) -> Evidence:
    start = TEXT.index(part)
    return Evidence.of(TEXT, start, start + len(part))


def _record(source: str, published: str | None) -> dict:
    record = Record(
        document=Document(id="abc", source=source, text=TEXT, title="Treaty", published=published),
        coder_version="0.1.0", extracted_at="2026-01-01T00:00:00Z",
        actors=[Actor("RUS", "Russia", "RUS", "state", [_span("Russia")])],
        events=[Event("RUS", "IRN", "057", "SUPPORT", "2025-01-17", _span("Russia and Iran signed a treaty")),
                Event("USA", "IRN", "112", "DISAPPROVE", None, _span("Washington accused Tehran"))],
        agreements=[Agreement("treaty", "treaty", ["RUS", "IRN"], _span("signed a treaty"), "2025-01-17", 20,
                              [Provision("joint_exercises", "present", _span("joint exercises")),
                               Provision("defense", "absent", _span("no mutual defence clause"))])],
        claims=[Claim("USA", "accuse", "IRN", "arms_transfer", "sending missiles",
                      _span("Washington accused Tehran of sending missiles"), "2024-09",
                      [Response("IRN", "deny", _span("Tehran denied it"))])],
        quotes=[Quote("the minister", None, "We reject this", _span("We reject this"))],
    ).to_dict()
    assert validate_record(record) == []
    return record


def test_tables_flatten_every_part_of_a_record():
    month, rows = record_rows(_record("a.warc#0", "2025-01-18T09:30:00"), "d1")
    assert month == "2025-01"
    assert {t: len(rows[t]) for t in TABLES} == {"documents": 1, "events": 2, "agreements": 1,
                                                 "provisions": 2, "claims": 1, "responses": 1, "quotes": 1}
    for table in TABLES:
        assert set(rows[table][0]) == set(SCHEMAS[table].names), table
    provision = rows["provisions"][1]
    assert (provision["key"], provision["value"], provision["agreement_index"]) == ("defense", "absent", 0)
    assert TEXT[provision["evidence_start"]:provision["evidence_end"]] == provision["evidence_text"]
    assert rows["agreements"][0]["parties"] == ["IRN", "RUS"]
    assert rows["documents"][0]["n_events"] == 2 and rows["documents"][0]["input_digest"] == "d1"


def test_tables_keep_error_records_as_document_rows():
    error = Record(Document(id="", source="b.warc#3", text=""), "0.1.0", "2026-01-01T00:00:00Z",
                   error=ErrorInfo("article", "no_body", "no body")).to_dict()
    month, rows = record_rows(error, "d2")
    assert month == "unknown"
    assert rows["documents"][0]["error_code"] == "no_body"
    assert all(not rows[t] for t in TABLES if t != "documents")


def test_month_of_partitions_by_publication_month():
    assert month_of("2024-09-10T14:00:00") == "2024-09"
    assert month_of("2024-09") == "2024-09"
    assert month_of("2024") == "unknown"
    assert month_of(None) == "unknown"


def test_file_outputs_write_hive_partitioned_parquet(tmp_path):
    layout = BatchLayout(str(tmp_path / "out"))
    layout.prepare()
    outputs = FileOutputs(layout, "d1")
    for i, published in enumerate(["2025-01-18", "2025-03-04", None]):
        outputs.add(_record(f"a.warc#{i}", published))
    assert outputs.commit() == {"2025-01": 1, "2025-03": 1, "unknown": 1}
    outputs.discard()
    events = read_table(layout.parquet, "events")
    assert events.num_rows == 6
    assert sorted(set(events.column("month").to_pylist())) == ["2025-01", "2025-03", "unknown"]
    assert (tmp_path / "out" / "parquet" / "provisions" / "month=2025-03" / "d1.parquet").is_file()
    assert len((tmp_path / "out" / "records" / "d1.jsonl").read_text().splitlines()) == 3
    assert not any((tmp_path / "out" / "_state" / "tmp").iterdir())


def test_read_table_of_an_empty_dataset_has_its_columns(tmp_path):
    layout = BatchLayout(str(tmp_path / "out"))
    layout.prepare()
    quotes = read_table(layout.parquet, "quotes")
    assert quotes.num_rows == 0
    assert quotes.schema.names == SCHEMAS["quotes"].names + ["month"]
