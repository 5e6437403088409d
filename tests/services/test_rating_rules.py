"""Rating a member checks the points against the bands of the rule table in force at the end of
the year rated, and names the band's source; a refused rating writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.rules import RuleTable
from desktop_app.services import ratings
from desktop_app.services import rules as rules_service
from tests.services.pipeline import TODAY, official, unchanged
from tests.unit.test_rating_bands import NEW_TABLE


def test_the_points_are_checked_against_the_rule_tables_band(register):
    an = official(register, "Nguyễn Văn An")
    with unchanged(), pytest.raises(ValidationError) as caught:
        ratings.set_rating(register, an, 2025, "good", points="69,5", today=TODAY)
    assert caught.value.for_field("points")[0].message == (
        "69,5 điểm chưa đủ mức «Hoàn thành tốt nhiệm vụ» (từ 70 điểm, "
        "Quy định 366-QĐ/TW ngày 30/8/2025)"
    )
    assert ratings.set_rating(register, an, 2025, "good", points=70, today=TODAY).points == 70


def test_a_new_band_applies_to_the_years_it_is_in_force_for(register, monkeypatch):
    monkeypatch.setattr(rules_service, "rule_table", lambda: RuleTable.parse(NEW_TABLE))
    an = official(register, "Nguyễn Văn An")
    later = dt.date(2027, 12, 20)
    kept = ratings.set_rating(register, an, 2026, "excellent", points=92, today=later)
    assert kept.level == "excellent"  # 2026: still 90
    with unchanged(), pytest.raises(ValidationError, match=r"từ 95 điểm, Quy định mới"):
        ratings.set_rating(register, an, 2027, "excellent", points=92, today=later)
    assert [r.year for r in ratings.list_ratings(register)] == [2026]
