"""Checks of what is well-formed but cannot work: numbers out of range, scenarios that seat the
dead or one man twice, events that can never fire, roles the engine needs, empty rulesets.

Errors stop the rules from loading; what is only suspicious (an event that can never fire) is a
warning.  Called by :func:`game.ruleset.validate.validate`.
"""

from __future__ import annotations

import attrs

from game.ruleset import records
from game.ruleset.problems import WARNING, Problem, singular

#: figure statuses that keep a man out of every seat
UNSEATED = ("dead", "expelled", "exiled", "deported")
#: kinds a ruleset cannot do without (events and press are optional)
REQUIRED = ("trackers", "bodies", "offices", "factions", "figures", "regions", "actions", "motions", "scenarios")
#: role → the kind of body or tracker it must be
ROLE_SHAPES = {
    "politburo": "council",
    "central_committee": "assembly",
    "control_commission": "assembly",
    "congress": "congress",
    "mass_mood": "mood",
    "bureaucracy": "bureaucracy",
    "party_democracy": "issue",
}


def check(chk) -> None:
    """Every check of this module, reported through the validator's checker ``chk``."""
    rules = chk.rules
    for kind in records.KINDS:
        for entry_id, rec in rules.by_kind.get(kind, {}).items():
            _bounds(chk, kind, entry_id, rec, [])
    for kind in REQUIRED:
        if not rules.by_kind.get(kind) and not any(k == kind for k, _ in chk.failed):
            chk.problems.append(
                Problem(f"{kind}.yaml", 1, 1, f"no {kind}: a ruleset needs at least one entry in '{kind}'")
            )
    for sid, sc in rules.by_kind.get("scenarios", {}).items():
        _seating(chk, sid, sc)
    settings = rules.by_kind.get("settings", {})
    for sid, st in settings.items():
        _roles(chk, sid, st.roles)
    _events(chk)


# --- bounds -------------------------------------------------------------------------------------


def _bounds(chk, kind, entry_id, rec, path) -> None:
    table = records.BOUNDS.get(type(rec).__name__, {})
    for f in attrs.fields(type(rec)):
        value = getattr(rec, f.name)
        limits = table.get(f.name, table.get("*"))
        _value(chk, kind, entry_id, path + [f.name], value, limits)


