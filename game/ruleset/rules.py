"""The rules in force: a frozen :class:`Rules` with one table per kind of rule entry, and the
:class:`Tables` worked out from them once.

:mod:`game.ruleset.loader` reads the rule files and makes the :class:`Rules`; this module imports
no YAML, so the engine and the bots can name the type in their signatures.  A mod cannot add a
kind (the loader refuses a section it does not know), so every ruleset has the same fields.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from pathlib import Path

import attrs
from attrs import define, field, frozen

from game.ruleset import records
from game.ruleset.vocabulary import COMPOSED

#: the field of :class:`Rules` holding each kind's table: the kind's own name, but for settings,
#: whose name is the one settings record in force
FIELDS = {kind: "settings_entries" if kind == "settings" else kind for kind in records.KINDS}


def _table() -> dict:
    return field(factory=dict, kw_only=True)


@frozen(eq=False)
class Rules:
    """Every rule entry, one table (id → record, in the rule files' order) per kind, plus where
    each entry was defined.  Made by the loader (:func:`game.ruleset.loader.load_rules`); in code,
    :meth:`from_tables` makes one from a table per kind, and ``attrs.evolve(rules, figures=…)``
    one with a kind changed.  The tables are plain dicts for speed: do not change them."""

    settings_entries: dict[str, records.Settings] = _table()
    trackers: dict[str, records.Tracker] = _table()
    bodies: dict[str, records.Body] = _table()
    offices: dict[str, records.Office] = _table()
    factions: dict[str, records.Faction] = _table()
    figures: dict[str, records.Figure] = _table()
    regions: dict[str, records.Region] = _table()
    press: dict[str, records.Organ] = _table()
    actions: dict[str, records.Action] = _table()
    motions: dict[str, records.Motion] = _table()
    events: dict[str, records.Event] = _table()
    victory: dict[str, records.Victory] = _table()
    scenarios: dict[str, records.Scenario] = _table()
    personalities: dict[str, records.Personality] = _table()
    pace: dict[str, records.Pace] = _table()
    action_weights: dict[str, records.ActionWeight] = _table()
    glossary: dict[str, records.Term] = _table()
    #: (kind, id) → (file, line, column) where the entry was defined
    origin: dict[tuple[str, str], tuple[str, int, int]] = field(factory=dict, kw_only=True)
    #: the folder file names in messages are relative to
    root: Path = field(default=Path("."), kw_only=True)
    #: the mods laid over the base rules, in load order (their ``mod.yaml``)
    mods: tuple = field(default=(), kw_only=True)
    #: the folders the rules were loaded from, base first: enough to load them again elsewhere
    #: (the computer's thinking process); empty for rules made in code
    folders: tuple[Path, ...] = field(default=(), kw_only=True)
    #: the one settings record (None while the rules are being checked and have none)
    settings: records.Settings | None = field(init=False)
    #: kind → its table (the same dicts as the fields), for code that walks every kind
    by_kind: dict[str, dict] = field(init=False)
    #: what is worked out from these rules, once
    tables: Tables = field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "settings", next(iter(self.settings_entries.values()), None))
        object.__setattr__(self, "by_kind", {kind: getattr(self, name) for kind, name in FIELDS.items()})
        object.__setattr__(self, "tables", Tables(self))

    @classmethod
    def from_tables(cls, by_kind: dict[str, dict], origin=None, root: Path = Path("."), **more) -> Rules:
        """Rules from a table per kind (a kind left out is empty); ``more``: ``mods``, ``folders``.

        >>> rules = Rules.from_tables({"figures": {}}, root=Path("rules"))
        >>> rules.figures, rules.settings
        ({}, None)
        >>> Rules.from_tables({"generals": {}})
        Traceback (most recent call last):
        ...
        ValueError: no kind of rule entry is called 'generals'
        """
        for kind in by_kind:
            if kind not in FIELDS:
                raise ValueError(f"no kind of rule entry is called {kind!r}")
        tables = {FIELDS[kind]: table for kind, table in by_kind.items()}
        return cls(**tables, origin=origin if origin is not None else {}, root=root, **more)

    def mod_labels(self) -> list[str]:
        """``id@version`` of each mod in force, as a replay's ``mods:`` line records them."""
        return [m.label for m in self.mods]

    def fingerprint(self) -> str:
        """A hash of the rules in force (every record, sources, design notes, the encyclopedia's
        texts and the glossary aside): two
        rulesets that play the same have the same fingerprint, whatever their files look like.
        Computed once per ruleset (every new match records it)."""
        return self.tables.fingerprint


def _missing_fields() -> list[str]:
    """Kinds without a field, or fields without a kind: none, or the module fails at import."""
    names = {f.name for f in attrs.fields(Rules)}
    return [f"{kind} ({name})" for kind, name in FIELDS.items() if name not in names] + [
        name
        for name in names
        if name not in FIELDS.values()
        and name not in ("origin", "root", "mods", "folders", "settings", "by_kind", "tables")
    ]


if _missing_fields():  # pragma: no cover - a kind declared in records without its field here
    raise TypeError(f"Rules and records.KINDS disagree: {', '.join(_missing_fields())}")


def _plain(value):
    """A record as plain data for the fingerprint (what only the window shows left out)."""
    if attrs.has(type(value)):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in attrs.fields(type(value))
            if f.name not in records.DISPLAY_ONLY
        }
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@define(eq=False, slots=False)
class Tables:
    """What the engine, the bots and the reports work out from a ruleset, each worked out once
    (the rules never change, so nothing here goes stale).

    A table worked out from the records alone is a cached property here.  A table that needs the
    engine's or the bots' own reckoning is an empty dict here that its user fills in (the user
    names the table by field; nothing is looked up by a string key): search and playouts read
    these thousands of times a second, where working them out again cost more than the rule."""

    rules: Rules
    #: (factions in play) → (figure, its argument tuple) of every figure one may cultivate
    #: (:mod:`game.engine.moves`)
    cultivable: dict[tuple[str, ...], tuple] = field(factory=dict, init=False)
    #: scenario → (faction, goal, its key) of every goal tracked (:mod:`game.engine.objectives`)
    tracked_goals: dict[str, tuple] = field(factory=dict, init=False)
    #: scenario → its dated events as (id, quarter, trigger) (:mod:`game.engine.schedule`)
    dated_events: dict[str, tuple] = field(factory=dict, init=False)
    #: scenario → (quarter → its dated events; the counterfactual events) (:mod:`game.engine.phases`)
    events_by_quarter: dict[str, tuple[dict, tuple]] = field(factory=dict, init=False)
    #: (rung, target) → the earliest quarter history lets a bot push there (:mod:`game.ai.personality`)
    rung_paces: dict[tuple[str, str | None], str | None] = field(factory=dict, init=False)
    #: (office, holder) → the earliest quarter history lets a bot take it (:mod:`game.ai.personality`)
    office_paces: dict[tuple[str, str | None], str | None] = field(factory=dict, init=False)
    #: action id → its weight in a playout (:mod:`game.ai.playout`)
    playout_weights: dict[str, int] = field(factory=dict, init=False)
    #: the historical line replayed for the debrief (False: it cannot be; None: not yet tried)
    #: (:mod:`game.present.debrief`)
    history: object = field(default=None, init=False)
    #: scenario → the historical line's result on its objectives, in words (:mod:`game.present.debrief`)
    history_results: dict[str, dict[str, str]] = field(factory=dict, init=False)

    def __reduce__(self):
        # sent to another process with the rules, without what was worked out here (it is
        # worked out again there, and some of it is the engine's own objects)
        return Tables, (self.rules,)

    @cached_property
    def fingerprint(self) -> str:
        """:meth:`Rules.fingerprint`."""
        body = {
            kind: _plain(table)
            for kind, table in sorted(self.rules.by_kind.items())
            if kind not in records.DISPLAY_ONLY_KINDS
        }
        return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    @cached_property
    def granting(self) -> dict[str, tuple[str, ...]]:
        """Capability → the offices that grant it, in rule order."""
        out: dict[str, list[str]] = {}
        for office, rec in self.rules.offices.items():
            for capability in rec.grants:
                out.setdefault(capability, []).append(office)
        return {c: tuple(offices) for c, offices in out.items()}

    @cached_property
    def issues(self) -> tuple[str, ...]:
        """The trackers that are issues (a faction takes a stance on them), in rule order."""
        return tuple(t for t, rec in self.rules.trackers.items() if rec.kind == "issue")

    @cached_property
    def region_args(self) -> tuple[tuple[str, tuple[str]], ...]:
        """(region id, its argument tuple) of every region, by id (every region option of every
        action weighed in search walks them)."""
        return tuple((rid, (rid,)) for rid in sorted(self.rules.regions))

    @cached_property
    def eligible(self) -> dict[str, frozenset[str] | None]:
        """Office → the figures with a trait it asks for (None: anyone)."""
        figures = self.rules.figures
        return {
            oid: frozenset(f for f, fig in figures.items() if any(t in fig.traits for t in rec.traits))
            if rec.traits
            else None
            for oid, rec in self.rules.offices.items()
        }

    @cached_property
    def office_order(self) -> tuple[str, ...]:
        """Every office id, sorted."""
        return tuple(sorted(self.rules.offices))

    @cached_property
    def offer(self) -> dict[str, tuple]:
        """Status → the action entries a faction of that status may take, in rule order, each as
        (id, its price in action points, influence and prestige, the capability it requires, the
        conditions the offer tests).  A composed action's conditions name the acting faction
        (``$self``), so its options test them instead (:func:`game.engine.moves.bind`)."""
        actions = self.rules.actions
        statuses = {st for rule in actions.values() for st in rule.allowed_status}
        return {
            st: tuple(
                (
                    aid,
                    rule.cost.ap,
                    rule.cost.influence,
                    rule.cost.prestige,
                    rule.requires,
                    () if rule.kind == COMPOSED else rule.conditions,
                )
                for aid, rule in actions.items()
                if st in rule.allowed_status
            )
            for st in statuses
        }

    @cached_property
    def next_rung_exposure(self) -> dict[str, int]:
        """Status → the least exposure at which a motion may move a faction down from it (the
        ``min_exposure`` of the motions whose ``target_status`` names it)."""
        lowest: dict[str, int] = {}
        for m in self.rules.motions.values():
            if m.result_status is None:
                continue
            for st in m.target_status:
                lowest[st] = min(lowest.get(st, m.min_exposure), m.min_exposure)
        return lowest

    @cached_property
    def goal_offices(self) -> dict[tuple[str, str], frozenset[str]]:
        """(scenario, faction) → the offices named in the faction's objectives that score points
        (to take, keep or deny)."""
        table = {}
        for sid, scenario in self.rules.scenarios.items():
            for faction, obj in scenario.objectives.items():
                found: set[str] = set()
                for goal in obj.goals:
                    if goal.points > 0:
                        _collect_offices(goal.condition, found)
                table[(sid, faction)] = frozenset(found)
        return table


def _collect_offices(node, found: set[str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "office" and isinstance(v, str):
                found.add(v)
            else:
                _collect_offices(v, found)
    elif isinstance(node, list | tuple):
        for item in node:
            _collect_offices(item, found)
