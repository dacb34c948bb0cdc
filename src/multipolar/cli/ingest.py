"""`multipolar ingest PATH... [--db FILE]`: extract pages (or read record JSONL) into the store."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from ..store.core import DEFAULT_BATCH_SECONDS, DEFAULT_BATCH_SIZE
from ._store import add_store_args, print_json

RECORD_SUFFIXES = (".jsonl", ".json")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest", help="extract pages (or read record JSONL) and write them into the store",
        description="Ingest files, folders, WARC archives or - (stdin) into the store. Files ending in "
                    ".jsonl/.json are read as records (`multipolar extract` output), not extracted again. "
                    "Ingesting the same document twice changes nothing.")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--from-batch", action="append", default=[], metavar="DIR",
                   help="also load the records of a `multipolar batch` output folder (repeatable)")
    add_store_args(p)
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                   help=f"documents per transaction (default {DEFAULT_BATCH_SIZE}; a transaction also "
                        f"commits once {DEFAULT_BATCH_SECONDS:g} s have passed since its first document)")
    p.add_argument("--force", action="store_true", help="replace rows even from an older coder version")
    p.add_argument("--model", help="spaCy model name for extraction")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    p.set_defaults(func=run)


def split_inputs(paths: list[str]) -> tuple[list[str], list[str]]:
    """(record files, page inputs): folders contribute their record files and stay page inputs."""
    records, pages = [], []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            records += sorted(str(f) for f in Path(path).rglob("*") if f.name.lower().endswith(RECORD_SUFFIXES))
            pages.append(path)
        elif path.lower().endswith(RECORD_SUFFIXES):
            records.append(path)
        else:
            pages.append(path)
    return records, pages


def _count(records: list[str], pages: list[str]) -> int | None:
    """How many documents are coming, when that is cheap to know (None: unknown, e.g. WARC)."""
    from ..pages.files import SUPPORTED, WARC_SUFFIXES

    total = 0
    for f in records:
        with open(f, "rb") as fh:
            total += sum(1 for line in fh if line.strip())
    for p in pages:
        if p == "-":
            total += 1
            continue
        files = [str(f) for f in Path(p).rglob("*") if f.name.lower().endswith(SUPPORTED)] if os.path.isdir(p) else [p]
        if any(f.lower().endswith(WARC_SUFFIXES) for f in files):
            return None
        total += len(files)
    return total


def iter_records(records: list[str], pages: list[str], settings) -> Iterator:
    from ..pipeline import extract
    from ..store import read_jsonl_records

    for f in records:
        yield from read_jsonl_records(f)
    if pages:
        yield from extract(pages, settings)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..store import Store, default_db_path
    from .extract import settings_from_args

    if not args.paths and not args.from_batch:
        print("multipolar ingest: give PATH... or --from-batch DIR", file=sys.stderr)
        return 2
    record_files, pages = split_inputs(args.paths)
    missing = [p for p in record_files + pages if p != "-" and not os.path.exists(p)]
    for p in missing:
        print(f"multipolar: warning: {p} does not exist", file=sys.stderr)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    from ..scale.load import finished_files

    # Checked before the store opens: a folder that is not a batch output fails here, cleanly.
    batch_documents = sum(m.get("documents", 0) for d in args.from_batch for m in finished_files(d))
    total = _count(record_files, pages) if show and not missing else None
    if total is not None:
        total += batch_documents
    bar = tqdm(total=total, unit="doc",
               desc="ingest", file=sys.stderr, disable=not show)
    path = args.db or default_db_path()

    def counted(it):
        for r in it:
            bar.update(1)
            yield r

    with Store.open(path) as store:
        records = iter_records(record_files, pages, settings_from_args(args))
        if args.from_batch:
            from itertools import chain

            from ..scale.load import iter_batch_records

            records = chain((r for d in args.from_batch for r in iter_batch_records(d)), records)
        stats = store.ingest(counted(records),
                             batch_size=args.batch_size, force=args.force)
        counts = store.counts()
    bar.close()
    if args.json:
        print_json({"db": path, "ingested": stats.to_dict(), "counts": counts})
    else:
        s = stats
        print(f"{path}: {s.documents} new, {s.replaced} replaced, {s.unchanged} unchanged, {s.stale} stale, "
              f"{s.errors} error records; {s.events} events, {s.agreements} agreement reports, "
              f"{s.claims} claims, {s.quotes} quotes, {s.flags} flags written")
        print(f"store now holds {counts['documents']} documents, {counts['events']} events in "
              f"{counts['event_clusters']} clusters, {counts['agreements']} agreements, {counts['claims']} claims")
    return 0
