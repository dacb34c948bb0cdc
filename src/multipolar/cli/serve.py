"""`multipolar serve --db FILE [--host 127.0.0.1] [--port 8000]`: the web UI and HTTP API over a store."""

from __future__ import annotations

import argparse
import os
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the web UI and HTTP API over a store",
                       description="Serve the web UI and the JSON API (docs at /api/docs) over a store. "
                                   "Writes (POST /api/documents, the Submit page) need the bearer token "
                                   "given in MULTIPOLAR_TOKEN at start-up; without it they stay closed.")
    p.add_argument("--db", required=True, help="the store (SQLite file); created empty if missing")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--max-upload-bytes", type=int,
                   help="largest accepted request body (default $MULTIPOLAR_MAX_UPLOAD_BYTES or 2 MB)")
    p.add_argument("--allow-private-urls", action="store_true",
                   help="let submitted URLs reach loopback/private addresses (off: only public hosts are fetched)")
    p.add_argument("--workers", type=int, default=1,
                   help="server processes (default 1; more use more cores for many concurrent readers)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..web import WebConfig, create_app

    if args.workers < 1:
        print("multipolar serve: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.max_upload_bytes:
        os.environ["MULTIPOLAR_MAX_UPLOAD_BYTES"] = str(args.max_upload_bytes)
    if args.allow_private_urls:
        os.environ["MULTIPOLAR_ALLOW_PRIVATE_URLS"] = "1"
    config = WebConfig(db=args.db)
    app = create_app(config)  # also creates and migrates the store once, before any worker starts
    shown_host = "localhost" if args.host in ("127.0.0.1", "::1") else args.host
    writes = "enabled (bearer token from MULTIPOLAR_TOKEN)" if config.token else \
        "disabled (set MULTIPOLAR_TOKEN to enable POST /api/documents and the Submit page)"
    print(f"multipolar: serving {config.db} at http://{shown_host}:{args.port}/  (Ctrl-C stops)", file=sys.stderr)
    print(f"multipolar: API docs at http://{shown_host}:{args.port}/api/docs; writes {writes}", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("MULTIPOLAR_TOKEN"):
        print("multipolar: note: bound beyond this machine; reads are open to the network", file=sys.stderr)
    from ..web.serving import PROTOCOL

    if args.workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning", http=PROTOCOL)
    else:
        # worker processes import the app themselves; they find the store through the environment
        os.environ["MULTIPOLAR_WEB_DB"] = str(config.db.resolve())
        uvicorn.run("multipolar.web.app:app_from_env", factory=True, workers=args.workers,
                    host=args.host, port=args.port, log_level="warning", http=PROTOCOL)
    return 0
