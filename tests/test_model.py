from multipolar.model import (
    Agreement,
    Document,
    ErrorInfo,
    Evidence,
    Provision,
    Record,
    record_from_dict,
    validate_record,
)

TEXT = "Russia and Iran signed a pact.\n\nIt did not include a mutual defence clause."


def _record() -> Record:
    sent = Evidence.of(TEXT, 0, 30)
    absent = Evidence.of(TEXT, 32, len(TEXT))
    agreement = Agreement("pact", "agreement", ["RUS", "IRN"], sent,
                          provisions=[Provision("defense", "absent", absent)])
    return Record(Document("abc", "x.txt", TEXT), "0.1.0", "2026-01-01T00:00:00Z", agreements=[agreement])


def test_model_record_roundtrips_and_validates():
    d = _record().to_dict()
    assert validate_record(d) == []
    assert d["agreements"][0]["parties"] == ["IRN", "RUS"]
    assert record_from_dict(d).to_dict() == d


def test_model_validation_catches_bad_offsets():
    d = _record().to_dict()
    d["agreements"][0]["provisions"][0]["evidence"]["start"] += 1
    assert any("offsets" in p for p in validate_record(d))


def test_model_error_record_has_only_source_and_error():
    rec = Record(Document("", "junk.bin", ""), "0.1.0", "t", error=ErrorInfo("read", "not_text", "binary"))
    d = rec.to_dict()
    assert set(d) == {"schema", "coder_version", "extracted_at", "document", "error"}
    assert d["document"] == {"source": "junk.bin"}
    assert validate_record(d) == []
