"""Writing SPEC records into the store: idempotent, one transaction per batch, bulk inserts.

Records are taken in their JSON form (SPEC *is* that form; ``Record.to_dict()`` gives it), so
JSONL from ``multipolar extract`` is written without building objects.

A document is identified by its SPEC ``document.id``; a record's content by a hash of its
JSON form without ``extracted_at``. Ingesting a record whose document is stored with the
same hash changes nothing; a different hash (re-coded, possibly by a new coder version)
replaces every row of that document; a record from an older coder version than the stored
one is skipped unless forced. Each batch is one ``BEGIN IMMEDIATE ... COMMIT``: a killed
ingest leaves whole batches only, and a rerun skips what was committed and writes the rest.
A record too malformed to store (no text, an event without a code or evidence) is counted as
``invalid`` and skipped; the rest of the batch goes in.

Event clusters: events with the same source country, target country, CAMEO root and
negation join the stored cluster whose opening date (anchor) lies within ``window_days`` of
the event's day (the nearest one; ties to the older cluster), else open a new cluster.
An event's day is its own date (a month or year counts as its first day) or else the
document's publication day; undated events each get a cluster of their own.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from dataclasses import asdict, dataclass
from typing import Any

import orjson

from . import merge
from .bulk import insert_rows
from .checkpoint import BACKGROUND_CHECKPOINT_DOCUMENTS, BackgroundCheckpoint
from .clusters import NEW_CLUSTERS_SQL, ClusterAssigner, ClusterIndex
from .codes import NO_DAY, QUAD, country, day_facts, quad_class  # noqa: F401  (quad_class re-exported)
from .removal import SummaryRows, delete_document_rows, summary_statements, write_summaries

log = logging.getLogger(__name__)

DEFAULT_WINDOW_DAYS = 3


@dataclass
class IngestStats:
    """What one ingest did, by document and by row kind (new rows only)."""

    documents: int = 0      # documents written for the first time
    replaced: int = 0       # documents whose rows were replaced (re-coded)
    unchanged: int = 0      # same record already stored: nothing written
    stale: int = 0          # older coder version than the stored one: skipped
    errors: int = 0         # error records (kept in ingest_errors)
    invalid: int = 0        # records too malformed to store: skipped
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


def record_hash(d: dict[str, Any]) -> str:
    """Content hash of a record's JSON form, ``extracted_at`` aside.

    The hashed bytes are the compact, key-sorted UTF-8 JSON that the standard library would
    write; orjson writes the same bytes for SPEC records (strings, integers, booleans, nulls: the
    schema has no floats, whose short forms the two spell differently) about five times faster,
    and this serialisation was a tenth of the ingest time. What orjson refuses (a non-string
    key, an integer past 64 bits) goes through the standard library.
    """
    body = {k: v for k, v in d.items() if k != "extracted_at"}
    try:
        blob = orjson.dumps(body, option=orjson.OPT_SORT_KEYS)
    except (orjson.JSONEncodeError, TypeError):
        blob = json.dumps(body, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:32]


def version_key(version: str | None) -> tuple:
    """'0.10.1' > '0.9.3': compare the numeric parts, then the rest."""
    parts = re.split(r"[.\-+]", version or "")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def check_record(d: dict[str, Any]) -> None:
    """Raise ValueError when a (non-error) record lacks what the store needs to hold it."""
    doc = d.get("document")
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        raise ValueError("document.text missing")
    for kind, required in (("events", ("cameo", "evidence")), ("agreements", ("evidence",)),
                           ("claims", ("evidence",)), ("quotes", ("text", "evidence")), ("flags", ("kind",))):
        for item in d.get(kind) or ():
            for key in required:
                if not item.get(key):
                    raise ValueError(f"{kind}: {key} missing")


# the ``cleaning`` report as the store has always written it (``json.dumps(..., sort_keys=True)``
# builds a new encoder at every call)
_sorted_json = json.JSONEncoder(sort_keys=True).encode

# A transaction's documents are written in chunks of this many: the worker thread indexes one
# chunk while the caller's thread builds the next one's rows. 2,000 measured best at 100k events
# (250: 35k, 500: 38k, 1,000: 40k, 2,000: 42-46k, 5,000: 42k events/s wall); measured again after
# the third session's changes, 1,000 to 5,000 were within noise of each other.
CHUNK_DOCUMENTS = 2000


class _Overlap:
    """Runs one job at a time on a worker thread, so SQLite's long statements (``INSERT ...
    SELECT``: B-tree work in C, with the GIL released) overlap Python work on the caller's
    thread. On two free cores an ingest runs 1.2-1.35x as fast in wall time; with no free core
    it gains nothing and costs a few per cent.
    ``threaded=False`` runs each job at once on the caller's thread.

    The caller must :meth:`wait` before it uses the connection itself again.
    """

    def __init__(self, threaded: bool) -> None:
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="multipolar-ingest") if threaded else None
        self.pending: Future | None = None

    def submit(self, job: Callable[..., None], *args: Any) -> None:
        self.wait()
        if self.pool is None:
            job(*args)
        else:
            self.pending = self.pool.submit(job, *args)

    def wait(self) -> None:
        """Block until the running job is done; re-raise its error."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending.result()

    def drain(self) -> None:
        """Block until the running job is done, whatever became of it (before a ROLLBACK)."""
        pending, self.pending = self.pending, None
        if pending is not None:
            wait_for([pending])

    def close(self) -> None:
        self.drain()
        if self.pool is not None:
            self.pool.shutdown()


