"""The rating bands (Quy định 366-QĐ/TW: 90 / 70 / 50 points) are rule numbers: they live in the
versioned rule table with their source, the pure check takes them as arguments, and the rating
service reads them from the table in force at the end of the year rated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.domain import reports as r
from desktop_app.domain.rules import RuleTable
from desktop_app.services import rules as rules_service

RULES_FILE = Path(__file__).resolve().parents[2] / "resources/rules/rules.toml"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def table() -> RuleTable:
    return RuleTable.parse(RULES_FILE.read_text(encoding="utf-8"))


def test_every_band_with_a_floor_is_in_the_rule_table(table):
    assert set(r.BAND_RULES) == {"excellent", "good", "complete"}
    assert set(r.BAND_RULES) < {level.code for level in r.LEVELS}  # "incomplete": no floor
    on = dt.date(2026, 1, 1)
    values = {level: table.get(rule_id, on).value for level, rule_id in r.BAND_RULES.items()}
    assert values == {"excellent": 90, "good": 70, "complete": 50}
    for rule_id in r.BAND_RULES.values():
        rule = table.get(rule_id, on)
        assert rule.source.startswith("Quy định 366-QĐ/TW") and rule.confidence == "sure"
        assert rule.effective_from == dt.date(2025, 8, 30)
        assert "thang 100 điểm" in rule.title and rule.note


def test_no_band_number_is_left_in_the_domain():
    assert not hasattr(r, "RATING_SOURCE")
    assert not any(hasattr(level, "min_points") for level in r.LEVELS)


def test_the_service_reads_the_bands_from_the_rule_table():
    bands = rules_service.rating_bands(dt.date(2025, 12, 31))
    assert {k: b.min_points for k, b in bands.items()} == {
        "excellent": 90,
        "good": 70,
        "complete": 50,
    }
    assert all(b.source == "Quy định 366-QĐ/TW ngày 30/8/2025" for b in bands.values())
    assert rules_service.rating_bands(dt.date(2020, 12, 31)) == bands  # the first version


@pytest.mark.parametrize(
    ("level", "points", "floor", "refused"),
    [
        ("excellent", "85", 80, False),  # a band moved down: 85 is enough
        ("excellent", "85", 90, True),
        ("good", "69,5", 70, True),
        ("good", "69,5", 65, False),
        ("complete", "40", 50, True),
        ("incomplete", "0", 50, False),  # no floor below "complete"
    ],
)
def test_the_check_follows_the_bands_it_is_given(level, points, floor, refused):
    bands = {code: r.Band(floor, "Văn bản thử") for code in r.BAND_RULES}
    values, problems = r.check_rating(2025, level, points, "", TODAY, bands)
    assert [p.field for p in problems] == (["points"] if refused else [])
    if refused:
        assert f"(từ {floor} điểm, Văn bản thử)" in problems[0].message
    else:
        assert values["points"] == float(points.replace(",", "."))


def test_without_bands_only_the_scale_is_checked():
    assert r.check_rating(2025, "excellent", "10", "", TODAY, {})[1] == []
    _, [problem] = r.check_rating(2025, "excellent", "100,5", "", TODAY, {})
    assert problem.field == "points"


NEW_TABLE = """
version = "test"

[[rule]]
id = "rating.excellent_min_points"
title = "Điểm xuất sắc (thang 100 điểm)"
value = 90
unit = "count"
effective_from = 2025-08-30
source = "366-QĐ/TW"
confidence = "sure"

[[rule]]
id = "rating.excellent_min_points"
title = "Điểm xuất sắc (thang 100 điểm)"
value = 95
unit = "count"
effective_from = 2027-01-01
source = "Quy định mới"
confidence = "sure"

[[rule]]
id = "rating.good_min_points"
title = "Điểm tốt (thang 100 điểm)"
value = 70
unit = "count"
effective_from = 2025-08-30
source = "366-QĐ/TW"
confidence = "sure"

[[rule]]
id = "rating.complete_min_points"
title = "Điểm hoàn thành (thang 100 điểm)"
value = 50
unit = "count"
effective_from = 2025-08-30
source = "366-QĐ/TW"
confidence = "sure"
"""


def test_a_new_version_of_a_band_applies_from_its_year(monkeypatch):
    monkeypatch.setattr(rules_service, "rule_table", lambda: RuleTable.parse(NEW_TABLE))
    assert rules_service.rating_bands(dt.date(2026, 12, 31))["excellent"].min_points == 90
    later = rules_service.rating_bands(dt.date(2027, 12, 31))["excellent"]
    assert (later.min_points, later.source) == (95, "Quy định mới")
