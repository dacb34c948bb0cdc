"""scale.job.connect tries a Ray Client address again when Ray's proxy failed to start the
per-client server (a transient port clash), and fails at once on anything else."""

from __future__ import annotations

import pytest

ray = pytest.importorskip("ray")

from multipolar.scale import job  # noqa: E402

TRANSIENT = ConnectionError("Initialization failure from server: RuntimeError: Starting Ray client server "
                            "failed. See ray_client_server_23000.err for detailed logs.")


@pytest.fixture
def fake_ray(monkeypatch):
    calls = {"init": [], "shutdown": 0}
    outcomes: list = []

    def init(address=None, **kwargs):
        calls["init"].append(address)
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome

    def shutdown():
        calls["shutdown"] += 1

    monkeypatch.setattr(ray, "init", init)
    monkeypatch.setattr(ray, "shutdown", shutdown)
    monkeypatch.setattr(job, "_check_reachable", lambda address: None)
    monkeypatch.setattr(job.time, "sleep", lambda seconds: None)
    return calls, outcomes


def test_a_failed_client_server_start_is_tried_again(fake_ray):
    calls, outcomes = fake_ray
    outcomes += [TRANSIENT, None]
    job.connect("ray://127.0.0.1:10001", "no cluster ({error})")
    assert calls["init"] == ["ray://127.0.0.1:10001"] * 2
    assert calls["shutdown"] == 1


def test_it_gives_up_after_the_retries(fake_ray):
    calls, outcomes = fake_ray
    outcomes += [TRANSIENT] * (job.CLIENT_SERVER_RETRIES + 1)
    with pytest.raises(job.ClusterUnreachable, match="Starting Ray client server failed"):
        job.connect("ray://127.0.0.1:10001", "no cluster ({error})")
    assert len(calls["init"]) == job.CLIENT_SERVER_RETRIES + 1


@pytest.mark.parametrize(("address", "error"), [
    ("ray://127.0.0.1:10001", ConnectionError("authentication failed")),
    ("127.0.0.1:6379", TRANSIENT),  # not a Ray Client address: no per-client server to restart
])
def test_other_failures_are_not_retried(fake_ray, address, error):
    calls, outcomes = fake_ray
    outcomes += [error, None]
    with pytest.raises(job.ClusterUnreachable):
        job.connect(address, "no cluster ({error})")
    assert len(calls["init"]) == 1
