"""Tests for desktop_app.domain.demo_data: a deterministic, realistic and valid demo cell."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata

import pytest

from desktop_app.domain import demo_data
from desktop_app.domain.demo_data import DemoCell, DemoPerson, generate_demo_cell

TODAY = dt.date(2026, 11, 22)
# A spread of "today"s: before the 2025 reform, a leap day, the usual day, and years ahead.
TODAYS = (dt.date(2012, 6, 30), dt.date(2024, 2, 29), TODAY, dt.date(2031, 1, 5))
SEEDS = range(8)
CASES = [(seed, today) for seed in SEEDS for today in TODAYS]

PERSON_KEYS = {
    "full_name", "other_names", "sex", "birth_date", "ethnicity", "religion", "native_place",
    "residence", "id_number", "phone", "education", "political_theory", "profession",
    "occupation", "party_card_number", "notes", "membership",
}  # fmt: skip
ETHNICITIES = {"Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Ê Đê"}
RELIGIONS = {"Không", "Phật giáo", "Công giáo", "Tin Lành", "Cao Đài", "Phật giáo Hòa Hảo"}
EDUCATION = {"12/12", "10/10", "9/12"}
THEORY = {"", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"}
EXITS = {"transfer_out", "removal", "resignation", "death", "expulsion"}
KINDS = EXITS | {"admission_decision", "ceremony", "recognition", "temporary_leave",
                 "temporary_return", "exemption", "exemption_end"}  # fmt: skip
CCCD_PROVINCES = {
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
}  # fmt: skip
PROVINCES = (
    "tỉnh Gia Lai", "Thành phố Hà Nội", "Thành phố Hồ Chí Minh", "Thành phố Đà Nẵng",
    "Thành phố Huế", "Thành phố Hải Phòng", "Thành phố Cần Thơ", "tỉnh Quảng Ngãi",
    "tỉnh Đắk Lắk", "tỉnh Khánh Hòa", "tỉnh Quảng Trị", "tỉnh Hà Tĩnh", "tỉnh Nghệ An",
    "tỉnh Thanh Hóa", "tỉnh Ninh Bình", "tỉnh Hưng Yên", "tỉnh Cao Bằng", "tỉnh Lạng Sơn",
    "tỉnh Sơn La", "tỉnh Phú Thọ", "tỉnh Vĩnh Long", "tỉnh An Giang", "tỉnh Tây Ninh",
)  # fmt: skip
PLACE = re.compile(
    r"^(?:[0-9]+[A-Z]?(?:/[0-9]+)? [^,\d]+, )?(?:Phường|Xã) [^,\d]+, "
    rf"(?:{'|'.join(map(re.escape, PROVINCES))})$"
)
NAME = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")
DECISION = re.compile(r"^[1-9][0-9]*-QĐ/(?:TU|ĐU)$")


# -- helpers (independent of the module's own date code) ------------------------------------


@functools.cache
def demo(seed: int = 2026, today: dt.date = TODAY, members: int = 40,
         candidates: int = 5) -> DemoCell:  # fmt: skip
    return generate_demo_cell(seed=seed, today=today, members=members, candidates=candidates)


def add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def birth_span(text: str) -> tuple[dt.date, dt.date]:
    """Earliest and latest day a birth date in ISO, YYYY-MM or YYYY form can mean."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(*parts)
    return day, day


def turned(birth: dt.date, years: int) -> dt.date:
    """The day someone born on ``birth`` reaches ``years`` years of age."""
    return add_months(birth, 12 * years)


def day_of(person: DemoPerson, kind: str) -> dt.date | None:
    for ev in person.events:
        if ev.kind == kind:
            return dt.date.fromisoformat(ev.date)
    return None


