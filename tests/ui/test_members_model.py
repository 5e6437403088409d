"""PeopleModel, PeopleFilterProxy and EventsModel without widgets, plus qtmodeltester."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from desktop_app.domain.membership import EXITS, STATUS_LABELS
from desktop_app.domain.names import name_sort_key, sort_key_text
from desktop_app.services import members
from desktop_app.services.views import EventView, PersonView
from desktop_app.ui.models import events_model, people_model
from desktop_app.ui.models.events_model import EventsModel
from desktop_app.ui.models.people_model import (
    STATUS_GROUPS,
    PeopleFilterProxy,
    PeopleModel,
    column_header,
    status_group_label,
    two_lines,
)
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.date_edit import tidy_date_text


def person(name: str, **values: object) -> PersonView:
    """A PersonView with sensible defaults (no register needed)."""
    defaults: dict[str, object] = {f.name: "" for f in dataclasses.fields(PersonView)}
    defaults |= {
        "id": f"id-{name}",
        "version": 1,
        "full_name": name,
        "sex": "female",
        "birth_date": None,
        "id_number": None,
        "membership": "official",
        "status": "official",
        "exempted": False,
        "temporarily_away": False,
        "admission_decision_date": None,
        "ceremony_date": None,
        "official_date": None,
        "exit_date": None,
        "sort_key": sort_key_text(name),  # what the service stores with the person
    }
    return PersonView(**(defaults | values))


PEOPLE = [
    person(
        "Nguyễn Thị An",
        birth_date="1980-05-02",
        id_number="052180123456",
        ceremony_date="2005-03-01",
        official_date="2006-03-01",
        phone="0912345678",
    ),
    person(
        "Lê Văn An",
        sex="male",
        birth_date="1975",
        status="probationary",
        membership="probationary",
        ceremony_date="2026-04-01",
    ),
    person(
        "Đỗ Văn Bình", sex="male", birth_date="1990-07", status="candidate", membership="candidate"
    ),
    person("Trần Thị Ánh", status="transferred_out", exit_date="2024-01-02"),
    person("Phạm Thị Phương Thảo", exempted=True),
    person("Hồ Thị Thủy", status="deceased"),
]


@pytest.fixture
def model() -> PeopleModel:
    model = PeopleModel()
    model.set_rows(PEOPLE)
    return model


@pytest.fixture
def proxy(model: PeopleModel) -> PeopleFilterProxy:
    proxy = PeopleFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def names(proxy: PeopleFilterProxy) -> list[str]:
    return [proxy.index(r, people_model.NAME).data() for r in range(proxy.rowCount())]


def test_qtmodeltester_people(qtmodeltester, model: PeopleModel) -> None:
    qtmodeltester.check(model, force_py=True)


def test_qtmodeltester_proxy(qtmodeltester, proxy: PeopleFilterProxy) -> None:
    proxy.sort(people_model.NAME)
    proxy.set_status_group("active")
    proxy.set_filter_ids(["id-Nguyễn Thị An", "id-Lê Văn An"])
    qtmodeltester.check(proxy, force_py=True)


def test_qtmodeltester_events(qtmodeltester) -> None:
    model = EventsModel()
    model.set_rows(
        [
            EventView("e1", "p", "ceremony", "2020-01-02", "", "", "", "t1"),
            EventView(
                "e2",
                "p",
                "transfer_out",
                "2024-03-04",
                "chuyển công tác",
                "12-QĐ/ĐU",
                "Chi bộ Phường 5",
                "t2",
            ),
        ]
    )
    qtmodeltester.check(model, force_py=True)


def test_columns_and_vietnamese_headers(model: PeopleModel) -> None:
    headers = [model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ") for c in range(8)]
    assert headers[:3] == ["Họ và tên", "Giới tính", "Ngày sinh"]
    assert headers[people_model.ID_NUMBER] == "Số định danh cá nhân"
    assert headers[people_model.CEREMONY] == "Ngày vào Đảng"
    assert headers[people_model.OFFICIAL] == "Ngày chính thức"
    assert headers[people_model.STATUS] == column_header(people_model.STATUS)
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(people_model.OFFICIAL, Qt.Orientation.Horizontal) == (
        "Ngày\nchính thức"
    )  # narrow date columns get two-line headers
    assert (
        model.headerData(
            people_model.OFFICIAL, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        == "Ngày chính thức"
    )
    assert model.columnCount() == 8 and model.rowCount() == len(PEOPLE)


def test_two_lines() -> None:
    assert two_lines("Ngày vào Đảng") == "Ngày\nvào Đảng"
    assert two_lines("Số định danh cá nhân") == "Số định\ndanh cá nhân"
    assert two_lines("Tên") == "Tên"


def test_display_texts(model: PeopleModel) -> None:
    row = [model.index(0, c).data() for c in range(8)]
    assert row == [
        "Nguyễn Thị An",
        "Nữ",
        "02/05/1980",
        "Chính thức",
        "01/03/2005",
        "01/03/2006",
        "•••••••••456",  # only the last 3 digits (domain/id_mask.py)
        "0912345678",
    ]
    assert model.index(1, people_model.BIRTH).data() == "1975"
    assert model.index(2, people_model.BIRTH).data() == "07/1990"
    assert model.index(1, people_model.SEX).data() == "Nam"
    assert model.index(3, people_model.STATUS).data() == STATUS_LABELS["transferred_out"]
    assert model.index(4, people_model.STATUS).data() == "Chính thức (miễn SH)"
    assert model.column_texts(people_model.SEX) == ["Nữ", "Nam", "Nam", "Nữ", "Nữ", "Nữ"]


def test_object_role_and_row_lookup(model: PeopleModel) -> None:
    assert model.index(2, 5).data(ObjectRole) is PEOPLE[2]
    assert model.row_of("id-Đỗ Văn Bình") == 2
    assert model.row_of("nobody") is None


def test_people_who_left_are_greyed(model: PeopleModel) -> None:
    assert model.index(3, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_name_sort_is_vietnamese(proxy: PeopleFilterProxy) -> None:
    proxy.sort(people_model.NAME)
    expected = sorted((p.full_name for p in PEOPLE), key=name_sort_key)
    assert names(proxy) == expected
    # given name first: both "An" come before "Ánh", "Bình" and "Thảo"; then the middle name
    assert names(proxy)[:2] == ["Nguyễn Thị An", "Lê Văn An"]
    assert names(proxy).index("Trần Thị Ánh") < names(proxy).index("Đỗ Văn Bình")
    proxy.sort(people_model.NAME, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == expected[::-1]


def test_sort_role_is_the_stored_vietnamese_key(model: PeopleModel) -> None:
    assert model.index(0, people_model.NAME).data(SortRole) == sort_key_text("Nguyễn Thị An")


def test_date_sort_puts_missing_last(proxy: PeopleFilterProxy) -> None:
    proxy.sort(people_model.BIRTH)
    births = [proxy.index(r, people_model.BIRTH).data() for r in range(proxy.rowCount())]
    assert births[:3] == ["1975", "02/05/1980", "07/1990"]
    assert births[3:] == ["", "", ""]


def test_status_groups(proxy: PeopleFilterProxy) -> None:
    expected = {"all": 6, "active": 3, "official": 2, "probationary": 1, "candidate": 1, "left": 2}
    for key, count in expected.items():
        proxy.set_status_group(key)
        assert proxy.rowCount() == count, key
    proxy.set_status_group("left")
    assert {proxy.index(r, 0).data(ObjectRole).status for r in range(2)} <= set(EXITS)
    with pytest.raises(KeyError):
        proxy.set_status_group("nope")


def test_status_group_labels_use_domain_names() -> None:
    assert status_group_label("official") == "Chính thức"
    assert status_group_label("probationary") == "Dự bị"
    assert status_group_label("candidate") == "Quần chúng"
    assert all(status_group_label(k) for k in STATUS_GROUPS)


def test_filter_ids_combine_with_status(proxy: PeopleFilterProxy) -> None:
    proxy.set_filter_ids(["id-Lê Văn An", "id-Trần Thị Ánh"])
    assert sorted(names(proxy)) == ["Lê Văn An", "Trần Thị Ánh"]
    proxy.set_status_group("active")
    assert names(proxy) == ["Lê Văn An"]
    proxy.set_filter_ids([])
    assert names(proxy) == []
    proxy.set_filter_ids(None)
    assert proxy.rowCount() == 3


def test_set_rows_resets(model: PeopleModel, qtbot) -> None:
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(PEOPLE[:2])
    assert model.rowCount() == 2
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_events_newest_first_with_labels() -> None:
    model = EventsModel()
    model.set_rows(
        [
            EventView("e1", "p", "ceremony", "2020-01-02", "", "", "", "t1"),
            EventView("e2", "p", "transfer_out", "2024-03-04", "", "", "Phường 5", "t2"),
        ]
    )
    assert model.index(0, events_model.DATE).data() == "04/03/2024"
    assert model.index(0, events_model.KIND).data() == "Chuyển sinh hoạt đi"
    assert model.index(1, events_model.KIND).data() == "Lễ kết nạp"
    assert model.index(0, 0).data(ObjectRole).id == "e2"


def test_demo_register_in_model(demo_register, qtmodeltester) -> None:
    """The real demo list, loaded on the database thread, sorts like name_sort_key."""
    runner = TaskRunner()
    runner.adopt(demo_register)
    try:
        rows = runner.submit(members.list_people).result(timeout=30)
        runner.wait_idle()
    finally:
        runner.shutdown()
    model = PeopleModel()
    model.set_rows(rows)
    proxy = PeopleFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(people_model.NAME)
    shown = names(proxy)
    assert len(shown) == len(rows) >= 40
    assert shown == sorted(shown, key=name_sort_key)
    qtmodeltester.check(proxy, force_py=True)


@given(st.lists(st.text(alphabet="abcđêơ", min_size=1, max_size=8), min_size=1, max_size=6))
def test_two_lines_keeps_every_word(words: list[str]) -> None:
    text = " ".join(words)
    split = two_lines(text)
    assert split.replace("\n", " ") == text
    assert split.count("\n") == (1 if len(words) > 1 else 0)


@pytest.mark.parametrize(
    ("typed", "tidy"),
    [
        ("5/3/1985", "05/03/1985"),
        ("05031985", "05/03/1985"),
        ("3/1985", "03/1985"),
        ("1985", "1985"),
        ("1985-03-05", "05/03/1985"),
        ("", ""),
        ("31/02/1985", "31/02/1985"),
        ("abc", "abc"),
    ],
)
def test_tidy_date_text(typed: str, tidy: str) -> None:
    assert tidy_date_text(typed) == tidy
