"""`multipolar batch INPUT... --out DIR [--address auto|ray://HOST:PORT] [--workers N]`"""

from __future__ import annotations

import argparse
import sys

from .extract import settings_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch", help="extract WARC archives on Ray into JSONL shards + Parquet (needs the scale extra)",
        description="Run the extraction pipeline over WARC archives as a Ray Data job. INPUT is a WARC "
                    "file, a folder of them, a URL, or a text file listing paths/URLs (one a line). "
                    "A rerun with the same --out skips input files already finished (by content hash).")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created; reused to resume)")
    p.add_argument("--address", metavar="ADDR",
                   help="join a running Ray cluster: 'auto', HOST:PORT of its head, or ray://HOST:PORT "
                        "(default: start a local instance and stop it at the end)")
    p.add_argument("--workers", type=int, metavar="N",
                   help="worker actors, one CPU each (default: every CPU of the machine or cluster)")
    p.add_argument("--model", help="spaCy model name (installed on every worker)")
    p.add_argument("--max-bytes", type=int, help="records over this size yield a too_large error record")
    p.add_argument("--extracted-at", metavar="ISO",
                   help="fixed extracted_at stamp for every record (default: the job's start time)")
    p.add_argument("--no-progress", action="store_true", help="do not print the progress line")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        from ..scale.job import run_batch
    except ImportError as e:  # Ray is an optional extra
        print(f"multipolar batch needs the scale extra: pip install 'multipolar[scale]' ({e})",
              file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("multipolar batch: --workers must be at least 1", file=sys.stderr)
        return 2
    settings = settings_from_args(args)
    settings.extracted_at = args.extracted_at
    result = run_batch(args.inputs, args.out, address=args.address, workers=args.workers,
                       settings=settings, progress=not args.no_progress)
    print(f"batch: {result.files_processed} files processed, {result.files_skipped} skipped "
          f"(already done), {result.files_failed} failed; {result.documents} documents, "
          f"{result.record_errors} error records, {result.seconds:.1f}s -> {result.out}", file=sys.stderr)
    if result.files_failed:
        print(f"batch: failed files are listed in {result.out}/errors.parquet (and errors.jsonl); "
              "rerun the same command to retry them", file=sys.stderr)
    # Same rule as `extract`: exit 1 only when nothing at all could be read.
    return 1 if result.files_total and result.files_failed == result.files_total else 0
