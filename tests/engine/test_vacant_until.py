"""An office not yet created when a scenario opens (``vacant_until``): the Control Commission had
no chairman before the Twelfth Congress (April 1923) put Kuibyshev, until then a secretary, at its
head.  No vacancy filling and no motion gives the post away before its quarter; the Congress's
event does."""

from game.engine import legal_actions, phases, posts
from tests.engine.test_mechanics import _turn_of


def _appointments_to(state, rules, office):
    """Every faction's motions to appoint to ``office``, were it its turn to act."""
    out = []
    for f in state.factions:
        out += [a for a in legal_actions(_turn_of(state, rules, f), rules) if a.args[:2] == ("appoint_office", office)]
    return out


def test_the_campaign_opens_with_kuibyshev_a_secretary_and_no_control_commission_chairman(rules, fresh):
    assert fresh.date_text() == "1923-Q1"
    assert fresh.offices["ccc_chair"] is None
    assert "kuibyshev" in fresh.secretariat
    assert posts.unopened(fresh, rules) == ("ccc_chair",)


def test_the_quarters_end_does_not_fill_an_office_before_its_quarter(rules, fresh):
    s = fresh.clone()
    phases._fill_vacancies(s, rules)
    assert s.offices["ccc_chair"] is None
    s.turn = 1  # 1923-Q2: the office exists now, and an empty one is filled like any other
    assert posts.unopened(s, rules) == ()
    phases._fill_vacancies(s, rules)
    assert s.offices["ccc_chair"] is not None


def test_no_motion_appoints_to_an_office_not_yet_created(rules, fresh):
    assert _appointments_to(fresh, rules, "war_commissar"), "appointment motions are open to other offices"
    assert _appointments_to(fresh, rules, "ccc_chair") == []
    s = fresh.clone()
    s.turn = 1
    assert _appointments_to(s, rules, "ccc_chair")


def test_the_twelfth_congress_moves_kuibyshev_from_the_secretariat_to_the_control_commission(rules, fresh):
    s = fresh.clone()
    phases._fill_vacancies(s, rules)
    s.turn = 1
    phases.start_turn(s, rules)
    assert "secretariat_apr_1923" in s.event_queue
    phases.advance(s, rules)
    assert s.offices["ccc_chair"] == "kuibyshev"
    assert "kuibyshev" not in s.secretariat and "rudzutak" in s.secretariat
