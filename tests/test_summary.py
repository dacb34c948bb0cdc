from multipolar.model import Actor, Document, ErrorInfo, Evidence, Record
from multipolar.summary import format_record

TEXT = "President Ilves met officials in Tallinn."


def test_summary_names_people_and_unresolved_actors():
    actors = [Actor("ESTGOV", "Government of Estonia", "EST", "person", [Evidence.of(TEXT, 10, 15)],
                    person="Toomas Ilves"),
              Actor("---", "Tallinn Group", None, "other", [Evidence.of(TEXT, 32, 39)])]
    out = format_record(Record(Document("id1", "a.txt", TEXT, title="Talks"), "0.1.0", "t", actors=actors))
    assert "ESTGOV (Toomas Ilves)" in out
    assert "---:Tallinn Group" in out
    assert out.startswith("== Talks")


def test_summary_error_record_is_one_line():
    rec = Record(Document("", "bad.bin", ""), "0.1.0", "t", error=ErrorInfo("read", "not_text", "binary"))
    assert format_record(rec).strip() == "! bad.bin: read/not_text: binary"
