"""Bad input yields error records, never a traceback, and the rest of the run goes on."""

import json

from multipolar.cli import main


def test_cli_extract_bad_inputs_give_error_records(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 20)
    good = tmp_path / "good.txt"
    good.write_text("Officials met in Geneva on Monday to discuss the ceasefire.\n", encoding="utf-8")
    rc = main(["extract", str(empty), str(junk), str(tmp_path / "missing.txt"), str(good)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rc == 0
    assert [r.get("error", {}).get("code") for r in lines] == ["empty", "not_text", "not_found", None]
    assert "Geneva" in lines[3]["document"]["text"]


def test_cli_extract_all_failed_exits_1(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"   \n")
    assert main(["extract", str(empty)]) == 1


def test_cli_usage_error_exits_2(capsys):
    import pytest

    with pytest.raises(SystemExit) as e:
        main(["extract", "--format", "nope", "x"])
    assert e.value.code == 2
