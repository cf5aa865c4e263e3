"""What the package theme shows on every page and on the home page, taken from the catalog: the
loket (footer, home, 404) and the latest news. Plain values; the theme's templates escape them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..catalog.contact_point import opening_data
from ..model.models import ContactPoint
from ..model.vocabulary import WEEKDAYS
from . import urls
from .formatting import date_text, phone_href, time_text
from .news import NewsPost

NEWS_ON_HOME = 3  # the latest news posts on the home page


@dataclass(frozen=True)
class ThemeLoket:
    """The loket as the theme shows it (home page, footer, 404): plain text, escaped in the templates."""

    name: str
    address: tuple[str, ...]  # the lines of the visiting address
    phone: str
    phone_href: str
    email: str
    hours: tuple[tuple[str, str], ...]  # ("Maandag t/m woensdag", "09.00 tot 17.00 uur"), open days only
    opening: dict[str, object]  # for loket.js ("nu open")


@dataclass(frozen=True)
class ThemeNews:
    """One news post as the home page lists it."""

    title: str
    url: str  # relative to the site root, for the `url` filter
    day: str  # in Dutch: '16 november 2026'
    iso: str


def _hours(loket: ContactPoint) -> tuple[tuple[str, str], ...]:
    """The opening hours per day, with days of the same hours taken together ('Maandag t/m woensdag')."""
    per_day = [(day, " en ".join(f"{time_text(h.start)} tot {time_text(h.end)}"
                                 for h in sorted(loket.opening_hours, key=lambda h: h.start) if h.day == day))
               for day in WEEKDAYS]
    groups: list[list[tuple[str, str]]] = []
    for day, hours in per_day:
        if groups and groups[-1][-1][1] == hours:
            groups[-1].append((day, hours))
        else:
            groups.append([(day, hours)])
    return tuple(((group[0][0] if len(group) == 1 else f"{group[0][0]} t/m {group[-1][0]}").capitalize(),
                  f"{group[0][1]} uur") for group in groups if group[0][1])


def theme_loket(loket: ContactPoint) -> ThemeLoket:
    """The loket's facts for the theme."""
    a = loket.address
    return ThemeLoket(loket.name, tuple(line for line in (a.name, a.street, f"{a.postcode} {a.town}") if line),
                      loket.phone, phone_href(loket.phone), loket.email, _hours(loket), opening_data(loket))


def theme_news(posts: Sequence[NewsPost], directory_urls: bool) -> list[ThemeNews]:
    """The latest news posts, newest first, for the home page."""
    return [ThemeNews(post.title, urls.page_url(post.src_uri, directory_urls), date_text(post.date, with_weekday=False),
                      post.date.isoformat()) for post in posts[:NEWS_ON_HOME]]
