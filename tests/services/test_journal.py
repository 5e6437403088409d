"""The change journal: a hash chain that every write goes through, with no way around it."""

import datetime as dt
import inspect
import json
import pkgutil
from importlib import import_module

import peewee
import pytest

import desktop_app.services as services_pkg
from desktop_app.forms import registry
from desktop_app.services import audit, cell, checks, development, meetings, members, rules
from desktop_app.store import journal
from desktop_app.store.models import JOURNALLED, Journal, Person
from tests.conftest import TODAY
from tests.services import pipeline
from tests.sync import slip_samples, upper_scenario

PERSON = {
    "full_name": "Võ Văn Kiệt",
    "sex": "male",
    "birth_date": "1960",
    "membership": "official",
    "ceremony_date": "10/10/1990",
    "official_date": "10/10/1991",
}


def _writing_services() -> set[str]:
    """Public service functions that open a write transaction."""
    found = set()
    for info in pkgutil.iter_modules(services_pkg.__path__):
        module = import_module(f"desktop_app.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if (
                fn.__module__ == module.__name__
                and not name.startswith("_")
                and ("reg.atomic()" in inspect.getsource(fn))
            ):
                found.add(f"{info.name}.{name}")
    return found


def scenario(reg) -> set[str]:
    """Call every writing service once (or more); returns which were called."""
    called = set()
    person = members.add_person(reg, PERSON, today=TODAY)
    called.add("members.add_person")
    members.update_person(reg, person.id, {"phone": "0905123456"}, today=TODAY)
    called.add("members.update_person")
    members.record_event(
        reg, person.id, "exemption", dt.date(2026, 1, 5), reason="Tuổi cao, sức yếu", today=TODAY
    )
    members.record_event(
        reg,
        person.id,
        "temporary_leave",
        dt.date(2026, 2, 5),
        place="Chi bộ Khu phố 3",
        today=TODAY,
    )
    called.add("members.record_event")
    members.undo_last_event(reg, person.id)
    called.add("members.undo_last_event")
    cell.update_cell(reg, {"address": "Số 1 Trần Phú"})
    called.add("cell.update_cell")
    members.update_person(reg, person.id, {"party_card_number": "45123678"}, today=TODAY)
    audit.reveal_id(reg, person.id, "party_card_number")  # journal-only entries
    audit.trail(reg, reveal=True)
    called |= {"audit.reveal_id", "audit.trail"}
    called |= _development(reg)
    called |= _meetings(reg)
    called |= _imports(reg)
    called |= _sync(reg)
    called |= _ratings(reg, person.id)
    called |= upper_scenario.upper_round(reg)  # the upper level's services
    called |= slip_samples.transfer_round(reg)  # a transfer slip written and received
    called.add("cell.create_cell")  # made by the register fixture
    return called


def _development(reg) -> set[str]:
    small = pipeline.small_cell(reg)
    person_id = pipeline.to_official(reg, small)
    assert registry.render(reg, "13-KNĐ", person_id=person_id, today=TODAY).startswith(b"%PDF")
    extra = members.add_person(reg, {"full_name": "Đỗ Minh Khang", "sex": "male"}, today=TODAY)
    assignment = development.assign_mentor(
        reg, extra.id, small.officials[2], dt.date(2026, 10, 1), today=TODAY
    )
    development.end_mentorship(reg, assignment.id, dt.date(2026, 11, 2), "Chuyển công tác")
    rules.set_override(reg, dt.date(2026, 12, 31), working=False, note="Nghỉ bù")
    rules.remove_override(reg, dt.date(2026, 12, 31))
    assert members.get_person(reg, person_id).status == "official"
    return {
        "development.add_candidate", "development.record_step", "development.record_vote",
        "development.assign_mentor", "development.end_mentorship", "rules.set_override",
        "rules.remove_override", "documents.issue_number",
    }  # fmt: skip


def _meetings(reg) -> set[str]:
    on = dt.date(2026, 10, 6)
    m = meetings.add_meeting(reg, {"kind": "regular", "date": on}, today=TODAY)
    meetings.update_meeting(reg, m.id, {"topic": "Sinh hoạt tháng 10"}, today=TODAY)
    roll = meetings.get_meeting(reg, m.id).roll
    first = next(line.person_id for line in roll if line.group == "member")
    meetings.record_rollcall(reg, m.id, [meetings.Entry("present", None, "Khách mời")], today=TODAY)
    meetings.set_attendance(reg, m.id, first, "absent", today=TODAY)
    klass = meetings.add_meeting(
        reg,
        {"kind": "training", "date": on, "class_kind": "awareness_class"},
        today=TODAY,
    )
    pupil = development.add_candidate(
        reg, {"full_name": "Mai Thị Lan", "sex": "female"}, pool_date=on, today=TODAY
    )
    meetings.issue_certificate(reg, klass.id, pupil.id, "7/CN", on, today=TODAY)
    meetings.delete_meeting(reg, m.id)
    return {
        "meetings.add_meeting", "meetings.update_meeting", "meetings.record_rollcall",
        "meetings.set_attendance", "meetings.issue_certificate", "meetings.delete_meeting",
    }  # fmt: skip


