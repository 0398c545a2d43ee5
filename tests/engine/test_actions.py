import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import Action, ActionSyntaxError

word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=12)


@given(word, word, st.lists(word, max_size=4).map(tuple))
def test_text_form_round_trips(name, faction, args):
    action = Action(name, faction, args)
    assert Action.parse(action.to_text()) == action


@pytest.mark.parametrize("text", ["", "pass_turn", "appoint stalin Ukraine!", "a b c;rm"])
def test_bad_text_is_refused(text):
    with pytest.raises(ActionSyntaxError):
        Action.parse(text)


def test_every_legal_action_round_trips(rules, fresh):
    from game.engine import legal_actions

    legal = legal_actions(fresh, rules)
    assert legal
    assert all(Action.parse(a.to_text()) == a for a in legal)