def _index_chunk(conn: sqlite3.Connection, new_clusters: tuple[int, str],
                 evidence_ids: tuple[int, int] | None) -> None:
    """The worker's part of a chunk: move its staged events into their table (their indexes are
    most of the SQLite time of an ingest), write the clusters it opened and index its evidence in
    FTS5. Few statements: the worker waits for the GIL at each one's start and end."""
    conn.execute("INSERT INTO events SELECT * FROM temp.ingest_events")
    conn.execute(NEW_CLUSTERS_SQL, new_clusters)
    if evidence_ids:
        conn.execute("INSERT INTO evidence_fts (rowid, text) SELECT id, text FROM evidence WHERE id BETWEEN ? AND ?",
                     evidence_ids)


# per connection, in memory (temp_store): the events of one chunk on their way to the worker; typed
# as ``events`` is, with the event id as its key (the new clusters' query looks events up by it)
_STAGING_TABLE = """CREATE TEMP TABLE IF NOT EXISTS ingest_events (
    id INTEGER PRIMARY KEY, doc INTEGER, coder_version TEXT, source TEXT, source_country TEXT, target TEXT,
    target_country TEXT, cameo TEXT, root TEXT, plover TEXT, date TEXT, day TEXT, negated INTEGER, status TEXT,
    evidence INTEGER, cluster INTEGER)"""