def _value(chk, kind, entry_id, path, value, limits) -> None:
    if attrs.has(type(value)):
        _bounds(chk, kind, entry_id, value, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            _value(chk, kind, entry_id, path + [key], item, limits)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            if attrs.has(type(item)):
                _bounds(chk, kind, entry_id, item, path + [i])
    elif isinstance(value, int) and not isinstance(value, bool) and limits is not None:
        low, high = limits
        if not low <= value <= high:
            where = ".".join(str(p) for p in path)
            chk.report(kind, entry_id, path, f"{where} must be within {low}..{high}, got {value}")


def arg_limits(path) -> tuple[int, int] | None:
    """The bounds of a verb's whole-number argument at ``path`` (…, verb[, argument])."""
    steps = [p for p in path if isinstance(p, str)]
    if len(steps) >= 2 and (steps[-2], steps[-1]) in records.ARG_BOUNDS:
        return records.ARG_BOUNDS[(steps[-2], steps[-1])]
    return records.ARG_BOUNDS.get(steps[-1]) if steps else None


# --- scenarios ----------------------------------------------------------------------------------


def _seating(chk, sid, sc) -> None:
    k = "scenarios"
    status = {fig: start.status for fig, start in sc.figures.items() if start.status}
    seats: list[tuple[list, str, str]] = [(["offices", o], fig, f"office '{o}'") for o, fig in sc.offices.items()]
    seats += [(["politburo", i], fig, "the Politburo") for i, fig in enumerate(sc.politburo)]
    seats += [(["secretariat", i], fig, "the Secretariat") for i, fig in enumerate(sc.secretariat)]
    for path, fig, where in seats:
        if status.get(fig) in UNSEATED:
            chk.report(k, sid, path, f"'{fig}' is {status[fig]} in this scenario and cannot sit in {where}")
    for field, name in (("politburo", "the Politburo"), ("secretariat", "the Secretariat")):
        seen: set[str] = set()
        for i, fig in enumerate(getattr(sc, field)):
            if fig in seen:
                chk.report(k, sid, [field, i], f"'{fig}' is seated twice in {name}")
            seen.add(fig)
    offices = chk.rules.by_kind.get("offices", {})
    held: dict[str, list[str]] = {}
    for office, fig in sc.offices.items():
        for other in held.get(fig, []):
            a, b = offices.get(office), offices.get(other)
            if a is not None and b is not None and other not in a.also and office not in b.also:
                chk.report(
                    k,
                    sid,
                    ["offices", office],
                    f"'{fig}' holds both '{other}' and '{office}'; a second office "
                    f"is allowed only where offices.yaml lists it in the other's 'also'",
                )
        held.setdefault(fig, []).append(office)


def _roles(chk, sid, roles) -> None:
    for role, kind in records.ROLE_KINDS.items():
        value = getattr(roles, role)
        table = chk.rules.by_kind.get(kind, {})
        if value not in table:
            chk.ref("settings", sid, ["roles", role], kind, value)
            continue
        shape = ROLE_SHAPES.get(role)
        if shape is not None and table[value].kind != shape:
            chk.report(
                "settings",
                sid,
                ["roles", role],
                f"the {role.replace('_', ' ')} role needs a {singular(kind)} of kind '{shape}', '{value}' is '{table[value].kind}'",
            )


# --- events that can never fire -------------------------------------------------------------------


def _quarter(date: str) -> int:
    """YYYY-MM-DD or YYYY-Qn → a quarter number."""
    year = int(date[:4])
    q = int(date[-1]) if "-Q" in date else (int(date[5:7]) - 1) // 3 + 1
    return year * 4 + q - 1


def _spans(rules) -> list[tuple[int, int]]:
    out = []
    for sc in rules.by_kind.get("scenarios", {}).values():
        try:
            first = _quarter(sc.start)
        except ValueError:
            continue
        out.append((first, first + sc.turns - 1))
    return out


def _text(q: int) -> str:
    return f"{q // 4}-Q{q % 4 + 1}"


def _events(chk) -> None:
    rules = chk.rules
    spans = _spans(rules)
    set_flags = _flags_set(rules)
    for eid, ev in rules.by_kind.get("events", {}).items():
        if ev.chance == 0:
            _warn(chk, "events", eid, ["chance"], "chance 0: this event never fires")
        if ev.date is not None and spans:
            try:
                q = _quarter(ev.date)
            except ValueError:
                q = None
            last = max(hi for _, hi in spans)
            if q is not None and not any(lo <= q <= hi for lo, hi in spans) and not (ev.trigger and q <= last):
                first = min(lo for lo, _ in spans)
                _warn(
                    chk,
                    "events",
                    eid,
                    ["date"],
                    f"dated {ev.date}, outside every scenario "
                    f"({_text(first)} to {_text(last)}): this event never fires",
                )
        for i, j, why in _contradictions(ev.conditions):
            _warn(
                chk, "events", eid, ["conditions", j], f"contradicts condition {i + 1} ({why}): this event never fires"
            )
        for path, flag in _flag_conditions(ev.conditions, ["conditions"]):
            if not _is_set(flag, set_flags):
                _warn(
                    chk,
                    "events",
                    eid,
                    path,
                    f"flag '{flag}' is set by no event, scenario or rule: this event never fires",
                )
    if rules.by_kind.get("events") is not None:
        for eid, ev in rules.by_kind["events"].items():
            if ev.choice is not None and not ev.choice.options:
                chk.report("events", eid, ["choice", "options"], "a choice needs at least one option")


def _warn(chk, kind, entry_id, path, message) -> None:
    chk.report(kind, entry_id, path, message)
    chk.problems[-1] = attrs.evolve(chk.problems[-1], severity=WARNING)


def _flags_set(rules) -> set[str]:
    found = set(records.ENGINE_FLAGS)
    for ev in rules.by_kind.get("events", {}).values():
        effects = list(ev.effects)
        if ev.choice is not None:
            for opt in ev.choice.options:
                effects += opt.effects
        found.update(e["flag"] for e in effects if isinstance(e, dict) and isinstance(e.get("flag"), str))
    for sc in rules.by_kind.get("scenarios", {}).values():
        found.update(sc.flags)
    return found


def _is_set(flag: str, set_flags: set[str]) -> bool:
    return flag in set_flags or flag.startswith(records.ENGINE_FLAG_PREFIXES)


def _flag_conditions(conditions, path):
    """(path, flag) of every ``flag:`` condition, inside ``not`` and ``any`` too."""
    for i, cond in enumerate(conditions):
        if not isinstance(cond, dict) or len(cond) != 1:
            continue
        ((verb, arg),) = cond.items()
        if verb == "flag" and isinstance(arg, str):
            yield path + [i, "flag"], arg
        elif verb in ("not", "any"):
            inner = arg if isinstance(arg, list) else [arg]
            yield from _flag_conditions(inner, path + [i, verb] if isinstance(arg, list) else path + [i, verb, 0])


def _contradictions(conditions):
    """(i, j, why) for pairs of an event's conditions (all of which must hold) that cannot
    both hold."""
    items = [c for c in conditions if isinstance(c, dict) and len(c) == 1]
    index = {id(c): n for n, c in enumerate(conditions)}
    for a_pos, a in enumerate(items):
        for b in items[a_pos + 1 :]:
            why = _clash(a, b) or _clash(b, a)
            if why:
                yield index[id(a)], index[id(b)], why


def _clash(a: dict, b: dict) -> str | None:
    ((va, xa),) = a.items()
    ((vb, xb),) = b.items()
    if (va, vb) in {("alive", "dead"), ("flag", "not_flag")} and xa == xb:
        return f"{va} and {vb} of '{xa}'"
    if vb == "not" and (xb == a or xb == [a]):
        return f"{va} and not {va}"
    if va == vb == "holder" and isinstance(xa, dict) and isinstance(xb, dict):
        if xa.get("office") == xb.get("office") and xa.get("figure") != xb.get("figure"):
            return f"two holders of '{xa.get('office')}'"
    if va == "vacant" and vb == "holder" and isinstance(xb, dict) and xb.get("office") == xa:
        return f"'{xa}' both vacant and held"
    for verb, key in (("status_is", "faction"), ("figure_status", "figure")):
        if va == vb == verb and isinstance(xa, dict) and isinstance(xb, dict):
            if xa.get(key) == xb.get(key) and xa.get("status") != xb.get("status"):
                return f"'{xa.get(key)}' cannot be both {xa.get('status')} and {xb.get('status')}"
    if va == "tracker_at_least" and vb == "tracker_below" and isinstance(xa, dict) and isinstance(xb, dict):
        if xa.get("id") == xb.get("id") and _num(xb.get("value")) <= _num(xa.get("value")):
            return f"'{xa.get('id')}' at least {xa.get('value')} and below {xb.get('value')}"
    return None


def _num(value) -> int:
    return value if isinstance(value, int) else 0
