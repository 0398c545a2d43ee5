"""The narrative check: each rule finds its contradiction in a hand-made chronicle and passes the
same chronicle put right; a sample of real games, bots and random legal moves, tells no
contradiction."""

import pytest

from game import cli
from game.engine import chronicle, new_game
from game.tools import narrative
from game.tools.narrative import Moment


@pytest.fixture(scope="module")
def start(rules):
    return new_game(rules, "succession_1923", 1)


def moment(rules, state, what, turn=None, **data) -> Moment:
    """A chronicle entry ``what`` with ``data`` made in (a copy of) ``state``, at ``turn``."""
    s = state.clone()
    if turn is not None:
        s.turn = turn
    s.log = []
    chronicle.note(s, rules, what, **data)
    return Moment(s.log[-1], s)


def kinds(rules, moments) -> list[str]:
    return [f.kind for f in narrative.check(rules, moments)]


def found(rules, kind, moments) -> list[str]:
    return [f.why for f in narrative.check(rules, moments) if f.kind == kind]


# --- an office taken and handed back ----------------------------------------------------------------


def _pravda_taken(rules, start, new_holder, dead=False):
    before = start.clone()
    taken = start.clone()
    taken.offices["pravda_editor"] = None
    if dead:
        taken.figures["bukharin"].status = "dead"
    back = taken.clone()
    back.offices["pravda_editor"] = new_holder
    return [
        moment(rules, before, "speech", figure="bukharin", issue="party_democracy"),
        moment(rules, taken, "speech", figure="stalin", issue="party_democracy"),
        moment(rules, back, "office_filled", figure=new_holder, office="pravda_editor"),
    ]


def test_an_office_taken_from_a_faction_and_handed_back_the_same_quarter_is_found(rules, start):
    assert start.offices["pravda_editor"] == "bukharin"
    why = found(rules, "office_returned", _pravda_taken(rules, start, "bukharin"))
    assert len(why) == 1 and "Editor of Pravda" in why[0]


def test_an_office_handed_to_another_faction_or_after_a_death_is_no_return(rules, start):
    assert not found(rules, "office_returned", _pravda_taken(rules, start, "molotov"))
    # the rule reads the holder's faction, not his name: a dead man's faction lost nothing
    assert not found(rules, "office_returned", _pravda_taken(rules, start, "rykov", dead=True))


# --- a past choice presumed ----------------------------------------------------------------------------


def _presuming(rules):
    """(an event whose conditions presume a choice's flag, that flag, one (event, option) setting it)."""
    flags = narrative.choice_flags(rules)
    for eid, ev in sorted(rules.events.items()):
        for item in ev.conditions:
            if "flag" in item and item["flag"] in flags:
                return eid, item["flag"], sorted(flags[item["flag"]])[0]
    raise AssertionError("no event presumes a choice")


def test_an_event_presuming_a_choice_not_made_is_found(rules, start):
    eid, flag, _ = _presuming(rules)
    state = start.clone()
    state.flags.discard(flag)
    begins = moment(rules, state, "game_begins", scenario="succession_1923")
    state.flags.add(flag)  # set by something other than the choice
    fired = moment(rules, state, "event", event=eid)
    why = found(rules, "unchosen_choice", [begins, fired])
    assert len(why) == 1 and eid in why[0]


def test_an_event_after_the_choice_it_presumes_passes(rules, start):
    eid, flag, (chosen_event, option) = _presuming(rules)
    state = start.clone()
    state.flags.discard(flag)
    begins = moment(rules, state, "game_begins", scenario="succession_1923")
    faction = rules.events[chosen_event].choice.faction
    told = moment(rules, state, "event", event=chosen_event)
    choice = moment(rules, state, "choice", faction=faction, event=chosen_event, option=option)
    state.flags.add(flag)
    fired = moment(rules, state, "event", event=eid)
    assert not found(rules, "unchosen_choice", [begins, told, choice, fired])


# --- a state presumed ---------------------------------------------------------------------------------


def test_an_event_fired_in_a_state_its_conditions_refuse_is_found(rules, start):
    assert start.figures["lenin"].status != "dead"  # testament_read needs him dead
    why = found(rules, "presupposition", [moment(rules, start, "event", event="testament_read")])
    assert why == ["testament_read fires although its conditions do not hold"]
    dead = start.clone()
    dead.figures["lenin"].status = "dead"
    assert not found(rules, "presupposition", [moment(rules, dead, "event", event="testament_read")])


# --- blocs with both sides --------------------------------------------------------------------------


def _vote(rules, state, body, motion, target, yes, no):
    """A vote Stalin moved against ``target`` and carried, as the log records it."""
    return moment(
        rules,
        state,
        "vote",
        body=body,
        proposer="stalin",
        motion=motion,
        args=(target,),
        yes=yes,
        no=no,
        abstain=0,
        passed=True,
    )


def _censure_vote(rules, state):
    return _vote(rules, state, "central_committee", "censure", "trotsky", 20, 5)


def test_a_faction_in_blocs_with_the_mover_and_the_moved_against_is_found(rules, start):
    state = start.clone()
    state.blocs = [("stalin", "zinoviev"), ("trotsky", "zinoviev")]
    why = found(rules, "double_bloc", [_censure_vote(rules, state)])
    assert len(why) == 1 and why[0].startswith("Zinoviev and Kamenev in blocs with both")
    state.blocs = [("stalin", "zinoviev")]
    assert not found(rules, "double_bloc", [_censure_vote(rules, state)])


