"""Links from a hand-written page to the site's own data, by id, so that a page names an offering,
a partner or a helpline without knowing where its page is or what its number is:

- `[Peuter in zicht](aanbod:peuter-in-zicht)`: a link to the offering's page;
- `[MDF](partner:mdf)`: a link to the partner's page;
- `[bel 113](hulplijn:zelfmoordpreventie)` in a sentence: a link to call the helpline (or to its
  website when it has no number); alone in a paragraph, the paragraph becomes the helpline's block
  (name, number, website, what it is for and when it can be reached).

An unknown id is a problem (the adapter logs it as a warning, which `mkdocs build --strict` turns into
a failure) and leaves only the link's text. The link targets come from the data, never from the page:
no `javascript:` or raw HTML gets in through a reference.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial

from ..model.models import Helpline
from . import formatting, urls
from .pages.maker import Renderer

_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<scheme>aanbod|partner|hulplijn):(?P<id>[^)\n]*)\)")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Where the ids of each kind of reference come from, for the message about an unknown one.
_SOURCES: Mapping[str, str] = {"aanbod": "het bestand van het aanbod", "partner": "het bestand van de partner",
                               "hulplijn": "data/hulplijnen.yml"}


@dataclass(frozen=True)
class Target:
    """Where a reference goes (`href`; '' for nowhere: the text stays) and, for a reference alone in
    its paragraph, the HTML block that replaces the paragraph (None: it stays a link)."""

    href: str
    block: Callable[[], str] | None = None


class _Targets(Mapping[str, Target]):
    """The targets of one kind of reference, each made when a page asks for it: a page refers to a
    few of the region's thousands of offerings."""

    def __init__(self, ids: Mapping[str, object], make: Callable[[str], Target]) -> None:
        self._ids, self._make = ids, make

    def __getitem__(self, ref_id: str) -> Target:
        if ref_id not in self._ids:
            raise KeyError(ref_id)
        return self._make(ref_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def mentions(markdown: str) -> bool:
    """True when the Markdown refers to data by id."""
    return _LINK.search(markdown) is not None


def mentioned_ids(markdown: str) -> set[tuple[str, str]]:
    """The (scheme, id) of every reference to data in the Markdown."""
    return {(match["scheme"], match["id"]) for match in _LINK.finditer(markdown)}


def _problem(scheme: str, ref_id: str, known: Mapping[str, Target]) -> str:
    if not _ID.fullmatch(ref_id):
        return f"'{scheme}:{ref_id}' is geen goede verwijzing; schrijf het id zonder spaties, zoals '{scheme}:peuter-in-zicht'."
    close = difflib.get_close_matches(ref_id, list(known), n=1)
    hint = f"bedoelde je '{scheme}:{close[0]}'?" if close else f"neem het id uit {_SOURCES[scheme]}."
    return f"{scheme} '{ref_id}' bestaat niet; {hint}"


def resolve(markdown: str, targets: Mapping[str, Mapping[str, Target]]) -> tuple[str, list[str]]:
    """The Markdown with its references (`[text](scheme:id)`, scheme a key of `targets`) replaced,
    and a Dutch message for each one that cannot be resolved."""
    problems: list[str] = []

    def target_of(match: re.Match[str]) -> Target | None:
        known = targets[match["scheme"]]
        target = known.get(match["id"])
        if target is None:
            problems.append(f"{match[0]}: {_problem(match['scheme'], match['id'], known)}")
        return target

    def link(match: re.Match[str], target: Target | None) -> str:
        if target is None or not target.href:
            return match["text"]
        return f"[{match['text']}]({target.href.replace('(', '%28').replace(')', '%29')})"

    lines = markdown.split("\n")
    for n, line in enumerate(lines):
        alone = _LINK.fullmatch(line.strip())
        if alone and (n == 0 or not lines[n - 1].strip()) and (n + 1 == len(lines) or not lines[n + 1].strip()):
            target = target_of(alone)
            # Raw HTML stays one block in Markdown only without blank or indented lines in it.
            lines[n] = ("\n".join(part.strip() for part in target.block().splitlines() if part.strip())
                        if target is not None and target.block is not None else line.replace(alone[0], link(alone, target)))
        else:
            lines[n] = _LINK.sub(lambda match: link(match, target_of(match)), line)
    return "\n".join(lines), problems


def _helpline_block(r: Renderer, helpline: Helpline) -> str:
    return r.env.get_template("helplines.html").render(helpline=helpline)


def page_references(r: Renderer, src_uri: str, markdown: str) -> tuple[str, list[str]]:
    """A hand-written page's Markdown with its references resolved (see the module), and the problems."""
    if not mentions(markdown):
        return markdown, []
    # Links to the pages' Markdown sources, which MkDocs checks and turns into URLs: from the page's
    # folder up to the root and down again (MkDocs normalises the path).
    up = "../" * src_uri.count("/")

    def source(page: str) -> str:
        return up + page

    c = r.catalog
    targets = {
        "aanbod": _Targets(c.offerings, lambda i: Target(source(urls.offering_page(i)))),
        "partner": _Targets(c.partners, lambda i: Target(source(urls.partner_page(i)))),
        "hulplijn": {h.id: Target(formatting.phone_href(h.phone) if h.phone else h.website or "",
                                  partial(_helpline_block, r, h)) for h in c.lists.helplines.values()},
    }
    return resolve(markdown, targets)
