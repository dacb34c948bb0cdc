"""Batch inputs: WARC files, folders of them, or list files of paths/URLs, each with a content hash.

A content hash names every input file, so that a rerun can skip files already
finished even when they moved, and two copies of one archive are read once.
Local files are hashed on the driver; a URL is hashed by the worker that
downloads it (the driver cannot know its content without fetching it).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..pages.files import WARC_SUFFIXES

URL_SCHEMES = ("http://", "https://")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class InputFile:
    """One archive to process: a local path or a URL; ``digest`` is None until known."""

    location: str
    digest: str | None = None
    error: str | None = None  # set when the input cannot be read at all (missing, unreadable)

    @property
    def is_url(self) -> bool:
        return is_url(self.location)


def is_url(location: str) -> bool:
    return location.lower().startswith(URL_SCHEMES)


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def expand_inputs(args: Iterable[str]) -> list[str]:
    """Archive locations named by ``args``, in the order given, without repeats.

    An argument is a WARC file, a folder (walked recursively, sorted, WARC files
    only), a URL, or a list file (any other file, optionally gzipped): one path
    or URL per line, ``#`` comments and blank lines skipped, relative paths taken
    from the list file's folder (as in Common Crawl's ``warc.paths.gz``).
    """
    seen: set[str] = set()
    out: list[str] = []
    for location in _expand(args):
        if location not in seen:
            seen.add(location)
            out.append(location)
    return out


def _expand(args: Iterable[str]) -> Iterator[str]:
    for arg in args:
        if is_url(arg):
            yield arg
        elif os.path.isdir(arg):
            for root, dirs, files in os.walk(arg):
                dirs.sort()
                for name in sorted(files):
                    if is_warc(name):
                        yield os.path.abspath(os.path.join(root, name))
        elif is_warc(arg) or not os.path.isfile(arg):
            # A missing WARC path is kept: it becomes a row of the errors table, not a crash.
            yield os.path.abspath(arg)
        else:
            yield from _read_list_file(arg)


def _read_list_file(path: str) -> Iterator[str]:
    base = os.path.dirname(os.path.abspath(path))
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            if is_url(entry):
                yield entry
            else:
                yield os.path.normpath(os.path.join(base, os.path.expanduser(entry)))


def file_digest(path: str) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB chunks (archives never sit whole in memory)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


class DigestCache:
    """Remembers digests by (path, size, mtime) so that a rerun does not reread every archive."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.known: dict[str, dict] = {}
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    try:
                        entry = json.loads(line)
                        self.known[entry["path"]] = entry
                    except (ValueError, KeyError):
                        continue  # a line cut short by a killed run

    def lookup(self, path: str, stat: os.stat_result) -> str | None:
        entry = self.known.get(path)
        if entry and entry["size"] == stat.st_size and entry["mtime_ns"] == stat.st_mtime_ns:
            return entry["digest"]
        return None

    def remember(self, entries: list[dict]) -> None:
        if not entries:
            return
        with open(self.path, "a", encoding="utf-8") as f:
            for entry in entries:
                f.write(json.dumps(entry) + "\n")
                self.known[entry["path"]] = entry


def hash_inputs(locations: list[str], cache: DigestCache, threads: int = 4) -> list[InputFile]:
    """An :class:`InputFile` per location; local files hashed in a few threads (hashlib frees the GIL)."""

    def one(location: str) -> tuple[InputFile, dict | None]:
        if is_url(location):
            return InputFile(location), None
        try:
            stat = os.stat(location)
            known = cache.lookup(location, stat)
            if known:
                return InputFile(location, known), None
            digest = file_digest(location)
        except OSError as e:
            return InputFile(location, error=f"{location}: {e.strerror or e}"), None
        return InputFile(location, digest), {"path": location, "size": stat.st_size,
                                             "mtime_ns": stat.st_mtime_ns, "digest": digest}

    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        results = list(pool.map(one, locations))
    cache.remember([entry for _, entry in results if entry])
    return [item for item, _ in results]
