"""How the screens name factions and figures: the full name, and the short one a table or a tally
has room for."""

from __future__ import annotations

from game.engine.state import UNALIGNED


def faction_name(rules, fid: str | None) -> str:
    if fid is None:
        return "nobody"
    rec = rules.factions.get(fid)
    return rec.name if rec is not None else fid.replace("_", " ")


def figure_name(rules, fid: str | None) -> str:
    if fid is None:
        return "vacant"
    rec = rules.figures.get(fid)
    return rec.name if rec is not None else fid


def holder_name(rules, view, office: str) -> str:
    """Who holds an office in a view: his name, "vacant", or, for an office the scenario has not
    created yet (its ``vacant_until``), the quarter it comes into being.

    >>> from types import SimpleNamespace
    >>> from game.ruleset.loader import load_base
    >>> rules = load_base()
    >>> view = SimpleNamespace(scenario="succession_1923", date="1923-Q1", offices={"ccc_chair": None})
    >>> holder_name(rules, view, "ccc_chair")
    'from 1923-Q2'
    >>> holder_name(rules, SimpleNamespace(scenario="succession_1923", date="1923-Q3", offices={"ccc_chair": None}), "ccc_chair")
    'vacant'
    """
    until = not_created_until(rules, view, office)
    return f"from {until}" if until else figure_name(rules, view.offices.get(office))


def not_created_until(rules, view, office: str) -> str | None:
    """The quarter an empty office comes into being, if the view's scenario has not created it yet
    (its ``vacant_until``); None otherwise."""
    if view.offices.get(office) is not None:
        return None
    scenario = rules.scenarios.get(view.scenario)
    until = scenario.vacant_until.get(office) if scenario is not None else None
    return until if until is not None and view.date < until else None  # YYYY-Qn sorts as time does


def short_faction(rules, fid: str | None) -> str:
    """A faction's leader's surname, for tight columns."""
    if fid is None or fid not in rules.factions:
        return "-"
    return rules.figures[rules.factions[fid].leader].name.split()[-1]


def voter_name(rules, body: str, who: str) -> str:
    """Who cast a ballot in a body's vote: a council's voters are its members (figures), an
    assembly's the factions' delegates and the unaligned members.

    >>> from game.ruleset.loader import load_base
    >>> rules = load_base()
    >>> voter_name(rules, "politburo", "zinoviev"), voter_name(rules, "central_committee", "zinoviev")
    ('Grigory Zinoviev', 'Zinoviev and Kamenev')
    """
    if who == UNALIGNED:
        return "unaligned members"
    if rules.bodies[body].kind == "council":
        return figure_name(rules, who)
    return faction_name(rules, who)
