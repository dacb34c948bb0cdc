"""`multipolar batch` usage errors, answered before any Ray process starts."""

from __future__ import annotations

import socket

import pytest

from multipolar.cli import main
from multipolar.scale.warcpack import WarcPage, write_warc

pytest.importorskip("ray")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def test_batch_fails_fast_on_an_address_where_no_cluster_answers(tmp_path, capsys):
    port = _closed_port()
    write_warc(str(tmp_path / "a.warc.gz"), [WarcPage("https://example.org/a", b"<p>Hello</p>")])
    code = main(["batch", str(tmp_path / "a.warc.gz"), "--out", str(tmp_path / "out"), "--address", f"127.0.0.1:{port}",
                 "--no-progress"])
    assert code == 1
    assert "ClusterUnreachable" in capsys.readouterr().err


def test_batch_refuses_zero_workers(tmp_path, capsys):
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err


def test_batch_with_nothing_to_do_starts_no_ray(tmp_path, capsys):
    import ray

    (tmp_path / "empty").mkdir()
    assert main(["batch", str(tmp_path / "empty"), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    assert not ray.is_initialized()
    assert "0 files processed" in capsys.readouterr().err
    assert (tmp_path / "out" / "errors.parquet").is_file()


def test_batch_over_ray_client_refuses_relative_paths_before_connecting(tmp_path, monkeypatch, capsys):
    import ray

    # Over ray:// the job runs on the cluster, where a relative path would name another folder.
    monkeypatch.chdir(tmp_path)
    port = _closed_port()  # nothing listens: the refusal must come before any connection attempt
    code = main(["batch", "in.warc.gz", "--out", "out", "--address", f"ray://127.0.0.1:{port}", "--no-progress"])
    assert code == 1
    err = capsys.readouterr().err
    assert "ClientPathError" in err and "absolute" in err and "in.warc.gz, out" in err
    assert not ray.is_initialized()
