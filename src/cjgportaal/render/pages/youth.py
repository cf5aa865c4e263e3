"""The youth section's generated pages: the youth workers and the activities."""

from __future__ import annotations

from ...model.vocabulary import WEEKDAYS
from .. import urls
from .maker import PAGE_SIZE, GeneratedPage, Renderer


def youth_workers_page(r: Renderer) -> list[GeneratedPage]:
    """Jongerenwerkers: where to find them in each kern (when the site lists any)."""
    if not r.catalog.lists.youth_workers:
        return []
    return [r.page("youth_workers.html", urls.YOUTH_WORKERS_PAGE, "Jongerenwerkers",
                   "Jongerenwerkers en straathoekwerkers in jouw kern: waar je ze vindt en hoe je ze bereikt.", True)]


def activities_page(r: Renderer) -> list[GeneratedPage]:
    """Activiteiten: the running youth offerings' coming sessions and weekly hours, soonest first."""
    c = r.catalog
    youth = [o for o in c.running_offerings() if "jongeren" in o.audiences]
    return [r.page(
        "activities.html", urls.YOUTH_ACTIVITIES_PAGE, "Activiteiten",
        "Activiteiten en inloopuren voor jongeren, wat het eerst komt bovenaan.", True,
        sessions=sorted(((o, s) for o in youth for s in c.upcoming_sessions(o)),
                        key=lambda pair: (pair[1].date, pair[1].start, pair[0].title))[:PAGE_SIZE],
        weekly=sorted(((o, slot) for o in youth for slot in c.weekly_hours(o)),
                      key=lambda pair: (WEEKDAYS.index(pair[1].day), pair[1].start, pair[0].title)))]
