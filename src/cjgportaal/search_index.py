"""Writes the sociale kaart's search index with Pagefind (its Python package ships the binary).

Pagefind splits the index into small chunks that the browser loads only as a query needs them,
stems Dutch words ("cursussen" finds "cursus") and counts results per filter value.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .kaart import SearchRecord

LANGUAGE = "nl"
BUNDLE = "pagefind"  # folder of the index under the site root
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


async def _write(records: Sequence[SearchRecord], output: Path) -> None:
    async with PagefindIndex(IndexConfig(output_path=str(output), force_language=LANGUAGE)) as index:
        for record in records:
            await index.add_custom_record(url=record.url, content=record.content, language=LANGUAGE,
                                          meta=record.meta, filters=record.filters, sort=record.sort)


def write_search_index(records: Sequence[SearchRecord], site_dir: Path) -> None:
    """Write the index for `records` into `site_dir`/pagefind/, replacing an older one."""
    output = site_dir / BUNDLE
    asyncio.run(_write(records, output))
    # Pagefind also writes its ready-made search interfaces; the kaart has its own (kaart.js).
    for pattern in UNUSED:
        for path in output.glob(pattern):
            path.unlink()
