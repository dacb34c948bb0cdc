"""CAMEO event code tables and the CAMEO -> PLOVER mapping, read from ``data/cameo/``.

Codes are strings with leading zeros ("057", "0334"). The PLOVER type follows the root
(``plover_facts.md`` section 4); roots 01 and 02 have no PLOVER type (``None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str

    @property
    def root(self) -> str:
        return root_of(self.code)


def _tsv_rows(name: str) -> list[list[str]]:
    text = resources.files("multipolar").joinpath("data", "cameo", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]  # the header row


@lru_cache(maxsize=1)
def codebook() -> dict[str, CameoCode]:
    """Every CAMEO event code in the packaged codebook, by code."""
    return {row[0]: CameoCode(row[0], row[1]) for row in _tsv_rows("event_codes.tsv")}


@lru_cache(maxsize=1)
def _roots() -> dict[str, tuple[str, str | None, list[tuple[int, int, str]]]]:
    out = {}
    for row in _tsv_rows("roots.tsv"):
        root, name, plover = row[0], row[1], row[2]
        splits = []
        for part in (row[3] if len(row) > 3 else "").split(","):
            if part.strip():
                span, typ = part.split("=")
                lo, hi = span.split("-")
                splits.append((int(lo), int(hi), typ.strip()))
        out[root] = (name, None if plover == "-" else plover, splits)
    return out


def root_of(code: str) -> str:
    """The two-digit root of a CAMEO code ("0334" -> "03", "1951" -> "19")."""
    return code[:2]


def is_known(code: str) -> bool:
    return code in codebook()


def root_name(code: str) -> str | None:
    entry = _roots().get(root_of(code))
    return entry[0] if entry else None


def plover_of(code: str) -> str | None:
    """The PLOVER type of a CAMEO code by its root; None for roots 01/02 and unknown codes."""
    entry = _roots().get(root_of(code))
    if entry is None:
        return None
    _, plover, splits = entry
    three = int(code[:3]) if code[:3].isdigit() else -1
    for lo, hi, typ in splits:
        if lo <= three <= hi:
            return typ
    return plover


def name_of(code: str) -> str | None:
    entry = codebook().get(code)
    return entry.name if entry else None
