"""Treaty comparison and obligations over the store (``multipolar treaty compare|obligations``).

``treaty_compare`` sets two agreements' provisions side by side: present / absent / conflict
(reports disagree) / unknown (no report mentions it).

``treaty_obligations`` answers: if X attacks Y, which stored agreements oblige whom to do what.
The reading of each provision follows the ATOP codebook's obligations (Leeds et al. 2002):

- ``defense`` in an agreement that includes Y: every other party must come to Y's aid.
- ``neutrality`` in an agreement that includes Y: every other party must not help X;
  in an agreement that includes X: every other party must not help Y (X's adversary).
- ``nonaggression`` in an agreement between X and Y: X is bound not to attack Y (a breach).
- ``consultation`` in an agreement that includes Y (or X): the parties must consult.
- ``territory_non_use`` in an agreement that includes Y: the other parties must not let X use
  their territory against Y.

A provision reported ``absent`` is an explicit non-obligation (the seed: Russia has no duty to
defend Iran); one whose reports conflict is listed with ``"disputed": true``.
"""

from __future__ import annotations

from typing import Any

from ..model import PROVISION_KEYS
from .agreements import agreement_summary, find_agreements, merged_provisions, provision_evidence
from .common import EVIDENCE_COLUMNS, connection, evidence_of, resolve_actor


class AgreementNotFound(LookupError):
    pass


def _one(conn, spec: str | int) -> int:
    ids = find_agreements(conn, spec)
    if not ids:
        raise AgreementNotFound(f"no stored agreement matches {spec!r}")
    return ids[0]


def treaty_compare(store: Any, a: str | int, b: str | int) -> dict[str, Any]:
    """Provisions of agreements ``a`` and ``b`` side by side (see :func:`find_agreements` for specs).

    Returns ``{"a": summary, "b": summary, "provisions": [{"key", "a", "b", "a_evidence",
    "b_evidence"}], "same": [keys], "differ": [keys]}`` with values present / absent / conflict /
    unknown, in SPEC key order, listing every key that either agreement reports.
    """
    conn = connection(store)
    ida, idb = _one(conn, a), _one(conn, b)
    rows = {r["id"]: r for r in conn.execute("SELECT * FROM agreements WHERE id IN (?, ?)", (ida, idb))}
    merged = merged_provisions(conn, [ida, idb])
    evidence = {ida: provision_evidence(conn, ida), idb: provision_evidence(conn, idb)}
    keys = [k for k in PROVISION_KEYS if k in merged[ida] or k in merged[idb]]
    keys += sorted((set(merged[ida]) | set(merged[idb])) - set(keys))
    table, same, differ = [], [], []
    for key in keys:
        va = merged[ida].get(key, {}).get("value", "unknown")
        vb = merged[idb].get(key, {}).get("value", "unknown")
        table.append({"key": key, "a": va, "b": vb,
                      "a_evidence": [e["evidence"] for e in evidence[ida].get(key, [])],
                      "b_evidence": [e["evidence"] for e in evidence[idb].get(key, [])]})
        (same if va == vb else differ).append(key)
    return {"a": agreement_summary(rows[ida]), "b": agreement_summary(rows[idb]), "provisions": table,
            "same": same, "differ": differ}


# Evidence listed per obligation: the first reports; agreement(id) lists them all.
EVIDENCE_PER_ITEM = 3

# provision -> (duty, whose agreement triggers it: "attacked" | "attacker" | "both")
_DUTIES = (
    ("defense", "defend", "attacked"),
    ("neutrality", "stay_neutral", "attacked"),
    ("neutrality", "stay_neutral", "attacker"),
    ("territory_non_use", "deny_territory", "attacked"),
    ("consultation", "consult", "attacked"),
    ("consultation", "consult", "attacker"),
)


