"""The terminal on a match: each human seat's own view, actions in fixed places, commands, scripted input."""

import re

import pytest

from game.engine import apply_action
from game.match import saves
from game.match.match import Match, Seat, is_undoable
from game.terminal import Quit, TerminalSeat, ask_faction

SCENARIO = "crisis_1923"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _seat(match, answers):
    """A terminal seat reading ``answers`` in turn, then the end of input (the player leaves);
    ``out`` holds what it wrote and the prompts it asked."""
    feed, out = iter(answers), []

    def read(prompt):
        out.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return TerminalSeat(match, read=read, write=out.append), out


def _human_at_actions(rules, faction="stalin", seed=4, scenario=SCENARIO, others=None):
    seats = {faction: Seat("human", name="Ann")} | (others or {})
    m = Match.new(rules, scenario, seed, seats)
    while m.over is False and not (m.seat().is_human and m.state.phase == "actions"):
        m.submit(m.legal()[0]) if m.seat().is_human else m.ai_move()
    return m


def test_bad_input_is_asked_again_and_the_menu_leads_to_an_action(rules):
    m = _human_at_actions(rules)
    n = len(m.record.actions)
    seat, out = _seat(m, ["zzz", "99", "5", "1"])  # 5: speak at a plenum, then its first issue
    with pytest.raises(Quit):
        seat.play()
    assert sum("Please type a number" in line for line in out) == 2
    assert m.record.actions[n].name == "speak_at_plenum"


def test_every_action_keeps_its_place_in_the_menu(rules):
    m = _human_at_actions(rules)
    seat, out = _seat(m, [])
    with pytest.raises(Quit):
        seat.play()
    start = len(out) - out[::-1].index("What will you do?")
    menu = out[start : start + len(rules.actions)]
    for number, rule in enumerate(rules.actions.values(), 1):
        assert menu[number - 1].strip().startswith(f"{number}.") and rule.name in menu[number - 1]
    assert "Break a bloc" in menu[9] and not menu[0].strip().startswith("1. Break")


def test_an_unavailable_action_says_why(rules):
    m = _human_at_actions(rules)
    seat, out = _seat(m, ["14"])  # recant: only for a faction in disgrace
    with pytest.raises(Quit):
        seat.play()
    assert any(line.startswith("Recant: not now — not while active") for line in out)


def test_targets_show_forecasts_and_back_returns_to_the_menu(rules):
    m = _human_at_actions(rules)
    n = len(m.record.actions)
    seat, out = _seat(m, ["6", "0", "6", "1"])
    with pytest.raises(Quit):
        seat.play()
    assert any("this motion would" in line for line in out)
    assert any(line.strip() == "0. back" for line in out)
    assert m.record.actions[n].name == "propose_motion"


def test_waiting_with_points_left_asks_first(rules):
    m = _human_at_actions(rules)
    n = len(m.record.actions)
    wait = str(list(rules.actions).index("pass_turn") + 1)  # every action keeps its place: Wait is last
    seat, out = _seat(m, [wait, "n", wait, "y"])
    with pytest.raises(Quit):
        seat.play()
    assert sum("Are you sure?" in line for line in out) == 2
    assert (
        m.record.actions[n].name == "pass_turn" and len([a for a in m.record.actions[n:] if a.faction == "stalin"]) == 1
    )


def test_undo_takes_the_move_back(rules):
    m = _human_at_actions(rules)
    before = m.digest()
    speak = next(a for a in m.legal() if a.name == "speak_at_plenum")
    assert is_undoable(m.state, apply_action(m.state, rules, speak))
    seat, out = _seat(m, ["5", "1", "u"])  # speak at a plenum, then take it back at once
    with pytest.raises(Quit):
        seat.play()
    assert any(line.startswith("Taken back: Speak at a plenum") for line in out)
    assert m.digest() == before and m.active == "stalin" and not m.can_undo()


def test_save_by_name_then_load_it(rules, data_dir):
    m = _human_at_actions(rules)
    seat, out = _seat(m, ["save first quarter", "save ../x"])
    with pytest.raises(Quit):
        seat.play()
    assert any(line.startswith("Saved as 'first quarter'") for line in out)
    assert any("cannot name a save" in line for line in out)
    assert saves.load_named("first quarter", rules).digest() == m.digest()


