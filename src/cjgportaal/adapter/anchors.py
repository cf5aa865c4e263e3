"""The anchors of generated HTML, for MkDocs' check of links to `page.md#anchor`.

MkDocs collects a page's anchors while it converts the page's Markdown. A generated page has no
Markdown (the plugin sets its HTML afterwards), so MkDocs would report every link to one of its
anchors as broken; the plugin gives it the anchors found here instead.
"""

from __future__ import annotations

import html
import re

# The generator's templates quote every attribute with " (Jinja escapes any " in a value).
_ID = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]*)"')


def anchor_ids(page_html: str) -> set[str]:
    """The id attributes in HTML rendered by the generator's templates."""
    return {html.unescape(value) for value in _ID.findall(page_html)}
