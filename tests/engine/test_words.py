"""The chronicle's words: a person is named by the figure's name, a faction by its own, and verbs
agree with a faction's name ("Zinoviev and Kamenev are censured", not "is")."""

import re

import attrs
import pytest

from game.engine import discipline, moves, phases
from game.present import chronicle, words

# verb forms that must not follow a plural faction's name
SINGULAR = {"is", "has", "was", "recants", "takes", "cultivates", "proposes", "accepts", "declines", "breaks",
            "gathers", "achieves", "speaks"}  # fmt: skip
# the actions whose chronicle line has the acting faction as its subject (or names its leader)
FACTION_ACTIONS = ("cultivate", "offer_bloc", "accept_bloc", "decline_bloc", "break_bloc", "mass_appeal",
                   "signatures", "speak", "publish", "underground")  # fmt: skip


def _rule(rules, kind):
    return next(r for r in rules.actions.values() if r.kind == kind)


def faction_lines(rules, state, faction, monkeypatch) -> list[str]:
    """Every chronicle line (public or secret) in which ``faction`` is the subject: its actions,
    each rung of the ladder, deportation with and without its leader, sole leadership."""
    s = state.clone()
    start = len(s.log)
    other = next(f for f in sorted(s.factions) if f != faction)
    leaders = {rules.factions[f].leader for f in rules.factions}
    figure = next(f for f in rules.figures if f not in leaders)
    region, issue = sorted(s.regions)[0], moves.issues(rules)[0]
    organ = next(iter(rules.press))
    args = {"cultivate": (figure,), "offer_bloc": (other,), "accept_bloc": (other,), "decline_bloc": (other,),
            "break_bloc": (other,), "mass_appeal": (region,), "signatures": (), "speak": (issue,),
            "publish": (organ, issue), "underground": (issue,)}  # fmt: skip
    for kind in FACTION_ACTIONS:
        moves.DO[kind](s, rules, faction, args[kind], _rule(rules, kind))
    for status in chronicle.STATUS_WORDS:
        discipline.set_status(s, rules, faction, status)
    s.figures[rules.factions[faction].leader].status = "dead"
    discipline.set_status(s, rules, faction, "deported")
    monkeypatch.setattr(phases, "sole_leader", lambda _s, _r: faction)
    phases._declare(s, rules)
    return [chronicle.render(rules, e) for e in s.log[start:]]


@pytest.mark.parametrize("faction", ["stalin", "trotsky", "zinoviev", "bukharin"])
def test_every_faction_line_agrees_with_a_plural_name(rules, fresh, faction, monkeypatch):
    name = rules.factions[faction].name
    assert rules.factions[faction].plural
    lines = faction_lines(rules, fresh, faction, monkeypatch)
    subject = [line for line in lines if line.startswith(name + " ")]
    assert len(subject) >= len(chronicle.STATUS_WORDS) + 7, lines  # the test reaches the templates
    for line in subject:
        verb = line[len(name) + 1 :].split()[0]
        assert verb not in SINGULAR, line
        assert " its " not in line, line
    for line in lines:
        for bad in ("and Kamenev is", "and Kamenev has", "Tomsky is", "Tomsky has", "Opposition is", "Opposition has",
                    "Centre is", "Centre has", "'s leader"):  # fmt: skip
            assert bad not in line, line
    assert f"{name} are censured" in lines
    assert f"{name} recant and capitulate" in lines
    assert f"{name} achieve sole leadership of the party" in lines
    assert any(re.fullmatch(re.escape(name) + r" take their case to the workers of .+", line) for line in lines)


@pytest.mark.parametrize("faction", ["stalin", "trotsky", "zinoviev", "bukharin"])
def test_a_person_is_named_by_the_figure_name(rules, fresh, faction, monkeypatch):
    lines = faction_lines(rules, fresh, faction, monkeypatch)
    leader = rules.figures[rules.factions[faction].leader].name
    assert any(line.startswith(f"{leader} speaks at the plenum on ") for line in lines), lines
    assert f"{leader} is deported from the Soviet Union" in lines
    name = rules.factions[faction].name
    assert not any(line.startswith(f"{name} speaks") for line in lines)
    # with the leader dead no one is deported by name
    assert f"{name} are broken up, their people in exile" in lines


def test_a_singular_faction_name_takes_singular_verbs(rules, fresh, monkeypatch):
    factions = dict(rules.factions)
    factions["zinoviev"] = attrs.evolve(factions["zinoviev"], name="The Leningrad Opposition", plural=False)
    singular = attrs.evolve(rules, factions=factions)
    lines = faction_lines(singular, fresh, "zinoviev", monkeypatch)
    assert "The Leningrad Opposition is censured" in lines
    assert "The Leningrad Opposition is removed from its posts" in lines
    assert "The Leningrad Opposition recants and capitulates" in lines
    assert any(line.startswith("The Leningrad Opposition takes its case to the workers of ") for line in lines)
    assert words.faction_says(singular, "zinoviev", "{name} {has} {its} say") == "The Leningrad Opposition has its say"


def test_a_discipline_motion_names_the_faction_and_an_appointment_the_figure(rules, fresh):
    censure = next(m for m, r in rules.motions.items() if r.kind == "censure")
    appoint = next(m for m, r in rules.motions.items() if r.kind == "appoint_office")
    text = chronicle.moved(rules, censure, ("zinoviev",), "stalin")
    assert ": Zinoviev and Kamenev (moved by Stalin and the Centre)" in text
    text = chronicle.moved(rules, appoint, ("general_secretary", "stalin"), "zinoviev")
    assert "Joseph Stalin" in text and "Stalin and the Centre" not in text


def test_a_menu_names_a_figure_by_the_figure_name(rules, fresh):
    from game.engine import Action
    from game.terminal import describe

    cultivate = next(a for a, r in rules.actions.items() if r.kind == "cultivate")
    offer = next(a for a, r in rules.actions.items() if r.kind == "offer_bloc")
    assert "Leon Trotsky" in describe(rules, Action(cultivate, "stalin", ("trotsky",)), {})
    assert "Trotsky and the Left Opposition" in describe(rules, Action(offer, "stalin", ("trotsky",)), {})


def test_congress_lines_keep_names_with_commas_apart(rules, fresh):
    from game.engine import congress

    s = fresh.clone()
    lines = [chronicle.sentence(rules, event, data) for event, data in congress.run_congress(s, rules, "Test Congress")]
    seats = next(line for line in lines if line.startswith("New Central Committee: "))
    entries = seats[len("New Central Committee: ") :].split("; ")
    assert all(re.fullmatch(r".+ \d+", e) for e in entries), seats
