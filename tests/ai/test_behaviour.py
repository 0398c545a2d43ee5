"""What a sensible player of each personality would or would not do, in situations built from
the rule files: history's own positions and the nonsense the built-in bots used to play.

Each situation starts from a scenario's opening (``new_game``), changed as the test says, with the
faction under test to act.  Bots are asked through ``make_bot`` at a fixed budget, never a time.
"""

import pytest

from game.ai import make_bot, sense
from game.ai.personality import bias, persona_for
from game.ai.search import shortlist
from game.ai.simple import score_action
from game.engine import Action, legal_actions, new_game, player_view
from game.engine.state import Proposal

SEEDS = (1, 2, 3)


def situation(rules, scenario, faction, seed=1, turn=None, **factions):
    """The scenario's first quarter (or ``turn``), in its actions phase, with ``faction`` to act;
    ``factions`` maps a faction to attributes to set (``trotsky={"status": "expelled_party"}``)."""
    state = new_game(rules, scenario, seed)
    while state.phase != "actions":
        state = _first(rules, state)
    state = state.clone()
    if turn is not None:
        state.turn = turn
    for fid, changes in factions.items():
        for key, value in changes.items():
            setattr(state.factions[fid], key, value)
    state.active = faction
    fs = state.factions[faction]
    fs.ap, fs.done, fs.influence = max(fs.ap, 3), False, max(fs.influence, 12)
    return state


def _first(rules, state):
    from game.engine import apply_action

    return apply_action(state, rules, legal_actions(state, rules)[0])


def choices(rules, state, level="easy", seeds=SEEDS, personality=1.0):
    """What the bot of ``level`` picks in ``state``, over several seeds."""
    view, legal = player_view(state, rules, state.active), legal_actions(state, rules)
    return [make_bot(level, state.active, s, personality).choose(view, legal, rules) for s in seeds]


def lean(rules, state, action):
    view = player_view(state, rules, state.active)
    return bias(view, action, rules, persona_for(rules, state.active))[0]


def kinds(rules, picked):
    return [rules.actions[a.name].kind for a, _why in picked]


# --- the nonsense of the old bots ------------------------------------------------------------


def test_no_bloc_offered_to_a_faction_one_is_moving_against(rules):
    state = situation(rules, "succession_1923", "zinoviev")
    state.agenda.append(Proposal("zinoviev", "remove_posts", ("trotsky",)))
    view = player_view(state, rules, "zinoviev")
    offer = Action("offer_bloc", "zinoviev", ("trotsky",))
    assert offer in legal_actions(state, rules)
    assert "moving against" in sense.refusal(view, offer, rules)
    for level in ("simple", "easy", "normal"):
        assert all(a != offer for a, _ in choices(rules, state, level))


def test_no_bloc_accepted_from_a_faction_one_is_moving_against(rules):
    state = situation(rules, "succession_1923", "zinoviev")
    state.agenda.append(Proposal("zinoviev", "censure", ("trotsky",)))
    state.offers.append(("trotsky", "zinoviev", state.turn))
    accept = Action("accept_bloc", "zinoviev", ("trotsky",))
    assert accept in legal_actions(state, rules)
    for level in ("simple", "easy"):
        assert all(a != accept for a, _ in choices(rules, state, level))


def test_no_bloc_with_the_partner_of_the_faction_one_moves_against(rules):
    # Bukharin accepted Trotsky's bloc while moving to expel Trotsky's ally
    state = situation(rules, "united_opposition_1926", "bukharin")
    state.blocs = sorted({*state.blocs, ("trotsky", "zinoviev")})
    state.agenda.append(Proposal("bukharin", "censure", ("zinoviev",)))
    state.offers.append(("trotsky", "bukharin", state.turn))
    accept = Action("accept_bloc", "bukharin", ("trotsky",))
    # the engine now forbids a bloc with both sides of a pending vote; the bots' sense still says why
    assert accept not in legal_actions(state, rules)
    assert sense.refusal(player_view(state, rules, "bukharin"), accept, rules)
    assert all(a != accept for a, _ in choices(rules, state, "simple"))


