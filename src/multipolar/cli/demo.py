"""`multipolar demo`: the main job of `make run` on the embedded example corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seeds" / "000_00528b96f0de169d.txt"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run the pipeline on the example corpus and print a summary")
    p.set_defaults(func=run)


def example_paths() -> list[str]:
    paths = [str(EXAMPLES)] if EXAMPLES.is_dir() else []
    if SEED.is_file():
        paths.append(str(SEED))
    return paths


def run(args: argparse.Namespace) -> int:
    from ..pipeline import extract
    from ..summary import format_record

    paths = example_paths()
    if not paths:
        print("multipolar demo: no example corpus found next to the package", file=sys.stderr)
        return 1
    for record in extract(paths):
        sys.stdout.write(format_record(record) + "\n")
    return 0
