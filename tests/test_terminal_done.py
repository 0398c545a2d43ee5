"""The terminal's turn after a move, as the window's: the prompt offers Done (Enter or ``d``), which
lets the next seat move, and ``u``, which takes the move back."""

from __future__ import annotations

import pytest

from game.terminal import Quit
from tests.test_terminal import _human_at_actions, _seat


def test_d_after_a_move_is_done_and_the_next_seat_moves(rules):
    m = _human_at_actions(rules)
    n = len(m.record.actions)
    seat, out = _seat(m, ["5", "1", "d"])  # speak at a plenum, then done
    with pytest.raises(Quit):
        seat.play()
    asked = [line for line in out if "take it back" in line]
    assert asked and "d: done" in asked[0]
    assert not any(line.startswith("Taken back") for line in out)
    assert m.record.actions[n].faction == "stalin" and m.record.actions[n].name == "speak_at_plenum"
    assert len(m.record.actions) > n + 1 and m.record.actions[n + 1].faction != "stalin"  # the others moved
