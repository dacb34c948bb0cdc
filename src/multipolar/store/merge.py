"""Identities across documents: which reports describe the same agreement or the same claim.

Event clusters are assigned in bulk by :mod:`multipolar.store.ingest`; agreements and claims
are few per document, so each report is matched here against the identities already stored
(in the same transaction, so reports earlier in the batch count).

Agreement identity: the same set of parties, compatible signing dates (equal, one a month or
year prefix of the other, or at most ``DAY_TOLERANCE`` days apart), and either the same kind
or similar names. A report without a signing date joins the best match by kind or name.
Claim identity: the same (claimant country, subject country, topic); a report without a
claimant (a denial reported on its own) joins the claim with the same subject and topic;
topic ``other`` also needs similar content.

After the reports of a batch are written, :func:`refresh_agreements` and :func:`refresh_claims`
recompute each touched identity from its reports, so removing a report (re-coding) is exact.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import yaml

DAY_TOLERANCE = 2
NAME_SIMILARITY = 0.6
SAME_DAY_NAME_SIMILARITY = 0.5
CONTENT_SIMILARITY = 0.5


@lru_cache(maxsize=1)
def provision_strength() -> tuple[dict[str, float], float]:
    """Provision key -> strength, and the weight of an agreement with no present provision."""
    text = (Path(__file__).resolve().parents[1] / "data" / "provision_strength.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {k: float(v) for k, v in data["strength"].items()}, float(data["unspecified"])


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None) -> bool | None:
    """True/False when both dates are known, None when either is missing."""
    if not a or not b:
        return None
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _day(a), _day(b)
    return bool(da and db and abs((da - db).days) <= DAY_TOLERANCE)


# Words that name the kind of instrument, not which one it is.
_GENERIC = {"a", "an", "the", "of", "on", "and", "for", "in", "between", "new", "treaty", "pact",
            "agreement", "accord", "memorandum", "deal", "alliance", "convention", "protocol"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _GENERIC}


def similar(a: str | None, b: str | None) -> float:
    """Name/content similarity in [0, 1]: the better of the character-sequence ratio and the
    overlap of distinctive words ("strategic partnership" vs "long-term partnership pact")."""
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a.lower(), b.lower()).ratio()
    wa, wb = _words(a), _words(b)
    overlap = len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0
    return max(ratio, overlap)


def agreement_match_score(stored: sqlite3.Row | dict, kind: str | None, name: str | None,
                          signed: str | None) -> float:
    """How well a report fits a stored agreement with the same parties (0 = not the same)."""
    same_date = dates_compatible(stored["signed"], signed)
    if same_date is False:
        return 0.0
    same_kind = bool(kind) and kind == stored["kind"]
    name_sim = similar(stored["name"], name)
    if same_date:
        # A signing on the same day: one agreement unless both the kind and the name differ
        # (several documents signed at one summit).
        if same_kind or name_sim >= SAME_DAY_NAME_SIMILARITY or not name or not stored["name"]:
            return 3.0 + name_sim
        return 0.0
    if name_sim >= NAME_SIMILARITY:
        return 2.0 + name_sim
    if same_kind and (not name or not stored["name"]):
        return 1.0
    return 0.0


def match_agreement(conn: sqlite3.Connection, parties: str, kind: str | None, name: str | None,
                    signed: str | None) -> int | None:
    """The id of the stored agreement this report describes, if any."""
    best, best_score = None, 0.0
    for row in conn.execute("SELECT id, kind, name, signed FROM agreements WHERE parties = ? ORDER BY id",
                            (parties,)):
        score = agreement_match_score(row, kind, name, signed)
        if score > best_score:
            best, best_score = row["id"], score
    return best


def new_agreement(conn: sqlite3.Connection, parties: str, kind: str | None, name: str | None,
                  signed: str | None, duration: int | None) -> int:
    cur = conn.execute("INSERT INTO agreements (parties, kind, name, signed, duration_years, n_reports,"
                       " n_documents, weight) VALUES (?, ?, ?, ?, ?, 0, 0, 0)",
                       (parties, kind, name, signed, duration))
    agreement = cur.lastrowid
    conn.executemany("INSERT INTO agreement_parties (party, agreement) VALUES (?, ?)",
                     [(p, agreement) for p in parties.split(",") if p])
    return agreement


def _most_common(values: list, prefer_long: bool = False):
    values = [v for v in values if v not in (None, "")]
    if not values:
        return None
    counts = Counter(values)
    # most frequent; ties go to the more precise (longer) value, then to the first reported
    order = {v: i for i, v in reversed(list(enumerate(values)))}
    return max(counts, key=lambda v: (counts[v], len(str(v)) if prefer_long else 0, -order[v]))


def agreement_weight(provisions: dict[str, str]) -> float:
    strength, unspecified = provision_strength()
    best = 0.0
    for key, value in provisions.items():
        s = strength.get(key, 0.0)
        if value == "present":
            best = max(best, s)
        elif value == "conflict":
            best = max(best, s / 2)
    return best or unspecified


def _shift_edges(conn: sqlite3.Connection, parties: str, weight: float, count: int) -> None:
    pairs = list(combinations(sorted(p for p in parties.split(",") if p), 2))
    conn.executemany(
        "INSERT INTO network_edges (a, b, weight, n_agreements) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(a, b) DO UPDATE SET weight = weight + excluded.weight, "
        "n_agreements = n_agreements + excluded.n_agreements",
        [(a, b, weight, count) for a, b in pairs])


def refresh_agreements(conn: sqlite3.Connection, ids: set[int]) -> None:
    """Recompute each agreement from its reports; delete it when none is left."""
    for agreement in sorted(ids):
        old = conn.execute("SELECT parties, weight FROM agreements WHERE id = ?", (agreement,)).fetchone()
        if old is None:
            continue
        reports = conn.execute("SELECT doc, name, kind, signed, duration_years FROM agreement_reports "
                               "WHERE agreement = ? ORDER BY id", (agreement,)).fetchall()
        conn.execute("DELETE FROM agreement_provisions WHERE agreement = ?", (agreement,))
        if old["weight"]:
            _shift_edges(conn, old["parties"], -old["weight"], -1)
        if not reports:
            conn.execute("DELETE FROM agreements WHERE id = ?", (agreement,))
            conn.execute("DELETE FROM agreement_parties WHERE agreement = ?", (agreement,))
            continue
        merged: dict[str, str] = {}
        rows = []
        for key, n_present, n_absent in conn.execute(
                "SELECT key, SUM(value = 'present'), SUM(value = 'absent') FROM provisions "
                "WHERE agreement = ? GROUP BY key ORDER BY key", (agreement,)):
            value = "conflict" if n_present and n_absent else ("present" if n_present else "absent")
            merged[key] = value
            rows.append((agreement, key, n_present, n_absent, value))
        conn.executemany("INSERT INTO agreement_provisions VALUES (?, ?, ?, ?, ?)", rows)
        weight = agreement_weight(merged)
        conn.execute(
            "UPDATE agreements SET kind = ?, name = ?, signed = ?, duration_years = ?, n_reports = ?, "
            "n_documents = ?, weight = ? WHERE id = ?",
            (_most_common([r["kind"] for r in reports]), _most_common([r["name"] for r in reports], True),
             _most_common([r["signed"] for r in reports], True),
             _most_common([r["duration_years"] for r in reports]), len(reports),
             len({r["doc"] for r in reports}), weight, agreement))
        _shift_edges(conn, old["parties"], weight, 1)
    conn.execute("DELETE FROM network_edges WHERE n_agreements <= 0")


def match_claim(conn: sqlite3.Connection, claimant: str | None, subject: str | None, topic: str,
                content: str | None) -> int | None:
    """The id of the stored claim this report belongs to, if any."""
    for row in conn.execute("SELECT id, claimant, content FROM claims WHERE subject IS ? AND topic = ? "
                            "ORDER BY id", (subject, topic)):
        if claimant and row["claimant"] and row["claimant"] != claimant:
            continue
        if topic == "other" and similar(row["content"], content) < CONTENT_SIMILARITY:
            continue
        return row["id"]
    return None


def new_claim(conn: sqlite3.Connection, claimant: str | None, subject: str | None, topic: str,
              kind: str | None, content: str | None) -> int:
    cur = conn.execute("INSERT INTO claims (claimant, subject, topic, kind, content, n_reports, "
                       "n_documents, n_responses) VALUES (?, ?, ?, ?, ?, 0, 0, 0)",
                       (claimant, subject, topic, kind, content))
    return cur.lastrowid


def refresh_claims(conn: sqlite3.Connection, ids: set[int]) -> None:
    for claim in sorted(ids):
        reports = conn.execute("SELECT doc, claimant_country, kind, content, date FROM claim_reports "
                               "WHERE claim = ? ORDER BY id", (claim,)).fetchall()
        if not reports:
            conn.execute("DELETE FROM claims WHERE id = ?", (claim,))
            continue
        dates = sorted(r["date"] for r in reports if r["date"])
        n_responses = conn.execute("SELECT COUNT(*) FROM responses WHERE claim = ?", (claim,)).fetchone()[0]
        conn.execute(
            "UPDATE claims SET claimant = ?, kind = ?, content = ?, first_date = ?, last_date = ?, "
            "n_reports = ?, n_documents = ?, n_responses = ? WHERE id = ?",
            (_most_common([r["claimant_country"] for r in reports]), reports[0]["kind"],
             next((r["content"] for r in reports if r["content"]), None),
             dates[0] if dates else None, dates[-1] if dates else None, len(reports),
             len({r["doc"] for r in reports}), n_responses, claim))
