"""The sitemap past 50,000 addresses, what one sitemap may hold (sitemaps.org): then sitemap.xml
becomes a sitemap index of parts (`sitemap-1.xml`, ...) written here. Below that, MkDocs' own
sitemap.xml lists every page (the theme's template adds the framed pages)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils import get_build_datetime

MAX_URLS = 50_000


def write_parts(files: Files, framed_urls: list[str], config: MkDocsConfig) -> list[str]:
    """When the site has more than MAX_URLS addresses: write them as parts of at most MAX_URLS each
    into the site and return the parts' addresses, for the index; else write nothing and return []."""
    if not config.site_url or len(files.documentation_pages()) + len(framed_urls) <= MAX_URLS:
        return []  # at most that many addresses: no need to list them
    day = get_build_datetime().strftime("%Y-%m-%d")
    entries = [(page.canonical_url or page.abs_url or "", page.update_date) for file in files.documentation_pages()
               if (page := file.page) is not None and not page.is_link and (page.canonical_url or page.abs_url)]
    entries += [(url, day) for url in framed_urls]
    if len(entries) <= MAX_URLS:
        return []
    base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    parts = []
    for number, start in enumerate(range(0, len(entries), MAX_URLS), start=1):
        name = f"sitemap-{number}.xml"
        urls = "".join(f"<url><loc>{escape(url)}</loc><lastmod>{date}</lastmod></url>\n"
                       for url, date in entries[start:start + MAX_URLS])
        Path(config.site_dir, name).write_text('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                                               f'"http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n',
                                               encoding="utf-8")
        parts.append(urljoin(base, name))
    return parts
