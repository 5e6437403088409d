import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from desktop_app.domain.errors import DomainError
from desktop_app.domain.rules import (
    CONFIDENCE_LABELS,
    UNIT_LABELS,
    Rule,
    RuleFileError,
    RuleTable,
)

RULES_FILE = Path(__file__).resolve().parents[2] / "resources/rules/rules.toml"

EXPECTED = {
    "age.min_months": (216, "months"),
    "age.max_months": (720, "months"),
    "certificate.valid_months": (60, "months"),
    "introducer.joint_months": (12, "months"),
    "introducers.required": (2, "count"),
    "introducers.with_union": (1, "count"),
    "vote.majority": (Fraction(2, 3), "fraction"),
    "cell.min_official": (3, "count"),
    "decision.working_days": (60, "working_days"),
    "decision.extra_working_days": (30, "working_days"),
    "ceremony.working_days": (30, "working_days"),
    "probation.months": (12, "months"),
    "member_cv.working_days": (30, "working_days"),
    "recognition_vote.working_days": (30, "working_days"),
    "recognition_decision.working_days": (30, "working_days"),
    "recognition_vote.max_failed": (3, "count"),
    "dossier.stale_months": (12, "months"),
    "readmission.min_months": (36, "months"),
    "pool_review.months": (3, "months"),
    "mentor_comment.months": (3, "months"),
    "mentor.required": (1, "count"),
    "meeting.regular_months": (1, "months"),
    "meeting.thematic_months": (3, "months"),
    "absence.removal_months": (3, "months"),
    "absence.warn_months": (2, "months"),
    "study.target_percent": (90, "percent"),
    "rating.excellent_min_points": (90, "count"),
    "rating.good_min_points": (70, "count"),
    "rating.complete_min_points": (50, "count"),
}

# Rules taken from the 2021 texts and replaced by the 2025 ones.
CHARTER_RULES = [
    "age.min_months",
    "age.max_months",
    "introducer.joint_months",
    "decision.working_days",
    "ceremony.working_days",
    "recognition_vote.working_days",
    "recognition_decision.working_days",
    "readmission.min_months",
]
GUIDE_RULES = ["certificate.valid_months", "vote.majority", "dossier.stale_months"]


@pytest.fixture(scope="module")
def table() -> RuleTable:
    return RuleTable.parse(RULES_FILE.read_text(encoding="utf-8"))


def test_real_file_has_every_rule(table):
    assert table.version == "2026.3"
    assert set(table.ids()) == set(EXPECTED)
    for rule_id, (value, unit) in EXPECTED.items():
        for rule in table.versions(rule_id):
            assert (rule.value, rule.unit) == (value, unit), rule


def test_real_file_entries_are_complete(table):
    for rule in table.all():
        assert rule.title and rule.source, rule
        assert rule.confidence in CONFIDENCE_LABELS
        assert rule.unit in UNIT_LABELS
    assert table.get("member_cv.working_days", dt.date(2026, 1, 1)).confidence == "unsure"
    assert table.get("mentor_comment.months", dt.date(2026, 1, 1)).confidence == "unsure"


@pytest.mark.parametrize("rule_id", CHARTER_RULES)
def test_charter_rules_follow_the_text_in_force(table, rule_id):
    assert "24-QĐ/TW" in table.get(rule_id, dt.date(2022, 3, 1)).source
    assert "294-QĐ/TW" in table.get(rule_id, dt.date(2026, 1, 1)).source
    assert "232-QĐ/TW" in table.get(rule_id, dt.date(2025, 3, 1)).source
    before = table.get(rule_id, dt.date(2000, 1, 1))
    assert before == table.versions(rule_id)[0]
    assert before.effective_from == dt.date(2021, 7, 30)


@pytest.mark.parametrize("rule_id", GUIDE_RULES)
def test_guide_rules_follow_the_text_in_force(table, rule_id):
    assert "01-HD/TW" in table.get(rule_id, dt.date(2022, 3, 1)).source
    assert "06-HD/TW" in table.get(rule_id, dt.date(2026, 1, 1)).source
    assert table.get(rule_id, dt.date(1999, 1, 1)).effective_from == dt.date(2021, 9, 28)


def test_versions_switch_on_the_effective_day(table):
    assert table.get("age.min_months", dt.date(2025, 6, 30)).source.startswith("232")
    assert table.get("age.min_months", dt.date(2025, 7, 1)).source.startswith("294")
    assert table.get("certificate.valid_months", dt.date(2025, 6, 8)).source == "01-HD/TW"
    assert table.get("certificate.valid_months", dt.date(2025, 6, 9)).source == "06-HD/TW §5.4"


def test_versions_current_all_ids(table):
    versions = table.versions("age.min_months")
    assert [r.effective_from for r in versions] == sorted(r.effective_from for r in versions)
    assert len(versions) >= 2
    current = table.current(dt.date(2026, 1, 1))
    assert [r.id for r in current] == table.ids()
    assert table.ids()[0] == "age.min_months"
    everything = table.all()
    assert len(everything) == sum(len(table.versions(i)) for i in table.ids())
    assert everything[0].id == "age.min_months"
    assert everything[0].effective_from < everything[1].effective_from


