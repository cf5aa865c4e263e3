"""The build date: fixed by SOURCE_DATE_EPOCH or by configuration for reproducible builds."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Europe/Amsterdam")


def build_date(configured: str | date | None = None) -> date:
    """The day the site is built for, in Europe/Amsterdam.

    Order: SOURCE_DATE_EPOCH (the reproducible-builds convention), then the configured date
    (YYYY-MM-DD), then today.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), TIMEZONE).date()
    if isinstance(configured, date):
        return configured
    if configured:
        return date.fromisoformat(configured)
    return datetime.now(TIMEZONE).date()


def local_datetime(day: date, moment: time) -> datetime:
    """A date and time of day in Europe/Amsterdam, with the UTC offset that day has."""
    return datetime.combine(day, moment, tzinfo=TIMEZONE)

def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (days past the 28th become the 28th)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, 28))
