"""The distributed batch job: the one pipeline over WARC archives on Ray Data.

``run_batch`` needs the ``scale`` extra (Ray); reading an output back with
``iter_batch_records`` does not. Modules: :mod:`.inputs` (what to read),
:mod:`.job` (the driver), :mod:`.worker` (the actor), :mod:`.outputs` and
:mod:`.tables` (what is written), :mod:`.layout` (where), :mod:`.progress`,
:mod:`.load` (reading it back).
"""

from __future__ import annotations

from .load import finished_files, iter_batch_record_objects, iter_batch_records

__all__ = ["run_batch", "BatchResult", "iter_batch_records", "iter_batch_record_objects",
           "finished_files", "read_table"]


def __getattr__(name: str):
    # Lazy: importing the package must not import Ray or pyarrow.
    if name in ("run_batch", "BatchResult"):
        from . import job

        return getattr(job, name)
    if name == "read_table":
        from .tables import read_table

        return read_table
    raise AttributeError(name)