def replay(person: DemoPerson) -> dict[str, object]:
    """Status after the events, checking each step is allowed (the register's rules)."""
    state = {"level": "candidate", "exit": None, "exempted": False, "away": False}
    for ev in person.events:
        assert state["exit"] is None, f"{ev.kind} after an exit"
        level = state["level"]
        if ev.kind in ("admission_decision", "ceremony"):
            assert level == "candidate"
            if ev.kind == "ceremony":
                state["level"] = "probationary"
        elif ev.kind == "recognition":
            assert level == "probationary"
            state["level"] = "official"
        else:
            assert level in ("probationary", "official"), f"{ev.kind} for a non-member"
            if ev.kind in EXITS:
                state["exit"] = ev.kind
            elif ev.kind in ("temporary_leave", "temporary_return"):
                assert state["away"] == (ev.kind == "temporary_return")
                state["away"] = ev.kind == "temporary_leave"
            elif ev.kind in ("exemption", "exemption_end"):
                assert state["exempted"] == (ev.kind == "exemption_end")
                state["exempted"] = ev.kind == "exemption"
    return state


def strings(cell: DemoCell):
    yield from cell.cell.values()
    for person in cell.people:
        yield from (v for v in person.fields.values() if isinstance(v, str))
        for ev in person.events:
            yield from (ev.kind, ev.date, ev.reason, ev.reference, ev.place)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))


# -- determinism and shape -------------------------------------------------------------------


def test_same_seed_gives_the_same_cell():
    assert generate_demo_cell(seed=7, today=TODAY) == generate_demo_cell(seed=7, today=TODAY)


def test_different_seeds_give_different_cells():
    names = {tuple(p.fields["full_name"] for p in demo(seed).people) for seed in range(5)}
    assert len(names) == 5


def test_default_today_is_the_current_date():
    assert generate_demo_cell(seed=3) == generate_demo_cell(seed=3, today=dt.date.today())


def test_default_mix_of_forty_members_and_five_candidates():
    cell = demo()
    assert len(cell.people) == 45
    members = [p for p in cell.people if p.events]
    candidates = [p for p in cell.people if not p.events]
    assert (len(members), len(candidates)) == (40, 5)
    states = [replay(p) for p in members]
    current = [s for s in states if s["exit"] is None]
    assert 28 <= sum(s["level"] == "official" for s in current) <= 33
    assert 4 <= sum(s["level"] == "probationary" for s in current) <= 5
    exits = [s["exit"] for s in states if s["exit"]]
    assert exits.count("transfer_out") == 1
    assert exits.count("death") == 1
    assert exits.count("removal") <= 1
    assert sum(bool(s["away"]) for s in current) == 1
    assert sum(bool(s["exempted"]) for s in current) == 2
    assert {p.fields["membership"] for p in cell.people} == {"candidate"}


@pytest.mark.parametrize(("members", "candidates"), [(1, 0), (3, 2), (8, 1), (12, 0), (25, 3),
                                                     (70, 10)])  # fmt: skip
def test_other_sizes(members, candidates):
    cell = demo(seed=members, members=members, candidates=candidates)
    assert sum(bool(p.events) for p in cell.people) == members
    assert sum(not p.events for p in cell.people) == candidates
    assert_secretary_is_active_official(cell)


@pytest.mark.parametrize("bad", [{"members": 0}, {"candidates": -1},
                                 {"today": dt.date(1990, 1, 1)}])  # fmt: skip
def test_bad_arguments_are_refused(bad):
    with pytest.raises(ValueError):
        generate_demo_cell(**bad)


def test_cell_details():
    for seed in SEEDS:
        cell = demo(seed).cell
        assert set(cell) == {"name", "code", "upper_level", "secretary", "address"}
        assert cell["name"].startswith("Chi bộ ")
        assert cell["code"].startswith("CB-")
        assert cell["upper_level"].startswith("Đảng ủy ")
        assert PLACE.match(cell["address"].removeprefix("Nhà văn hóa Khu vực 5, ")), cell


