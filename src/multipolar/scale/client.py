"""Running the batch job through Ray Client (``--address ray://HOST:PORT``).

Ray Data cannot be driven over Ray Client in Ray 2.60: its streaming executor
needs the driver's core worker, which a Ray Client driver does not have
(``AttributeError: 'Worker' object has no attribute 'core_worker'``). So over
``ray://`` this module does not run the job on the client machine at all: it
sends the whole of :func:`.job.run_batch` to the cluster as one remote task,
pinned to the head node, and that task drives Ray Data from inside the cluster.

What follows for the user: input paths and ``--out`` are paths *on the
cluster* (the head node and every worker node see them; in practice a shared
filesystem), not on the machine that typed the command, and they must be
absolute, since a relative path would silently mean the remote task's working
folder. The progress lines are printed by the remote task; Ray forwards them
to the client's console.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import MultipolarError
from ..settings import Settings
from .inputs import is_url

log = logging.getLogger(__name__)

# A custom resource every head node has (Ray's own, "node:__internal_head__"): asking for a
# tiny share of it places the coordinating task on the head, where `ray start --head` ran.
HEAD_NODE_RESOURCE = {"node:__internal_head__": 0.001}


class ClientPathError(MultipolarError):
    """A path that cannot mean the same thing on the cluster as on the client."""


def check_cluster_paths(inputs: Sequence[str], out: str) -> None:
    """Refuse relative paths over Ray Client: they would resolve in the remote task's folder."""
    relative = [p for p in (*inputs, out) if not is_url(p) and not os.path.isabs(p)]
    if relative:
        raise ClientPathError(
            f"over ray:// the inputs and --out are read and written on the cluster, so they must be "
            f"absolute paths the cluster's nodes see (a shared filesystem) or URLs; relative: "
            f"{', '.join(relative)}")


def run_on_cluster(run_batch: Callable[..., Any], inputs: Sequence[str], out: str, *, address: str | None,
                   workers: int | None, settings: Settings, progress: bool) -> Any:
    """Run ``run_batch`` as a remote task on the head node; returns its :class:`.job.BatchResult`."""
    import ray

    from .job import connect

    check_cluster_paths(inputs, out)
    own_connection = not ray.is_initialized()
    if own_connection:
        connect(address, f"could not connect to the Ray Client server at {address!r} ({{error}}). Check "
                         "that the head runs one (`ray start --head` starts it on port 10001, or "
                         "--ray-client-server-port) and, where the cluster uses token authentication (the "
                         "default of `ray start` in Ray 2.60), set RAY_AUTH_MODE=token here with the "
                         "cluster's token in RAY_AUTH_TOKEN or ~/.ray/auth_token: without it Ray Client "
                         "sends no token and only reports a timeout (docs/scale.md)")
    try:
        task = ray.remote(num_cpus=0, max_retries=0, resources=HEAD_NODE_RESOURCE)(run_batch)
        # address=None: inside the cluster Ray is already initialised, so the job uses that
        # session (and leaves it running) instead of starting or joining another.
        ref = task.remote(list(inputs), out, address=None, workers=workers, settings=settings,
                          progress=progress)
        try:
            # Short waits, not one blocking get: Ray Client's get does not return to Python
            # while it waits, so Ctrl-C would go unanswered until the whole job had finished.
            while not ray.wait([ref], timeout=1.0)[0]:
                pass
            return ray.get(ref)
        except KeyboardInterrupt:
            # Stop the job on the cluster too; its worker actors die with the task's process.
            ray.cancel(ref, force=True)
            raise
    finally:
        if own_connection:
            ray.shutdown()  # only disconnects the client
