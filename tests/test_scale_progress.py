"""The progress line of a batch job (documents/s, files done, errors), without Ray."""

from __future__ import annotations

import io

from multipolar.scale.progress import ProgressDisplay, Tally


def test_progress_reports_documents_files_and_errors():
    stream = io.StringIO()
    with ProgressDisplay(3, tally=None, stream=stream) as display:
        display.file_finished({"status": "done", "documents": 40, "errors": 2})
        display.file_finished({"status": "failed", "documents": 0, "errors": 0})
    line = stream.getvalue().strip().splitlines()[-1]
    assert line.startswith("batch: 40 documents (")
    assert "/s), files 2/3 (1 failed), 2 error records" in line


def test_tally_adds_what_workers_report():
    tally = Tally()
    tally.add(16, 1)
    tally.add(5, 0)
    assert tally.read() == (21, 1)


def test_progress_can_be_silenced():
    stream = io.StringIO()
    with ProgressDisplay(1, stream=stream, enabled=False) as display:
        display.file_finished({"status": "done", "documents": 1, "errors": 0})
    assert stream.getvalue() == ""
