"""The terminal seat: the faction's own view, numbered menus, re-prompting on bad input."""

import pytest

from game.engine import legal_actions, player_view
from game.session.terminal import HumanSeat, Quit, ask_faction


def _seat(rules, faction, answers):
    feed, out = iter(answers), []
    return HumanSeat(rules, faction, read=lambda _p: next(feed), write=out.append), out


def test_bad_input_is_asked_again_and_a_grouped_menu_leads_to_an_action(rules, fresh):
    state = fresh
    actor = state.active
    legal = legal_actions(state, rules)
    seat, out = _seat(rules, actor, ["zzz", "99", "1"])
    action = seat(player_view(state, rules, actor), legal)
    assert action in legal
    assert sum("Please type a number" in line for line in out) == 2


def test_two_level_menu_and_back(rules, fresh):
    from game.engine import apply_action

    state = fresh
    while state.phase == "choice":
        state = apply_action(state, rules, legal_actions(state, rules)[0])
    actor, legal = state.active, legal_actions(state, rules)
    assert len(legal) > 12
    groups = list(dict.fromkeys(a.name for a in legal))
    multi = next(i for i, g in enumerate(groups, 1) if sum(a.name == g for a in legal) > 1)
    seat, out = _seat(rules, actor, [str(multi), "0", str(multi), "1"])
    action = seat(player_view(state, rules, actor), legal)
    assert action.name == groups[multi - 1]
    assert any("back" in line for line in out)
    assert any("since you last acted" in line for line in out)


def test_quit_and_end_of_input(rules, fresh):
    seat, _ = _seat(rules, fresh.active, ["q"])
    with pytest.raises(Quit):
        seat(player_view(fresh, rules, fresh.active), legal_actions(fresh, rules))

    def eof(_prompt):
        raise EOFError

    assert ask_faction(rules, ("stalin", "trotsky"), read=eof) is None
    assert ask_faction(rules, ("stalin", "trotsky"), read=lambda _p: "2") == "trotsky"


def test_the_screen_shows_only_the_faction_view(rules, fresh):
    from game.engine import apply_action

    state = fresh
    while state.phase == "choice":
        state = apply_action(state, rules, legal_actions(state, rules)[0])
    actor = state.active
    state.cultivation.setdefault("someone_else", {})["kalinin"] = 50
    seat, out = _seat(rules, actor, ["1", "1"])
    seat(player_view(state, rules, actor), legal_actions(state, rules))
    assert not any("Kalinin +50" in line for line in out)


def test_choosing_a_scenario(rules):
    from game.session.terminal import ask_scenario, scenario_order

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
    from game.engine import new_game

    state = new_game(rules, "testament_1923", 1)
    actor = state.active
    brief = rules.scenarios["testament_1923"].briefings[actor]
    import itertools

    feed, out = itertools.chain(["b"], itertools.repeat("1")), []
    seat = HumanSeat(rules, actor, read=lambda _p: next(feed), write=out.append, scenario="testament_1923")
    seat(player_view(state, rules, actor), legal_actions(state, rules))
    text = " ".join(out)
    assert text.count("Your situation:") == 2  # at the start, and again on b
    assert "What if:" in text  # a counterfactual states its premise
    assert " ".join(brief.aims.split()[:6]) in " ".join(text.split())


# answers that look like numbers but are not menu numbers: str.isdigit() accepts the first three
# (int('²') raises), and int() of the last is refused by Python's limit on digits
NOT_MENU_NUMBERS = ["٣", "²", "３", "9" * 5000]


@pytest.mark.parametrize("bad", NOT_MENU_NUMBERS, ids=["arabic-indic", "superscript", "full-width", "5000-digits"])
def test_prompts_ask_again_on_digits_that_are_not_menu_numbers(rules, fresh, bad):
    from game.engine import apply_action
    from game.session.terminal import ask_scenario, scenario_order

    def scripted(answers):
        feed, out = iter(answers), []
        return (lambda _p: next(feed)), out

    read, out = scripted([bad, "2"])
    assert ask_faction(rules, ("stalin", "trotsky"), read=read, write=out.append) == "trotsky"
    assert sum("Please type a number from 1 to 2" in line for line in out) == 1

    read, out = scripted([bad, "3"])
    assert ask_scenario(rules, "succession_1923", read=read, write=out.append) == scenario_order(rules)[2]
    assert sum("Please type a number" in line for line in out) == 1

    # an event's choice
    assert fresh.phase == "choice"
    seat, out = _seat(rules, fresh.active, [bad, "1"])
    legal = legal_actions(fresh, rules)
    assert seat(player_view(fresh, rules, fresh.active), legal) == legal[0]
    assert sum("Please type a number" in line for line in out) == 1

    # the action menu, both levels
    state = fresh
    while state.phase == "choice":
        state = apply_action(state, rules, legal_actions(state, rules)[0])
    legal = legal_actions(state, rules)
    groups = list(dict.fromkeys(a.name for a in legal))
    multi = next(i for i, g in enumerate(groups, 1) if sum(a.name == g for a in legal) > 1)
    seat, out = _seat(rules, state.active, [bad, str(multi), bad, "1"])
    action = seat(player_view(state, rules, state.active), legal)
    assert action.name == groups[multi - 1]
    assert sum("Please type a number" in line for line in out) == 2


def test_the_retry_message_says_what_is_wrong():
    from game.session.terminal import _retry

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
