"""The dev set through the real pipeline into a store, twice: the same rows both times; the
treaty and network queries answer over it. Skips without ../shared."""

from __future__ import annotations

import pytest

from multipolar.analysis import AgreementNotFound, network, treaty_compare, treaty_obligations
from multipolar.store import Store


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.slow
def test_dev_set_ingested_twice_gives_the_same_rows(dev_records, tmp_path):
    records = dev_records  # extracted once per session (tests/conftest.py)
    assert len(records) == 25
    with Store.open(tmp_path / "dev.db") as store:
        first = store.ingest(records)
        counts = store.counts()
        again = store.ingest(records)
        assert again.unchanged == first.documents == 25
        assert store.counts() == counts
        # the treaty queries answer over whatever the coders found (their accuracy is scored elsewhere)
        try:
            cmp = treaty_compare(store, "RUS-IRN", "RUS-PRK")
            assert {row["a"] for row in cmp["provisions"]} <= {"present", "absent", "conflict", "unknown"}
        except AgreementNotFound:
            pass
        obligations = treaty_obligations(store, "USA", "RUS")
        assert set(obligations) >= {"obligations", "breaches", "not_obliged"}
        assert network(store)["polarity"] is not None
