"""Dutch text for data values: ages, dates, times, costs, phone links and rich text."""

from __future__ import annotations

import math
import re
from datetime import date, time
from functools import cache

import markdown as markdown_lib
import nh3
import phonenumbers
from babel.dates import format_date
from markupsafe import Markup

from ..model.fieldtypes import ALLOWED_LINK_SCHEMES, is_short_number
from ..model.models import AgeRange, Cost

# One Markdown converter, reset per text: building its parser costs more than most conversions.
_MARKDOWN = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
_RICH_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "blockquote", "code"}
# Prose that holds no Markdown: words, digits and punctuation no Markdown syntax uses, and no line
# that starts a list, rule, heading underline or code block, or ends in a line break's spaces.
# "_" (a word character, but Markdown's emphasis) is refused apart: one character class matches
# much faster than a choice per character.
_PROSE = re.compile(r"[\w \n.,;:?!'\"()/%€@–—‘’“”…-]*")
_NOT_PROSE_LINE = re.compile(r"^(?:[ -]|\d+[.)])| $", re.M)


def _age(months: int) -> tuple[int, str]:
    if months % 12 == 0:
        return months // 12, "jaar"
    return months, "maanden"


def age_text(age: AgeRange) -> str:
    """An age range as people say it: '2 tot 4 jaar', 'zwangerschap tot 1 jaar'."""
    end, end_unit = _age(age.end)
    if age.start < 0:
        return f"zwangerschap tot {end} {end_unit}"
    start, start_unit = _age(age.start)
    if start_unit == end_unit:
        return f"{start} tot {end} {end_unit}"
    return f"{start} {start_unit} tot {end} {end_unit}"


@cache  # Babel's formatting is slow and a region repeats the same few hundred dates
def date_text(day: date, with_weekday: bool = True) -> str:
    """A date in Dutch: 'dinsdag 2 februari 2027'."""
    return format_date(day, "EEEE d MMMM y" if with_weekday else "d MMMM y", locale="nl")


def time_text(moment: time) -> str:
    """A time as 19.30 uur is written in Dutch: '19.30'."""
    return moment.strftime("%H.%M")


def cost_text(cost: Cost) -> str:
    """'Gratis', 'Eigen bijdrage: € 25,00', ...; an amount that is no number (inf, nan) is not shown."""
    from ..model.vocabulary import label

    text = label(cost.kind)
    if cost.amount is not None and math.isfinite(cost.amount):
        text += ": € " + f"{cost.amount:,.2f}".replace(",", "x").replace(".", ",").replace("x", ".")
    return text


def phone_href(number: str) -> str:
    """A tel: link in international form."""
    parsed = phonenumbers.parse(number, "NL")
    if is_short_number(parsed):
        return f"tel:{parsed.national_number}"
    return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def whatsapp_href(number: str) -> str:
    """A WhatsApp click-to-chat link (a plain link; nothing is loaded from WhatsApp)."""
    parsed = phonenumbers.parse(number, "NL")
    return "https://wa.me/" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164).lstrip("+")


def prose_html(source: str) -> str | None:
    """The HTML Python-Markdown makes of `source` when it is prose without Markdown (paragraphs
    only), made without it; None for any other text. Python-Markdown takes about a millisecond
    for each description, and many are plain sentences."""
    if "_" in source or _PROSE.fullmatch(source) is None or _NOT_PROSE_LINE.search(source):
        return None
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in re.split(r"\n{2,}", source.strip("\n")) if paragraph)


def rich_text(source: str) -> Markup:
    """Render partner Markdown and sanitise the HTML with an allowlist.

    Escaping the source is not enough: Markdown turns `[x](javascript:...)` into a live link, so
    the rendered HTML itself goes through the sanitiser. Headings move down two levels so that
    they fit under the page's own h2 sections.
    """
    html = prose_html(source)
    if html is None:
        html = _MARKDOWN.reset().convert(source)
        html = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}>", html)
    clean = nh3.clean(html, tags=_RICH_TAGS, attributes={"a": {"href", "title"}},
                      url_schemes=set(ALLOWED_LINK_SCHEMES), link_rel="noopener noreferrer")
    return Markup(clean)


@cache
def month_text(day: date) -> str:
    """The month of a date in Dutch: 'februari 2027'."""
    return format_date(day, "LLLL y", locale="nl")
