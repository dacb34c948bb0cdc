"""`multipolar demo [--db FILE]`: the main job of `make run`.

Extracts the example corpus (``examples/`` plus, when ``../shared`` is present, the seed page),
ingests the records into a store (a temporary one unless ``--db`` is given) and prints what was
found in each article, then what the store makes of them together.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seeds" / "000_00528b96f0de169d.txt"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="ingest the example corpus into a store and print a summary")
    p.add_argument("--db", help="keep the store in this file (default: a temporary store, removed after)")
    p.set_defaults(func=run)


def example_paths() -> list[str]:
    paths = [str(EXAMPLES)] if EXAMPLES.is_dir() else []
    if SEED.is_file():
        paths.append(str(SEED))
    return paths


def run(args: argparse.Namespace) -> int:
    paths = example_paths()
    if not paths:
        print("multipolar demo: no example corpus found next to the package", file=sys.stderr)
        return 1
    if args.db:
        return _run(paths, args.db)
    with tempfile.TemporaryDirectory(prefix="multipolar-demo-") as tmp:
        return _run(paths, str(Path(tmp) / "demo.db"))


def _run(paths: list[str], db: str) -> int:
    from ..analysis import network, overview
    from ..pipeline import extract
    from ..store import Store
    from ..summary import format_record
    from .show import format_overview

    out = sys.stdout

    def printed(records):
        for record in records:
            out.write(format_record(record) + "\n")
            out.flush()
            yield record

    with Store.open(db) as store:
        stats = store.ingest(printed(extract(paths)))
        out.write(f"== the store ({db}): {stats.documents} new documents, {stats.unchanged} unchanged, "
                  f"{stats.errors} unreadable\n")
        out.write(format_overview(overview(store)) + "\n")
        net = network(store)
        if net["edges"]:
            pol = net["polarity"]
            out.write(f"network: {len(net['nodes'])} states, {len(net['edges'])} links, blocs "
                      + "; ".join(", ".join(b["members"]) for b in net["blocs"])
                      + f"; effective number of poles {pol['effective_poles']}\n")
    return 0
