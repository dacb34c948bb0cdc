"""Reading a batch job's output back: the records, in a fixed order, for loaders such as ingest.

Needs neither Ray nor pyarrow: the JSONL shards are the SPEC records as
``multipolar extract`` prints them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from ..errors import MultipolarError
from .layout import BatchLayout


class NotABatchOutput(MultipolarError, ValueError):
    """The folder is not the output of ``multipolar batch``."""


def finished_files(out: str) -> list[dict[str, Any]]:
    """Done markers of the finished input files, sorted by location (path or URL)."""
    layout = BatchLayout(out)
    if not os.path.isdir(layout.done):
        raise NotABatchOutput(f"{out}: no {os.path.relpath(layout.done, layout.out)} folder; "
                              "is this the --out folder of `multipolar batch`?")
    return sorted(layout.finished().values(), key=lambda m: (m["location"], m["digest"]))


def iter_batch_records(out: str) -> Iterator[dict[str, Any]]:
    """Every record of a batch output, as JSON dicts.

    Order: input files by location, then records in archive order, which is the
    order ``multipolar extract`` gives for the same files listed in sorted order.
    Files that did not finish (a killed run) are left out: their shards are
    either absent or not yet marked done.
    """
    layout = BatchLayout(out)
    for marker in finished_files(out):
        with open(layout.shard(marker["digest"]), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def iter_batch_record_objects(out: str) -> Iterator[Any]:
    """The same records as :class:`multipolar.model.Record` objects."""
    from ..model import record_from_dict

    for record in iter_batch_records(out):
        yield record_from_dict(record)