def test_help_regions_and_votes(rules):
    m = _human_at_actions(rules)
    seat, out = _seat(m, ["h", "r", "v"])
    with pytest.raises(Quit):
        seat.play()
    text = "\n".join(out)
    assert "save NAME" in text and "Delegates" in text
    assert ("No vote has been held yet." in text) or ("carried" in text or "defeated" in text)


def test_a_scripted_game_reaches_its_end(rules):
    m = Match.new(rules, SCENARIO, 3, {"zinoviev": Seat("human")})
    out = []

    def read(prompt):  # a player who answers every event with its first option and always waits
        out.append(prompt)
        if "y/n" in prompt:
            return "y"
        if prompt.startswith("your move"):
            return "1" if m.state.phase == "choice" else str(list(rules.actions).index("pass_turn") + 1)
        return ""

    TerminalSeat(m, read=read, write=out.append).play()
    assert m.over and any("--- since you last acted ---" in line for line in out)
    assert sum(line == "What will you do?" for line in out) >= m.state.turn


def test_the_screen_shows_only_the_faction_view(rules):
    m = _human_at_actions(rules)
    m.state.cultivation["trotsky"]["kalinin"] = 50
    seat, out = _seat(m, [])
    with pytest.raises(Quit):
        seat.play()
    assert not any("Kalinin +50" in line for line in out)


def test_hot_seat_hands_over_and_shows_nothing_private_before_the_confirmation(rules):
    m = Match.new(rules, SCENARIO, 4, {"stalin": Seat("human", name="Ann"), "trotsky": Seat("human", name="Bob")})
    answers = []
    for _ in range(60):
        answers += ["2", "1", ""]  # cultivate the first figure offered; Enter at a hand-off or undo prompt
    seat, out = _seat(m, answers)
    with pytest.raises(Quit):
        seat.play()
    handoffs = [i for i, line in enumerate(out) if line.strip().startswith("=== Hand over to")]
    assert handoffs and any("Bob (Trotsky" in out[i] for i in handoffs)
    for i in handoffs:  # the hand-off asks for the confirmation before anything else is shown
        assert out[i + 1] == "press Enter when ready> "
    contacts = {f: {rules.figures[fig].name for fig in m.state.cultivation[f]} for f in ("stalin", "trotsky")}
    assert contacts["stalin"] and contacts["trotsky"]
    screens = [i for i, line in enumerate(out) if re.match(r"^=== \d{4}-Q\d", line)] + [len(out)]
    for start, end in zip(screens, screens[1:], strict=False):
        me = "stalin" if "Stalin" in out[start] else "trotsky"
        other = "trotsky" if me == "stalin" else "stalin"
        shown = " ".join(line for line in out[start:end] if line.startswith("Your secret contacts:"))
        for name in contacts[other] - contacts[me]:
            assert f"{name} +" not in shown


def test_quit_and_end_of_input(rules):
    m = _human_at_actions(rules)
    seat, _ = _seat(m, ["q"])
    with pytest.raises(Quit):
        seat.play()

    def eof(_prompt):
        raise EOFError

    assert ask_faction(rules, ("stalin", "trotsky"), read=eof) is None
    assert ask_faction(rules, ("stalin", "trotsky"), read=lambda _p: "2") == "trotsky"


def test_choosing_a_scenario(rules):
    from game.present.phrases import scenario_order
    from game.terminal import ask_scenario

    out = []
    answers = iter(["zz", "3"])
    picked = ask_scenario(rules, "succession_1923", read=lambda _p: next(answers), write=out.append)
    assert picked == scenario_order(rules)[2]
    assert any("Please type a number" in line for line in out)
    assert any("(Enter)" in line and "The Succession" in line for line in out)
    assert ask_scenario(rules, "succession_1923", read=lambda _p: "", write=out.append) == "succession_1923"
    assert ask_scenario(rules, "succession_1923", read=lambda _p: "q", write=out.append) is None
    kinds = [rules.scenarios[s].kind for s in scenario_order(rules)]
    assert kinds == sorted(kinds, key=["campaign", "classroom", "counterfactual"].index)


def test_the_briefing_opens_the_game_and_b_shows_it_again(rules):
    m = Match.new(rules, "testament_1923", 1)
    actor = m.active
    m.seats[actor] = Seat("human")
    m.bots.pop(actor)
    brief = rules.scenarios["testament_1923"].briefings[actor]
    seat, out = _seat(m, ["b"])
    with pytest.raises(Quit):
        seat.play()
    text = " ".join(out)
    assert text.count("Your situation:") == 2  # at the start, and again on b
    assert "What if:" in text  # a counterfactual states its premise
    assert " ".join(brief.aims.split()[:6]) in " ".join(text.split())


