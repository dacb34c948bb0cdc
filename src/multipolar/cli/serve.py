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
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..web import WebConfig, create_app

    config = WebConfig(db=args.db)
    if args.max_upload_bytes:
        config.max_upload_bytes = args.max_upload_bytes
    app = create_app(config)
    shown_host = "localhost" if args.host in ("127.0.0.1", "::1") else args.host
    writes = "enabled (bearer token from MULTIPOLAR_TOKEN)" if config.token else \
        "disabled (set MULTIPOLAR_TOKEN to enable POST /api/documents and the Submit page)"
    print(f"multipolar: serving {config.db} at http://{shown_host}:{args.port}/  (Ctrl-C stops)", file=sys.stderr)
    print(f"multipolar: API docs at http://{shown_host}:{args.port}/api/docs; writes {writes}", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("MULTIPOLAR_TOKEN"):
        print("multipolar: note: bound beyond this machine; reads are open to the network", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
