"""Content-Security-Policy and security headers for the built site.

Material puts a few small inline scripts in every page; the policy allows exactly those by hash
and nothing from other origins. Only the theme's scripts are hashed: a page's own HTML may hold no
script (`script_tags` finds them), so a script written in a page never gets past the policy. The
same policy goes into each page as a meta tag and into header snippets for static hosts
(frame-ancestors and HSTS only work as real headers).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_EXECUTABLE_TYPES = ("", "text/javascript", "module", "application/javascript")


def inline_script_hashes(html: str) -> set[str]:
    """CSP hash sources ('sha256-…') of the executable inline scripts in a page."""
    hashes = set()
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"]
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"\stype\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
        if kind and kind.group(1).lower() not in _EXECUTABLE_TYPES:
            continue  # data blocks such as application/json do not run
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


# Where a browser starts a script element: "<script" ended by white space, "/" or ">" (any case).
# Found anywhere, also in comments and attribute values: a page's own HTML may hold no such tag.
_SCRIPT_START = re.compile(r"<script(?=[\s/>])", re.I)
# One attribute of a start tag, read the way a browser does (the first of two equal names counts).
_ATTRIBUTE = re.compile(r"""[\s/]*(?P<name>[^\s/>][^\s/>=]*)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]*))?""")
# The only type a script element in a page may have: a plain MIME type that is not JavaScript,
# such as application/json or application/ld+json. Browsers keep such data blocks as text.
_DATA_TYPE = re.compile(r"[a-z]+/[a-z0-9.+-]+")
_JAVASCRIPT_TYPES = frozenset([
    "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
])


def _start_tag_attributes(html: str, start: int) -> dict[str, str]:
    """The attributes (first occurrence of each name, lower case) of the start tag whose name ends
    at `start`."""
    attributes: dict[str, str] = {}
    position = start
    while position < len(html) and html[position] != ">":
        match = _ATTRIBUTE.match(html, position)
        if match is None or match.end() == position:
            break  # "/>" or the end of the text
        value = match["value"] or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attributes.setdefault(match["name"].lower(), unescape(value))
        position = match.end()
    return attributes


def script_tags(html: str, allow_files: bool = False) -> list[str]:
    """The script elements a browser could run in a piece of HTML, as the start of their tag: every
    `<script` except data blocks (a type such as application/json), and with `allow_files` those that
    load a file (src=, which the policy limits to the site's own files). Stricter than a browser: a
    script in a comment or an attribute value counts too, and so does a type it cannot read."""
    found = []
    for match in _SCRIPT_START.finditer(html):
        attributes = _start_tag_attributes(html, match.end())
        if allow_files and "src" in attributes:
            continue
        kind = attributes.get("type")
        if kind is not None:
            kind = kind.strip().lower()
            if _DATA_TYPE.fullmatch(kind) and kind not in _JAVASCRIPT_TYPES:
                continue
        end = html.find(">", match.start())
        found.append(html[match.start():end + 1 if 0 <= end < match.start() + 120 else match.start() + 120])
    return found


def content_security_policy(script_hashes: Iterable[str], for_header: bool = False,
                            form_targets: Iterable[str] = (), inline_script_elements: bool = False) -> str:
    """The site's policy: only its own origin, inline scripts by hash, no plugins or framing;
    forms may also post to `form_targets` (origins, such as the contact form's endpoint). With
    `inline_script_elements` (the preview of `mkdocs serve` only) every inline <script> element may
    run, and so may javascript: links (CSP checks both by `script-src-elem`); inline event handlers
    (onclick=...) still only by hash, that is never."""
    directives = [
        "default-src 'self'",
        # 'wasm-unsafe-eval' lets the sociale kaart's search (Pagefind) compile its WebAssembly.
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(sorted(script_hashes)),
        "script-src-elem 'self' 'unsafe-inline'" if inline_script_elements else "",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        " ".join(["form-action 'self' mailto:", *form_targets]),
    ]
    if for_header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(d.strip() for d in directives if d)


def form_origin(url: str) -> str:
    """The origin (scheme://host[:port]) of a form target, as CSP form-action takes it."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def add_csp_meta(html: str, script_hashes: Iterable[str], form_targets: Iterable[str] = (),
                 inline_script_elements: bool = False) -> str:
    """Insert a CSP meta tag allowing the page's own inline scripts (`inline_script_hashes` of the
    page; with `inline_script_elements`, all) right after <meta charset>."""
    policy = content_security_policy(script_hashes, form_targets=form_targets, inline_script_elements=inline_script_elements)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: m[1] + "\n    " + tag, html, count=1)


SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def site_script_hashes(site_dir: Path) -> set[str]:
    """The hashes of all inline scripts in all pages of a built site."""
    hashes: set[str] = set()
    for page in site_dir.rglob("*.html"):
        hashes |= inline_script_hashes(page.read_text(encoding="utf-8"))
    return hashes


def _headers(hashes: Iterable[str], form_targets: Iterable[str] = ()) -> dict[str, str]:
    return {"Content-Security-Policy": content_security_policy(hashes, True, form_targets), **SECURITY_HEADERS}


def netlify_headers(hashes: Iterable[str], form_targets: Iterable[str] = ()) -> str:
    """A `_headers` file, as read by Netlify and Cloudflare Pages."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in _headers(hashes, form_targets).items()]
    return "\n".join(lines) + "\n"


def nginx_headers(hashes: Iterable[str], form_targets: Iterable[str] = ()) -> str:
    """An nginx snippet to include in the site's server block."""
    lines = ["# Security headers for the CJG site; include in the server { } block."]
    lines += [f'add_header {name} "{value}" always;' for name, value in _headers(hashes, form_targets).items()]
    return "\n".join(lines) + "\n"