# answers that look like numbers but are not menu numbers: str.isdigit() accepts the first three
# (int('²') raises), and int() of the last is refused by Python's limit on digits
NOT_MENU_NUMBERS = ["٣", "²", "３", "9" * 5000]


@pytest.mark.parametrize("bad", NOT_MENU_NUMBERS, ids=["arabic-indic", "superscript", "full-width", "5000-digits"])
def test_prompts_ask_again_on_digits_that_are_not_menu_numbers(rules, fresh, bad):
    from game.present.phrases import scenario_order
    from game.terminal import ask_scenario

    def scripted(answers):
        feed, out = iter(answers), []
        return (lambda _p: next(feed)), out

    read, out = scripted([bad, "2"])
    assert ask_faction(rules, ("stalin", "trotsky"), read=read, write=out.append) == "trotsky"
    assert sum("Please type a number from 1 to 2" in line for line in out) == 1

    read, out = scripted([bad, "3"])
    assert ask_scenario(rules, "succession_1923", read=read, write=out.append) == scenario_order(rules)[2]
    assert sum("Please type a number" in line for line in out) == 1

    # an event's choice, then the action menu (both levels)
    m = Match.new(rules, "succession_1923", 1, {"trotsky": Seat("human")})
    while not m.seat().is_human:
        m.ai_move()
    seat, out = _seat(m, [bad, "1", bad, "6", bad, "1"])
    with pytest.raises(Quit):
        seat.play()
    assert sum("Please type a number" in line for line in out) >= 2
    assert m.record.actions  # the answers after each bad one were taken


def test_the_retry_message_says_what_is_wrong():
    from game.terminal import _retry

    assert "digits 0-9" in _retry(1, 5, "３")
    assert "5000 digits" in _retry(1, 5, "9" * 5000)
    assert _retry(1, 5, "zz") == "Please type a number from 1 to 5"


def test_input_that_is_not_text_is_asked_again(rules):
    answers = iter([None, "1"])

    def read(_prompt):
        answer = next(answers)
        if answer is None:
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
        return answer

    out = []
    assert ask_faction(rules, ("stalin", "trotsky"), read=read, write=out.append) == "stalin"
    assert sum("Please type a number" in line for line in out) == 1


def test_regions_explain_each_delegation_with_the_engines_numbers(rules):
    m = _human_at_actions(rules)
    seat, out = _seat(m, ["r"])
    with pytest.raises(Quit):
        seat.play()
    view = m.view("stalin")
    for rid, r in view.regions.items():
        line = next(x for x in out if x.strip().startswith(f"{rules.regions[rid].name}: {r.delegates} delegates"))
        assert f"hold {r.why.hold} + bureaucracy {r.why.bonus} = {r.why.hold + r.why.bonus}" in line
    tracker = rules.settings.roles.bureaucracy
    bonus = next(iter(view.regions.values())).why.bonus
    assert any(f"bureaucracy {bonus}: the {rules.trackers[tracker].name} ({view.trackers[tracker]})" in x for x in out)


def test_the_wait_confirmation_names_the_action_once(rules):
    m = _human_at_actions(rules)
    wait = str(list(rules.actions).index("pass_turn") + 1)
    seat, out = _seat(m, [wait, "n"])
    with pytest.raises(Quit):
        seat.play()
    question = next(line for line in out if "Are you sure?" in line)
    assert question.count(rules.actions["pass_turn"].name) == 1


def test_an_event_choice_lists_each_options_effects(rules):
    m = Match.new(rules, SCENARIO, 3, {"trotsky": Seat("human", name="Ann")})
    while not m.state.pending_choice or m.state.pending_choice[1] != "trotsky":
        m.submit(m.legal()[0]) if m.seat().is_human else m.ai_move()
    seat, out = _seat(m, [])
    with pytest.raises(Quit):
        seat.play()
    event = rules.events[m.state.pending_choice[0]]
    start = next(i for i, line in enumerate(out) if line.startswith(f"*** {event.name}"))
    shown = out[start:]
    assert any(line.endswith("(history's choice)") and event.choice.options[0].name in line for line in shown)
    assert any(line.strip().startswith("→ ") for line in shown)  # what an option would change
