"""The backup retention rule: table-driven cases and properties over random histories."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.retention import DEFAULT, keep

NOW = dt.datetime(2026, 11, 22, 15, 0)


def every_half_hour(days: int) -> list[dt.datetime]:
    """A secretary who works 8:00–17:00 every day, backed up every 30 minutes."""
    out = []
    for back in range(days):
        day = NOW.date() - dt.timedelta(days=back)
        for slot in range(18):
            t = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=30 * slot)
            if t <= NOW:
                out.append(t)
    return out


def test_a_year_of_half_hourly_backups():
    taken = every_half_hour(400)
    kept = keep(taken, NOW)
    today = {t for t in taken if t.date() == NOW.date()}
    yesterday = {t for t in taken if t.date() == NOW.date() - dt.timedelta(days=1)}
    assert today | yesterday <= kept  # every one of today's and yesterday's
    older = sorted((t for t in kept if t.date() < NOW.date() - dt.timedelta(days=1)), reverse=True)
    # the 12 days before yesterday: the last backup of each day
    assert [t.date() for t in older[:12]] == [
        NOW.date() - dt.timedelta(days=d) for d in range(2, 14)
    ]
    assert all(t.time() == dt.time(16, 30) for t in older[:12])
    weeks = {t.isocalendar()[:2] for t in older}
    months = {(t.year, t.month) for t in older}
    assert len(weeks) >= 10 and len(months) >= 9
    assert len(kept) <= len(today) + len(yesterday) + 12 + 10 + 9
    oldest = min(kept)
    assert oldest.date() >= dt.date(2025, 11, 1)  # nothing kept beyond the ninth month


def test_a_few_backups_are_all_kept():
    taken = [NOW - dt.timedelta(days=d) for d in (0, 3, 40, 200)]
    assert keep(taken, NOW) == set(taken)


def test_a_backup_from_a_wrong_clock_is_kept():
    future = NOW + dt.timedelta(days=300)
    assert future in keep([future, NOW], NOW)


history = st.lists(
    st.datetimes(dt.datetime(2024, 1, 1), dt.datetime(2026, 11, 22, 15, 0)), max_size=300
)


@given(history)
def test_properties(taken):
    kept = keep(taken, NOW)
    assert kept <= set(taken)
    if taken:
        assert max(taken) in kept  # the newest backup is never deleted
    assert keep(kept, NOW) == kept  # running the rule again deletes nothing more
    older = [t for t in kept if t.date() < NOW.date() - dt.timedelta(days=1)]
    assert len(older) <= DEFAULT.daily + DEFAULT.weekly + DEFAULT.monthly


@given(history, st.integers(0, 60))
def test_later_runs_never_bring_back_what_was_deleted(taken, days_later):
    first = keep(taken, NOW)
    later = keep(first, NOW + dt.timedelta(days=days_later))
    assert later <= first