def test_unknown_rule_is_a_key_error(table):
    with pytest.raises(KeyError, match=r"no\.such\.rule"):
        table.get("no.such.rule", dt.date(2026, 1, 1))
    with pytest.raises(KeyError):
        table.versions("no.such.rule")


def test_value_text_and_why():
    def rule(value, unit, **kw):
        return Rule(
            "x", "Thời hạn", value, unit, dt.date(2025, 1, 1), "06-HD/TW §5.4", "sure", **kw
        )

    assert rule(216, "months").value_text() == "216 tháng"
    assert rule(60, "working_days").value_text() == "60 ngày làm việc"
    assert rule(Fraction(2, 3), "fraction").value_text() == "2/3"
    assert rule(3, "count").value_text() == "3"
    assert rule(60, "months").why() == "Thời hạn: 60 tháng (06-HD/TW §5.4)"
    assert rule(3, "count").confidence_text == "chắc chắn"


def test_why_of_real_rule(table):
    why = table.get("certificate.valid_months", dt.date(2026, 1, 1)).why()
    assert why.endswith("60 tháng (06-HD/TW §5.4)")
    assert "bồi dưỡng nhận thức về Đảng" in why


# --- parse errors ---------------------------------------------------------------------------

GOOD = """
version = "t1"

[[rule]]
id = "a.months"
title = "Thời hạn A"
value = 12
unit = "months"
effective_from = 2021-07-30
source = "24-QĐ/TW"
confidence = "sure"
"""


def entry(**fields: str | None) -> str:
    """A second [[rule]] entry with id "b.rule"; a field given as None is left out."""
    base = {
        "id": '"b.rule"',
        "title": '"Thời hạn B"',
        "value": "30",
        "unit": '"working_days"',
        "effective_from": "2025-07-01",
        "source": '"294-QĐ/TW"',
        "confidence": '"likely"',
    }
    base.update(fields)
    lines = [f"{k} = {v}" for k, v in base.items() if v is not None]
    return GOOD + "\n[[rule]]\n" + "\n".join(lines) + "\n"


def test_small_table_parses():
    table = RuleTable.parse(entry(note='"Tính từ ngày nhận quyết định."'))
    assert table.version == "t1"
    assert table.ids() == ["a.months", "b.rule"]
    assert table.get("b.rule", dt.date(2026, 1, 1)).note == "Tính từ ngày nhận quyết định."
    assert table.get("a.months", dt.date(2026, 1, 1)).note == ""


@pytest.mark.parametrize(
    ("text", "rule", "field", "words"),
    [
        (entry(source=None), "b.rule", "source", "thiếu trường"),
        (entry(confidence=None), "b.rule", "confidence", "thiếu trường"),
        (entry(id=None), "", "id", "mục thứ 2"),
        (entry(unit='"days"'), "b.rule", "unit", "«days»"),
        (entry(confidence='"maybe"'), "b.rule", "confidence", "«maybe»"),
        (entry(value='"30"'), "b.rule", "value", "số nguyên dương"),
        (entry(value="30.5"), "b.rule", "value", "số nguyên dương"),
        (entry(value="0"), "b.rule", "value", "số nguyên dương"),
        (entry(value="true"), "b.rule", "value", "số nguyên dương"),
        (entry(unit='"fraction"', value="2"), "b.rule", "value", "phân số"),
        (entry(unit='"fraction"', value='"3/2"'), "b.rule", "value", "phân số"),
        (entry(unit='"fraction"', value='"2/0"'), "b.rule", "value", "phân số"),
        (entry(effective_from='"2025-07-01"'), "b.rule", "effective_from", "ngày"),
        (entry(effective_from="2025-07-01T00:00:00"), "b.rule", "effective_from", "ngày"),
        (entry(title='""'), "b.rule", "title", "không để trống"),
        (entry(note="5"), "b.rule", "note", "chuỗi"),
        (entry(notes='"x"'), "b.rule", "notes", "trường lạ"),
        (
            entry(id='"a.months"', unit='"months"', effective_from="2021-07-30"),
            "a.months",
            "effective_from",
            "trùng ngày hiệu lực 30/07/2021 với mục 1",
        ),
        (entry(id='"a.months"'), "a.months", "unit", "khác đơn vị"),
    ],
)
def test_parse_errors_name_rule_and_field(text, rule, field, words):
    with pytest.raises(RuleFileError) as caught:
        RuleTable.parse(text)
    error = caught.value
    message = str(error)
    assert isinstance(error, DomainError)
    assert (error.rule, error.field) == (rule, field)
    assert f"«{field}»" in message
    assert words in message
    if rule:
        assert f"«{rule}»" in message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("version = ", "cú pháp TOML"),
        ('[[rule]]\nid = "a"\n', "«version»"),
        ('version = "t1"\n', "[[rule]]"),
        ("version = 3\n" + GOOD.split("\n", 2)[2], "«version»"),
    ],
)
def test_parse_errors_for_the_whole_file(text, words):
    with pytest.raises(RuleFileError, match=r".+") as caught:
        RuleTable.parse(text)
    assert words in str(caught.value)
