"""Writing SPEC records into the store: idempotent, one transaction per batch, bulk inserts.

A document is identified by its SPEC ``document.id``; a record's content by a hash of its
JSON form without ``extracted_at``. Ingesting a record whose document is stored with the
same hash changes nothing; a different hash (re-coded, possibly by a new coder version)
replaces every row of that document; a record from an older coder version than the stored
one is skipped unless forced. Each batch is one ``BEGIN IMMEDIATE ... COMMIT``: a killed
ingest leaves whole batches only, and a rerun skips what was committed and writes the rest.

Event clusters: events with the same source country, CAMEO root, target country and
negation join the stored cluster whose opening date (anchor) lies within ``window_days`` of
the event's day (the nearest one; ties to the older cluster), else open a new cluster.
An event's day is its own date (a month or year counts as its first day) or else the
document's publication day; undated events each get a cluster of their own.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache

from ..actors import code_country
from ..model import Evidence, Record
from . import merge

DEFAULT_WINDOW_DAYS = 3
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass
class IngestStats:
    """What one ingest did, by document and by row kind (new rows only)."""

    documents: int = 0      # documents written for the first time
    replaced: int = 0       # documents whose rows were replaced (re-coded)
    unchanged: int = 0      # same record already stored: nothing written
    stale: int = 0          # older coder version than the stored one: skipped
    errors: int = 0         # error records (kept in ingest_errors)
    events: int = 0
    agreements: int = 0
    claims: int = 0
    quotes: int = 0
    flags: int = 0

    def add(self, other: IngestStats) -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def record_hash(record: Record) -> str:
    d = record.to_dict()
    d.pop("extracted_at", None)
    blob = json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def version_key(version: str | None) -> tuple:
    """'0.10.1' > '0.9.3': compare the numeric parts, then the rest."""
    parts = re.split(r"[.\-+]", version or "")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def country(code: str | None) -> str | None:
    return code_country(code) if code else None


@lru_cache(maxsize=65536)
def full_day(value: str | None) -> str | None:
    """An ISO date, month or year as a full day (the first day of a month or year)."""
    if not value:
        return None
    m = _DATE.match(value)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def _ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


class BatchWriter:
    """Writes batches of records through one connection (the store's single writer)."""

    def __init__(self, conn: sqlite3.Connection, window_days: int = DEFAULT_WINDOW_DAYS) -> None:
        self.conn = conn
        self.window = window_days
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS batch_keys (source TEXT, root TEXT, target TEXT,"
                     " negated INTEGER, lo TEXT, hi TEXT)")

    # -- one batch -------------------------------------------------------------------------
    def write(self, records: list[Record], force: bool = False) -> IngestStats:
        conn = self.conn
        stats = IngestStats()
        conn.execute("BEGIN IMMEDIATE")
        try:
            self._write(records, force, stats)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return stats

    def _write(self, records: list[Record], force: bool, stats: IngestStats) -> None:
        conn = self.conn
        errors = [r for r in records if r.error is not None]
        if errors:
            conn.executemany(
                "INSERT OR REPLACE INTO ingest_errors VALUES (?, ?, ?, ?, ?)",
                [(r.document.source, r.error.stage, r.error.code, r.error.message, r.coder_version)
                 for r in errors])
            stats.errors += len(errors)
        todo: dict[str, tuple[Record, str]] = {}
        for r in records:
            if r.error is None:
                if not r.document.id:
                    r.document.id = hashlib.sha256(r.document.text.encode("utf-8")).hexdigest()[:16]
                todo[r.document.id] = (r, record_hash(r))
        if not todo:
            return
        stored = self._stored(list(todo))
        touched_agreements: set[int] = set()
        touched_claims: set[int] = set()
        write: list[tuple[int | None, Record, str]] = []
        for doc_id, (r, h) in todo.items():
            old = stored.get(doc_id)
            if old is None:
                write.append((None, r, h))
                stats.documents += 1
            elif old[1] == h:
                stats.unchanged += 1
            elif not force and version_key(old[2]) > version_key(r.coder_version):
                stats.stale += 1
            else:
                a, c = delete_document_rows(conn, old[0])
                touched_agreements |= a
                touched_claims |= c
                write.append((old[0], r, h))
                stats.replaced += 1
        if write:
            rows = _Rows(conn)
            for doc, r, h in write:
                rows.add(doc, r, h)
            self._assign_clusters(rows)
            rows.flush(stats)
            touched_agreements |= rows.agreements_touched
            touched_claims |= rows.claims_touched
        merge.refresh_agreements(conn, touched_agreements)
        merge.refresh_claims(conn, touched_claims)

    def _stored(self, ids: list[str]) -> dict[str, tuple[int, str, str]]:
        out = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = f"SELECT id, doc, record_hash, coder_version FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            for doc_id, doc, h, v in self.conn.execute(q, chunk):
                out[doc_id] = (doc, h, v)
        return out

    # -- event clusters ------------------------------------------------------------------
    def _assign_clusters(self, rows: _Rows) -> None:
        conn, window = self.conn, self.window
        spans: dict[tuple, list[str]] = {}
        for ev in rows.events:
            day = ev[11]
            if day:
                key = ev[-1]
                span = spans.get(key)
                if span is None:
                    spans[key] = [day, day]
                elif day < span[0]:
                    span[0] = day
                elif day > span[1]:
                    span[1] = day
        index: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        if spans:
            conn.execute("DELETE FROM temp.batch_keys")
            conn.executemany("INSERT INTO temp.batch_keys VALUES (?, ?, ?, ?, ?, ?)",
                             [(*k, date.fromordinal(_ordinal(lo) - window).isoformat(),
                               date.fromordinal(_ordinal(hi) + window).isoformat())
                              for k, (lo, hi) in spans.items()])
            for cid, s, r, t, n, anchor in conn.execute(
                    "SELECT c.id, c.source, c.root, c.target, c.negated, c.anchor_day "
                    "FROM temp.batch_keys k JOIN event_clusters c ON c.source = k.source AND "
                    "c.root = k.root AND c.target = k.target AND c.negated = k.negated AND "
                    "c.anchor_day BETWEEN k.lo AND k.hi ORDER BY c.id"):
                index[(s, r, t, n)].append((_ordinal(anchor), cid))
        next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM event_clusters").fetchone()[0]
        new: dict[int, list] = {}
        grown: dict[int, list] = {}
        per_doc: Counter = Counter()
        out = []
        for ev in rows.events:
            key, day, doc = ev[-1], ev[11], ev[1]
            cid = None
            if day:
                o = _ordinal(day)
                best = window + 1
                for anchor, c in index[key]:
                    dist = abs(anchor - o)
                    if dist < best:
                        best, cid = dist, c
            if cid is None:
                cid = next_id
                next_id += 1
                new[cid] = [*key, day, day, day, ev[7], ev[9], 0, set()]
                if day:
                    index[key].append((_ordinal(day), cid))
            entry = new.get(cid)
            if entry is not None:
                entry[9] += 1
                entry[10].add(doc)
                if day:
                    entry[5] = min(entry[5], day)
                    entry[6] = max(entry[6], day)
            else:
                g = grown.get(cid)
                if g is None:
                    grown[cid] = g = [0, set(), day, day]
                g[0] += 1
                g[1].add(doc)
                g[2] = min(g[2], day)
                g[3] = max(g[3], day)
            per_doc[(cid, doc)] += 1
            out.append((*ev[:-1], cid))
        rows.events = out
        conn.executemany("INSERT INTO event_clusters (id, source, root, target, negated, anchor_day, "
                         "first_day, last_day, cameo, plover, n_events, n_documents) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [(cid, *e[:10], len(e[10])) for cid, e in new.items()])
        conn.executemany("UPDATE event_clusters SET n_events = n_events + ?, n_documents = n_documents + ?,"
                         " first_day = min(first_day, ?), last_day = max(last_day, ?) WHERE id = ?",
                         [(g[0], len(g[1]), g[2], g[3], cid) for cid, g in grown.items()])
        conn.executemany("INSERT INTO cluster_docs VALUES (?, ?, ?)",
                         [(cid, doc, n) for (cid, doc), n in per_doc.items()])


class _Rows:
    """The rows of the documents of one batch, built in Python and written with executemany."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

        def next_id(table: str) -> int:
            return conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]

        self.next_evidence = next_id("evidence")
        self.next_event = next_id("events")
        self.next_doc = conn.execute("SELECT COALESCE(MAX(doc), 0) + 1 FROM documents").fetchone()[0]
        self.documents_new: list[tuple] = []
        self.documents_update: list[tuple] = []
        self.actors: dict[str, tuple] = {}
        self.doc_actors: list[tuple] = []
        self.evidence: list[tuple] = []
        self.events: list[tuple] = []
        self.provisions: list[tuple] = []
        self.responses: list[tuple] = []
        self.quotes: list[tuple] = []
        self.flags: list[tuple] = []
        self.actor_months: Counter = Counter()
        self.dyad_months: Counter = Counter()
        self.agreements_touched: set[int] = set()
        self.claims_touched: set[int] = set()
        self.n_agreements = self.n_claims = 0

    def add(self, doc: int | None, r: Record, h: str) -> None:
        d = r.document
        if doc is None:
            doc = self.next_doc
            self.next_doc += 1
            self.documents_new.append((doc, d.id, d.source, d.url, d.title, d.subtitle, d.byline, d.published,
                                       d.language, d.text, json.dumps(d.cleaning, sort_keys=True),
                                       r.coder_version, r.extracted_at, h))
        else:
            self.documents_update.append((d.source, d.url, d.title, d.subtitle, d.byline, d.published,
                                          d.language, d.text, json.dumps(d.cleaning, sort_keys=True),
                                          r.coder_version, r.extracted_at, h, doc))
        version = r.coder_version
        spans: dict[tuple, int] = {}

        def evidence(ev: Evidence) -> int:
            key = (ev.field, ev.start, ev.end)
            eid = spans.get(key)
            if eid is None:
                eid = spans[key] = self.next_evidence
                self.next_evidence += 1
                self.evidence.append((eid, doc, ev.field, ev.start, ev.end, ev.text))
            return eid

        seen_actors: dict[str, list] = {}
        for a in r.actors:
            if a.code not in self.actors:
                self.actors[a.code] = (a.code, a.name, a.country, a.kind)
            entry = seen_actors.setdefault(a.code, [a.person, []])
            entry[1].extend((m.start, m.end) for m in a.mentions)
        for code, (person, mentions) in seen_actors.items():
            self.doc_actors.append((doc, code, person, len(mentions), json.dumps(mentions), version))

        pub_day = full_day(d.published[:10]) if d.published and len(d.published) >= 10 else None
        actor_months, dyad_months = self.actor_months, self.dyad_months
        for e in r.events:
            sc, tc = country(e.source), country(e.target)
            root = e.cameo[:2]
            day = full_day(e.date) or pub_day
            month = day[:7] if day else ""
            if sc:
                actor_months[(sc, month, root, "source")] += 1
                if e.source != sc:
                    actor_months[(e.source, month, root, "source")] += 1
            if tc:
                actor_months[(tc, month, root, "target")] += 1
                if e.target != tc:
                    actor_months[(e.target, month, root, "target")] += 1
                if sc:
                    dyad_months[(sc, tc, month, root)] += 1
            self.events.append((self.next_event, doc, version, e.source, sc, e.target, tc, e.cameo, root,
                                e.plover, e.date, day, int(e.negated), e.status, evidence(e.evidence),
                                (sc or "", root, tc or "", int(e.negated))))
            self.next_event += 1

        conn = self.conn
        for a in r.agreements:
            parties = ",".join(sorted(set(a.parties)))
            agreement = merge.match_agreement(conn, parties, a.kind, a.name, a.signed)
            if agreement is None:
                agreement = merge.new_agreement(conn, parties, a.kind, a.name, a.signed, a.duration_years)
            self.agreements_touched.add(agreement)
            report = conn.execute(
                "INSERT INTO agreement_reports (doc, coder_version, agreement, name, kind, parties, signed,"
                " duration_years, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc, version, agreement, a.name, a.kind, parties, a.signed, a.duration_years,
                 evidence(a.evidence))).lastrowid
            self.n_agreements += 1
            for p in a.provisions:
                self.provisions.append((report, doc, agreement, p.key, p.value, evidence(p.evidence)))

        for c in r.claims:
            cc, subj = country(c.claimant), country(c.subject)
            claim = merge.match_claim(conn, cc, subj, c.topic, c.content)
            if claim is None:
                claim = merge.new_claim(conn, cc, subj, c.topic, c.kind, c.content)
            self.claims_touched.add(claim)
            report = conn.execute(
                "INSERT INTO claim_reports (doc, coder_version, claim, claimant, claimant_country, kind, "
                "subject, subject_country, topic, content, date, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?)",
                (doc, version, claim, c.claimant, cc, c.kind, c.subject, subj, c.topic, c.content, c.date,
                 evidence(c.evidence))).lastrowid
            self.n_claims += 1
            for resp in c.responses:
                self.responses.append((report, doc, claim, resp.actor, country(resp.actor), resp.stance,
                                       evidence(resp.evidence)))

        for q in r.quotes:
            self.quotes.append((doc, version, q.speaker, q.actor, country(q.actor), q.text,
                                evidence(q.evidence)))
        for f in r.flags:
            self.flags.append((doc, version, f.kind, f.detail, json.dumps([evidence(e) for e in f.evidence])))

    def flush(self, stats: IngestStats) -> None:
        conn = self.conn
        conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         self.documents_new)
        conn.executemany("UPDATE documents SET source = ?, url = ?, title = ?, subtitle = ?, byline = ?, "
                         "published = ?, language = ?, text = ?, cleaning = ?, coder_version = ?, "
                         "extracted_at = ?, record_hash = ? WHERE doc = ?", self.documents_update)
        # first name wins, except that a real name replaces a bare code
        conn.executemany("INSERT INTO actors VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
                         "name = excluded.name WHERE actors.name = actors.code OR actors.name IS NULL",
                         list(self.actors.values()))
        conn.executemany("INSERT INTO doc_actors VALUES (?, ?, ?, ?, ?, ?)", self.doc_actors)
        conn.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)", self.evidence)
        conn.executemany("INSERT INTO evidence_fts (rowid, text) VALUES (?, ?)",
                         [(e[0], e[5]) for e in self.evidence])
        conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         self.events)
        conn.executemany("INSERT INTO provisions (report, doc, agreement, key, value, evidence) "
                         "VALUES (?, ?, ?, ?, ?, ?)", self.provisions)
        conn.executemany("INSERT INTO responses (report, doc, claim, actor, actor_country, stance, evidence) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", self.responses)
        conn.executemany("INSERT INTO quotes (doc, coder_version, speaker, actor, actor_country, text, "
                         "evidence) VALUES (?, ?, ?, ?, ?, ?, ?)", self.quotes)
        conn.executemany("INSERT INTO flags (doc, coder_version, kind, detail, evidence) VALUES (?, ?, ?, ?, ?)",
                         self.flags)
        add_summaries(conn, self.actor_months, self.dyad_months)
        stats.events += len(self.events)
        stats.agreements += self.n_agreements
        stats.claims += self.n_claims
        stats.quotes += len(self.quotes)
        stats.flags += len(self.flags)


def add_summaries(conn: sqlite3.Connection, actor_months: Counter, dyad_months: Counter) -> None:
    conn.executemany("INSERT INTO actor_months VALUES (?, ?, ?, ?, ?) ON CONFLICT(actor, month, root, role) "
                     "DO UPDATE SET n = n + excluded.n", [(*k, n) for k, n in actor_months.items()])
    conn.executemany("INSERT INTO dyad_months VALUES (?, ?, ?, ?, ?) ON CONFLICT(source, target, month, root) "
                     "DO UPDATE SET n = n + excluded.n", [(*k, n) for k, n in dyad_months.items()])


def delete_document_rows(conn: sqlite3.Connection, doc: int) -> tuple[set[int], set[int]]:
    """Remove every coded row of one document (before it is re-coded); keeps the documents row.

    Returns the agreements and claims touched, to be recomputed once the batch is written.
    """
    actor_months: Counter = Counter()
    dyad_months: Counter = Counter()
    per_cluster: Counter = Counter()
    for source, sc, target, tc, root, day, cluster in conn.execute(
            "SELECT source, source_country, target, target_country, root, day, cluster FROM events "
            "WHERE doc = ?", (doc,)):
        month = day[:7] if day else ""
        if sc:
            actor_months[(sc, month, root, "source")] -= 1
            if source != sc:
                actor_months[(source, month, root, "source")] -= 1
        if tc:
            actor_months[(tc, month, root, "target")] -= 1
            if target != tc:
                actor_months[(target, month, root, "target")] -= 1
            if sc:
                dyad_months[(sc, tc, month, root)] -= 1
        per_cluster[cluster] += 1
    add_summaries(conn, actor_months, dyad_months)
    conn.executemany("DELETE FROM actor_months WHERE actor = ? AND month = ? AND root = ? AND role = ? AND n <= 0",
                     list(actor_months))
    conn.executemany("DELETE FROM dyad_months WHERE source = ? AND target = ? AND month = ? AND root = ? "
                     "AND n <= 0", list(dyad_months))
    conn.execute("DELETE FROM events WHERE doc = ?", (doc,))
    conn.executemany("DELETE FROM cluster_docs WHERE cluster = ? AND doc = ?", [(c, doc) for c in per_cluster])
    conn.executemany("UPDATE event_clusters SET n_events = n_events - ?, n_documents = n_documents - 1 "
                     "WHERE id = ?", [(n, c) for c, n in per_cluster.items()])
    conn.executemany("DELETE FROM event_clusters WHERE id = ? AND n_events <= 0", [(c,) for c in per_cluster])
    conn.executemany("UPDATE event_clusters SET first_day = (SELECT MIN(day) FROM events WHERE cluster = ?1), "
                     "last_day = (SELECT MAX(day) FROM events WHERE cluster = ?1) WHERE id = ?1",
                     [(c,) for c in per_cluster])

    agreements = {a for (a,) in conn.execute("SELECT agreement FROM agreement_reports WHERE doc = ?", (doc,))}
    conn.execute("DELETE FROM provisions WHERE report IN (SELECT id FROM agreement_reports WHERE doc = ?)",
                 (doc,))
    conn.execute("DELETE FROM agreement_reports WHERE doc = ?", (doc,))
    claims = {c for (c,) in conn.execute("SELECT claim FROM claim_reports WHERE doc = ?", (doc,))}
    conn.execute("DELETE FROM responses WHERE doc = ?", (doc,))
    conn.execute("DELETE FROM claim_reports WHERE doc = ?", (doc,))
    for table in ("quotes", "flags", "doc_actors"):
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
    conn.execute("INSERT INTO evidence_fts (evidence_fts, rowid, text) "
                 "SELECT 'delete', id, text FROM evidence WHERE doc = ?", (doc,))
    conn.execute("DELETE FROM evidence WHERE doc = ?", (doc,))
    return agreements, claims