def treaty_obligations(store: Any, attacker: str, attacked: str, *, on: str | None = None) -> dict[str, Any]:
    """Who must do what, under stored agreements, if ``attacker`` attacks ``attacked``.

    ``on`` (an ISO date) leaves out agreements signed later or expired by then (when their
    signing date and duration are known). Returns ``{"attacker", "attacked", "obligations":
    [{"party", "duty", "toward", "provision", "value", "disputed", "agreement", "evidence"}],
    (``evidence``: the first three reports; ``agreement(id)`` has them all),
    "breaches": [...same shape, duty "not_attack"...], "not_obliged": [...provisions reported
    absent...]}``.
    """
    conn = connection(store)
    x = resolve_actor(conn, attacker)
    y = resolve_actor(conn, attacked)
    keys = sorted({k for k, _, _ in _DUTIES} | {"nonaggression"})
    marks = ",".join("?" * len(keys))
    # only agreements of X or Y that report one of the provisions that bear on an attack
    rows = conn.execute(
        f"SELECT DISTINCT g.* FROM agreement_parties p JOIN agreements g ON g.id = p.agreement "
        f"WHERE p.party IN (?, ?) AND EXISTS (SELECT 1 FROM agreement_provisions ap WHERE "
        f"ap.agreement = g.id AND ap.key IN ({marks})) ORDER BY g.id",
        (x.country, y.country, *keys)).fetchall()
    rows = [r for r in rows if _in_force(r, on)]
    merged = merged_provisions(conn, [r["id"] for r in rows])
    found: list[tuple[str, dict[str, Any]]] = []   # (bucket, item) with evidence filled in below
    seen: set[tuple] = set()
    for r in rows:
        parties = r["parties"].split(",")
        provisions = merged[r["id"]]
        summary = agreement_summary(r)
        for key, duty, side in _DUTIES:
            state = provisions.get(key)
            if state is None:
                continue
            anchor, adversary = (y.country, x.country) if side == "attacked" else (x.country, y.country)
            if anchor not in parties:
                continue
            for party in parties:
                # the anchor owes itself nothing; the adversary owes nothing but consultation
                if party == anchor or (party == adversary and duty != "consult"):
                    continue
                bucket = "not_obliged" if state["value"] == "absent" else "obligations"
                if (bucket, party, duty, anchor, r["id"]) in seen:
                    continue
                seen.add((bucket, party, duty, anchor, r["id"]))
                item = _item(party, duty, anchor, key, state["value"], summary)
                if duty in ("stay_neutral", "deny_territory"):
                    item["must_not_help"] = adversary
                found.append((bucket, item))
        state = provisions.get("nonaggression")
        if state and x.country in parties and y.country in parties:
            bucket = "not_obliged" if state["value"] == "absent" else "breaches"
            found.append((bucket, _item(x.country, "not_attack", y.country, "nonaggression", state["value"],
                                        summary)))
    evidence = _provision_evidence(conn, {(item["agreement"]["id"], item["provision"]) for _, item in found})
    out: dict[str, list] = {"obligations": [], "breaches": [], "not_obliged": []}
    for bucket, item in found:
        item["evidence"] = evidence.get((item["agreement"]["id"], item["provision"]), [])
        out[bucket].append(item)
    return {"attacker": x.to_dict(), "attacked": y.to_dict(), "on": on, **out}


def _item(party: str, duty: str, toward: str, key: str, value: str, agreement: dict[str, Any]) -> dict[str, Any]:
    return {"party": party, "duty": duty, "toward": toward, "provision": key, "value": value,
            "disputed": value == "conflict", "agreement": agreement, "evidence": []}


def _provision_evidence(conn, pairs: set[tuple[int, str]], per_item: int = EVIDENCE_PER_ITEM
                        ) -> dict[tuple[int, str], list[dict[str, Any]]]:
    """(agreement, key) -> the evidence of the first ``per_item`` reports of that provision."""
    out: dict[tuple[int, str], list[dict[str, Any]]] = {}
    if not pairs:
        return out
    ids = sorted({a for a, _ in pairs})
    for i in range(0, len(ids), 5000):
        chunk = ids[i:i + 5000]
        for r in conn.execute(f"SELECT p.agreement, p.key, {EVIDENCE_COLUMNS} FROM (SELECT *, row_number() "
                              f"OVER (PARTITION BY agreement, key ORDER BY id) AS nth FROM provisions "
                              f"WHERE agreement IN ({','.join('?' * len(chunk))})) p "
                              f"JOIN evidence ev ON ev.id = p.evidence JOIN documents d ON d.doc = p.doc "
                              f"WHERE p.nth <= ? ORDER BY p.id", (*chunk, per_item)):
            if (r["agreement"], r["key"]) in pairs:
                out.setdefault((r["agreement"], r["key"]), []).append(evidence_of(r))
    return out


def _in_force(row, on: str | None) -> bool:
    if not on:
        return True
    signed = row["signed"]
    if signed and signed[:len(on)] > on[:len(signed)]:
        return False  # signed after the date asked about
    years = row["duration_years"]
    if signed and years and len(signed) >= 4 and len(on) >= 4:
        end = f"{int(signed[:4]) + int(years):04d}{signed[4:]}"
        return on[:len(end)] <= end
    return True