def test_no_bloc_with_a_faction_expelled_from_the_party(rules):
    state = situation(rules, "succession_1923", "stalin", trotsky={"status": "expelled_party"})
    view = player_view(state, rules, "stalin")
    for kind in ("offer_bloc", "accept_bloc"):
        assert "outside the party" in sense.refusal(view, Action(kind, "stalin", ("trotsky",)), rules)
    state.offers.append(("trotsky", "stalin", state.turn))
    picked = choices(rules, state, "simple") + choices(rules, state, "easy")
    assert all(a.name not in ("offer_bloc", "accept_bloc") or a.args != ("trotsky",) for a, _ in picked)


def test_no_bloc_with_a_faction_one_moved_against_last_quarter(rules):
    state = situation(rules, "succession_1923", "zinoviev")
    state.votes.append(
        {
            "turn": state.turn,
            "body": "politburo",
            "motion": "Remove Trotsky from his posts",
            "passed": False,
            "ballots": [],
            "motion_id": "remove_posts",
            "proposer": "zinoviev",
            "args": ["trotsky"],
        }
    )
    state.turn += 1
    offer = Action("offer_bloc", "zinoviev", ("trotsky",))
    assert "moving against" in sense.refusal(player_view(state, rules, "zinoviev"), offer, rules)
    state.turn += sense.MEMORY
    assert sense.refusal(player_view(state, rules, "zinoviev"), offer, rules) is None


def test_no_motion_against_ones_own_bloc_partner(rules):
    state = situation(rules, "united_opposition_1926", "stalin")
    assert state.in_bloc("stalin", "bukharin")
    view = player_view(state, rules, "stalin")
    against = [
        a
        for a in legal_actions(state, rules)
        if a.name == "propose_motion" and sense.target_of(view, rules, a.args[0], a.args[1:]) == "bukharin"
    ]
    assert against and all(sense.refusal(view, a, rules) for a in against)
    picked = choices(rules, state, "simple") + choices(rules, state, "easy")
    assert not any(a in against for a, _ in picked)


# --- Trotsky -------------------------------------------------------------------------------------


def _army_state(rules):
    state = situation(rules, "military_option_1924", "trotsky")
    army = Action("military_option", "trotsky")
    assert army in legal_actions(state, rules), "the scenario gives Trotsky the army"
    return state, army


def test_trotsky_does_not_take_the_military_option(rules):
    state, army = _army_state(rules)
    for level in ("easy", "normal"):
        assert all(a != army for a, _ in choices(rules, state, level))


def test_personality_weight_is_its_own_setting(rules):
    state, army = _army_state(rules)
    view, legal = player_view(state, rules, "trotsky"), legal_actions(state, rules)
    persona = persona_for(rules, "trotsky")
    historical = {c.action: c.score for c in shortlist(view, legal, rules, len(legal), persona, 1.0)}
    none = {c.action: c.score for c in shortlist(view, legal, rules, len(legal), persona, 0.0)}
    assert historical[army] < none[army] - 5  # the refusal comes from the personality alone
    assert make_bot("hard", "trotsky", 1, 0.0).budget == make_bot("hard", "trotsky", 1, 1.0).budget


def test_trotsky_never_recants(rules):
    state = situation(rules, "united_opposition_1926", "trotsky", trotsky={"status": "expelled_party"})
    recant = Action("recant", "trotsky")
    assert recant in legal_actions(state, rules)
    assert lean(rules, state, recant) < -10
    assert all(a != recant for a, _ in choices(rules, state, "easy"))
    # the built-in bot too: expelled or exiled, it keeps Trotsky's refusal, while Zinoviev recants
    for status in ("expelled_party", "exiled"):
        state = situation(rules, "united_opposition_1926", "trotsky", trotsky={"status": status})
        # below passing, so the bot's noise never picks it
        assert score_action(player_view(state, rules, "trotsky"), recant, rules)[0] < 0
        assert all(a != recant for a, _ in choices(rules, state, "simple", seeds=range(1, 40)))
    state = situation(rules, "united_opposition_1926", "zinoviev", zinoviev={"status": "expelled_party"})
    assert score_action(player_view(state, rules, "zinoviev"), Action("recant", "zinoviev"), rules)[0] > 0


