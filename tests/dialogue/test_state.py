"""The conversation state as stored: a round trip, and whatever JSON is found, a usable state."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.dialogue.state import REMEMBERED_MAX, State, added

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
                    max_leaves=20)


def test_round_trip():
    state = State(entry="a", family="batch-endpoints", lang="ko", asked_lang="ko", shown=("a", "b"), rejected=("c",))
    assert State.from_json(state.to_json()) == state


@given(JSON)
def test_any_stored_json_reads_as_a_state(data):
    assert isinstance(State.from_json(data), State)


def test_lists_stay_bounded():
    items: tuple[str, ...] = ()
    for number in range(REMEMBERED_MAX * 2):
        items = added(items, f"e{number}")
    assert len(items) == REMEMBERED_MAX and items[-1] == f"e{REMEMBERED_MAX * 2 - 1}"
    assert added(("a", "b"), "a") == ("b", "a")
