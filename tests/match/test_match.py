"""The match object: stepping, seats, undo, bots on a worker thread."""

import pytest

from game.ai import UnknownLevelError, make_bot
from game.engine import Action, IllegalActionError, apply_action, new_game, player_view
from game.engine.views import LogView
from game.match import saves
from game.match.driver import Driver
from game.match.headless import play
from game.match.match import Match, Seat, SeatError, UndoError, is_undoable

SCENARIO = "crisis_1923"


def _to_human_turn(match):
    """Let the bots play until a human seat is to act in the actions phase."""
    while not match.over and not (match.seat().is_human and match.state.phase == "actions"):
        if match.seat().is_human:
            match.submit(match.legal()[0])  # a choice of an event: the first option
        else:
            match.ai_move()
    return match


def test_a_match_steps_to_its_end_like_the_closed_loop(rules):
    m = Match.new(rules, SCENARIO, 5)
    assert set(m.seats) == set(m.state.factions) and all(not s.is_human for s in m.seats.values())
    turns = []
    m.on_turn_end = lambda mm: turns.append(mm.state.turn)
    while not m.over:
        assert m.active == m.state.active and m.legal()
        move = m.ai_move()
        assert move.reason and all(isinstance(e, LogView) for e in move.entries)
    assert m.active is None and m.legal() == ()
    state, record = play(rules, SCENARIO, 5)
    assert m.digest() == state.digest() and m.record.actions == record.actions
    assert m.record.final == record.final == state.digest()
    # each quarter's close, then the end of the game (which does not open another quarter)
    assert turns[:-1] == list(range(1, len(turns))) and turns[-1] == state.turn


def test_submit_checks_legality_and_changes_nothing_when_refused(rules):
    m = Match.new(rules, SCENARIO, 5, {"trotsky": Seat("human", name="Ann")})
    before = m.digest()
    with pytest.raises(IllegalActionError):
        m.submit(Action("pass_turn", "nobody"))
    assert m.digest() == before and m.record.actions == []


def test_seats_are_checked(rules):
    with pytest.raises(SeatError, match="human"):
        Seat("robot")
    with pytest.raises(SeatError, match="difficulty"):
        Seat("ai", "impossible")
    with pytest.raises(SeatError, match="not a faction"):
        Match.new(rules, SCENARIO, 1, {"lenin": Seat("human")})
    with pytest.raises(UnknownLevelError, match="levels: simple"):
        make_bot("grandmaster", "stalin", 1)


def test_undo_takes_back_a_human_action_exactly(rules):
    m = _to_human_turn(Match.new(rules, SCENARIO, 11, {"stalin": Seat("human")}))
    me = m.active
    quiet = [a for a in m.legal() if is_undoable(m.state, apply_action(m.state, rules, a))]
    assert quiet, "some action of the turn draws nothing and reveals nothing"
    before, n = m.digest(), len(m.record.actions)
    entries = m.submit(quiet[0])
    assert m.can_undo()
    assert all(isinstance(e, LogView) for e in entries)
    assert m.undo() == quiet[0]
    assert m.digest() == before and len(m.record.actions) == n and m.active == me
    assert not m.can_undo()
    with pytest.raises(UndoError):
        m.undo()


def test_undo_ends_when_another_seat_moves(rules):
    m = _to_human_turn(Match.new(rules, SCENARIO, 11, {"stalin": Seat("human")}))
    quiet = next(a for a in m.legal() if is_undoable(m.state, apply_action(m.state, rules, a)))
    m.submit(quiet)
    assert m.active is not None and not m.seat().is_human  # round-robin: a bot moves next
    assert m.can_undo()  # until it does, the action can be taken back
    m.ai_move()
    assert not m.can_undo()


def test_bot_actions_are_never_undoable(rules):
    m = Match.new(rules, SCENARIO, 11)
    for _ in range(10):
        m.ai_move()
        assert not m.can_undo()


def test_undo_ends_when_the_generator_is_drawn(rules):
    state = new_game(rules, SCENARIO, 11)
    after = state.clone()
    after.roll(100)
    assert not is_undoable(state, after)
    after = state.clone()
    after.turn += 1
    assert not is_undoable(state, after)
    after = state.clone()
    after.votes.append({"turn": 0})
    assert not is_undoable(state, after)
    assert is_undoable(state, state.clone())


def test_an_action_that_ends_the_quarter_cannot_be_undone(rules):
    """Every action that closes a quarter runs its votes and the next events: never undoable."""
    m = Match.new(rules, SCENARIO, 2, {f: Seat("human") for f in ("stalin", "trotsky", "zinoviev", "bukharin")})
    seen_close = False
    while not m.over and m.state.turn < 2:
        turn = m.state.turn
        m.submit(m.legal()[-1] if m.state.phase == "actions" else m.legal()[0])
        if m.state.turn != turn:
            seen_close = True
            assert not m.can_undo()
    assert seen_close


def test_a_driver_thinks_off_the_calling_thread_and_agrees_with_think(rules):
    import threading

    a = Match.new(rules, SCENARIO, 9)
    b = Match.new(rules, SCENARIO, 9)
    caller = threading.get_ident()
    seen = []
    a.bots[a.active] = _Spy(a.bots[a.active], seen)
    driver = Driver()
    future = driver.think(a)
    assert driver.think(a) is future  # the same position: the same thinking
    thought = future.result(timeout=None)
    assert seen and seen[0] != caller
    assert (thought.action, thought.reason) == b.think()
    move = driver.play(a, future)  # uses the finished thinking
    assert move.action == thought.action
    driver.close()


class _Spy:
    def __init__(self, bot, seen):
        self.bot, self.seen, self.state = bot, seen, bot.state

    def __deepcopy__(self, memo):  # the thinking copy reports to the same list
        import copy

        return _Spy(copy.deepcopy(self.bot, memo), self.seen)

    def choose(self, view, legal, rules):
        import threading

        self.seen.append(threading.get_ident())
        return self.bot.choose(view, legal, rules)


def test_a_view_is_handed_out_again_until_the_game_moves(rules):
    m = Match.new(rules, SCENARIO, 9)
    first = m.view("stalin")
    assert m.view("stalin") is first and m.view("trotsky") is not first
    m.ai_move()
    again = m.view("stalin")
    assert again is not first and again == player_view(m.state, rules, "stalin")


def test_the_computers_reasons_are_kept_saved_and_shown_after_the_game(rules, tmp_path):
    from game.match.match import Match, Seat
    from game.present import ending

    m = Match.new(rules, "crisis_1923", 5, {"trotsky": Seat("human")})
    while not (len(m.record.actions) > 6 and m.active == "trotsky"):
        if m.active == "trotsky":  # the human's moves carry no reason
            m.submit(m.legal()[-1])
        else:
            m.ai_move()
    ai_moves = sum(a.faction != "trotsky" for a in m.record.actions)
    assert ai_moves and len(m.reasons) == ai_moves  # every computer move with its reason
    assert all(f != "trotsky" and reason for _i, _d, f, reason in m.reasons)
    lines = ending.reason_lines(rules, m)
    assert len(lines) == ai_moves and all(line.endswith(".") for line in lines)  # a sentence each
    saves.write(m, tmp_path / "g.save")
    again = saves.read(tmp_path / "g.save", rules)
    assert again.reasons == m.reasons
    m.submit(m.legal()[0])  # a human move carries no reason
    assert len(m.reasons) == ai_moves