def test_trotsky_is_slow_to_bloc_and_bukharin_is_not(rules):
    state = situation(rules, "united_opposition_1926", "trotsky")
    t = lean(rules, state, Action("offer_bloc", "trotsky", ("bukharin",)))
    state.active = "bukharin"
    b = lean(rules, state, Action("offer_bloc", "bukharin", ("trotsky",)))
    assert t < b < 0 or t < b


def test_trotsky_submits_after_a_congress(rules):
    state = situation(rules, "united_opposition_1926", "trotsky", trotsky={"exposure": 6})
    pledge = Action("pledge_discipline", "trotsky")
    state.last_congress_turn = state.turn - 5
    before = lean(rules, state, pledge)
    state.last_congress_turn = state.turn
    assert lean(rules, state, pledge) > before > 0


def test_trotsky_argues_policy_rather_than_appointments(rules):
    state = situation(rules, "crisis_1923", "trotsky")
    speak = next(a for a in legal_actions(state, rules) if a.name == "speak_at_plenum")
    assert lean(rules, state, speak) >= 5
    assert persona_for(rules, "trotsky").w("apparatus") < persona_for(rules, "stalin").w("apparatus")


# --- Zinoviev ------------------------------------------------------------------------------------


def test_zinoviev_takes_his_case_to_leningrad_not_ukraine(rules):
    state = situation(rules, "crisis_1923", "zinoviev")
    appeals = [a for a in legal_actions(state, rules) if a.name == "mass_appeal"]
    assert {a.args[0] for a in appeals} >= {"leningrad", "ukraine"}
    leanings = {a.args[0]: lean(rules, state, a) for a in appeals}
    assert max(leanings, key=leanings.get) == "leningrad"
    view = player_view(state, rules, "zinoviev")
    short = shortlist(view, legal_actions(state, rules), rules, 40, persona_for(rules, "zinoviev"))
    ranked = [c.action.args[0] for c in sorted(short, key=lambda c: -c.score) if c.action.name == "mass_appeal"]
    assert ranked[0] == "leningrad"


def test_zinoviev_defends_leningrad_and_its_paper(rules):
    state = situation(rules, "united_opposition_1926", "zinoviev")
    legal = legal_actions(state, rules)
    papers = {a.args[0]: lean(rules, state, a) for a in legal if a.name == "publish_article"}
    if "leningradskaya_pravda" in papers:
        assert papers["leningradskaya_pravda"] == max(papers.values())
    entrench = {a.args[0]: lean(rules, state, a) for a in legal if a.name == "entrench_secretary"}
    if entrench:
        assert max(entrench, key=entrench.get) == "leningrad"
    retake = Action("propose_motion", "zinoviev", ("appoint_office", "leningrad_chief", "kamenev"))
    other = Action("propose_motion", "zinoviev", ("appoint_office", "moscow_chief", "kamenev"))
    assert lean(rules, state, retake) > lean(rules, state, other)


def test_zinoviev_opens_the_campaign_against_trotsky(rules):
    # in January 1924, when history condemned Trotsky (before it, patience holds back any censure)
    state = situation(rules, "crisis_1923", "zinoviev", turn=2)
    vs_trotsky = lean(rules, state, Action("propose_motion", "zinoviev", ("censure", "trotsky")))
    vs_stalin = lean(rules, state, Action("propose_motion", "zinoviev", ("censure", "stalin")))
    assert vs_trotsky > vs_stalin


