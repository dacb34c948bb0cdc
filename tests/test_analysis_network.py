"""Network of states by agreements, blocs, polarity index, from the fixture store."""

from __future__ import annotations

import pytest

from multipolar.analysis import network, polarity
from store_fixtures import make_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("n") / "s.db")
    yield s
    s.close()


def test_network_edges_are_weighted_by_provision_strength(store):
    n = network(store)
    edges = {(e["a"], e["b"]): e["weight"] for e in n["edges"]}
    # defense 4; RUS-IRN: neutrality 3 beats the disputed defense (4 / 2); CHN-RUS: non-aggression 3
    assert edges == {("IRN", "RUS"): 3.0, ("PRK", "RUS"): 4.0, ("CHN", "RUS"): 3.0, ("JPN", "USA"): 4.0,
                     ("KOR", "USA"): 4.0}


def test_blocs_and_polarity_of_the_whole_store(store):
    n = network(store)
    assert [b["members"] for b in n["blocs"]] == [["CHN", "IRN", "PRK", "RUS"], ["JPN", "KOR", "USA"]]
    # shares 20/36 and 16/36 of the weighted degree: N = 1 / (0.5556^2 + 0.4444^2)
    assert n["polarity"]["effective_poles"] == pytest.approx(1.9756, abs=1e-3)
    assert {node["id"]: node["bloc"] for node in n["nodes"]}["USA"] == 1


def test_network_on_a_date_and_min_weight(store):
    n = network(store, on="2000-01-01")
    assert {(e["a"], e["b"]) for e in n["edges"]} == {("JPN", "USA"), ("KOR", "USA")}
    assert n["polarity"]["effective_poles"] == 1.0
    assert {(e["a"], e["b"]) for e in network(store, min_weight=3.5)["edges"]} == \
        {("PRK", "RUS"), ("JPN", "USA"), ("KOR", "USA")}


def test_polarity_over_time(store):
    years = {y["year"]: y for y in polarity(store)["years"]}
    assert min(years) == 1953 and max(years) == 2025
    assert years[1953]["effective_poles"] == 1.0 and years[1953]["n_states"] == 2
    assert years[2000]["n_blocs"] == 1
    assert years[2001]["n_blocs"] == 2 and years[2001]["effective_poles"] == pytest.approx(1.6575, abs=1e-3)
    assert years[2025]["effective_poles"] == pytest.approx(1.9756, abs=1e-3)
    assert polarity(store, start_year=2024, end_year=2024)["years"][0]["year"] == 2024
