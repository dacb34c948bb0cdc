"""`multipolar serve` as a real process: binds 127.0.0.1 by default, serves pages and API, stops on SIGINT."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from web_fixtures import build_store

SRC = Path(__file__).resolve().parents[1] / "src"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_binds_loopback_and_answers(tmp_path, workers):
    db = build_store(tmp_path / "s.db")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(SRC), "MULTIPOLAR_TOKEN": "t0ken"}
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from multipolar.cli import main; sys.exit(main())",
                             "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2, trust_env=False)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "server did not come up"
                time.sleep(0.2)
        assert r.json()["counts"]["documents"] == 4
        home = httpx.get(f"http://127.0.0.1:{port}/", trust_env=False)
        assert home.status_code == 200 and "multipolar" in home.text
        if Path("/proc/net/tcp").exists():  # Linux: the listening socket is on 127.0.0.1 only
            listening = [line for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                         if line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A"]
            assert listening and all(line.split()[1].startswith("0100007F:") for line in listening)
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert f"http://localhost:{port}/" in err and "writes enabled" in err


def test_serve_rejects_bad_workers(tmp_path):
    from multipolar.cli import main

    assert main(["serve", "--db", str(tmp_path / "s.db"), "--workers", "0"]) == 2
