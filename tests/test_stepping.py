"""The steppable match the window drives: views are copies, saves round-trip, bad saves raise
SaveError with file:line, undo stops at what is revealed, and the AI can think on a worker thread."""

from __future__ import annotations

import pytest

from game.engine import IllegalActionError
from game.ruleset import load_base
from game.session.stepping import Match, SaveError, Seat


@pytest.fixture(scope="module")
def rules():
    return load_base()


def new(rules, humans=("stalin",), seed=11):
    return Match.new(rules, "crisis_1923", seed, {f: Seat("human", "simple", f"P {f}") for f in humans})


def test_a_view_shares_nothing_with_the_game(rules):
    m = new(rules)
    digest = m.state.digest()
    view = m.view("stalin")
    view["factions"]["stalin"]["influence"] = 999
    view["offices"].clear()
    view["log"].append([0, "forged", "event"])
    assert m.state.digest() == digest
    assert m.view("stalin")["factions"]["stalin"]["influence"] != 999


def test_save_and_load_round_trip(rules, tmp_path):
    m = new(rules, humans=("stalin", "trotsky"))
    for _ in range(15):
        m.ai_move()
    path = tmp_path / "a.save"
    m.save(path)
    text = path.read_text()
    assert "seats: stalin=human:P_stalin trotsky=human:P_trotsky" in text
    back = Match.load(path, rules)
    assert back.state.digest() == m.state.digest()
    assert back.seats["trotsky"] == Seat("human", "simple", "P trotsky")
    assert back.seats["bukharin"].kind == "ai"


@pytest.mark.parametrize(
    "content, where, words",
    [
        ("hello\n", 1, "not a Succession replay"),
        ("# Succession replay\nformat: 2\nscenario: crisis_1923\nseed: 1\nactions:\n", 2, "format 2 is not supported"),
        ("# Succession replay\nformat: 1\nscenario: crisis_1923\nseed: 1\n", 5, "missing 'actions:'"),
        (
            "# Succession replay\nformat: 1\nscenario: crisis_1923\nseed: 1\nactions:\nrecant stalin\n",
            6,
            "not a legal action",
        ),
        (
            "# Succession replay\nformat: 1\nscenario: crisis_1923\nseed: 1\nseats: stalin=king\nactions:\n",
            5,
            "a seat is",
        ),
        (
            "# Succession replay\nformat: 1\nscenario: crisis_1923\nseed: 1\nseats: tsar=ai:simple\nactions:\n",
            5,
            "unknown faction",
        ),
    ],
)
def test_bad_saves_raise_save_error_with_the_line(rules, tmp_path, content, where, words):
    path = tmp_path / "bad.save"
    path.write_text(content)
    with pytest.raises(SaveError) as err:
        Match.load(path, rules)
    assert str(err.value).startswith(f"{path}:{where}:") and words in str(err.value)


def test_unreadable_save(rules, tmp_path):
    with pytest.raises(SaveError, match=r":1: cannot read"):
        Match.load(tmp_path / "missing.save", rules)


def test_undo_is_only_for_the_human_whose_turn_it_is(rules):
    m = new(rules, humans=("stalin",))
    while m.active != "stalin":
        m.ai_move()
    assert not m.can_undo()
    start = m.state.digest()
    m.submit(next(a for a in m.legal() if a.name == "cultivate_figure"))
    assert not m.can_undo()  # another seat is to act
    with pytest.raises(IllegalActionError):
        m.undo()
    while m.active != "stalin" and m.turn == 0:
        m.ai_move()
    assert m.can_undo()
    m.undo()
    assert m.state.digest() == start and m.active == "stalin"


def test_a_new_quarter_ends_undo(rules):
    m = new(rules, humans=("stalin",))
    turn = m.turn
    while m.turn == turn:
        if m.active == "stalin":
            m.submit(next(a for a in m.legal() if a.name == "pass_turn"))
        else:
            m.ai_move()
    while m.active != "stalin":
        m.ai_move()
    assert not m.can_undo()


def test_the_ai_thinks_on_another_thread(rules):
    import threading

    m = new(rules, humans=())
    bot = m._bots[m.active]
    threads = []

    class Spy:
        def choose(self, *args):
            threads.append(threading.current_thread().name)
            return bot.choose(*args)

    m._bots[m.active] = Spy()
    action, reason = m.think_async().result()
    assert threads and threads[0] != threading.main_thread().name
    assert action in m.legal() and reason
    m.submit(action)
    m.close()
