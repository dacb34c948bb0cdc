"""Bytes to text, refusing binary data with a clear code instead of guessing."""

from __future__ import annotations

import re

from ..errors import ExtractionError

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control characters in its first 4 KiB."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def decode_bytes(data: bytes, content_type: str | None = None) -> str:
    """Decode as UTF-8, else the declared charset, else cp1252; raise on empty or binary input."""
    if not data.strip():
        raise ExtractionError("read", "empty", "the input is empty")
    if looks_binary(data):
        raise ExtractionError("read", "not_text", "the input looks binary, not text or HTML")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = []
    if content_type and "charset=" in content_type:
        declared.append(content_type.split("charset=")[-1].strip(" ;\"'"))
    match = _CHARSET.search(data[:4096])
    if match:
        declared.append(match.group(1).decode("ascii", "ignore"))
    for encoding in [*declared, "cp1252"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    # Latin-1 maps every byte; reached only when cp1252 meets one of its five holes.
    return data.decode("latin-1")


def is_gzip(data: bytes) -> bool:
    """True for data that starts with the gzip magic number."""
    return data[:2] == b"\x1f\x8b"


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """Decompress gzip ``data``, stopping after ``limit`` bytes of output (a zip bomb stays small).

    A truncated stream gives what could be decompressed; corrupt data raises ``ExtractionError``.
    """
    import zlib

    decompressor = zlib.decompressobj(wbits=31)
    try:
        out = decompressor.decompress(data, limit)
    except zlib.error as e:
        raise ExtractionError("read", "decode", f"gzip data is corrupt ({e})") from e
    return out