# --- one quarter's sequence -------------------------------------------------------------------------


def test_a_bloc_accepted_and_broken_in_one_quarter_is_found(rules, start):
    made = moment(rules, start, "bloc_accepted", turn=4, faction="zinoviev", other="trotsky")
    broken = moment(rules, start, "bloc_broken", turn=4, faction="zinoviev", other="trotsky")
    assert len(found(rules, "incoherent_sequence", [made, broken])) == 1
    later = moment(rules, start, "bloc_broken", turn=5, faction="zinoviev", other="trotsky")
    assert not found(rules, "incoherent_sequence", [made, later])


def test_a_shield_chosen_and_a_motion_against_the_shielded_in_one_quarter_is_found(rules, start):
    state = start.clone()
    state.figures["lenin"].status = "dead"
    shield = moment(rules, state, "choice", turn=5, faction="zinoviev", event="testament_read", option="shield")
    against = moment(
        rules, state, "agenda", turn=5, proposer="zinoviev", motion="remove_office", args=("general_secretary",)
    )
    assert state.offices["general_secretary"] == "stalin"
    assert len(found(rules, "incoherent_sequence", [shield, against])) == 1
    against_later = moment(
        rules, state, "agenda", turn=6, proposer="zinoviev", motion="remove_office", args=("general_secretary",)
    )
    assert not found(rules, "incoherent_sequence", [shield, against_later])


def test_the_testament_moved_the_quarter_it_was_read_is_found(rules, start):
    unread = start.clone()
    read = start.clone()
    read.flags.add("testament_known")
    first = moment(rules, unread, "speech", turn=5, figure="stalin", issue="party_democracy")
    told = moment(rules, read, "speech", turn=5, figure="stalin", issue="party_democracy")
    moved = moment(rules, read, "agenda", turn=5, proposer="zinoviev", motion="read_testament", args=())
    assert found(rules, "incoherent_sequence", [first, told, moved]) == [
        "the Testament is moved the quarter it was read"
    ]
    moved_later = moment(rules, read, "agenda", turn=6, proposer="zinoviev", motion="read_testament", args=())
    assert not found(rules, "incoherent_sequence", [first, told, moved_later])


# --- a body acting on what is not there ------------------------------------------------------------


def _expel_cc_vote(rules, state):
    return _vote(rules, state, "joint_plenum", "expel_cc", "zinoviev", 60, 0)


def test_an_expulsion_from_a_committee_the_faction_has_no_seat_in_is_found(rules, start):
    state = start.clone()
    state.cc.pop("zinoviev", None)
    state.ccc.pop("zinoviev", None)
    assert len(found(rules, "absent_body", [_expel_cc_vote(rules, state)])) == 1
    assert start.cc.get("zinoviev", 0) > 0
    assert not found(rules, "absent_body", [_expel_cc_vote(rules, start)])


# --- anachronism ------------------------------------------------------------------------------------


def _line_vote(rules, state, turn):
    return moment(
        rules,
        state,
        "vote",
        turn=turn,
        body="central_committee",
        proposer="stalin",
        motion="adopt_line",
        args=("world_revolution", "right"),
        yes=20,
        no=5,
        abstain=0,
        passed=True,
    )


def test_socialism_in_one_country_voted_before_december_1924_is_an_anachronism(rules, start):
    assert narrative.slogan_dates(rules)[("world_revolution", "right")] == ("socialism_in_one_country", (1924, 4))
    assert len(found(rules, "anachronism", [_line_vote(rules, start, 3)])) == 1  # 1923-Q4
    assert not found(rules, "anachronism", [_line_vote(rules, start, 7)])  # 1924-Q4


# --- appointments -----------------------------------------------------------------------------------


def test_a_party_organiser_at_the_head_of_the_army_s_commissars_is_found(rules, start):
    state = start.clone()
    state.offices["pur_chief"] = "uglanov"
    why = found(
        rules, "senseless_appointment", [moment(rules, state, "speech", figure="stalin", issue="party_democracy")]
    )
    assert len(why) == 1 and why[0].startswith("Nikolai Uglanov made Head of the Red Army's Political Directorate")
    state.offices["pur_chief"] = "bubnov"
    assert not found(
        rules, "senseless_appointment", [moment(rules, state, "speech", figure="stalin", issue="party_democracy")]
    )


def test_every_kind_has_a_rule(rules):
    assert set(narrative.RULES) == set(narrative.KINDS)


# --- real games -------------------------------------------------------------------------------------


def test_a_sample_of_bot_and_random_games_tells_no_contradiction(rules):
    report = narrative.run(rules, bot_games=20, random_games=10, first_seed=1)
    assert report.games == {"bots": 20, "random": 10}
    assert [p.text() for p in report.problems] == []


def test_the_command_prints_the_counts_per_kind(capsys):
    code = cli.main(["narrative-check", "--games", "2", "--random-legal", "1", "--first-seed", "5"])
    out = capsys.readouterr().out
    assert code == 0
    assert "2 bot games and 1 random-legal games" in out
    for kind in narrative.KINDS:
        assert kind in out


def test_the_command_refuses_no_games(capsys):
    assert cli.main(["narrative-check", "--games", "0", "--random-legal", "0"]) == 2
    assert "must be at least 1" in capsys.readouterr().err
