"""Malformed inputs give an error record or a sensible record, never a traceback,
and the other inputs of the same run are still processed."""

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from multipolar.cli import main
from multipolar.pipeline import extract
from multipolar.settings import Settings

GOOD = ("Ministers from both countries met in Vienna on Tuesday and agreed to reopen "
        "the border crossing for lorries, officials said.\n")


def truncated_warc() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n in range(3):
        body = (f"<html><head><title>Report {n}</title></head><body><article>"
                + "".join(f"<p>Paragraph {i} of report {n} on the river talks in the capital.</p>"
                          for i in range(5))
                + "</article></body></html>").encode()
        writer.write_record(writer.create_warc_record(
            f"https://w.example/{n}", "response", payload=io.BytesIO(body),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")))
    data = out.getvalue()
    return data[: len(data) - 150]  # cut inside the last record


def make_inputs(tmp_path) -> list[str]:
    files = {
        "junk.html": bytes(range(256)) * 40,
        "empty.txt": b"",
        "latin1.txt": "Caf\u00e9 owners in Gen\u00e8ve protested against the new rent rules on Monday.".encode("cp1252"),
        "nobody.html": b"<html><head><title>Only a title</title></head></html>",
        "emptybody.html": b"<!DOCTYPE html><html><head><title>T</title></head><body>  </body></html>",
        "cut.warc.gz": truncated_warc(),
        "good.txt": GOOD.encode(),
        "binary.txt.gz": gzip.compress(bytes(range(256)) * 10),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:  # 50 MB of text, written in big blocks so it takes a moment only
        block = b"A line of plain text that repeats many times.\n" * 20_000
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            f.write(block)
    assert big.stat().st_size > 50 * 1024 * 1024
    paths.insert(3, str(big))
    return paths


EXPECTED = [
    ("junk.html", "not_text"),
    ("empty.txt", "empty"),
    ("latin1.txt", None),
    ("huge.txt", "too_large"),
    ("nobody.html", "no_body"),
    ("emptybody.html", "no_body"),
    ("cut.warc.gz#0", None),
    ("cut.warc.gz#1", None),
    ("cut.warc.gz#2", "warc"),
    ("good.txt", None),
    ("binary.txt.gz", "not_text"),
]


def test_malformed_inputs_through_the_cli(tmp_path, capsys):
    paths = make_inputs(tmp_path)
    rc = main(["extract", *paths, "--format", "jsonl"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    records = [json.loads(line) for line in captured.out.splitlines()]
    got = [(r["document"]["source"].removeprefix(str(tmp_path) + "/"), (r.get("error") or {}).get("code"))
           for r in records]
    assert got == EXPECTED
    assert rc == 0
    for record in records:
        if "error" in record:
            # SPEC shape: document.source + error{stage, code, message}, no other records
            assert set(record["error"]) == {"stage", "code", "message"}
            assert record["error"]["stage"] in ("read", "article", "nlp", "coding")
            assert record["error"]["message"]
            assert not any(record.get(k) for k in ("actors", "events", "agreements", "claims", "quotes"))
    by_source = {g[0]: r for g, r in zip(got, records, strict=True)}
    assert "Café owners in Genève" in by_source["latin1.txt"]["document"]["text"]
    assert "Vienna" in by_source["good.txt"]["document"]["text"]
    assert "Paragraph 4 of report 1" in by_source["cut.warc.gz#1"]["document"]["text"]


def test_malformed_inputs_through_the_pipeline(tmp_path):
    paths = make_inputs(tmp_path)
    records = list(extract(paths, Settings(extracted_at="2026-01-01T00:00:00Z")))
    assert [(r.error.code if r.error else None) for r in records] == [code for _, code in EXPECTED]


def test_text_over_the_language_models_limit_spares_the_rest(tmp_path):
    # Under the byte limit, but longer than spaCy accepts (nlp.max_length, 1,000,000 characters).
    long_text = tmp_path / "long.txt"
    # distinct paragraphs, so that no repeated-block cleaning can shorten it
    long_text.write_text("".join(f"Delegation {i} met delegation {i + 1} in Oslo on day {i % 30 + 1} "
                                 f"and agreed on point {i * 7}.\n\n" for i in range(20_000)), encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    records = list(extract([str(long_text), str(good)], Settings(extracted_at="2026-01-01T00:00:00Z")))
    assert (records[0].error.stage, records[0].error.code) == ("nlp", "too_large")
    assert records[1].error is None and "Vienna" in records[1].document.text


def test_a_reader_bug_on_one_input_spares_the_rest(tmp_path, monkeypatch):
    import multipolar.pages.text as text_module

    real = text_module.extract_text_scrape

    def fragile(text, source, *args, **kwargs):
        if "trigger" in text:
            raise IndexError("list index out of range")
        return real(text, source, *args, **kwargs)

    monkeypatch.setattr(text_module, "extract_text_scrape", fragile)
    bad = tmp_path / "bad.txt"
    bad.write_text("This line will trigger a bug in the reader.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    records = list(extract([str(bad), str(good)], Settings(extracted_at="2026-01-01T00:00:00Z")))
    assert (records[0].error.stage, records[0].error.code) == ("article", "parse")
    assert "IndexError" in records[0].error.message
    assert records[1].error is None
