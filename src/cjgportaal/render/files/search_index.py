"""Writes the sociale kaart's search index with Pagefind (its Python package ships the binary).

Pagefind splits the index into small chunks that the browser loads only as a query needs them,
stems Dutch words ("cursussen" finds "cursus") and counts results per filter value.

Each search record becomes a tiny HTML page in a scratch folder, marked up with Pagefind's data
attributes, and the Pagefind binary indexes that folder in one run. The pages lie side by side,
numbered: the kaart takes an offering's address from the record's meta, not from where its page lay
(a folder per record cost a second of file system work at 2,000 offerings). The binary runs as it
is: `python -m pagefind` would start an interpreter first, and Pagefind's Python API answers one
record per 0.1 s, which takes minutes for a region.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

from pagefind_bin import get_executable

from .kaart import SearchRecord

LANGUAGE = "nl"
# Pagefind also writes its ready-made search interfaces; the kaart has its own (kaart.js).
# The synonyms of a record's words count for less than its own words (Pagefind's default weight is 1).
SYNONYM_WEIGHT = "0.3"
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    """Pagefind could not write the index."""


def record_html(record: SearchRecord) -> str:
    """A record as a page Pagefind reads: the text to index (its synonyms weighted low), and meta,
    filters and sort apart."""
    lines = [f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title></title></head>',
             "<body><main data-pagefind-body>", f"<p>{escape(record.content)}</p>"]
    if record.synonyms:
        lines.append(f'<p data-pagefind-weight="{SYNONYM_WEIGHT}">{escape(record.synonyms)}</p>')
    lines.append('<div data-pagefind-ignore="index">')
    lines += [f'<span data-pagefind-meta="{escape(key)}">{escape(value)}</span>' for key, value in record.meta.items()]
    lines += [f'<span data-pagefind-filter="{escape(key)}">{escape(value)}</span>'
              for key, values in record.filters.items() for value in values]
    lines += [f'<span data-pagefind-sort="{escape(key)}">{escape(value)}</span>' for key, value in record.sort.items()]
    lines.append("</div></main></body></html>")
    return "\n".join(lines)


def _write_index(records: Sequence[SearchRecord], output: Path) -> None:
    """Write the index for `records` into the folder `output`.

    Without records (a site with no offerings yet) there is no index; the kaart says so.
    """
    if not records:
        return
    with tempfile.TemporaryDirectory(prefix="cjg-zoekindex-") as scratch:
        for number, record in enumerate(records):
            Path(scratch, f"{number:06d}.html").write_text(record_html(record), encoding="utf-8")
        result = subprocess.run(
            [str(get_executable()), "--site", scratch, "--output-path", str(output),
             "--force-language", LANGUAGE, "--silent"],
            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de zoekindex van de sociale kaart niet maken:\n{result.stdout}{result.stderr}")
    for pattern in UNUSED:
        for path in output.glob(pattern):
            path.unlink()


def write_search_index(groups: Mapping[str, Sequence[SearchRecord]], output: Path) -> None:
    """Write one index per group into `output`: the group "" into `output` itself, any other into
    the folder of its name (kaart.records_by_index). One Pagefind run at a time: a run's memory
    grows with its records (about 90 KB each), so a country's kaart in gemeenten stays small."""
    shutil.rmtree(output, ignore_errors=True)
    for name, records in groups.items():
        _write_index(records, output / name if name else output)
