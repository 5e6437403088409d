"""The yearly rating of members and the year's admission quota: one live rating per member and
year (changed in place, journalled), only for someone who was a member of the cell that year,
refusals in Vietnamese naming the person and the field with nothing written; a quota from the
upper level never overwritten by a typed one."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import NotFoundError, StateError, ValidationError
from desktop_app.services import audit, checks, development, members, ratings
from desktop_app.store import journal
from tests.services.pipeline import TODAY, official, unchanged

D = dt.date


@pytest.fixture
def cell(register):
    """Three officials (admitted 2000, 2010, 2024) and a candidate."""
    reg = register
    an = official(reg, "Nguyễn Văn An")
    binh = official(reg, "Trần Thị Bình", "female", year=2010)
    cuong = official(reg, "Lê Văn Cường", year=2024)
    lan = development.add_candidate(
        reg, {"full_name": "Ngô Thị Lan", "sex": "female"}, pool_date=D(2025, 2, 1), today=TODAY
    ).id
    return {"an": an, "binh": binh, "cuong": cuong, "lan": lan}


def test_a_rating_is_journalled_and_changed_in_place(register, cell):
    reg = register
    first = ratings.set_rating(reg, cell["an"], 2025, "HTTNV", points="82,5", today=TODAY)
    assert (first.year, first.level, first.points, first.version) == (2025, "good", 82.5, 1)
    assert first.level_label == "Hoàn thành tốt nhiệm vụ" and first.points_text == "82,5"
    again = ratings.set_rating(reg, cell["an"][:8], "2025", "xuất sắc", points=91, today=TODAY)
    assert again.id == first.id and again.version == 2
    assert (again.level, again.points) == ("excellent", 91.0)
    assert [(e.op, e.entity) for e in journal.entries_for(first.id)] == [
        ("insert", "rating"), ("update", "rating"),
    ]  # fmt: skip
    assert [r.id for r in ratings.list_ratings(reg, 2025)] == [first.id]
    assert checks.check_register(reg).ok


def test_ratings_are_listed_by_year_then_given_name(register, cell):
    reg = register
    for key in ("cuong", "binh", "an"):
        ratings.set_rating(reg, cell[key], 2025, "good", today=TODAY)
    ratings.set_rating(reg, cell["binh"], 2024, "complete", today=TODAY)
    listed = ratings.list_ratings(reg)
    assert [(r.year, r.full_name) for r in listed] == [
        (2024, "Trần Thị Bình"),
        (2025, "Nguyễn Văn An"),
        (2025, "Trần Thị Bình"),
        (2025, "Lê Văn Cường"),
    ]  # An, Bình, Cường by given name
    assert [r.full_name for r in ratings.list_ratings(reg, 2024)] == ["Trần Thị Bình"]
    assert listed[0].to_json()["level_label"] == "Hoàn thành nhiệm vụ"
    assert "sort_key" not in listed[0].to_json()


@pytest.mark.parametrize(
    ("who", "year", "level", "points", "message"),
    [
        ("cuong", 2023, "good", None, "Năm đánh giá: năm 2023 không phải đảng viên của chi bộ "
         "(vào Đảng 10/10/2024)"),
        ("lan", 2025, "good", None, "Năm đánh giá: năm 2025 không phải đảng viên của chi bộ"),
        ("an", 2025, "excellent", "88", "Điểm: 88 điểm chưa đủ mức «Hoàn thành xuất sắc nhiệm vụ»"),
        ("an", 2025, "khá", None, "Mức xếp loại: «khá» không phải một trong 4 mức"),
        ("an", 2027, "good", None, "Năm đánh giá: năm 2027 phải từ 1930 đến 2026"),
        ("an", 2025, "good", "101", "Điểm: 101 phải từ 0 đến 100"),
    ],
)  # fmt: skip
def test_refused_ratings_name_the_person_and_the_field(
    register, cell, who, year, level, points, message
):
    name = members.get_person(register, cell[who]).full_name
    with unchanged(), pytest.raises(ValidationError) as caught:
        ratings.set_rating(register, cell[who], year, level, points=points, today=TODAY)
    text = str(caught.value)
    assert text.startswith(f"Xếp loại năm {year} của «{name}»: dữ liệu chưa hợp lệ, chưa lưu gì.")
    assert message in text


def test_a_member_who_died_is_rated_for_that_year_only(register, cell):
    reg = register
    members.record_event(reg, cell["binh"], "death", D(2025, 6, 5), today=TODAY)
    assert ratings.set_rating(reg, cell["binh"], 2025, "complete", today=TODAY).year == 2025
    with unchanged(), pytest.raises(ValidationError, match="năm 2026 không phải đảng viên"):
        ratings.set_rating(reg, cell["binh"], 2026, "complete", today=TODAY)


def test_removing_a_rating_and_unknown_people(register, cell):
    reg = register
    rating = ratings.set_rating(reg, cell["an"], 2025, "good", today=TODAY)
    removed = ratings.remove_rating(reg, cell["an"], 2025)
    assert removed.id == rating.id and ratings.list_ratings(reg) == []
    with unchanged(), pytest.raises(StateError, match="«Nguyễn Văn An» chưa có xếp loại năm 2025"):
        ratings.remove_rating(reg, cell["an"], 2025)
    again = ratings.set_rating(reg, cell["an"], 2025, "complete", today=TODAY)  # a new one
    assert again.id != rating.id
    with unchanged(), pytest.raises(NotFoundError, match="zzzz"):
        ratings.set_rating(reg, "zzzz", 2025, "good", today=TODAY)
    assert checks.check_register(reg).ok


def test_the_audit_trail_shows_ratings_in_words(register, cell):
    ratings.set_rating(register, cell["an"], 2025, "good", points=80, today=TODAY)
    report = audit.trail(register, audit.AuditFilter(person_id=cell["an"]), tz=dt.UTC)
    entry = report.entries[0]
    assert entry.kind == "Xếp loại đảng viên"
    assert entry.record == "Xếp loại năm 2025 — Nguyễn Văn An"
    shown = {c.label: c.after for c in entry.changes}
    assert shown["Mức xếp loại"] == "Hoàn thành tốt nhiệm vụ"
    assert shown["Năm đánh giá"] == "2025" and shown["Đảng viên"] == "Nguyễn Văn An"
    ratings.set_rating(register, cell["an"], 2025, "good", points="80,5", today=TODAY)
    latest = audit.trail(register, audit.AuditFilter(person_id=cell["an"]), tz=dt.UTC).entries[0]
    assert [(c.label, c.before, c.after) for c in latest.changes] == [("Điểm", "80", "80,5")]


# -- quotas ---------------------------------------------------------------------------------


def test_a_typed_quota_is_changed_in_place_and_removable(register):
    reg = register
    typed = ratings.set_quota(reg, 2026, 3, today=TODAY)
    assert (typed.year, typed.quota, typed.source_label) == (2026, 3, "Chi bộ ghi")
    changed = ratings.set_quota(reg, "2026", "4", reference="12-KH/CB", today=TODAY)
    assert changed.id == typed.id and changed.version == 2 and changed.reference == "12-KH/CB"
    ratings.set_quota(reg, 2027, 5, today=TODAY)  # next year's may come early
    assert [(q.year, q.quota) for q in ratings.list_quotas(reg)] == [(2026, 4), (2027, 5)]
    assert ratings.remove_quota(reg, 2026).id == typed.id
    assert [q.year for q in ratings.list_quotas(reg)] == [2027]
    with unchanged(), pytest.raises(StateError, match="Năm 2026 chưa có chỉ tiêu kết nạp"):
        ratings.remove_quota(reg, 2026)


def test_the_upper_levels_quota_wins_over_a_typed_one(register):
    reg = register
    ratings.set_quota(reg, 2026, 3, today=TODAY)
    given = ratings.set_quota(reg, 2026, 5, source="upper", reference="15-KH/ĐU", today=TODAY)
    assert given.source_label == "Cấp trên giao"
    with unchanged(), pytest.raises(StateError) as caught:
        ratings.set_quota(reg, 2026, 2, today=TODAY)
    assert str(caught.value) == (
        "Chỉ tiêu kết nạp năm 2026 do cấp trên giao (5 người, 15-KH/ĐU): chi bộ không sửa; "
        "chưa lưu gì."
    )
    with unchanged(), pytest.raises(StateError, match="do cấp trên giao: chi bộ không xóa"):
        ratings.remove_quota(reg, 2026)
    assert ratings.set_quota(reg, 2026, 6, source="upper", today=TODAY).quota == 6


@pytest.mark.parametrize(
    ("year", "quota", "source", "error"),
    [
        (2026, "ba", "cell", "Chỉ tiêu kết nạp: «ba» không phải số người"),
        (2029, 3, "cell", "Năm: năm 2029 phải từ 1930 đến 2027"),
        (2026, -2, "cell", "Chỉ tiêu kết nạp: -2 phải từ 0 đến 10000"),
        (2026, 3, "tỉnh", "không có nguồn «tỉnh»"),
    ],
)
def test_refused_quotas(register, year, quota, source, error):
    with unchanged(), pytest.raises((ValidationError, StateError)) as caught:
        ratings.set_quota(register, year, quota, source=source, today=TODAY)
    assert error in str(caught.value)