def test_zinoviev_recants_when_expulsion_looms(rules):
    state = situation(rules, "united_opposition_1926", "zinoviev", zinoviev={"status": "expelled_cc"})
    recant = Action("recant", "zinoviev")
    assert recant in legal_actions(state, rules)
    assert lean(rules, state, recant) > 5
    calm = situation(rules, "united_opposition_1926", "zinoviev", zinoviev={"status": "censured"})
    assert lean(rules, calm, recant) < 0
    assert any(a == recant for a, _ in choices(rules, state, "easy"))


def test_zinoviev_swings_between_euphoria_and_despair(rules):
    state = situation(rules, "crisis_1923", "zinoviev")
    motion = Action("propose_motion", "zinoviev", ("censure", "stalin"))
    state.cc = {"zinoviev": 30, "stalin": 10, "trotsky": 5, "bukharin": 5}
    euphoric = lean(rules, state, motion)
    state.cc = {"zinoviev": 3, "stalin": 30, "trotsky": 10, "bukharin": 10}
    assert euphoric > lean(rules, state, motion)


# --- Stalin --------------------------------------------------------------------------------------


def test_stalin_appoints_in_the_largest_undecided_regions_before_a_congress(rules):
    state = situation(rules, "succession_1923", "stalin")
    appoints = [a for a in legal_actions(state, rules) if a.name == "appoint_secretary"]
    assert appoints
    picked = [a for a, _ in choices(rules, state, "easy")]
    assert all(a.name == "appoint_secretary" for a in picked)
    sizes = sorted((rules.regions[a.args[0]].delegates for a in appoints), reverse=True)
    for a in picked:
        assert rules.regions[a.args[0]].delegates >= sizes[min(2, len(sizes) - 1)]
        assert state.regions[a.args[0]].secretary != "stalin"


def test_stalin_waits_for_historys_pace_before_expelling(rules):
    early = situation(rules, "succession_1923", "stalin", turn=8)  # 1925-Q1
    motion = Action("propose_motion", "stalin", ("expel_party", "trotsky"))
    late = situation(rules, "succession_1923", "stalin", turn=19)  # 1927-Q4
    assert early.date_text() < "1927-Q4" <= late.date_text()
    assert lean(rules, early, motion) < -10 < lean(rules, late, motion)


def test_stalin_leaves_the_right_moscow_and_the_government_until_history_took_them(rules):
    # 1928: Uglanov's Moscow falls in November, Rykov's government only in December 1930
    state = situation(rules, "right_last_stand_1928", "stalin")
    state.blocs = [b for b in state.blocs if "bukharin" not in b]  # no partner to spare
    assert state.date_text() < "1928-Q4"
    view = player_view(state, rules, "stalin")

    def takes(office):
        return [
            a
            for a in legal_actions(state, rules)
            if a.name == "propose_motion" and a.args[0] in ("remove_office", "appoint_office") and a.args[1] == office
        ]

    moscow, government = takes("moscow_chief"), takes("sovnarkom_chair")
    assert moscow and government
    for a in moscow + government:
        score, why = score_action(view, a, rules)
        assert score == 0 and "too soon" in why
        assert lean(rules, state, a) < -10
    # a player playing to win is not bound by it; after November 1928 Moscow is fair game
    assert any(score_action(view, a, rules, pace=False)[0] > 0 for a in moscow + government)
    late = situation(rules, "right_last_stand_1928", "stalin", turn=state.turn + 4)
    late.blocs = list(state.blocs)
    assert late.date_text() >= "1929-Q1"
    assert all(lean(rules, late, a) > -10 for a in moscow)
    assert all(lean(rules, late, a) < -10 for a in government)


def test_stalin_turns_on_his_ally_once_the_common_enemy_is_beaten(rules):
    state = situation(rules, "united_opposition_1926", "stalin")
    brk = Action("break_bloc", "stalin", ("bukharin",))
    assert brk in legal_actions(state, rules)
    while_fighting = lean(rules, state, brk)
    beaten = situation(
        rules,
        "united_opposition_1926",
        "stalin",
        trotsky={"status": "expelled_party"},
        zinoviev={"status": "capitulated"},
    )
    assert lean(rules, beaten, brk) > 0 > while_fighting