def _imports(reg) -> set[str]:
    import tempfile
    from pathlib import Path

    import openpyxl

    from desktop_app.services import imports

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ds.xlsx"
        book = openpyxl.Workbook()
        book.active.append(["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"])
        book.active.append(["Hồ Thị Thu Trang", "Nữ", "12/08/1982", "03/02/2010"])
        book.save(path)
        summary = imports.apply(reg, imports.preview(reg, imports.open_plan(path), TODAY))
    assert len(summary.added) == 1
    return {"imports.apply"}


def _sync(reg) -> set[str]:
    import tempfile
    from pathlib import Path

    from desktop_app.services import sync_cell
    from desktop_app.sync.upper_keys import UpperKeys, write_enrolment

    upper = UpperKeys.generate("Đảng ủy phường Quy Nhơn Nam")
    with tempfile.TemporaryDirectory() as folder:
        path = write_enrolment(upper.enrolment_for("CB-NT"), Path(folder) / "cb.sochibo-ghidanh")
        assert sync_cell.enrol(reg, path).change == "new"
    seq, chain_hash = journal.head()
    sync_cell.acknowledge(reg, upper_id=upper.upper_id, seq=seq, chain_hash=chain_hash)
    return {"sync_cell.enrol", "sync_cell.acknowledge"}


def _ratings(reg, person_id: str) -> set[str]:
    from desktop_app.services import ratings

    ratings.set_rating(reg, person_id, 2025, "good", points=82, today=TODAY)
    ratings.set_rating(reg, person_id, 2025, "HTXSNV", points="92,5", note="Sửa", today=TODAY)
    ratings.remove_rating(reg, person_id, 2025)
    ratings.set_quota(reg, 2026, 2, today=TODAY)
    ratings.set_quota(reg, 2026, 3, reference="15-KH/ĐU", today=TODAY)
    ratings.remove_quota(reg, 2026)
    return {
        "ratings.set_rating", "ratings.remove_rating", "ratings.set_quota",
        "ratings.remove_quota",
    }  # fmt: skip


def test_every_writing_service_is_exercised_and_journalled(register):
    called = scenario(register)
    assert _writing_services() <= called | {"registers.create_demo"}, (
        "a new writing service must be added to the scenario above"
    )
    assert journal.replay_mismatches(JOURNALLED) == []
    report = checks.check_register(register)
    assert report.ok, report.to_json()
    assert report.journal_entries == journal.head()[0] > 5


def test_demo_register_replays_exactly(demo_register):
    report = checks.check_register(demo_register)
    assert report.ok, report.to_json()
    assert report.journal_entries > 100


def test_entries_carry_the_change(register):
    person = members.add_person(register, PERSON, today=TODAY)
    members.update_person(register, person.id, {"phone": "0905123456"}, today=TODAY)
    rows = journal.entries_for(person.id)
    assert [(r.op, r.base_version, r.version) for r in rows] == [("insert", 0, 1), ("update", 1, 2)]
    # the changed field, plus the derived search text it feeds (replay rebuilds rows exactly)
    assert json.loads(rows[1].changes) == {
        "phone": "0905123456",
        "search_text": "vo van kiet 0905123456",
    }
    assert rows[1].prev_hash == Journal.get(Journal.seq == rows[1].seq - 1).hash
    assert rows[0].author == register.author


def test_direct_write_without_journal_is_refused(register):
    with pytest.raises(peewee.IntegrityError, match="without a journal entry"), register.atomic():
        Person.insert(
            id="x",
            version=1,
            created_at="",
            updated_at="",
            full_name="A B",
            sex="male",
            name_folded="a b",
        ).execute()
    person = members.add_person(register, PERSON, today=TODAY)
    with pytest.raises(peewee.IntegrityError, match="without a journal entry"), register.atomic():
        Person.update(phone="1", version=Person.version + 1).where(Person.id == person.id).execute()
    with pytest.raises(peewee.IntegrityError, match="tombstone"), register.atomic():
        Person.delete().execute()
    with pytest.raises(peewee.IntegrityError, match="append-only"), register.atomic():
        Journal.update(author="someone else").execute()
    assert checks.check_register(register).ok


def test_tampering_is_detected(register):
    members.add_person(register, PERSON, today=TODAY)
    db = register.db
    db.execute_sql("DROP TRIGGER journal_append_only_update")  # an attacker with the key
    db.execute_sql(
        "UPDATE journal SET changes = replace(changes, 'Kiệt', 'Kiet') WHERE entity = 'person'"
    )
    report = checks.check_register(register)
    assert not report.ok
    assert any("bị sửa" in p for p in report.journal)
    assert any("khác nhật ký" in p for p in report.replay)


def test_removed_entry_is_detected(register):
    members.add_person(register, PERSON, today=TODAY)
    members.add_person(register, {**PERSON, "full_name": "Lê Duẩn"}, today=TODAY)
    db = register.db
    db.execute_sql("DROP TRIGGER journal_append_only_delete")
    db.execute_sql("DELETE FROM journal WHERE seq = 2")
    problems = journal.verify_chain().problems
    assert any("thiếu mục số 2" in p for p in problems)
