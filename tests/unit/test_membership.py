import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import StateError
from desktop_app.domain.membership import EVENT_KINDS, PersonState, apply_event

TODAY = dt.date(2026, 11, 22)
D = dt.date


def run(state, *steps):
    for kind, on in steps:
        state = apply_event(state, kind, on, TODAY, probation_months=12)
    return state


def test_candidate_to_official():
    state = run(
        PersonState("candidate"),
        ("admission_decision", D(2024, 3, 1)),
        ("ceremony", D(2024, 3, 20)),
        ("recognition", D(2025, 3, 20)),
    )
    assert state.status == "official"
    assert state.ceremony_date == D(2024, 3, 20)
    assert state.official_date == D(2025, 3, 20)


def test_probation_is_counted_from_the_ceremony_not_the_decision():
    state = run(
        PersonState("candidate"),
        ("admission_decision", D(2024, 3, 1)),
        ("ceremony", D(2024, 3, 20)),
    )
    with pytest.raises(StateError, match="12 tháng"):
        apply_event(state, "recognition", D(2025, 3, 1), TODAY, probation_months=12)


@pytest.mark.parametrize(
    ("state", "kind", "words"),
    [
        (PersonState("candidate"), "ceremony", "chưa ghi quyết định"),
        (PersonState("candidate"), "recognition", "Quần chúng"),
        (PersonState("official"), "ceremony", "Chính thức"),
        (
            PersonState("official", exit="deceased", exit_date=D(2020, 1, 1)),
            "transfer_out",
            "Từ trần",
        ),
        (PersonState("official", exempted=True), "exemption", "đã"),
        (PersonState("official"), "exemption_end", "chưa"),
        (PersonState("official"), "nonsense", "Không có loại"),
    ],
)
def test_refused_events(state, kind, words):
    with pytest.raises(StateError, match=words):
        apply_event(state, kind, D(2025, 1, 1), TODAY, probation_months=12)


def test_future_event_refused():
    with pytest.raises(StateError, match="tương lai"):
        apply_event(
            PersonState("official"), "transfer_out", D(2026, 12, 1), TODAY, probation_months=12
        )


def test_exits_and_return():
    state = run(PersonState("official"), ("transfer_out", D(2025, 5, 1)))
    assert state.status == "transferred_out" and not state.in_cell
    state = run(state, ("transfer_in", D(2025, 9, 1)))
    assert state.status == "official" and state.in_cell


def test_overlays_do_not_change_status():
    state = run(
        PersonState("official"), ("exemption", D(2025, 1, 1)), ("temporary_leave", D(2025, 2, 1))
    )
    assert state.status == "official" and state.exempted and state.temporarily_away


def test_event_before_exit_refused():
    state = run(PersonState("official"), ("transfer_out", D(2025, 5, 1)))
    with pytest.raises(StateError, match="trước ngày ra khỏi"):
        apply_event(state, "transfer_in", D(2025, 4, 1), TODAY, probation_months=12)


@given(st.lists(st.sampled_from(sorted(EVENT_KINDS)), max_size=12))
def test_any_sequence_keeps_a_valid_state(kinds):
    """Whatever is attempted, a refused event changes nothing and the state stays coherent."""
    state, on = PersonState("candidate"), D(2000, 1, 1)
    for kind in kinds:
        on = on.replace(year=on.year + 1)
        try:
            state = apply_event(state, kind, on, TODAY, probation_months=12)
        except StateError:
            continue
        assert (state.exit is None) == (state.exit_date is None)
        if state.membership == "official" and state.ceremony_date:
            assert state.official_date >= state.ceremony_date