class BatchWriter:
    """Writes batches of records through one connection (the store's single writer).

    ``threaded`` lets a worker thread index one chunk of a batch while the next chunk's rows are
    built; it needs a real connection usable from any thread (a stand-in, such as the benchmark's
    statement timer, always writes on the caller's thread).
    """

    def __init__(self, conn: sqlite3.Connection, window_days: int = DEFAULT_WINDOW_DAYS,
                 threaded: bool = True) -> None:
        self.conn = conn
        self.window = window_days
        self.clusters = ClusterIndex()
        threaded = threaded and isinstance(conn, sqlite3.Connection)
        self.overlap = _Overlap(threaded)
        self.checkpoint = BackgroundCheckpoint.for_connection(conn) if threaded else None
        self.autocheckpoint = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]

    def close(self) -> None:
        self.overlap.close()
        if self.checkpoint is not None:
            self.checkpoint.close()

    def wait_for_checkpoint(self) -> None:
        """Block until the background checkpoint of the last big batch, if one runs, is done."""
        if self.checkpoint is not None:
            self.checkpoint.wait()

    def write(self, records: list[dict[str, Any]], force: bool = False) -> IngestStats:
        """Write one batch of record dicts in one transaction."""
        conn = self.conn
        stats = IngestStats()
        # A batch allocates some hundred thousand tuples and frees them all at its end, and makes
        # no reference cycles: the cycle collector would only rescan every live object (the
        # caller's records included) again and again, about a tenth of the ingest time.
        background = self.checkpoint is not None and len(records) >= BACKGROUND_CHECKPOINT_DOCUMENTS
        if self.checkpoint is not None:
            self.checkpoint.wait()  # the log restarts only if wholly copied before a transaction begins
        collecting = gc.isenabled()
        gc.disable()
        try:
            if background:
                conn.execute("PRAGMA wal_autocheckpoint = 0")
            conn.execute("BEGIN IMMEDIATE")
            try:
                self.clusters.validate(conn)
                self._write(records, force, stats)
                conn.execute("COMMIT")
                self.clusters.committed(conn)
            except BaseException:
                self.overlap.drain()
                self.clusters.clear()
                conn.execute("ROLLBACK")
                raise
        finally:  # also when BEGIN itself fails (a busy store)
            if background:
                conn.execute(f"PRAGMA wal_autocheckpoint = {int(self.autocheckpoint)}")
            if collecting:
                gc.enable()
        if background:
            self.checkpoint.start()
        return stats

    def _write(self, records: list[dict[str, Any]], force: bool, stats: IngestStats) -> None:
        conn = self.conn
        todo: dict[str, dict] = {}
        errors = []
        for r in records:
            if r.get("error"):
                errors.append(r)
                continue
            try:
                check_record(r)
            except ValueError as e:
                log.warning("skipping a malformed record from %s: %s",
                            (r.get("document") or {}).get("source"), e)
                stats.invalid += 1
                continue
            doc = r["document"]
            if not doc.get("id"):
                doc["id"] = hashlib.sha256(doc["text"].encode("utf-8")).hexdigest()[:16]
            todo[doc["id"]] = r
        if errors:
            conn.executemany(
                "INSERT OR REPLACE INTO ingest_errors VALUES (?, ?, ?, ?, ?)",
                [((r.get("document") or {}).get("source", ""), r["error"].get("stage", ""),
                  r["error"].get("code", ""), r["error"].get("message"), r.get("coder_version"))
                 for r in errors])
            stats.errors += len(errors)
        if not todo:
            return
        stored = self._stored(list(todo))
        touched_agreements: set[int] = set()
        touched_claims: set[int] = set()
        # (stored doc key or None, record, content hash or None: a new document's is taken with its rows)
        write: list[tuple[int | None, dict, str | None]] = []
        for doc_id, r in todo.items():
            old = stored.get(doc_id)
            if old is None:
                write.append((None, r, None))
                stats.documents += 1
                continue
            h = record_hash(r)
            if old[1] == h:
                stats.unchanged += 1
            elif not force and version_key(old[2]) > version_key(r.get("coder_version")):
                stats.stale += 1
            else:
                a, c = delete_document_rows(conn, old[0])
                self.clusters.clear()  # clusters may have gone: reload anchors from the database
                touched_agreements |= a
                touched_claims |= c
                write.append((old[0], r, h))
                stats.replaced += 1
        if write:
            rows = self._write_rows(write, stats)
            touched_agreements |= rows.agreements_touched
            touched_claims |= rows.claims_touched
        merge.refresh_agreements(conn, touched_agreements)
        merge.refresh_claims(conn, touched_claims)

    def _write_rows(self, write: list[tuple[int | None, dict, str | None]], stats: IngestStats) -> _Rows:
        conn = self.conn
        # the staging table is created in the batch's transaction, so a rolled-back batch takes it
        # away: check each time
        conn.execute(_STAGING_TABLE)
        rows = _Rows(conn)
        self.clusters.next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM event_clusters").fetchone()[0]
        assigner = ClusterAssigner(conn, self.window, self.clusters,
                                   sum(len(r.get("events") or ()) for _, r, _ in write))
        overlap = self.overlap
        for start in range(0, len(write), CHUNK_DOCUMENTS):
            chunk = rows.build(write[start:start + CHUNK_DOCUMENTS])  # pure Python: overlaps the worker
            first_new_cluster = assigner.index.next_id
            if assigner.index.complete:  # every anchor in memory: no query, so no need to wait
                chunk.clusters = assigner.assign(chunk.events, chunk.event_keys, chunk.event_ords)
            overlap.wait()                                              # the connection is ours again
            rows.add_reports(chunk)
            if not assigner.index.complete:
                chunk.clusters = assigner.assign(chunk.events, chunk.event_keys, chunk.event_ords)
            chunk.stage(conn)
            overlap.submit(_index_chunk, conn, (first_new_cluster, json.dumps(sorted(assigner.joined_new))),
                           chunk.evidence_ids())
        summaries = summary_statements(rows.actor_months, rows.dyad_months, rows.actor_weeks)  # meanwhile
        overlap.wait()
        conn.execute("DELETE FROM temp.ingest_events")
        assigner.write_growth()
        rows.write_summaries(summaries, stats)
        return rows

    def _stored(self, ids: list[str]) -> dict[str, tuple[int, str, str]]:
        out = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = f"SELECT id, doc, record_hash, coder_version FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            for doc_id, doc, h, v in self.conn.execute(q, chunk):
                out[doc_id] = (doc, h, v)
        return out