def test_bukharin_trusts_his_ally_too_long(rules):
    beaten = situation(
        rules,
        "united_opposition_1926",
        "bukharin",
        trotsky={"status": "expelled_party"},
        zinoviev={"status": "capitulated"},
    )
    assert lean(rules, beaten, Action("break_bloc", "bukharin", ("stalin",))) < 0


def test_bukharin_argues_in_pravda(rules):
    state = situation(rules, "right_last_stand_1928", "bukharin")
    publish = [a for a in legal_actions(state, rules) if a.name == "publish_article" and a.args[0] == "pravda"]
    appeal = [a for a in legal_actions(state, rules) if a.name == "mass_appeal"]
    if publish:
        assert lean(rules, state, publish[0]) > max(lean(rules, state, a) for a in appeal)


# --- every move explained ------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["simple", "easy", "normal"])
def test_every_move_comes_with_a_reason_in_words(rules, level):
    state = situation(rules, "crisis_1923", "trotsky")
    for action, why in choices(rules, state, level, seeds=(4,)):
        assert action in legal_actions(state, rules)
        assert len(why.split()) >= 2 and "_" not in why


def test_no_bot_expels_a_rival_years_ahead_of_history(rules):
    # the old bots expelled Trotsky from the party in 1925-Q1 at the median (history: 1927-Q4)
    early = situation(rules, "succession_1923", "stalin", turn=8, trotsky={"status": "expelled_cc", "exposure": 40})
    early.marks.pop("ladder_trotsky", None)
    expel = Action("propose_motion", "stalin", ("expel_party", "trotsky"))
    assert early.date_text() == "1925-Q1" and expel in legal_actions(early, rules)
    for level in ("simple", "easy"):
        assert all(a != expel for a, _ in choices(rules, early, level))
    view = player_view(early, rules, "stalin")
    score, why = score_action(view, expel, rules)
    assert score == 0 and "too soon" in why
    late = situation(rules, "succession_1923", "stalin", turn=19, trotsky={"status": "expelled_cc", "exposure": 40})
    assert score_action(player_view(late, rules, "stalin"), expel, rules)[0] > 0


def test_the_default_stalin_turns_on_the_right_once_the_left_is_beaten_and_not_before(rules):
    """1928: with Trotsky exiled and Zinoviev a penitent, the built-in Stalin is ready to break
    with Bukharin (history's summer 1928); with the Left still standing he keeps the bloc."""
    brk = Action("break_bloc", "stalin", ("bukharin",))
    state = situation(rules, "right_last_stand_1928", "stalin")
    assert state.in_bloc("stalin", "bukharin")
    assert score_action(player_view(state, rules, "stalin"), brk, rules)[0] > 0
    standing = situation(rules, "right_last_stand_1928", "stalin", zinoviev={"status": "active"})
    assert score_action(player_view(standing, rules, "stalin"), brk, rules)[0] == 0


def test_a_patient_stalin_takes_each_opposition_down_in_its_turn(rules):
    # 1926: the Right, Stalin's partner until 1928, is not condemned before April 1929, while
    # Trotsky, condemned in 1924 and exposed enough, may lose his posts
    state = situation(
        rules,
        "united_opposition_1926",
        "stalin",
        trotsky={"exposure": 12},
        bukharin={"exposure": 12},
    )
    state.blocs.clear()  # the bloc broken: only patience holds Stalin back
    view = player_view(state, rules, "stalin")
    left = Action("propose_motion", "stalin", ("remove_posts", "trotsky"))
    right = Action("propose_motion", "stalin", ("censure", "bukharin"))
    legal = legal_actions(state, rules)
    assert left in legal and right in legal
    assert score_action(view, right, rules)[0] == 0
    assert score_action(view, left, rules)[0] > 0
    assert lean(rules, state, right) < lean(rules, state, left)
    assert all(a != right for a, _ in choices(rules, state, "simple", seeds=range(1, 20)))
