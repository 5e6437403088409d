"""Meetings and roll calls through the services: the roll computed from the register, every bad
input refused with a message naming the meeting and the person, nothing half-written, and the
year's figures checked against a count made here from the raw lines."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import DomainError
from desktop_app.services import attendance, development, meetings, members, today
from desktop_app.services.meetings import Entry
from desktop_app.store import journal
from desktop_app.store.models import JOURNALLED
from tests.services import pipeline
from tests.services.pipeline import TODAY, official, unchanged

D = dt.date


MARCH = D(2026, 3, 5)


def add(reg, kind="regular", on=MARCH, **data):
    return meetings.add_meeting(reg, {"kind": kind, "date": on, **data}, today=TODAY)


@pytest.fixture
def cell(register):
    """Four official members, a probationary one, an exempted one, one who left in April and
    one attached elsewhere, plus a candidate."""
    reg = register
    ids = pipeline.small_cell(reg).officials
    probation = official(reg, "Đặng Thu Thảo", "female", year=2025)
    members.update_person(
        reg, probation, {"membership": "probationary", "official_date": None}, today=TODAY
    )
    old = official(reg, "Võ Văn Kiệt", year=1980)
    members.record_event(reg, old, "exemption", D(2025, 6, 1), reason="Tuổi cao", today=TODAY)
    gone = official(reg, "Phan Văn Khải")
    members.record_event(
        reg, gone, "transfer_out", D(2026, 4, 10), place="Chi bộ Khu phố 2", today=TODAY
    )
    away = official(reg, "Đoàn Văn Tuấn")
    members.record_event(
        reg, away, "temporary_leave", D(2026, 1, 10), place="Học viện", today=TODAY
    )
    candidate = development.add_candidate(
        reg, {"full_name": "Huỳnh Thị Mỹ Duyên", "sex": "female"}, pool_date=D(2025, 9, 3),
        today=TODAY,
    ).id  # fmt: skip
    return {
        "officials": ids, "probation": probation, "old": old, "gone": gone, "away": away,
        "candidate": candidate,
    }  # fmt: skip


def roll_names(detail, group):
    return [line.name for line in detail.roll if line.group == group]


def test_the_roll_is_computed_from_the_register(register, cell):
    march = add(register, topic="  Sinh hoạt tháng 3  ")
    assert march.topic == "Sinh hoạt tháng 3"
    assert march.tally.expected == 6  # the view returned by add has the roll's figures
    detail = meetings.get_meeting(register, march.id)
    names = roll_names(detail, "member")
    assert "Phan Văn Khải" in names  # still here in March
    assert "Đặng Thu Thảo" in names  # probationary members attend
    assert "Đoàn Văn Tuấn" not in names  # attached to another cell
    assert "Huỳnh Thị Mỹ Duyên" not in names  # not admitted
    assert roll_names(detail, "exempted") == ["Võ Văn Kiệt"]
    assert detail.meeting.tally.expected == 6 and detail.meeting.tally.attended == 6
    may = meetings.get_meeting(register, add(register, on=D(2026, 5, 5)).id)
    assert "Phan Văn Khải" not in roll_names(may, "member")  # transferred out in April


def test_a_roll_call_with_every_kind_of_line(register, cell):
    a, b, c, _ = cell["officials"]
    m = add(register)
    detail = meetings.record_rollcall(
        register,
        m.id,
        [
            Entry("absent", a),
            Entry("excused", b, reason="Đi công tác"),
            Entry("late", c),
            Entry("present", cell["old"]),
            Entry("present", cell["candidate"]),
            Entry("present", None, "Nguyễn Văn Bảy, Bí thư Đảng ủy phường"),
        ],
        today=TODAY,
    )
    t = detail.meeting.tally
    assert (t.expected, t.present, t.late, t.excused, t.absent) == (6, 3, 1, 1, 1)
    assert detail.meeting.others == 3
    by_name = {line.name: line for line in detail.roll}
    guests = meetings.record_rollcall(
        register, m.id,
        [*meetings.entries_of(detail), Entry("present", None, "Đỗ Văn Ba"),
         Entry("present", None, "Ông Ích Khiêm")],
        today=TODAY,
    )  # fmt: skip
    guest_names = [line.name for line in guests.roll if line.group == "guest"]
    # Vietnamese order by the last word (Ba, Khiêm, phường), not Python's (Đ and Ô after Z)
    assert guest_names == ["Đỗ Văn Ba", "Ông Ích Khiêm", "Nguyễn Văn Bảy, Bí thư Đảng ủy phường"]
    assert by_name["Trần Thị Bình"].reason == "Đi công tác"
    assert by_name["Huỳnh Thị Mỹ Duyên"].group == "candidate"
    assert by_name["Nguyễn Văn Bảy, Bí thư Đảng ủy phường"].group == "guest"
    # recorded again: the roll is replaced, not added to
    again = meetings.record_rollcall(register, m.id, [Entry("absent", b)], today=TODAY)
    assert again.meeting.tally.absent == 1 and again.meeting.tally.excused == 0
    assert meetings.entries_of(again) == [Entry("absent", b)]
    assert journal.replay_mismatches(JOURNALLED) == []


def test_one_cell_of_the_grid(register, cell):
    a = cell["officials"][0]
    m = add(register)
    meetings.set_attendance(register, m.id, a, "excused", "Ốm", today=TODAY)
    assert meetings.get_meeting(register, m.id).meeting.tally.excused == 1
    meetings.set_attendance(register, m.id, a, "present", today=TODAY)  # back to the default
    detail = meetings.get_meeting(register, m.id)
    assert detail.meeting.tally.excused == 0 and meetings.entries_of(detail) == []
    meetings.set_attendance(register, m.id, cell["old"], "present", today=TODAY)
    meetings.set_attendance(register, m.id, cell["old"], None, today=TODAY)
    assert meetings.get_meeting(register, m.id).meeting.others == 0


@pytest.mark.parametrize(
    ("entries", "words"),
    [
        (
            lambda c: [Entry("absent", c["gone"])],
            ["Phan Văn Khải", "không sinh hoạt", "05/05/2026"],
        ),
        (lambda c: [Entry("present", c["away"])], ["Đoàn Văn Tuấn", "không sinh hoạt"]),
        (
            lambda c: [Entry("absent", c["officials"][0]), Entry("late", c["officials"][0])],
            ["Nguyễn Văn An", "hai lần"],
        ),
        (lambda c: [Entry("present", None, "Khách"), Entry("present", None, "Khách")], ["hai lần"]),
        (lambda c: [Entry("excused", c["officials"][1])], ["Trần Thị Bình", "cần ghi lý do"]),
        (lambda c: [Entry("absent", c["candidate"])], ["Huỳnh Thị Mỹ Duyên", "chỉ ghi khi có mặt"]),
        (lambda c: [Entry("gone fishing", c["officials"][0])], ["trạng thái"]),
        (lambda c: [Entry("present", None, "  ")], ["khách mời cần họ tên"]),
        (lambda c: [Entry("absent", "khong-co-ai")], ["khong-co-ai"]),
    ],
)
def test_bad_roll_calls_are_refused_and_change_nothing(register, cell, entries, words):
    m = add(register, on=D(2026, 5, 5))
    meetings.record_rollcall(register, m.id, [Entry("late", cell["officials"][2])], today=TODAY)
    with unchanged(), pytest.raises(DomainError) as refused:
        meetings.record_rollcall(register, m.id, entries(cell), today=TODAY)
    for word in words:
        assert word in str(refused.value)
    assert meetings.get_meeting(register, m.id).meeting.tally.late == 1


def test_a_meeting_in_the_future_cannot_be_held(register, cell):
    with unchanged(), pytest.raises(DomainError, match="ngày trong tương lai"):
        add(register, on=D(2026, 12, 5))
    planned = add(register, on=D(2026, 12, 5), held=False)
    assert not planned.held
    with unchanged(), pytest.raises(DomainError, match="mới dự kiến"):
        meetings.set_attendance(register, planned.id, cell["officials"][0], "absent", today=TODAY)


def test_two_regular_meetings_in_a_month_are_a_warning_not_a_refusal(register, cell):
    assert add(register).warnings == ()
    second = add(register, on=D(2026, 3, 25))
    assert "Tháng 3/2026 đã có 2 buổi sinh hoạt thường kỳ" in second.warnings[0]
    assert len(meetings.list_meetings(register, 2026)) == 2


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"kind": "party"}, ["loại «party»"]),
        ({"date": "ngày mai"}, ["ngày «ngày mai»"]),
        ({"topic": "x" * 501}, ["topic", "quá dài"]),
        ({"class_kind": "awareness_class"}, ["chỉ dùng cho lớp bồi dưỡng"]),
        ({"chair": "khong-co-ai"}, ["khong-co-ai"]),
    ],
)
def test_bad_meetings_are_refused(register, cell, data, words):
    with unchanged(), pytest.raises(DomainError) as refused:
        meetings.add_meeting(register, {"kind": "regular", "date": D(2026, 3, 5), **data}, TODAY)
    for word in words:
        assert word in str(refused.value)


def test_editing_a_meeting_keeps_its_roll_valid(register, cell):
    m = add(register, on=D(2026, 3, 5), chair=cell["officials"][0])
    meetings.record_rollcall(register, m.id, [Entry("absent", cell["gone"])], today=TODAY)
    with unchanged(), pytest.raises(DomainError, match="Phan Văn Khải"):
        meetings.update_meeting(register, m.id, {"date": D(2026, 5, 5)}, today=TODAY)
    with unchanged(), pytest.raises(DomainError, match="không thể ghi là chưa họp"):
        meetings.update_meeting(register, m.id, {"held": False}, today=TODAY)
    with unchanged(), pytest.raises(DomainError, match="người khác sửa"):
        meetings.update_meeting(register, m.id, {"topic": "Mới"}, expected_version=99)
    view = meetings.update_meeting(
        register, m.id, {"topic": "Nghị quyết tháng 3", "resolution": "05-NQ/CB"}, today=TODAY
    )
    assert (view.topic, view.resolution, view.chair_name) == (
        "Nghị quyết tháng 3", "05-NQ/CB", "Nguyễn Văn An",
    )  # fmt: skip
    assert view.version == 2
    assert journal.replay_mismatches(JOURNALLED) == []


def test_deleting_a_meeting_tombstones_its_roll(register, cell):
    m = add(register)
    meetings.record_rollcall(register, m.id, [Entry("absent", cell["officials"][0])], today=TODAY)
    meetings.delete_meeting(register, m.id)
    assert meetings.list_meetings(register, 2026) == []
    with pytest.raises(DomainError, match="Không có buổi sinh hoạt"):
        meetings.get_meeting(register, m.id)
    assert journal.replay_mismatches(JOURNALLED) == []


def test_a_class_certificate_feeds_the_dossier(register, cell):
    klass = add(
        register, "training", D(2026, 4, 6), topic="Lớp nhận thức về Đảng khóa 2/2026",
        place="Trung tâm Chính trị phường", class_kind="awareness_class",
    )  # fmt: skip
    with unchanged(), pytest.raises(DomainError, match="cần ghi số giấy"):
        meetings.issue_certificate(register, klass.id, cell["candidate"], " ", D(2026, 4, 10))
    detail = meetings.issue_certificate(
        register, klass.id, cell["candidate"], "112/CN-TTCT", D(2026, 4, 10), today=TODAY
    )
    [cert] = detail.certificates
    assert (cert.name, cert.number, cert.date) == (
        "Huỳnh Thị Mỹ Duyên",
        "112/CN-TTCT",
        "2026-04-10",
    )
    assert roll_names(detail, "candidate") == ["Huỳnh Thị Mỹ Duyên"]
    item = next(
        d for d in development.pipeline(register, cell["candidate"], TODAY).dossier
        if d.kind == "awareness_class"
    )  # fmt: skip
    assert item.status == "in" and item.valid_until == D(2031, 4, 10)
    with unchanged(), pytest.raises(DomainError, match="giấy chứng nhận cho 1 người"):
        meetings.delete_meeting(register, klass.id)
    regular = add(register, on=D(2026, 4, 7))
    with unchanged(), pytest.raises(DomainError, match="chỉ lớp bồi dưỡng"):
        meetings.issue_certificate(register, regular.id, cell["candidate"], "1", D(2026, 4, 8))


def test_the_year_report_matches_a_count_of_the_raw_lines(register, cell):
    a, b, c, d = cell["officials"]
    plan = {
        D(2026, 1, 6): [Entry("absent", a)],
        D(2026, 2, 3): [Entry("excused", a, reason="Ốm"), Entry("late", b)],
        D(2026, 3, 3): [Entry("absent", a), Entry("absent", c)],
        D(2026, 5, 5): [Entry("absent", a)],
    }
    for on, entries in plan.items():
        m = add(register, on=on)
        meetings.record_rollcall(register, m.id, entries, today=TODAY)
    study = add(register, "study", D(2026, 6, 10), topic="Nghị quyết Đại hội XIV")
    meetings.record_rollcall(register, study.id, [Entry("absent", d)], today=TODAY)
    report = attendance.year_report(register, 2026)
    rows = {m.name: m for m in report.members}
    assert rows["Nguyễn Văn An"].unexcused_months == [1, 3, 5]
    assert (rows["Nguyễn Văn An"].all.expected, rows["Nguyễn Văn An"].all.attended) == (5, 1)
    assert rows["Trần Thị Bình"].all.late == 1
    assert "Phan Văn Khải" in rows and rows["Phan Văn Khải"].all.expected == 3  # left in April
    # an independent count: expected places = members on each roll; absences from the plan
    roll_sizes = [7, 6, 6, 5, 5]  # Tuấn left for the academy on 10/01, Khải in April
    assert report.overall.expected == sum(roll_sizes)
    assert report.overall.absent == 5 and report.overall.excused == 1 and report.overall.late == 1
    assert report.study.expected == 5 and report.study.attended == 4
    assert report.study_met is False  # 80% < 90%
    assert report.counts == {"regular": 4, "study": 1}
    json = report.to_json()
    assert json["study"]["target_percent"] == 90
    grid = attendance.grid(register, 2026)
    assert [m.date for m in grid.meetings] == [
        "2026-01-06", "2026-02-03", "2026-03-03", "2026-05-05", "2026-06-10",
    ]  # fmt: skip
    an = next(r for r in grid.rows if r.name == "Nguyễn Văn An")
    assert an.cells == ("absent", "excused", "absent", "absent", "present")
    khai = next(r for r in grid.rows if r.name == "Phan Văn Khải")
    assert khai.cells[3:] == (None, None)
    assert grid.rows[-1].name == "Võ Văn Kiệt" and grid.rows[-1].exempted


def test_today_shows_meeting_warnings_beside_the_deadlines(register, cell):
    a = cell["officials"][0]
    for month in (3, 5, 9):
        m = add(register, on=D(2026, month, 5))
        meetings.record_rollcall(register, m.id, [Entry("absent", a)], today=TODAY)
    items = today.todo(register, TODAY)
    kinds = {i.kind for i in items}
    assert {"absence_removal", "no_regular_meeting", "no_thematic_meeting"} <= kinds
    removal = next(i for i in items if i.kind == "absence_removal")
    assert removal.person_name == "Nguyễn Văn An" and removal.due == D(2026, 9, 5)
    assert [i.due for i in items] == sorted([i.due for i in items if i.due < TODAY]) + sorted(
        [i.due for i in items if i.due >= TODAY]
    )


def test_an_empty_register_has_no_meeting_warnings(register):
    assert attendance.warnings(register, TODAY) == []


def test_a_vote_is_tied_to_the_meeting_it_was_taken_at(register):
    small = pipeline.small_cell(register)
    pid = pipeline.to_vote(register, small)
    vote_day = D(2025, 4, 8)
    m = add(register, on=vote_day)
    meetings.record_rollcall(register, m.id, [Entry("absent", small.officials[3])], today=TODAY)
    assert meetings.vote_attendance(register, m.id) == (3, 0)
    vote = lambda **kw: development.record_vote(  # noqa: E731
        register, pid, "admission", kw.pop("on", vote_day), in_favour=3, meeting_id=m.id,
        today=TODAY, **kw,
    )  # fmt: skip
    with unchanged(), pytest.raises(DomainError, match="điểm danh chỉ có 3"):
        vote(present=4)
    with unchanged(), pytest.raises(DomainError, match="khác ngày họp"):
        vote(present=3, on=D(2025, 4, 9))
    planned = add(register, "thematic", vote_day, held=False)  # never marked held
    with unchanged(), pytest.raises(DomainError, match="đã họp"):
        development.record_vote(
            register, pid, "admission", vote_day, present=3, in_favour=3,
            meeting_id=planned.id, today=TODAY,
        )  # fmt: skip
    event, result = vote(present=3)
    assert result.passed and event.details["meeting_id"] == m.id
    with unchanged(), pytest.raises(DomainError, match="1 biểu quyết tại buổi này"):
        meetings.delete_meeting(register, m.id)
    with unchanged(), pytest.raises(DomainError, match="đổi ngày"):
        meetings.update_meeting(register, m.id, {"date": D(2025, 4, 9)}, today=TODAY)
    meetings.update_meeting(register, m.id, {"topic": "Xét kết nạp"}, today=TODAY)  # still fine