class _Chunk:
    """The rows of some documents of a batch, built in Python and written with executemany."""

    def __init__(self) -> None:
        self.documents_new: list[tuple] = []
        self.documents_update: list[tuple] = []
        self.doc_actors: list[tuple] = []
        self.evidence: list[tuple] = []
        self.events: list[tuple] = []
        self.event_keys: list[tuple] = []   # cluster key of each event
        self.event_ords: list[int] = []     # its day as an ordinal (0: undated)
        self.clusters: list[int] = []
        self.agreements: list[tuple] = []   # (doc, version, agreement dict, parties, evidence id, provisions)
        self.claims: list[tuple] = []       # (doc, version, claim dict, claimant country, subject country,
        #                                      topic, evidence id, responses)
        self.quotes: list[tuple] = []
        self.flags: list[tuple] = []
        self.actor_month_keys: list[tuple] = []   # one entry per event counted in actor_months
        self.dyad_month_keys: list[tuple] = []
        self.week_keys: list[tuple] = []          # one entry per event and country counted in actor_weeks

    def evidence_ids(self) -> tuple[int, int] | None:
        return (self.evidence[0][0], self.evidence[-1][0]) if self.evidence else None

    def stage(self, conn: sqlite3.Connection) -> None:
        """Write the chunk's rows; its events go to the staging table for :func:`_index_chunk`."""
        insert_rows(conn, "INSERT INTO documents", self.documents_new, 18)
        conn.executemany("UPDATE documents SET source = ?, url = ?, title = ?, subtitle = ?, byline = ?, "
                         "published = ?, language = ?, text = ?, cleaning = ?, coder_version = ?, "
                         "extracted_at = ?, record_hash = ?, first_event = ?, last_event = ?, "
                         "first_evidence = ?, last_evidence = ? WHERE doc = ?", self.documents_update)
        insert_rows(conn, "INSERT INTO doc_actors", self.doc_actors, 6)
        insert_rows(conn, "INSERT INTO evidence", self.evidence, 6)
        conn.execute("DELETE FROM temp.ingest_events")  # the previous chunk's, moved by the worker
        insert_rows(conn, "INSERT INTO temp.ingest_events",
                    [(*ev, c) for ev, c in zip(self.events, self.clusters, strict=True)], 16)
        conn.executemany("INSERT INTO quotes (doc, coder_version, speaker, actor, actor_country, text, "
                         "evidence) VALUES (?, ?, ?, ?, ?, ?, ?)", self.quotes)
        conn.executemany("INSERT INTO flags (doc, coder_version, kind, detail, evidence) VALUES (?, ?, ?, ?, ?)",
                         self.flags)


