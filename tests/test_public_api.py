"""The public names of the package stay importable (and nothing is listed that is not)."""

import multipolar


def test_public_api_all_names_resolve():
    for name in multipolar.__all__:
        assert getattr(multipolar, name) is not None, name


def test_public_api_extract_text_gives_a_record():
    record = multipolar.extract_text("Officials from Chile and Peru met in Lima on Monday.\n", source="mem")
    assert record.error is None
    assert record.document.source == "mem"
    assert "Lima" in record.document.text


def test_public_api_store_is_the_store_class(tmp_path):
    with multipolar.Store.open(str(tmp_path / "x.db")) as store:
        assert store is not None
