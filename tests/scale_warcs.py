"""Builds the WARC archives the batch-job tests read, from tests/fixtures/scale/pages."""

from __future__ import annotations

from pathlib import Path

from multipolar.scale.warcpack import WarcPage, write_warc

PAGES = Path(__file__).resolve().parent / "fixtures" / "scale" / "pages"

# archive name -> fixture pages it holds (a page may appear twice, under another URL)
ARCHIVES = {
    "a.warc.gz": ["01_pact.html", "02_missiles.html"],
    "b.warc.gz": ["03_summit.html", "04_exercise.html"],
    "c.warc.gz": ["05_undated.html", "06_aid.html"],
    "d.warc.gz": ["07_nobody.html", "01_pact.html"],
    "e.warc": ["02_missiles.html", "03_summit.html", "06_aid.html"],
}


def build_archives(folder: Path) -> list[Path]:
    """Write the archives (plus one damaged one, ``f.warc.gz``) into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, pages in ARCHIVES.items():
        records = [WarcPage(f"https://news.example.org/{name}/{page}", (PAGES / page).read_bytes())
                   for page in pages]
        # A non-HTML response the reader must skip.
        records.insert(1, WarcPage(f"https://news.example.org/{name}/logo.png", b"\x89PNG\r\n", "image/png"))
        write_warc(str(folder / name), records)
        paths.append(folder / name)
    # A truncated archive: its first record is whole, the rest is cut off mid-stream.
    whole = (folder / "a.warc.gz").read_bytes()
    (folder / "f.warc.gz").write_bytes(whole[: len(whole) * 2 // 3])
    paths.append(folder / "f.warc.gz")
    return paths
