"""The store commands end to end on a fixture store: ingest (record JSONL), show, timeline, agreements,
claims, search, network, treaty, export; --json output parses."""

from __future__ import annotations

import json

import pytest

from multipolar.cli import main
from store_fixtures import fixture_records


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    records = d / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in fixture_records().values()), encoding="utf-8")
    db = str(d / "cli.db")
    assert main(["ingest", str(records), "--db", db, "--no-progress"]) == 0
    return db


def run_json(capsys, *argv):
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_ingest_again_reports_unchanged(db, tmp_path, capsys):
    records = tmp_path / "r.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in fixture_records().values()), encoding="utf-8")
    out = run_json(capsys, "ingest", str(records), "--db", db, "--no-progress")
    assert out["ingested"]["unchanged"] == 6 and out["counts"]["documents"] == 6


def test_query_commands_json(db, capsys):
    assert run_json(capsys, "show", "--db", db)["counts"]["documents"] == 6
    assert run_json(capsys, "timeline", "RUS", "IRN", "--db", db)["clusters"][0]["n_documents"] == 3
    assert run_json(capsys, "agreements", "RUS", "--db", db)["total"] == 3
    assert run_json(capsys, "claims", "IRN", "--db", db)["claims"][0]["claimant"] == "USA"
    assert len(run_json(capsys, "search", "mutual", "defence", "--db", db)["hits"]) == 3
    assert len(run_json(capsys, "network", "--db", db)["blocs"]) == 2
    assert run_json(capsys, "network", "--polarity", "--db", db)["years"][-1]["year"] == 2025
    cmp = run_json(capsys, "treaty", "compare", "RUS-IRN", "RUS-PRK", "--db", db)
    assert cmp["provisions"][0]["key"] == "defense"
    ob = run_json(capsys, "treaty", "obligations", "--attacker", "USA", "--attacked", "RUS", "--db", db)
    assert {o["party"] for o in ob["obligations"] if o["duty"] == "defend"} == {"PRK", "IRN"}


def test_query_commands_text(db, tmp_path, capsys):
    for argv in (["show"], ["timeline", "RUS"], ["agreements", "IRN"], ["claims", "IRN"], ["search", "treaty"],
                 ["network"], ["treaty", "compare", "RUS-IRN", "RUS-PRK"],
                 ["treaty", "obligations", "--attacker", "USA", "--attacked", "RUS"],
                 ["export", str(tmp_path / "out"), "--format", "csv"]):
        capsys.readouterr()
        assert main([*argv, "--db", db]) == 0, argv
        assert capsys.readouterr().out.strip(), argv
    capsys.readouterr()
    assert main(["treaty", "obligations", "--attacker", "USA", "--attacked", "RUS", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "PRK must defend RUS" in out and "IRN must not help USA (neutrality owed to RUS)" in out


def test_unknown_actor_and_missing_store_exit_1(db, tmp_path, capsys):
    assert main(["timeline", "Atlantis of the Seas", "--db", db]) == 1
    assert "no actor code or known name" in capsys.readouterr().err
    assert main(["show", "--db", str(tmp_path / "none.db")]) == 1
