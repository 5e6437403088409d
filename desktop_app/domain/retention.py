"""Which automatic backups to keep: every one from today and yesterday, then the newest of each
of the 12 days before, of the 10 weeks before those, and of the 9 months before those. Pure, so
the rule is tested on its own; the backup service deletes what this does not keep."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    recent_days: int = 2  # today and yesterday: every backup
    daily: int = 12
    weekly: int = 10
    monthly: int = 9


DEFAULT = Policy()


def _week(day: dt.date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return (year, week)


def _month(day: dt.date) -> tuple[int, int]:
    return (day.year, day.month)


def keep(
    taken: Iterable[dt.datetime], now: dt.datetime, policy: Policy = DEFAULT
) -> set[dt.datetime]:
    """The backups to keep, by the time each was taken: all of today's and yesterday's; of the
    older ones, the newest of each of the last 12 days, 10 ISO weeks and 9 months that have one
    (the rules overlap, as in restic's --keep-daily/--keep-weekly/--keep-monthly). Backups "from
    the future" (a clock set wrong) are kept: deleting by a wrong clock could lose every copy."""
    times = sorted(set(taken), reverse=True)  # newest first
    recent_start = now.date() - dt.timedelta(days=policy.recent_days - 1)
    kept = {t for t in times if t.date() >= recent_start}
    older = [t for t in times if t.date() < recent_start]
    kept |= _newest_per(older, lambda day: day, policy.daily)
    kept |= _newest_per(older, _week, policy.weekly)
    kept |= _newest_per(older, _month, policy.monthly)
    return kept


def _newest_per(
    times: list[dt.datetime], period: Callable[[dt.date], object], count: int
) -> set[dt.datetime]:
    """The newest backup of each of the ``count`` most recent periods that have one (``times``
    newest first)."""
    chosen: dict[object, dt.datetime] = {}
    for t in times:
        key = period(t.date())
        if key in chosen:
            continue
        if len(chosen) == count:
            break
        chosen[key] = t
    return set(chosen.values())
