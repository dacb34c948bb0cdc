"""The SQLite schema of the knowledge base, as numbered migrations.

``PRAGMA user_version`` holds the number of the last migration applied; opening a
store applies the missing ones in order, each in its own transaction. A migration
is never edited once released: a change to the schema is a new entry at the end.

Layout (one row = one fact reported by one document, coded by one coder version):

- ``documents``: one row per SPEC document (``doc`` is its integer key elsewhere).
- ``evidence`` + ``evidence_fts`` (FTS5, external content): the sentences facts rest on.
- per-report rows: ``events``, ``agreement_reports`` + ``provisions``,
  ``claim_reports`` + ``responses``, ``quotes``, ``flags``, ``doc_actors``.
- merged identities across documents: ``event_clusters``,
  ``agreements`` (+ ``agreement_parties``, ``agreement_provisions``), ``claims``.
- summaries kept up to date at ingest: ``actor_months``, ``dyad_months``, ``actor_totals``,
  ``dyad_totals``, ``network_edges``, ``actor_weeks`` (migration 3).
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE documents (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,            -- SPEC document.id
    source TEXT, url TEXT, title TEXT, subtitle TEXT, byline TEXT,
    published TEXT, language TEXT, text TEXT, cleaning TEXT,
    coder_version TEXT NOT NULL, extracted_at TEXT, record_hash TEXT NOT NULL,
    -- a document's events and evidence have consecutive ids: these ranges replace two indexes
    first_event INTEGER, last_event INTEGER, first_evidence INTEGER, last_evidence INTEGER
);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE ingest_errors (
    source TEXT NOT NULL, stage TEXT NOT NULL, code TEXT NOT NULL, message TEXT,
    coder_version TEXT, PRIMARY KEY (source, stage, code)
);

CREATE TABLE actors (              -- catalogue of every actor code seen, with a display name
    code TEXT PRIMARY KEY, name TEXT, country TEXT, kind TEXT
);
CREATE TABLE doc_actors (
    doc INTEGER NOT NULL, code TEXT NOT NULL, person TEXT, n_mentions INTEGER NOT NULL,
    mentions TEXT, coder_version TEXT NOT NULL, PRIMARY KEY (doc, code)
) WITHOUT ROWID;
CREATE INDEX doc_actors_code ON doc_actors(code);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, field TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE VIRTUAL TABLE evidence_fts USING fts5(
    text, content='evidence', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL, target TEXT NOT NULL, root TEXT NOT NULL, negated INTEGER NOT NULL,
    anchor_day TEXT,                    -- the date that opened the cluster (NULL: undated, never merged)
    first_day TEXT, last_day TEXT, cameo TEXT, plover TEXT,
    n_events INTEGER NOT NULL, n_documents INTEGER NOT NULL
);
-- one index serves both the cluster lookup at ingest and the dyad timeline (source, target prefix)
CREATE INDEX event_clusters_key ON event_clusters(source, target, root, negated, anchor_day);

CREATE TABLE events (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, coder_version TEXT NOT NULL,
    source TEXT, source_country TEXT, target TEXT, target_country TEXT,
    cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT, date TEXT,
    day TEXT,                           -- date as a full day (partial dates: first day), else published
    negated INTEGER NOT NULL, status TEXT NOT NULL, evidence INTEGER NOT NULL, cluster INTEGER NOT NULL
);
CREATE INDEX events_source ON events(source_country, day);
CREATE INDEX events_target ON events(target_country, day);
CREATE INDEX events_cluster ON events(cluster);

CREATE TABLE agreements (           -- one row per agreement identity, merged over its reports
    id INTEGER PRIMARY KEY, parties TEXT NOT NULL, kind TEXT, name TEXT, signed TEXT,
    duration_years INTEGER, n_reports INTEGER NOT NULL, n_documents INTEGER NOT NULL,
    weight REAL NOT NULL DEFAULT 0
);
CREATE INDEX agreements_parties ON agreements(parties);
CREATE TABLE agreement_parties (
    party TEXT NOT NULL, agreement INTEGER NOT NULL, PRIMARY KEY (party, agreement)
) WITHOUT ROWID;
CREATE TABLE agreement_provisions (
    agreement INTEGER NOT NULL, key TEXT NOT NULL, n_present INTEGER NOT NULL,
    n_absent INTEGER NOT NULL, value TEXT NOT NULL,   -- present | absent | conflict
    PRIMARY KEY (agreement, key)
) WITHOUT ROWID;
CREATE TABLE agreement_reports (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, coder_version TEXT NOT NULL,
    agreement INTEGER NOT NULL, name TEXT, kind TEXT, parties TEXT NOT NULL, signed TEXT,
    duration_years INTEGER, evidence INTEGER NOT NULL
);
CREATE INDEX agreement_reports_doc ON agreement_reports(doc);
CREATE INDEX agreement_reports_agreement ON agreement_reports(agreement);
CREATE TABLE provisions (
    id INTEGER PRIMARY KEY, report INTEGER NOT NULL, doc INTEGER NOT NULL, agreement INTEGER NOT NULL,
    key TEXT NOT NULL, value TEXT NOT NULL, evidence INTEGER NOT NULL
);
CREATE INDEX provisions_report ON provisions(report);
CREATE INDEX provisions_agreement ON provisions(agreement, key);

CREATE TABLE claims (               -- one row per claim identity, merged over its reports
    id INTEGER PRIMARY KEY, claimant TEXT, subject TEXT, topic TEXT NOT NULL, kind TEXT,
    content TEXT, first_date TEXT, last_date TEXT, n_reports INTEGER NOT NULL,
    n_documents INTEGER NOT NULL, n_responses INTEGER NOT NULL
);
CREATE INDEX claims_subject ON claims(subject, topic);
CREATE INDEX claims_claimant ON claims(claimant);
CREATE TABLE claim_reports (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, coder_version TEXT NOT NULL, claim INTEGER NOT NULL,
    claimant TEXT, claimant_country TEXT, kind TEXT, subject TEXT, subject_country TEXT,
    topic TEXT NOT NULL, content TEXT, date TEXT, evidence INTEGER NOT NULL
);
CREATE INDEX claim_reports_doc ON claim_reports(doc);
CREATE INDEX claim_reports_claim ON claim_reports(claim);
CREATE TABLE responses (
    id INTEGER PRIMARY KEY, report INTEGER NOT NULL, doc INTEGER NOT NULL, claim INTEGER NOT NULL,
    actor TEXT NOT NULL, actor_country TEXT, stance TEXT NOT NULL, evidence INTEGER NOT NULL
);
CREATE INDEX responses_claim ON responses(claim);
CREATE INDEX responses_doc ON responses(doc);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, coder_version TEXT NOT NULL, speaker TEXT,
    actor TEXT, actor_country TEXT, text TEXT NOT NULL, evidence INTEGER NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_actor ON quotes(actor_country);

CREATE TABLE flags (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, coder_version TEXT NOT NULL, kind TEXT NOT NULL,
    detail TEXT, evidence TEXT NOT NULL  -- JSON list of evidence ids
);
CREATE INDEX flags_doc ON flags(doc);

-- Summaries kept current at ingest, so aggregations never scan the events table.
-- quad: GDELT's QuadClass of the CAMEO root (1 verbal cooperation 01-05, 2 material cooperation
-- 06-08, 3 verbal conflict 09-14, 4 material conflict 15-20, 0 other); month '' = undated.
CREATE TABLE actor_months (         -- events per actor (country and full code) per month and quad class
    actor TEXT NOT NULL, month TEXT NOT NULL, quad INTEGER NOT NULL, role TEXT NOT NULL,  -- source|target
    n INTEGER NOT NULL, PRIMARY KEY (actor, month, quad, role)
) WITHOUT ROWID;
CREATE TABLE dyad_months (          -- directed source country -> target country
    source TEXT NOT NULL, target TEXT NOT NULL, month TEXT NOT NULL, quad INTEGER NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY (source, target, month, quad)
) WITHOUT ROWID;
CREATE TABLE actor_totals (         -- all-time events per actor (country and full code), by role
    actor TEXT PRIMARY KEY, n_source INTEGER NOT NULL, n_target INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE dyad_totals (          -- all-time events per directed country pair
    source TEXT NOT NULL, target TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE TABLE network_edges (        -- undirected state pairs (a < b) linked by agreements
    a TEXT NOT NULL, b TEXT NOT NULL, weight REAL NOT NULL, n_agreements INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
"""),
    # 2: indexes measured at 100k events (docs/store.md, "Indexes for the browsing queries"): a dyad
    # index, one index for both directions (a -> b and b -> a are two prefixes of it), carrying
    # plover so the dyad's weekly counts read no table row; and the two country indexes widened to
    # cover an actor's weekly counts by PLOVER type (they replace, not add to, the version-1 ones).
    (2, """
CREATE INDEX events_dyad ON events(source_country, target_country, day, plover);
DROP INDEX events_source;
DROP INDEX events_target;
CREATE INDEX events_source ON events(source_country, day, plover, source);
-- source_country and source: the target side leaves out an actor's internal events (counted once)
CREATE INDEX events_target ON events(target_country, day, plover, source_country, target, source);
"""),
    # 3: weekly event counts by PLOVER type of each country (the web's timeline chart), kept at
    # ingest like actor_months: at 100k events a busy country's weeks are ~5x fewer rows than its
    # events. Role codes and dyads are left to the covering indexes of migration 2: with them the
    # table had 2.3 rows per event and cost a third of the ingest rate (docs/store.md).
    # Backfilled here from the events of a store written before.
    (3, """
CREATE TABLE actor_weeks (          -- events per country (either side, an internal event once) per week
    actor TEXT NOT NULL, week TEXT NOT NULL,   -- week: the Monday that starts it
    plover TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (actor, week, plover)
) WITHOUT ROWID;
INSERT INTO actor_weeks
SELECT actor, date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days') AS week, plover,
       COUNT(*)
FROM (SELECT id, source_country AS actor, day, plover FROM events
      UNION SELECT id, target_country, day, plover FROM events)
WHERE actor IS NOT NULL AND actor <> '' AND plover IS NOT NULL AND plover <> '' AND day IS NOT NULL
  AND week IS NOT NULL
GROUP BY actor, week, plover;
"""),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks; returns the schema version now in force."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"store schema {current} is newer than this multipolar ({SCHEMA_VERSION})")
    for version, sql in MIGRATIONS:
        if version <= current:
            continue
        # executescript commits first; wrap the whole step so a crash leaves the old version.
        conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
    return SCHEMA_VERSION
