"""`multipolar demo --db FILE`: the example corpus into a store, then its summary."""

from __future__ import annotations

import pytest

from multipolar.cli import main
from multipolar.store import Store


@pytest.mark.model
def test_demo_ingests_the_examples_and_prints_the_store(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "== the store" in out
    with Store.open(db, readonly=True) as store:
        assert store.counts()["documents"] >= 6  # examples/: 2 text scrapes, 2 HTML pages, a WARC of 2
    assert main(["demo", "--db", str(db)]) == 0
    assert "0 new documents" in capsys.readouterr().out
