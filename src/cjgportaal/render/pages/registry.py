"""The registry of generated pages: one entry per kind of page, in the order they are built.

Each entry is a function from the `Renderer` (the catalog, the settings, the templates) to its pages;
it returns none when the site lacks what the page shows. To add a page: its template in
render/templates/, its path in `urls`, a function in the module of its audience, and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .maker import GeneratedPage, Renderer
from .overviews import (
    age_band_pages,
    age_bands_index,
    all_offerings,
    audience_pages,
    offering_pages,
    partner_pages,
    partners_index,
    theme_pages,
    themes_index,
)
from .parents import agenda_page, contact_page, news_page
from .professionals import (
    area_pages,
    areas_index,
    form_page,
    kaart_page,
    monitor_page,
    my_list_page,
    open_data_page,
    referrals_page,
)
from .youth import activities_page, youth_workers_page

PAGES: Sequence[Callable[[Renderer], list[GeneratedPage]]] = (
    offering_pages, partner_pages, all_offerings, partners_index, audience_pages, theme_pages, age_band_pages,
    themes_index, age_bands_index, form_page, youth_workers_page, activities_page,
    kaart_page, my_list_page, referrals_page, area_pages, areas_index, monitor_page, open_data_page,
    agenda_page, contact_page, news_page,
)


def generated_pages(renderer: Renderer) -> dict[str, GeneratedPage]:
    """Every generated page of the site, by source path."""
    return {page.src_uri: page for build in PAGES for page in build(renderer)}
