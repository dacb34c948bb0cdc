"""`multipolar batch --address HOST:PORT` joins a running Ray cluster (a head started here with
`ray start --head`) instead of starting its own, and leaves the cluster running; with
`--address ray://HOST:PORT` it goes through the head's Ray Client server instead. Both tests
share one head (Ray's startup is slow)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytest.importorskip("ray")

from multipolar.pipeline import extract  # noqa: E402
from multipolar.scale import iter_batch_records  # noqa: E402
from multipolar.settings import Settings  # noqa: E402
from scale_warcs import build_archives  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")]

SRC = Path(__file__).resolve().parent.parent / "src"
STAMP = "2026-01-01T00:00:00Z"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, head: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert head.poll() is None, "ray start --head exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"the Ray head did not listen on port {port} within {timeout}s")


def _ray_env(token: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p),
            "RAY_USAGE_STATS_ENABLED": "0",
            # The head and the job share a token made for this test (Ray's token authentication).
            "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": token}


@pytest.fixture(scope="module")
def ray_head():
    """A one-CPU head on 127.0.0.1 with its GCS and Ray Client server on free ports."""
    token = secrets.token_hex(32)
    env = _ray_env(token)
    ray_cli = str(Path(sys.executable).parent / "ray")
    port, client_port = _free_port(), _free_port()
    # A private temp folder (short: Ray's socket paths have a length limit), so the cluster
    # address file that `ray start` writes does not outlive the tests.
    temp_dir = tempfile.mkdtemp(prefix="mpray-", dir="/tmp")
    head = subprocess.Popen(
        [ray_cli, "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}",
         f"--ray-client-server-port={client_port}", "--num-cpus=1", "--include-dashboard=false", "--block",
         f"--temp-dir={temp_dir}"],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, head, timeout=120)
        _wait_for_port(client_port, head, timeout=60)
        yield {"port": port, "client_port": client_port, "token": token, "process": head}
    finally:
        # `ray start --block` stops on SIGTERM; its GCS and raylet share its process group and
        # get SIGKILL after a grace period (Ray's workers exit when their raylet is gone).
        try:
            os.killpg(head.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            head.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(head.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        head.wait(timeout=10)
        shutil.rmtree(temp_dir, ignore_errors=True)


def _run_batch_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from multipolar.cli import main; sys.exit(main())", "batch", *args,
         "--workers", "1", "--extracted-at", STAMP, "--no-progress"],
        env=env, capture_output=True, text=True, timeout=180)


def _assert_same_as_extract(archive: str, out: Path) -> None:
    expected = [r.to_dict() for r in extract([archive], Settings(extracted_at=STAMP))]
    got = list(iter_batch_records(str(out)))
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_batch_joins_an_existing_cluster(tmp_path, ray_head):
    archive = str(build_archives(tmp_path / "in")[1])  # b.warc.gz: two pages
    job = _run_batch_cli([archive, "--out", str(tmp_path / "out"), "--address", f"127.0.0.1:{ray_head['port']}"],
                         _ray_env(ray_head["token"]))
    assert job.returncode == 0, job.stderr[-3000:]
    assert "1 files processed" in job.stderr
    assert ray_head["process"].poll() is None, "joining must not stop the cluster"
    _assert_same_as_extract(archive, tmp_path / "out")


def test_batch_runs_through_ray_client(tmp_path, ray_head):
    archive = str(build_archives(tmp_path / "in")[1])
    env = _ray_env(ray_head["token"])
    job = _run_batch_cli([archive, "--out", str(tmp_path / "out"), "--address",
                          f"ray://127.0.0.1:{ray_head['client_port']}"], env)
    assert job.returncode == 0, job.stderr[-3000:]
    assert "1 files processed" in job.stderr
    assert ray_head["process"].poll() is None, "a Ray Client job must not stop the cluster"
    _assert_same_as_extract(archive, tmp_path / "out")
    # A rerun through the client resumes like any other: the file is already finished.
    again = _run_batch_cli([archive, "--out", str(tmp_path / "out"), "--address",
                            f"ray://127.0.0.1:{ray_head['client_port']}"], env)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "0 files processed, 1 skipped" in again.stderr
