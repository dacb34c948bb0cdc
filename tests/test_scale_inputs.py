"""Batch inputs: WARC files, folders and list files expanded; content hashes cached by stat."""

from __future__ import annotations

import gzip
import hashlib
import os

from multipolar.scale.inputs import DigestCache, expand_inputs, hash_inputs


def test_inputs_expand_folders_list_files_and_urls(tmp_path):
    (tmp_path / "crawl" / "b").mkdir(parents=True)
    for name in ("crawl/b/2.warc.gz", "crawl/1.warc", "crawl/notes.txt", "other.warc.gz"):
        (tmp_path / name).write_bytes(b"x")
    listing = tmp_path / "warc.paths.gz"
    with gzip.open(listing, "wt") as f:
        f.write("# CC-NEWS style listing\nother.warc.gz\n\nhttps://data.example.org/3.warc.gz\ncrawl/1.warc\n")
    found = expand_inputs([str(tmp_path / "crawl"), str(listing), str(tmp_path / "missing.warc")])
    assert found == [str(tmp_path / "crawl" / "1.warc"), str(tmp_path / "crawl" / "b" / "2.warc.gz"),
                     str(tmp_path / "other.warc.gz"), "https://data.example.org/3.warc.gz",
                     str(tmp_path / "missing.warc")]


def test_inputs_hash_content_and_reuse_the_cache(tmp_path):
    one, two = tmp_path / "1.warc", tmp_path / "2.warc"
    one.write_bytes(b"first archive")
    two.write_bytes(b"first archive")  # the same content under another name
    cache_path = str(tmp_path / "digests.jsonl")
    files = hash_inputs([str(one), str(two), "https://x.example/a.warc", str(tmp_path / "gone.warc")],
                        DigestCache(cache_path))
    digest = hashlib.sha256(b"first archive").hexdigest()
    assert [f.digest for f in files] == [digest, digest, None, None]
    assert files[3].error and "gone.warc" in files[3].error
    assert files[2].is_url

    one.write_bytes(b"changed archive")
    os.utime(one, ns=(1, 1))  # a different size and mtime: the cache entry no longer fits
    again = hash_inputs([str(one), str(two)], DigestCache(cache_path))
    assert again[0].digest == hashlib.sha256(b"changed archive").hexdigest()
    assert again[1].digest == digest