# -- every cell, every day -------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_every_string_is_nfc(seed, today):
    for text in strings(demo(seed, today)):
        assert unicodedata.is_normalized("NFC", text), text


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_fields_are_well_formed(seed, today):
    for person in demo(seed, today).people:
        f = person.fields
        assert set(f) == PERSON_KEYS
        assert 2 <= len(str(f["full_name"]).split()) <= 5 and NAME.match(str(f["full_name"]))
        assert f["sex"] in ("male", "female")
        assert f["ethnicity"] in ETHNICITIES and f["religion"] in RELIGIONS
        assert f["education"] in EDUCATION and f["political_theory"] in THEORY
        assert PLACE.match(str(f["native_place"])), f["native_place"]
        assert PLACE.match(str(f["residence"])), f["residence"]
        assert re.fullmatch(r"(?:0[39][0-9]{8})?", str(f["phone"])), f["phone"]
        recognised = day_of(person, "recognition") is not None
        assert bool(re.fullmatch(r"[0-9]{12}", str(f["party_card_number"]))) == recognised
        assert recognised or f["party_card_number"] == ""
        for key in ("other_names", "profession", "occupation", "notes"):
            assert isinstance(f[key], str)


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_dates_are_past_and_in_order(seed, today):
    for person in demo(seed, today).people:
        text = str(person.fields["birth_date"])
        assert re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", text)
        earliest, latest = birth_span(text)
        assert latest <= today
        if len(text) < 10:
            assert earliest.year < 1960, "partial birth dates are for old records only"
        days = [dt.date.fromisoformat(ev.date) for ev in person.events]
        assert all(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", ev.date) for ev in person.events)
        assert days == sorted(days) and len(set(days)) == len(days)
        assert all(earliest <= d <= today for d in days)


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_histories_follow_the_rules(seed, today):
    for person in demo(seed, today).people:
        if not person.events:
            continue
        assert all(ev.kind in KINDS for ev in person.events)
        assert [ev.kind for ev in person.events[:2]] == ["admission_decision", "ceremony"]
        state = replay(person)
        earliest, latest = birth_span(str(person.fields["birth_date"]))
        decision, ceremony = day_of(person, "admission_decision"), day_of(person, "ceremony")
        recognition = day_of(person, "recognition")
        assert turned(latest, 18) <= decision < turned(earliest, 60)
        assert 1 <= (ceremony - decision).days <= 42
        assert DECISION.match(person.events[0].reference)
        if recognition is None:  # still probationary, or removed while probationary
            assert state["exit"] is not None or add_months(ceremony, 12) > today
        else:
            assert recognition == add_months(ceremony, 12)
            assert DECISION.match(person.events[2].reference)
            assert dt.date(1975, 1, 1) <= decision <= dt.date(2023, 12, 31)
        for ev in person.events:
            if ev.kind in ("transfer_out", "temporary_leave"):
                assert ev.place and ev.reason
            if ev.kind in ("removal", "death", "exemption"):
                assert ev.reason
            if ev.kind == "exemption":
                assert dt.date.fromisoformat(ev.date) >= turned(latest, 70)
                assert ev.reason == "Tuổi cao, sức yếu"


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_probationary_members_are_within_their_first_year(seed, today):
    for person in demo(seed, today).people:
        state = replay(person) if person.events else None
        if state and state["level"] == "probationary" and state["exit"] is None:
            ceremony = day_of(person, "ceremony")
            assert add_months(today, -12) < ceremony <= today


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_candidates_are_young_and_have_no_history(seed, today):
    for person in demo(seed, today).people:
        if person.events:
            continue
        birth = dt.date.fromisoformat(str(person.fields["birth_date"]))
        assert turned(birth, 18) <= today < turned(birth, 36)
        assert person.fields["occupation"] in {"Sinh viên", "Công nhân", "Giáo viên",
                                               "Nhân viên văn phòng"}  # fmt: skip
        assert person.fields["political_theory"] == ""


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_id_numbers_are_real_looking_and_unique(seed, today):
    people = demo(seed, today).people
    numbers = [p.fields["id_number"] for p in people if p.fields["id_number"] is not None]
    assert len(numbers) == len(set(numbers))
    assert len(numbers) >= 0.75 * len(people)
    for person in people:
        number = person.fields["id_number"]
        if number is None:
            continue
        assert isinstance(number, str) and re.fullmatch(r"[0-9]{12}", number)
        assert number[:3] in CCCD_PROVINCES
        year = birth_span(str(person.fields["birth_date"]))[0].year
        century = 0 if year < 2000 else 2
        assert int(number[3]) == century + (person.fields["sex"] == "female")
        assert number[4:6] == f"{year % 100:02d}"
    cards = [p.fields["party_card_number"] for p in people if p.fields["party_card_number"]]
    assert len(cards) == len(set(cards))
    phones = [p.fields["phone"] for p in people if p.fields["phone"]]
    assert len(phones) == len(set(phones))


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_names_fit_the_sex_and_are_unique(seed, today):
    people = demo(seed, today).people
    classic = {v: k for k, v in demo_data.MODERN_TONE_PLACEMENT.items()}
    given = {
        "male": set(demo_data.MALE_GIVEN_CLASSIC + demo_data.MALE_GIVEN_MODERN),
        "female": set(demo_data.FEMALE_GIVEN_CLASSIC + demo_data.FEMALE_GIVEN_MODERN),
    }
    for person in people:
        words = str(person.fields["full_name"]).split()
        sex = person.fields["sex"]
        if "Thị" in words[1:-1]:
            assert sex == "female"
        if "Văn" in words[1:-1]:
            assert sex == "male"
        if person.fields["ethnicity"] == "Ê Đê":
            assert words[0] == "Y" if sex == "male" else words[0].startswith("H'")
        else:
            assert classic.get(words[-1], words[-1]) in given[str(sex)], words
    folded = [fold(str(p.fields["full_name"])) for p in people]
    assert len(folded) == len(set(folded))


def test_both_tone_placements_occur():
    names = " ".join(str(p.fields["full_name"]) for s in SEEDS for p in demo(s).people).split()
    assert {"Hoà", "Thuỷ", "Thuý"} & set(names)
    assert {"Hòa", "Thủy", "Thúy"} & set(names)


def test_family_names_are_realistically_spread():
    names = [str(p.fields["full_name"]).split()[0] for s in SEEDS for p in demo(s).people]
    share = names.count("Nguyễn") / len(names)
    assert 0.2 < share < 0.5
    assert len(set(names)) >= 15


def test_few_partial_birth_dates():
    people = [p for s in SEEDS for p in demo(s).people]
    partial = [p for p in people if len(str(p.fields["birth_date"])) < 10]
    assert 0 < len(partial) <= 0.1 * len(people)


# -- the secretary ---------------------------------------------------------------------------


def assert_secretary_is_active_official(cell: DemoCell) -> None:
    chosen = [p for p in cell.people if p.fields["full_name"] == cell.cell["secretary"]]
    assert len(chosen) == 1
    state = replay(chosen[0])
    assert state == {"level": "official", "exit": None, "exempted": False, "away": False}


@pytest.mark.parametrize(("seed", "today"), CASES)
def test_secretary_is_an_official_member_in_the_cell(seed, today):
    assert_secretary_is_active_official(demo(seed, today))


# -- the register's own validation accepts everything ----------------------------------------


@pytest.mark.parametrize(("seed", "today"), CASES[::3])
def test_register_validation_accepts_the_demo(seed, today):
    from desktop_app.domain.membership import PersonState, apply_event
    from desktop_app.domain.person import EDITABLE, check_person

    for person in demo(seed, today).people:
        data = {name: "" for name in EDITABLE} | person.fields
        checked = check_person(data, today, lambda _ceremony: 12)
        assert not checked.problems, (person.fields["full_name"], checked.problems)
        assert not checked.warnings, (person.fields["full_name"], checked.warnings)
        state = PersonState("candidate")
        for ev in person.events:
            state = apply_event(
                state, ev.kind, dt.date.fromisoformat(ev.date), today, probation_months=12
            )


def test_large_cells_finish_and_namesakes_differ_in_birth_year():
    """Past the name pools a namesake is allowed, never with the same birth year."""
    from desktop_app.domain.names import fold

    cell = generate_demo_cell(seed=7, today=dt.date(2026, 11, 22), members=3000, candidates=50)
    keys = [
        (fold(str(p.fields["full_name"])), str(p.fields["birth_date"])[:4]) for p in cell.people
    ]
    assert len(cell.people) == 3050
    assert len(set(keys)) == len(keys)
