"""The accuracy gate: hand-written gold facts per page (gold/), their scorer (scoring.py), the
pinned floors (floors.json) and the runner that compares them (runner.py). See docs/accuracy-gate.md."""
