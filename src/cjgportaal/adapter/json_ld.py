"""schema.org JSON-LD in the head of the pages that describe the CJG, a partner or an offering."""

from __future__ import annotations

from ..render.jsonld import StructuredData, script_tag


def add_to_head(output: str, structured: StructuredData | None, src_uri: str) -> str:
    """The page's HTML with its JSON-LD, if it has any.

    No <link rel="alternate"> for the feed: Material reads such links as language versions and
    fetches a sitemap.xml beside them.
    """
    objects = structured.page(src_uri) if structured else []
    if objects:
        output = output.replace("</head>", script_tag(objects) + "</head>", 1)
    return output