class _Rows:
    """What spans a whole batch: the next ids, the actor catalogue, summary keys, merged identities."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

        def next_id(table: str) -> int:
            return conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]

        self.next_evidence = next_id("evidence")
        self.next_event = next_id("events")
        self.next_doc = conn.execute("SELECT COALESCE(MAX(doc), 0) + 1 FROM documents").fetchone()[0]
        self.actors: dict[str, tuple] = {}
        # summary counts of the batch, keys listed per event in a chunk and counted per chunk
        # (Counter.update over a list runs in C)
        self.actor_months: Counter = Counter()
        self.dyad_months: Counter = Counter()
        self.actor_weeks: Counter = Counter()
        self.agreements_touched: set[int] = set()
        self.claims_touched: set[int] = set()
        self.n_events = self.n_agreements = self.n_claims = self.n_quotes = self.n_flags = 0

    def build(self, docs: list[tuple[int | None, dict, str | None]]) -> _Chunk:
        """The rows of some documents, without touching the database (it may be busy on the
        worker thread meanwhile); agreements and claims are matched later (:meth:`add_reports`)."""
        chunk = _Chunk()
        for doc, r, h in docs:
            self._add(chunk, doc, r, h if h is not None else record_hash(r))
        self.actor_months.update(chunk.actor_month_keys)
        self.dyad_months.update(chunk.dyad_month_keys)
        self.actor_weeks.update(chunk.week_keys)
        self.n_events += len(chunk.events)
        self.n_quotes += len(chunk.quotes)
        self.n_flags += len(chunk.flags)
        return chunk

    def _add(self, chunk: _Chunk, doc: int | None, r: dict[str, Any], h: str) -> None:
        d = r["document"]
        is_new = doc is None
        version = r.get("coder_version") or ""
        cleaning = _sorted_json(d.get("cleaning") or {})
        first_event, first_evidence = self.next_event, self.next_evidence
        if doc is None:
            doc = self.next_doc
            self.next_doc += 1
        spans: dict[tuple, int] = {}
        evidence_rows = chunk.evidence

        def evidence(ev: dict[str, Any]) -> int:
            key = (ev.get("field"), ev["start"], ev["end"])
            eid = spans.get(key)
            if eid is None:
                eid = spans[key] = self.next_evidence
                self.next_evidence += 1
                evidence_rows.append((eid, doc, key[0], key[1], key[2], ev["text"]))
            return eid

        seen_actors: dict[str, list] = {}
        for a in r.get("actors") or ():
            code = a["code"]
            if code not in self.actors:
                self.actors[code] = (code, a.get("name"), a.get("country"), a.get("kind"))
            entry = seen_actors.setdefault(code, [a.get("person"), []])
            entry[1].extend((m["start"], m["end"]) for m in a.get("mentions") or ())
        for code, (person, mentions) in seen_actors.items():
            chunk.doc_actors.append((doc, code, person, len(mentions), json.dumps(mentions), version))

        published = d.get("published")
        pub_facts = (day_facts(published[:10]) if published and len(published) >= 10 else None) or NO_DAY
        # summary keys are only listed here and counted once per batch (Counter over a list runs in C)
        am_append, dm_append = chunk.actor_month_keys.append, chunk.dyad_month_keys.append
        week_append = chunk.week_keys.append
        ev_append, key_append, ord_append = chunk.events.append, chunk.event_keys.append, chunk.event_ords.append
        event_id, next_evidence = self.next_event, self.next_evidence
        for e in r.get("events") or ():
            get = e.get
            source, target, cameo, date = get("source"), get("target"), e["cameo"], get("date")
            sc, tc = country(source), country(target)
            root = cameo[:2]
            quad = QUAD.get(root, 0)
            day, month, day_ord, week = (day_facts(date) if date else None) or pub_facts
            if sc:
                am_append((sc, month, quad, "source"))
                if source != sc:
                    am_append((source, month, quad, "source"))
            if tc:
                am_append((tc, month, quad, "target"))
                if target != tc:
                    am_append((target, month, quad, "target"))
                if sc:
                    dm_append((sc, tc, month, quad))
            plover = get("plover")
            if plover and day:  # removal.week_counts inlined (once per event): an internal event counts once
                if sc:
                    week_append((sc, week, plover))
                if tc and tc != sc:
                    week_append((tc, week, plover))
            negated = 1 if get("negated") else 0
            ev = e["evidence"]
            span = (ev.get("field"), ev["start"], ev["end"])
            eid = spans.get(span)
            if eid is None:  # evidence() inlined: this loop runs once per event
                eid = spans[span] = next_evidence
                next_evidence += 1
                evidence_rows.append((eid, doc, *span, ev["text"]))
            ev_append((event_id, doc, version, source, sc, target, tc, cameo, root, plover,
                       date, day, negated, get("status") or "asserted", eid))
            key_append((sc or "", tc or "", root, negated))
            ord_append(day_ord)
            event_id += 1
        self.next_event, self.next_evidence = event_id, next_evidence

        for a in r.get("agreements") or ():
            parties = ",".join(sorted(set(a.get("parties") or ())))
            chunk.agreements.append((doc, version, a, parties, evidence(a["evidence"]),
                                     [(p["key"], p["value"], evidence(p["evidence"])) for p in a.get("provisions") or ()]))
        for c in r.get("claims") or ():
            chunk.claims.append((doc, version, c, country(c.get("claimant")), country(c.get("subject")),
                                 c.get("topic") or "other", evidence(c["evidence"]),
                                 [(resp["actor"], country(resp["actor"]), resp["stance"], evidence(resp["evidence"]))
                                  for resp in c.get("responses") or ()]))
        for q in r.get("quotes") or ():
            actor = q.get("actor")
            chunk.quotes.append((doc, version, q.get("speaker"), actor, country(actor), q["text"],
                                 evidence(q["evidence"])))
        for f in r.get("flags") or ():
            chunk.flags.append((doc, version, f["kind"], f.get("detail"),
                                json.dumps([evidence(e) for e in f.get("evidence") or ()])))
        fields = (d.get("source"), d.get("url"), d.get("title"), d.get("subtitle"), d.get("byline"),
                  d.get("published"), d.get("language"), d["text"], cleaning, version, r.get("extracted_at"), h,
                  first_event, self.next_event - 1, first_evidence, self.next_evidence - 1)
        if is_new:
            chunk.documents_new.append((doc, d["id"], *fields))
        else:
            chunk.documents_update.append((*fields, doc))

    def add_reports(self, chunk: _Chunk) -> None:
        """Match the chunk's agreement and claim reports against the stored identities (earlier
        reports of this batch included) and write them with their provisions and responses."""
        conn = self.conn
        provisions, responses = [], []
        for doc, version, a, parties, evidence_id, items in chunk.agreements:
            kind, name, signed = a.get("kind"), a.get("name"), a.get("signed")
            agreement = merge.match_agreement(conn, parties, kind, name, signed)
            if agreement is None:
                agreement = merge.new_agreement(conn, parties, kind, name, signed, a.get("duration_years"))
            self.agreements_touched.add(agreement)
            report = conn.execute(
                "INSERT INTO agreement_reports (doc, coder_version, agreement, name, kind, parties, signed,"
                " duration_years, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc, version, agreement, name, kind, parties, signed, a.get("duration_years"), evidence_id)).lastrowid
            self.n_agreements += 1
            provisions.extend((report, doc, agreement, key, value, eid) for key, value, eid in items)
        for doc, version, c, cc, subj, topic, evidence_id, items in chunk.claims:
            claim = merge.match_claim(conn, cc, subj, topic, c.get("content"))
            if claim is None:
                claim = merge.new_claim(conn, cc, subj, topic, c.get("kind"), c.get("content"))
            self.claims_touched.add(claim)
            report = conn.execute(
                "INSERT INTO claim_reports (doc, coder_version, claim, claimant, claimant_country, kind, "
                "subject, subject_country, topic, content, date, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?)",
                (doc, version, claim, c.get("claimant"), cc, c.get("kind"), c.get("subject"), subj, topic,
                 c.get("content"), c.get("date"), evidence_id)).lastrowid
            self.n_claims += 1
            responses.extend((report, doc, claim, *item) for item in items)
        conn.executemany("INSERT INTO provisions (report, doc, agreement, key, value, evidence) "
                         "VALUES (?, ?, ?, ?, ?, ?)", provisions)
        conn.executemany("INSERT INTO responses (report, doc, claim, actor, actor_country, stance, evidence) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", responses)

    def write_summaries(self, summaries: list[SummaryRows], stats: IngestStats) -> None:
        """The batch's actors and summary counts (:func:`summary_statements`); its totals into ``stats``."""
        conn = self.conn
        # first name wins, except that a real name replaces a bare code
        conn.executemany("INSERT INTO actors VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
                         "name = excluded.name WHERE actors.name = actors.code OR actors.name IS NULL",
                         list(self.actors.values()))
        write_summaries(conn, summaries)
        stats.events += self.n_events
        stats.agreements += self.n_agreements
        stats.claims += self.n_claims
        stats.quotes += self.n_quotes
        stats.flags += self.n_flags
