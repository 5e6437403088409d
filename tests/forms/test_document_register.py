"""The register of numbered documents: one number per kind and committee term, never twice,
kept across reopening; a reprint keeps its number; numbers typed elsewhere are respected; the
schema-4 step brings a schema-3 register over without loss."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import StateError
from desktop_app.services import checks, documents, meetings, members, registers
from desktop_app.services.documents import Term, number_text, parse_number, term_of
from desktop_app.store import documents as store
from desktop_app.store import journal, migrations, records
from desktop_app.store.database import Register
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from tests.conftest import CELL, PASSPHRASE, TODAY
from tests.services.pipeline import unchanged

D = dt.date
DAY = D(2026, 3, 5)


def issue(reg, subject: str, on: dt.date = DAY, kind: str = "NQ", **kw):
    return documents.issue_number(
        reg, form="6-KNĐ", kind=kind, subject_id=subject, on=on, title=f"Nghị quyết {subject}",
        **kw,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (D(2024, 12, 31), "2020-2025"),
        (D(2025, 1, 1), "2025-2030"),
        (D(2029, 12, 31), "2025-2030"),
        (D(2030, 1, 1), "2030-2035"),
        (D(2019, 6, 1), "2015-2020"),
    ],
)
def test_the_term_is_the_five_year_congress_cycle(day, label):
    term = term_of(day)
    assert term.label == label and term.first <= day <= term.last


@pytest.mark.parametrize(
    ("text", "number"),
    [("03-NQ/CB", 3), ("Số 12-NQ/CB", 12), ("7 - nq / cb", 7), ("03-NQ/ĐU", None),
     ("Nghị quyết chi bộ", None), ("00-NQ/CB", None), ("", None)],
)  # fmt: skip
def test_parse_number(text, number):
    assert parse_number(text, "NQ") == number


def test_number_text_has_two_digits_at_least():
    assert number_text(1, "NQ") == "01-NQ/CB" and number_text(123, "BC") == "123-BC/CB"


def test_numbers_never_repeat_and_a_reprint_keeps_its_number(register):
    first = [issue(register, f"vote-{n}").number for n in range(5)]
    assert first == [1, 2, 3, 4, 5]
    with unchanged():
        again = issue(register, "vote-2")
    assert again.number == 3 and again.text == "03-NQ/CB" and again.term == "2025-2030"
    assert issue(register, "report-1", kind="BC").number == 1  # each kind its own series
    assert issue(register, "vote-5").number == 6
    numbers = [(d.kind, d.number) for d in documents.list_documents(register)]
    assert len(numbers) == len(set(numbers)) == 7


def test_numbers_survive_reopening(register_path, register):
    issue(register, "vote-a")
    issue(register, "vote-b")
    register.close()
    with registers.open_register(register_path, PASSPHRASE) as reg:
        assert issue(reg, "vote-a").number == 1
        assert issue(reg, "vote-c").number == 3
        assert checks.check_register(reg).ok


def test_a_new_term_starts_again_from_01(register):
    assert issue(register, "old", on=D(2024, 11, 5)).text == "01-NQ/CB"
    issue(register, "old-2", on=D(2024, 12, 5))
    assert issue(register, "new", on=D(2025, 2, 5)).number == 1
    assert {d.term for d in documents.list_documents(register)} == {"2020-2025", "2025-2030"}


def test_a_withdrawn_number_is_never_given_again(register):
    withdrawn = issue(register, "vote-1")
    with register.atomic():
        records.tombstone(store.by_subject("6-KNĐ", "vote-1"), register.author)
    assert documents.find_document(register, "6-KNĐ", "vote-1") is None
    reissued = issue(register, "vote-1")
    assert reissued.number == withdrawn.number + 1 and reissued.id != withdrawn.id


def test_numbers_typed_on_meetings_and_steps_in_the_term_are_skipped(register):
    for month, number in ((1, "01-NQ/CB"), (2, "02-NQ/CB"), (4, "Số 07-NQ/CB")):
        meetings.add_meeting(
            register, {"kind": "regular", "date": D(2026, month, 5), "resolution": number},
            today=TODAY,
        )  # fmt: skip
    meetings.add_meeting(
        register, {"kind": "regular", "date": D(2024, 5, 6), "resolution": "40-NQ/CB"},
        today=TODAY,
    )  # fmt: skip  # another term
    assert issue(register, "vote-x").number == 8


def test_a_number_typed_with_the_vote_is_taken_if_free(register):
    taken = issue(register, "vote-1", typed="05-NQ/CB", typed_on_event="vote-1")
    assert taken.number == 5
    assert issue(register, "vote-2", typed="Nghị quyết chi bộ").number == 6
    with unchanged(), pytest.raises(StateError) as caught:
        issue(register, "vote-3", typed="05-NQ/CB")
    message = str(caught.value)
    assert "05-NQ/CB" in message and "Nghị quyết vote-1" in message and "05/03/2026" in message


def test_bad_requests_write_nothing(register):
    with unchanged(), pytest.raises(StateError, match="XX"):
        issue(register, "vote-1", kind="XX")
    with unchanged(), pytest.raises(StateError):
        issue(register, "")


def test_the_register_is_journalled_and_checks_clean(register):
    person = members.add_person(register, {"full_name": "Lê Thị Hoa", "sex": "female"})
    doc = issue(register, "vote-1", person_id=person.id)
    assert doc.person_id == person.id
    report = checks.check_register(register)
    assert report.ok, report.to_json()
    assert doc.to_json()["text"] == "01-NQ/CB"


def test_a_schema_3_register_migrates_to_4_without_loss(register_path, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", {k: migrations.STEPS[k] for k in (1, 2, 3)})
    monkeypatch.setattr(migrations, "LATEST", 3)
    from desktop_app.services import cell as cell_service

    reg, _ = Register.create(
        register_path, PASSPHRASE, kdf=FAST_KDF_FOR_TESTS,
        initialise=lambda r: cell_service.create_cell(r, CELL),
    )  # fmt: skip
    with reg:
        assert reg.pragma("user_version") == 3 and not reg.db.table_exists("document")
        person = members.add_person(
            reg, {"full_name": "Lê Thị Hoa", "sex": "female", "birth_date": "1970",
                  "membership": "official", "ceremony_date": "10/10/2000",
                  "official_date": "10/10/2001"}, today=TODAY,
        )  # fmt: skip
        meeting = meetings.add_meeting(
            reg, {"kind": "regular", "date": D(2026, 3, 5), "resolution": "03-NQ/CB"},
            today=TODAY,
        )  # fmt: skip
        entries_before = journal.head()[0]
    monkeypatch.undo()
    with Register.open(register_path, PASSPHRASE) as reg:
        assert reg.pragma("user_version") == migrations.LATEST >= 4
        assert members.get_person(reg, person.id).full_name == "Lê Thị Hoa"
        assert meetings.get_meeting(reg, meeting.id).meeting.resolution == "03-NQ/CB"
        report = checks.check_register(reg)
        assert report.ok and report.journal_entries == entries_before
        assert issue(reg, "vote-1", person_id=person.id).number == 4  # after the typed 03
    backups = sorted(register_path.parent.glob(f"{register_path.stem}.truoc-nang-cap-v3*.sochibo"))
    assert len(backups) == 1


def test_term_dataclass_orders_and_labels():
    assert Term(2025) < Term(2030) and Term(2025).label == "2025-2030"
