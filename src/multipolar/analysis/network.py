"""The network of states linked by agreements, its blocs, and a polarity index over time.

Edges: two states are linked by every stored agreement they are both party to; each agreement
weighs the strength of its strongest provision (``data/provision_strength.yaml``: defense >
neutrality / non-aggression > consultation > cooperation). The whole-store network is read from
the ``network_edges`` summary kept at ingest; a network as of a date is rebuilt from the
(merged, few) agreements.

Blocs: Louvain community detection on the weighted graph (Blondel, Guillaume, Lambiotte &
Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech. 2008, P10008),
networkx's implementation with a fixed seed so answers are reproducible.

Polarity: each bloc's share ``s_i`` of the network's total weighted degree; the concentration
is the Herfindahl-Hirschman index ``H = sum(s_i^2)`` and the polarity index is the *effective
number of poles* ``N = 1 / H`` (Laakso & Taagepera, "'Effective' number of parties: a measure
with application to West Europe", Comparative Political Studies 12(1), 1979, 3-27; applied
to the distribution of capabilities among poles in the polarity literature, e.g. Mansfield,
"Concentration, polarity, and the distribution of power", International Studies Quarterly
37(1), 1993, 105-128). N = 1 is a unipolar network (one bloc holds all ties), N = 2 bipolar,
higher N multipolar.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from .common import connection

SEED = 7


def _graph_from_summary(conn) -> nx.Graph:
    g = nx.Graph()
    for a, b, weight, n in conn.execute("SELECT a, b, weight, n_agreements FROM network_edges WHERE weight > 0"):
        g.add_edge(a, b, weight=weight, n_agreements=n)
    return g


def _graph_in_force(conn, on: str | None, since: str | None = None) -> nx.Graph:
    """Graph of the agreements signed by ``on`` (and not expired), or since ``since``.

    Agreements without a signing date are left out of dated graphs.
    """
    g = nx.Graph()
    parties_of: dict[int, list[str]] = defaultdict(list)
    for agreement, party in conn.execute("SELECT agreement, party FROM agreement_parties"):
        parties_of[agreement].append(party)
    for r in conn.execute("SELECT id, signed, duration_years, weight FROM agreements WHERE signed IS NOT NULL"):
        signed = r["signed"]
        if on and signed[:len(on)] > on[:len(signed)]:
            continue
        if since and signed < since:
            continue
        if on and r["duration_years"]:
            end_year = int(signed[:4]) + int(r["duration_years"])
            if int(on[:4]) > end_year:
                continue
        for a, b in combinations(sorted(parties_of[r["id"]]), 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += r["weight"]
                g[a][b]["n_agreements"] += 1
            else:
                g.add_edge(a, b, weight=r["weight"], n_agreements=1)
    return g


def blocs_of(g: nx.Graph) -> list[set[str]]:
    if g.number_of_edges() == 0:
        return [{n} for n in sorted(g.nodes)]
    communities = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    return sorted((set(c) for c in communities), key=lambda c: (-len(c), sorted(c)))


def polarity_of(g: nx.Graph, blocs: list[set[str]]) -> dict[str, Any]:
    strength = dict(g.degree(weight="weight"))
    total = sum(strength.values())
    if not total:
        return {"effective_poles": None, "concentration": None, "shares": []}
    shares = [sum(strength[n] for n in b) / total for b in blocs]
    h = sum(s * s for s in shares)
    return {"effective_poles": round(1 / h, 4), "concentration": round(h, 4),
            "shares": [round(s, 4) for s in shares]}


def network(store: Any, *, on: str | None = None, since: str | None = None,
            min_weight: float = 0.0) -> dict[str, Any]:
    """States as nodes, agreements as weighted edges, with blocs and the polarity index.

    Without ``on``/``since`` it is the whole store (every agreement, dated or not). Returns
    ``{"nodes": [{"id", "name", "strength", "degree", "bloc"}], "edges": [{"a", "b", "weight",
    "n_agreements"}], "blocs": [{"id", "members", "share"}], "polarity": {"effective_poles",
    "concentration", "shares"}}``.
    """
    conn = connection(store)
    g = _graph_in_force(conn, on, since) if (on or since) else _graph_from_summary(conn)
    if min_weight:
        g.remove_edges_from([(a, b) for a, b, w in g.edges(data="weight") if w < min_weight])
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    blocs = blocs_of(g)
    pol = polarity_of(g, blocs)
    bloc_of = {n: i for i, b in enumerate(blocs) for n in b}
    names = {r[0]: r[1] for r in conn.execute("SELECT code, name FROM actors WHERE length(code) = 3 "
                                              "OR code LIKE 'IGO%'")}
    strength = dict(g.degree(weight="weight"))
    nodes = [{"id": n, "name": names.get(n), "strength": round(strength[n], 4), "degree": g.degree(n),
              "bloc": bloc_of[n]} for n in sorted(g.nodes)]
    edges = [{"a": a, "b": b, "weight": round(d["weight"], 4), "n_agreements": d["n_agreements"]}
             for a, b, d in sorted(g.edges(data=True), key=lambda e: tuple(sorted(e[:2])))]
    edges = [{**e, "a": min(e["a"], e["b"]), "b": max(e["a"], e["b"])} for e in edges]
    return {"on": on, "since": since, "nodes": nodes, "edges": edges,
            "blocs": [{"id": i, "members": sorted(b), "share": pol["shares"][i] if pol["shares"] else None}
                      for i, b in enumerate(blocs)],
            "polarity": pol}


def polarity(store: Any, *, start_year: int | None = None, end_year: int | None = None) -> dict[str, Any]:
    """The polarity index year by year, on the agreements in force at the end of each year.

    Returns ``{"measure", "source", "years": [{"year", "n_states", "n_edges", "n_blocs",
    "effective_poles", "concentration", "blocs": [[members]]}]}``.
    """
    conn = connection(store)
    years = [int(r[0]) for r in conn.execute(
        "SELECT DISTINCT substr(signed, 1, 4) FROM agreements WHERE signed IS NOT NULL ORDER BY 1")
             if r[0] and r[0].isdigit()]
    if not years:
        return {"measure": MEASURE, "source": SOURCE, "years": []}
    lo = start_year or years[0]
    hi = end_year or years[-1]
    out = []
    for year in range(lo, hi + 1):
        g = _graph_in_force(conn, f"{year}-12-31")
        blocs = blocs_of(g)
        pol = polarity_of(g, blocs)
        out.append({"year": year, "n_states": g.number_of_nodes(), "n_edges": g.number_of_edges(),
                    "n_blocs": len(blocs), "effective_poles": pol["effective_poles"],
                    "concentration": pol["concentration"], "blocs": [sorted(b) for b in blocs]})
    return {"measure": MEASURE, "source": SOURCE, "years": out}


MEASURE = ("effective number of poles N = 1 / sum(s_i^2), s_i = a Louvain bloc's share of the "
           "agreement network's total weighted degree")
SOURCE = ("Laakso & Taagepera 1979, Comparative Political Studies 12(1):3-27; blocs by Louvain "
          "(Blondel et al. 2008, J. Stat. Mech. P10008)")
