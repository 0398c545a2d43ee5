"""Cross-entry checks on loaded rules: references, vocabularies, dates, and citations.

Each check yields :class:`Problem` values positioned on the YAML node at fault.  Citations are
checked against the seed files themselves: the quote must appear in the cited lines (whitespace
collapsed, case and typographic quotes ignored).

This module is longer than the house's 500 lines on purpose: it is one short check per kind of
cross-reference, sharing the positioning of problems and the order they are reported in.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

from game.ruleset import records, sanity, yamlpos
from game.ruleset.problems import Problem, closest, singular
from game.ruleset.vocabulary import COMPOSED, SELF, TARGET, TARGETS

#: where ``$self`` and ``$target`` may be written
PLACES = "a composed action may say $self in its conditions, and $target too in its target_conditions and effects"

_WS = re.compile(r"\s+")
_TYPO = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
UNALIGNED = "unaligned"
SCENARIO_START = re.compile(r"^(\d{4})-Q([1-4])$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def normalise(text: str) -> str:
    return _WS.sub(" ", text.translate(_TYPO)).strip().lower()


@lru_cache(maxsize=16)
def _seed_lines(path: str) -> tuple[str, ...]:
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    lines = text.split("\n")  # not splitlines(): \f or \u2028 must not shift line numbers
    if text.endswith("\n"):
        lines.pop()
    return tuple(lines)


class _Checker:
    def __init__(self, rules, raw, failed=frozenset()):
        self.rules, self.raw, self.problems = rules, raw, []
        self.failed = failed  # (kind, id) of entries already reported as unloadable
        self.cited: dict[str, list[int]] = {}
        #: placeholder → the kind of entry it stands for (a composed action's ``$self``, ``$target``)
        self.placeholders: dict[str, str] = {}

    def report(self, kind, entry_id, path, message) -> None:
        file = self.rules.origin.get((kind, entry_id), ("?", 1, 1))[0]
        node = self.raw.get((kind, entry_id))
        if node is not None:  # a merged entry names the file each of its parts came from
            file, line, col = yamlpos.locate(node, path, file)
        else:
            line, col = self.rules.origin[(kind, entry_id)][1:]
        self.problems.append(Problem(file, line, col, message, entry_id))

    def ref(self, kind, entry_id, path, target_kind, value, optional=False) -> None:
        if value is None and optional:
            return
        if value in self.placeholders:
            if self.placeholders[value] != target_kind:
                stands = singular(self.placeholders[value])
                self.report(kind, entry_id, path, f"{value} is a {stands} here, not a {singular(target_kind)}")
            return
        if value in (SELF, TARGET):
            self.report(kind, entry_id, path, f"{value} stands for nothing here: {PLACES}")
            return
        table = self.rules.by_kind.get(target_kind, {})
        if value not in table and (target_kind, value) not in self.failed:
            close = closest(str(value), table)
            hint = f" (did you mean '{close}'?)" if close else ""
            self.report(kind, entry_id, path, f"unknown {singular(target_kind)} '{value}'{hint}")

    def one_of(self, kind, entry_id, path, value, allowed, what) -> None:
        if value not in allowed:
            close = closest(str(value), allowed)
            hint = f" (did you mean '{close}'?)" if close else f"; one of: {', '.join(allowed)}"
            self.report(kind, entry_id, path, f"unknown {what} '{value}'{hint}")


def validate(rules, raw, failed=frozenset()) -> list[Problem]:
    """Every cross-entry problem; references to entries in ``failed`` (already reported) are
    not reported again."""
    chk = _Checker(rules, raw, failed)
    for kind, check in CHECKS.items():
        for entry_id, rec in rules.by_kind.get(kind, {}).items():
            check(chk, entry_id, rec)
    for kind in records.KINDS:
        for entry_id, rec in rules.by_kind.get(kind, {}).items():
            _check_sources(chk, kind, entry_id, rec)
    sanity.check(chk)
    _every_kind_weighed(chk)
    unloaded = {kind for kind, _id in failed}  # an entry that failed to load is reported already
    if len(rules.by_kind.get("settings", {})) != 1 and "settings" not in unloaded:
        chk.problems.append(Problem("settings.yaml", 1, 1, "exactly one settings entry is needed"))
    if not rules.by_kind.get("victory") and "victory" not in unloaded:
        chk.problems.append(Problem("victory.yaml", 1, 1, "a victory entry is needed"))
    return chk.problems


class _Loose(_Checker):
    """A checker for text outside the rule files (e.g. a replay's checkpoints): bare messages."""

    def report(self, kind, entry_id, path, message) -> None:
        where = ".".join(str(p) for p in path)
        self.problems.append(f"{where}: {message}" if where else message)


def condition_problems(rules, condition) -> list[str]:
    """What is wrong with a condition (a one-verb map, or a list of them); [] if it is usable."""
    chk = _Loose(rules, {})
    for i, cond in enumerate(condition if isinstance(condition, list) else [condition]):
        _verb(chk, "", "", [i] if isinstance(condition, list) else [], cond, records.CONDITIONS, "condition")
    return chk.problems


def coverage(rules) -> tuple[int, int]:
    """(entries with a verified citation, historical entries) — call on rules that validated.

    A citation is verified when the validator has found its quote in the seed lines it names,
    or when it quotes an outside text verbatim; a paraphrase (``says``) alone is not."""
    total = sum(len(rules.by_kind.get(kind, {})) for kind in records.HISTORICAL)
    return total - len(unverified(rules)), total


def _verified(rec) -> bool:
    return any(c.seed or normalise(c.quote) for c in rec.source)


def unverified(rules) -> list[tuple[str, str]]:
    """(kind, id) of historical entries without a verified citation."""
    return [
        (kind, entry_id)
        for kind in records.HISTORICAL
        for entry_id, rec in rules.by_kind.get(kind, {}).items()
        if not _verified(rec)
    ]


def source_report(rules) -> dict[str, int]:
    """How the historical entries are sourced: by a seed quote, by outside quotes only, by
    paraphrased outside works only; and how many citations of each sort there are."""
    out = {
        "seed": 0,
        "outside_quote": 0,
        "paraphrase_only": 0,
        "seed_citations": 0,
        "outside_quotes": 0,
        "paraphrases": 0,
    }
    for kind in records.HISTORICAL:
        for rec in rules.by_kind.get(kind, {}).values():
            out["seed_citations"] += sum(1 for c in rec.source if c.seed)
            out["outside_quotes"] += sum(1 for c in rec.source if c.outside and normalise(c.quote))
            out["paraphrases"] += sum(1 for c in rec.source if c.says)
            if any(c.seed for c in rec.source):
                out["seed"] += 1
            elif _verified(rec):
                out["outside_quote"] += 1
            elif rec.source:
                out["paraphrase_only"] += 1
    return out


def _check_sources(chk, kind, entry_id, rec) -> None:
    sources = getattr(rec, "source", ())
    if kind in records.HISTORICAL and not sources:
        chk.report(kind, entry_id, ["id"], "historical entry has no source (seed, lines, quote)")
    for i, cit in enumerate(sources):
        _check_citation(chk, kind, entry_id, ["source", i], cit)


def _check_citation(chk, kind, entry_id, path, cit) -> None:
    if cit.outside is not None:
        if cit.seed is not None:
            chk.report(kind, entry_id, path, "a citation names either a seed or an outside source, not both")
        elif bool(normalise(cit.quote)) == bool(cit.says and normalise(cit.says)):
            chk.report(
                kind,
                entry_id,
                path,
                "an outside reference needs a quote or (if the text is not at hand) says, not both",
            )
        return
    if cit.says is not None:
        chk.report(kind, entry_id, path + ["says"], "a seed citation quotes the seed; 'says' is for outside references")
        return
    if cit.seed is None or cit.lines is None:
        chk.report(kind, entry_id, path, "a citation needs seed and lines (or outside)")
        return
    seed_path = chk.rules.root / cit.seed
    if not cit.seed.startswith("seeds/") or ".." in cit.seed or not seed_path.is_file():
        chk.report(kind, entry_id, path + ["seed"], f"no seed file '{cit.seed}' (write seeds/FILE)")
        return
    try:
        first, last = cit.line_range()
    except ValueError:
        chk.report(kind, entry_id, path + ["lines"], f"lines must be N or N-M, got '{cit.lines}'")
        return
    if not normalise(cit.quote):
        chk.report(kind, entry_id, path + ["quote"], "a citation needs a non-empty quote")
        return
    lines = _seed_lines(str(seed_path))
    if not 1 <= first <= last <= len(lines):
        chk.report(kind, entry_id, path + ["lines"], f"lines {first}-{last} outside {cit.seed} (1-{len(lines)})")
        return
    if normalise(cit.quote) not in normalise("\n".join(lines[first - 1 : last])):
        chk.report(kind, entry_id, path + ["quote"], f"quote not found in {cit.seed} lines {first}-{last}")


# --- per-kind reference checks ---------------------------------------------------------------


#: a colour in a rule file
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
#: the largest column or row a region's map cell may name (the map is a grid of tiles)
MAP_MOST = 11
#: the longest short label of an action's button
SHORT_MOST = 24


def _faction(chk, fid, f):
    chk.ref("factions", fid, ["leader"], "figures", f.leader)
    for key in ("colour", "poster_colour"):
        value = getattr(f, key)
        if value is not None and not COLOUR.match(value):
            chk.report("factions", fid, [key], f"{key} must be a colour written #RRGGBB, got {value!r}")
    for issue in f.stances:
        chk.ref("factions", fid, ["stances", issue], "trackers", issue)


def _figure(chk, fid, f):
    chk.ref("figures", fid, ["faction"], "factions", f.faction, optional=True)
    for i, trait in enumerate(f.traits):
        chk.one_of("figures", fid, ["traits", i], trait, records.TRAITS, "trait")
    for fac in f.affinity:
        chk.ref("figures", fid, ["affinity", fac], "factions", fac)


def _office(chk, oid, o):
    chk.ref("offices", oid, ["appointed_by"], "bodies", o.appointed_by)
    for i, g in enumerate(o.grants):
        chk.one_of("offices", oid, ["grants", i], g, records.CAPABILITIES, "capability")
    for i, t in enumerate(o.traits):
        chk.one_of("offices", oid, ["traits", i], t, records.TRAITS, "trait")
    for i, other in enumerate(o.also):
        chk.ref("offices", oid, ["also", i], "offices", other)


def _body(chk, bid, b):
    chk.one_of("bodies", bid, ["kind"], b.kind, records.BODY_KINDS, "body kind")
    for i, m in enumerate(b.members_of):
        chk.ref("bodies", bid, ["members_of", i], "bodies", m)


def _region(chk, rid, r):
    chk.ref("regions", rid, ["chief_office"], "offices", r.chief_office, optional=True)
    if r.map is None:
        return
    if not all(0 <= n <= MAP_MOST for n in r.map):
        chk.report("regions", rid, ["map"], f"map must be [column, row], each 0..{MAP_MOST}, got {list(r.map)}")
        return
    others = [o for o, reg in chk.rules.regions.items() if o != rid and reg.map == r.map]
    if others:  # told at each, so that the line a mod changed is named whichever came first
        chk.report("regions", rid, ["map"], f"map cell {list(r.map)} is also {', '.join(others)}'s")


def _organ(chk, oid, o):
    chk.ref("press", oid, ["controlled_by"], "offices", o.controlled_by)


def _tracker(chk, tid, t):
    chk.one_of("trackers", tid, ["kind"], t.kind, records.TRACKER_KINDS, "tracker kind")
    if t.low >= t.high:
        chk.report("trackers", tid, ["low"], "low must be below high")
    elif not t.low <= t.start <= t.high:
        chk.report("trackers", tid, ["start"], f"start must be within {t.low}..{t.high}, got {t.start}")


def _action(chk, aid, a):
    chk.one_of("actions", aid, ["kind"], a.kind, tuple(records.ACTION_KINDS), "action kind")
    if a.short is not None and not 0 < len(a.short.strip()) <= SHORT_MOST:
        chk.report("actions", aid, ["short"], f"short must be a label of 1 to {SHORT_MOST} characters, got {a.short!r}")
    for i, s in enumerate(a.allowed_status):
        chk.one_of("actions", aid, ["allowed_status", i], s, records.STATUSES, "status")
    if a.requires is not None:
        chk.one_of("actions", aid, ["requires"], a.requires, records.CAPABILITIES, "capability")
    if a.kind in records.ACTION_KINDS:
        _params(chk, "actions", aid, a, records.ACTION_KINDS[a.kind])
    if a.kind == COMPOSED:
        _composed(chk, aid, a)
        return
    for field in ("target", "target_conditions", "effects", "secret"):
        if getattr(a, field):
            chk.report("actions", aid, [field], f"only an action of kind {COMPOSED} has {field} (its kind does it)")
    for i, cond in enumerate(a.conditions):
        _verb(chk, "actions", aid, ["conditions", i], cond, records.CONDITIONS, "condition")


def _composed(chk, aid, a) -> None:
    """A composed action: its target is one of TARGETS; its conditions may say ``$self``, its
    target conditions and effects ``$self`` and ``$target`` (where the target's kind of entry
    is wanted)."""
    if a.target is not None:
        chk.one_of("actions", aid, ["target"], a.target, tuple(TARGETS), "target")
    if not a.effects:
        chk.report("actions", aid, ["effects"], "a composed action needs effects (what taking it does)")
    chk.placeholders = {SELF: "factions"}
    try:
        for i, cond in enumerate(a.conditions):
            _verb(chk, "actions", aid, ["conditions", i], cond, records.CONDITIONS, "condition")
        if a.target in TARGETS:
            chk.placeholders[TARGET] = TARGETS[a.target]
        elif a.target_conditions:
            chk.report("actions", aid, ["target_conditions"], "target_conditions need a target")
        for i, cond in enumerate(a.target_conditions):
            _verb(chk, "actions", aid, ["target_conditions", i], cond, records.CONDITIONS, "condition")
        for i, eff in enumerate(a.effects):
            _verb(chk, "actions", aid, ["effects", i], eff, records.EFFECTS, "effect")
    finally:
        chk.placeholders = {}


def _action_weight(chk, wid, w):
    """An ``action_weights`` entry names an action kind or an action; its leanings are known."""
    if wid not in records.ACTION_KINDS and wid not in chk.rules.by_kind.get("actions", {}):
        close = closest(wid, [*records.ACTION_KINDS, *chk.rules.by_kind.get("actions", {})])
        hint = f" (did you mean '{close}'?)" if close else ""
        chk.report("action_weights", wid, ["id"], f"'{wid}' is neither an action kind nor an action{hint}")
    for name in w.leanings:
        if name not in records.PERSONALITY_WEIGHTS:
            _report_key(chk, "action_weights", wid, "leanings", name, records.PERSONALITY_WEIGHTS)


def _every_kind_weighed(chk) -> None:
    """Every action kind has an ``action_weights`` entry: none is silently weighed 0 by the bots."""
    weights = chk.rules.by_kind.get("action_weights", {})
    missing = [k for k in records.ACTION_KINDS if k not in weights and ("action_weights", k) not in chk.failed]
    if missing and chk.rules.by_kind.get("actions"):
        chk.problems.append(
            Problem("ai.yaml", 1, 1, f"action_weights: no entry for the action kind(s) {', '.join(missing)}")
        )


#: (kind, param) of the params the engine divides by
_DIVISORS = {("publish", "reach_par"), ("mass_appeal", "mood_par")}


def _params(chk, kind, entry_id, rec, wanted) -> None:
    """Every param the entry's kind reads is given, and no other."""
    for p, value in rec.params.items():
        chk.one_of(kind, entry_id, ["params", p], p, wanted, f"param of {rec.kind}")
        if (rec.kind, p) in _DIVISORS and value < 1:
            chk.report(kind, entry_id, ["params", p], f"{p} divides: it must be at least 1")
    for p in wanted:
        if p not in rec.params:
            chk.report(kind, entry_id, ["params"], f"missing param '{p}' (a {rec.kind} reads: {', '.join(wanted)})")


def _motion(chk, mid, m):
    chk.one_of("motions", mid, ["kind"], m.kind, tuple(records.MOTION_KINDS), "motion kind")
    chk.ref("motions", mid, ["body"], "bodies", m.body)
    for i, s in enumerate(m.target_status):
        chk.one_of("motions", mid, ["target_status", i], s, records.STATUSES, "status")
    if m.result_status is not None:
        chk.one_of("motions", mid, ["result_status"], m.result_status, records.STATUSES, "status")
    if m.kind in records.MOTION_KINDS:
        _params(chk, "motions", mid, m, records.MOTION_KINDS[m.kind])
    if m.follow_up is not None:
        if m.kind != "read_testament":
            chk.report("motions", mid, ["follow_up"], "only a read_testament motion tables a follow-up")
        chk.ref("motions", mid, ["follow_up"], "motions", m.follow_up)
        then = chk.rules.by_kind.get("motions", {}).get(m.follow_up)
        if then is not None and then.kind != "remove_office":
            chk.report(
                "motions",
                mid,
                ["follow_up"],
                f"the follow-up must be a remove_office motion, '{m.follow_up}' is {then.kind}",
            )


def _settings(chk, sid, s):
    for table in ("income_by_status", "ap_by_status"):
        for status, n in getattr(s, table).items():
            chk.one_of("settings", sid, [table, status], status, records.STATUSES, "status")
            if n < 0:
                chk.report("settings", sid, [table, status], f"{table} must not be negative, got {n}")
    for name in ("regions_per_influence", "bureaucracy_per_hold"):
        if getattr(s, name) < 1:
            chk.report("settings", sid, [name], f"{name} divides: it must be at least 1")
    for name in ("opinion_divisor", "leaning_divisor", "ties_divisor"):
        if getattr(s.votes, name) < 1:
            chk.report("settings", sid, ["votes", name], f"{name} divides: it must be at least 1")


def _event(chk, eid, e):
    if e.date is not None and not _valid_date(e.date):
        chk.report("events", eid, ["date"], f"date must be a day of the calendar written YYYY-MM-DD, got '{e.date}'")
    for i, cond in enumerate(e.conditions):
        _verb(chk, "events", eid, ["conditions", i], cond, records.CONDITIONS, "condition")
    for i, eff in enumerate(e.effects):
        _verb(chk, "events", eid, ["effects", i], eff, records.EFFECTS, "effect")
    if e.choice is not None:
        chk.ref("events", eid, ["choice", "faction"], "factions", e.choice.faction)
        for j, opt in enumerate(e.choice.options):
            for i, eff in enumerate(opt.effects):
                _verb(chk, "events", eid, ["choice", "options", j, "effects", i], eff, records.EFFECTS, "effect")
        _history_option(chk, eid, e)


def _history_option(chk, eid, e) -> None:
    """History's option comes first: the engine takes it when nobody chooses, and the waiting player
    and the simple bot follow it.  Every choice names it (``history:``; in a counterfactual, the
    option nearest to what history did) and lists it first."""
    ids = [o.id for o in e.choice.options]
    if e.choice.history is None:
        if ids:
            chk.report(
                "events",
                eid,
                ["choice"],
                f"a choice names history's option (history: OPTION_ID; in a counterfactual the one nearest to "
                f"what history did) and lists it first; here '{ids[0]}' is first",
            )
        return
    if e.choice.history not in ids:
        close = closest(e.choice.history, ids)
        hint = f" (did you mean '{close}'?)" if close else ""
        chk.report("events", eid, ["choice", "history"], f"'{e.choice.history}' is not one of its options{hint}")
    elif ids[0] != e.choice.history:
        chk.report(
            "events",
            eid,
            ["choice", "history"],
            f"history's option '{e.choice.history}' must be listed first (the engine, the waiting player and the "
            f"simple bot take the first option as history's course); '{ids[0]}' is first",
        )


def _valid_date(text: str) -> bool:
    """A real day of the calendar (``1923-02-30`` is not; ``1924-02-29`` is).

    >>> _valid_date("1924-02-29"), _valid_date("1923-02-29"), _valid_date("1923-02-30")
    (True, False, False)
    """
    m = DATE.match(text)
    if not m:
        return False
    try:
        datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return False
    return True


def _verb(chk, kind, eid, path, item, table, what) -> None:
    if not isinstance(item, dict) or len(item) != 1:
        chk.report(kind, eid, path, f"each {what} is a map with one key (the verb)")
        return
    ((verb, arg),) = item.items()
    if verb not in table:
        chk.one_of(kind, eid, path, verb, tuple(table), what)
        return
    _arg(chk, kind, eid, path + [verb], table[verb], arg)


_VALUES = {"status": records.STATUSES, "figure_status": records.FIGURE_STATUSES, "direction": records.DIRECTIONS}


def _arg(chk, kind, eid, path, spec, arg) -> None:
    """A verb's argument against its spec: a map of named arguments (``name?`` optional), a whole
    number within the sanity limits, text, one of a closed set of values, conditions, or the id of
    an entry of a rule table."""
    if isinstance(spec, dict):
        _map_arg(chk, kind, eid, path, spec, arg)
    elif spec == "int":
        if isinstance(arg, bool) or not isinstance(arg, int):
            chk.report(kind, eid, path, f"expected a whole number, got {arg!r}")
            return
        limits = sanity.arg_limits(path)
        if limits is not None and not limits[0] <= arg <= limits[1]:
            chk.report(kind, eid, path, f"must be within {limits[0]}..{limits[1]}, got {arg}")
    elif spec == "str":
        if not isinstance(arg, str):
            chk.report(kind, eid, path, f"expected text, got {arg!r}")
    elif spec in _VALUES:
        chk.one_of(kind, eid, path, arg, _VALUES[spec], spec.replace("_", " "))
    elif spec == "conditions":  # ``not``: one condition, or a list of them (all must hold to fail)
        for i, cond in enumerate(arg if isinstance(arg, list) else [arg]):
            _verb(chk, kind, eid, path + [i] if isinstance(arg, list) else path, cond, records.CONDITIONS, "condition")
    else:
        chk.ref(kind, eid, path, spec, arg)


def _map_arg(chk, kind, eid, path, spec: dict, arg) -> None:
    if not isinstance(arg, dict):
        chk.report(kind, eid, path, f"expects a map with keys: {', '.join(k.rstrip('?') for k in spec)}")
        return
    names = {k.rstrip("?"): k for k in spec}
    for key in arg:
        if key not in names:
            close = closest(str(key), names)
            chk.report(
                kind,
                eid,
                path + [key],
                f"unknown argument '{key}'" + (f" (did you mean '{close}'?)" if close else ""),
            )
    for name, key in names.items():
        if name not in arg or arg[name] is None:
            if not key.endswith("?"):
                chk.report(kind, eid, path, f"missing argument '{name}'")
            continue
        _arg(chk, kind, eid, path + [name], spec[key], arg[name])


def _scenario(chk, sid, s):
    """A scenario: its dates and kind, the Secretariat, the references it makes, the seats of its
    bodies, where each faction, region and figure starts, and what each player is given."""
    _scenario_dates(chk, sid, s)
    _scenario_secretariat(chk, sid, s)
    _scenario_refs(chk, sid, s)
    _scenario_seats(chk, sid, s)
    _scenario_starts(chk, sid, s)
    _scenario_players(chk, sid, s)
    _questions(chk, sid, s.questions)


def _scenario_dates(chk, sid, s) -> None:
    k = "scenarios"
    if not SCENARIO_START.match(s.start):
        chk.report(k, sid, ["start"], f"start must be YYYY-Qn, got '{s.start}'")
    if s.last_congress is not None and (not SCENARIO_START.match(s.last_congress) or s.last_congress >= s.start):
        chk.report(k, sid, ["last_congress"], f"last_congress is a YYYY-Qn before the start, got '{s.last_congress}'")
    for office, until in s.vacant_until.items():
        chk.ref(k, sid, ["vacant_until", office], "offices", office)
        if not isinstance(until, str) or not SCENARIO_START.match(until) or until <= s.start:
            chk.report(k, sid, ["vacant_until", office], f"vacant_until is a YYYY-Qn after the start, got '{until}'")
        if s.offices.get(office) is not None:
            chk.report(
                k, sid, ["vacant_until", office], f"'{office}' is vacant until {until} but has a holder at the start"
            )
    chk.one_of(k, sid, ["kind"], s.kind, records.SCENARIO_KINDS, "scenario kind")
    if s.kind == "counterfactual" and not s.premise.strip():
        chk.report(k, sid, ["premise"], "a counterfactual needs a premise")


def _scenario_secretariat(chk, sid, s) -> None:
    k = "scenarios"
    for i, fig in enumerate(s.secretariat):
        chk.ref(k, sid, ["secretariat", i], "figures", fig)
    settings = next(iter(chk.rules.by_kind.get("settings", {}).values()), None)
    gensec = s.offices.get(settings.roles.general_secretary) if settings is not None else None
    if s.secretariat and gensec is not None and gensec not in s.secretariat:
        chk.report(k, sid, ["secretariat"], f"the General Secretary '{gensec}' is not in the Secretariat")


def _scenario_refs(chk, sid, s) -> None:
    """The entries a scenario names: bodies, issues, events, factions, offices, men, trackers."""
    k = "scenarios"
    for body in s.seats:
        chk.ref(k, sid, ["seats", body], "bodies", body)
    for f, table in s.stances.items():
        chk.one_of(k, sid, ["stances", f], f, s.factions, "faction of this scenario")
        for issue in table:
            chk.ref(k, sid, ["stances", f, issue], "trackers", issue)
    for i, e in enumerate(s.skip_events):
        chk.ref(k, sid, ["skip_events", i], "events", e)
    for i, f in enumerate(s.factions):
        chk.ref(k, sid, ["factions", i], "factions", f)
    if len(s.factions) < 2:
        chk.report(k, sid, ["factions"], "a scenario needs at least two factions")
    for office, fig in s.offices.items():
        chk.ref(k, sid, ["offices", office], "offices", office)
        chk.ref(k, sid, ["offices", office], "figures", fig)
    for i, fig in enumerate(s.politburo):
        chk.ref(k, sid, ["politburo", i], "figures", fig)
    for t in s.trackers:
        chk.ref(k, sid, ["trackers", t], "trackers", t)
    for i, pair in enumerate(s.blocs):
        for j, f in enumerate(pair):
            chk.one_of(k, sid, ["blocs", i, j], f, s.factions, "faction of this scenario")
    for i, e in enumerate(s.events):
        chk.ref(k, sid, ["events", i], "events", e)


def _scenario_seats(chk, sid, s) -> None:
    """The Central Committee's, the Control Commission's and the Politburo's seats add up."""
    k = "scenarios"
    seats = chk.rules.by_kind["bodies"]
    for field in ("central_committee", "control_commission"):
        for f in getattr(s, field):
            if f != UNALIGNED:
                chk.one_of(k, sid, [field, f], f, s.factions, "faction of this scenario")
        body = seats.get(field)
        total = sum(getattr(s, field).values())
        if body is not None:
            n = s.seats.get(field, body.seats)
            if total != n:
                chk.report(k, sid, [field], f"{field} seats add up to {total}, the body has {n}")
    pb = seats.get("politburo")
    if pb is not None:
        n = s.seats.get("politburo", pb.seats)
        if len(s.politburo) > n:
            chk.report(k, sid, ["politburo"], f"{len(s.politburo)} Politburo members, the body has {n} seats")


def _scenario_starts(chk, sid, s) -> None:
    """Where each faction, region and figure starts."""
    k = "scenarios"
    for f, start in s.faction_start.items():
        chk.one_of(k, sid, ["faction_start", f], f, s.factions, "faction of this scenario")
        chk.one_of(k, sid, ["faction_start", f, "status"], start.status, records.STATUSES, "status")
    for r, start in s.regions.items():
        chk.ref(k, sid, ["regions", r], "regions", r)
        if start.secretary is not None:
            chk.one_of(k, sid, ["regions", r, "secretary"], start.secretary, s.factions, "faction of this scenario")
        for f in start.sympathy:
            chk.ref(k, sid, ["regions", r, "sympathy", f], "factions", f)
    for fig, start in s.figures.items():
        chk.ref(k, sid, ["figures", fig], "figures", fig)
        if start.faction != UNALIGNED:
            chk.ref(k, sid, ["figures", fig, "faction"], "factions", start.faction, optional=True)
        if start.status is not None:
            chk.one_of(k, sid, ["figures", fig, "status"], start.status, records.FIGURE_STATUSES, "figure status")


def _scenario_players(chk, sid, s) -> None:
    """Every faction of the scenario has its briefing and its objectives, and none other does."""
    k = "scenarios"
    for f in s.briefings:
        chk.one_of(k, sid, ["briefings", f], f, s.factions, "faction of this scenario")
    for f in s.factions:
        if f not in s.briefings:
            chk.report(k, sid, ["briefings"], f"no briefing for faction '{f}'")
    for f in s.factions:
        if f not in s.objectives:
            chk.report(k, sid, ["objectives"], f"no objectives for faction '{f}'")
    for f, obj in s.objectives.items():
        chk.one_of(k, sid, ["objectives", f], f, s.factions, "faction of this scenario")
        _objectives(chk, sid, ["objectives", f], obj)


def _questions(chk, sid, questions) -> None:
    """Discussion questions: each asks something, and each passage it cites is really there."""
    for i, q in enumerate(questions):
        if not q.text.strip():
            chk.report("scenarios", sid, ["questions", i, "text"], "a discussion question needs its text")
        for j, cit in enumerate(q.source):
            _check_citation(chk, "scenarios", sid, ["questions", i, "source", j], cit)


def _objectives(chk, sid, path, obj) -> None:
    k = "scenarios"
    sc = obj.scale
    if not sc.decisive_victory >= sc.victory >= sc.historical >= sc.defeat:
        chk.report(k, sid, path + ["scale"], "the scale must rise: defeat <= historical <= victory <= decisive_victory")
    if not obj.goals:
        chk.report(k, sid, path + ["goals"], "a faction needs at least one goal")
    if obj.decisive_before is not None and not SCENARIO_START.match(obj.decisive_before):
        chk.report(k, sid, path + ["decisive_before"], f"decisive_before is YYYY-Qn, got '{obj.decisive_before}'")
    best = sum(g.points for g in obj.goals if g.points > 0)
    if obj.goals and best < sc.victory:
        chk.report(
            k, sid, path + ["scale", "victory"], f"victory needs {sc.victory} points, the goals give at most {best}"
        )
    seen = set()
    for i, goal in enumerate(obj.goals):
        where = path + ["goals", i]
        if goal.id in seen:
            chk.report(k, sid, where + ["id"], f"goal id '{goal.id}' is used twice")
        seen.add(goal.id)
        chk.one_of(k, sid, where + ["when"], goal.when, records.GOAL_WHEN, "goal timing")
        if goal.by is not None and (goal.when != "ever" or not SCENARIO_START.match(goal.by)):
            chk.report(k, sid, where + ["by"], "by is a YYYY-Qn deadline, for 'ever' goals only")
        if not goal.condition:
            chk.report(k, sid, where + ["condition"], "a goal needs a condition")
        for j, cond in enumerate(goal.condition):
            _verb(chk, k, sid, where + ["condition", j], cond, records.CONDITIONS, "condition")
        for j, cit in enumerate(goal.source):
            _check_citation(chk, k, sid, where + ["source", j], cit)
        if not goal.source and not goal.design:
            chk.report(k, sid, where, "a goal cites its yardstick (source) or says it is a design choice (design)")


def _personality(chk, pid, p):
    chk.ref("personalities", pid, ["faction"], "factions", p.faction)
    chk.ref("personalities", pid, ["home"], "regions", p.home, optional=True)
    chk.ref("personalities", pid, ["target"], "factions", p.target, optional=True)
    for name, weight in p.weights.items():
        if name not in records.PERSONALITY_WEIGHTS:
            _report_key(chk, "personalities", pid, "weights", name, records.PERSONALITY_WEIGHTS)
        if not weight.source and not (weight.design and weight.design.strip()):
            chk.report(
                "personalities", pid, ["weights", name], "a leaning needs a source (seed, lines, quote) or design"
            )
        for i, cit in enumerate(weight.source):
            _check_citation(chk, "personalities", pid, ["weights", name, "source", i], cit)


def _report_key(chk, kind, entry_id, section, key, allowed) -> None:
    """An unknown key of a mapping, reported at the key's own line (not its value's)."""
    close = closest(str(key), allowed)
    hint = f" (did you mean '{close}'?)" if close else f"; one of: {', '.join(allowed)}"
    node = chk.raw.get((kind, entry_id))
    table = node.get(section) if isinstance(node, yamlpos.PosDict) else None
    if isinstance(table, yamlpos.PosDict) and key in table.key_pos:
        file = chk.rules.origin[(kind, entry_id)][0]
        line, col = table.key_pos[key]
        chk.problems.append(Problem(file, line, col, f"unknown leaning '{key}'{hint}", entry_id))
    else:
        chk.report(kind, entry_id, [section, key], f"unknown leaning '{key}'{hint}")


def _pace(chk, pid, p):
    chk.one_of("pace", pid, ["rung"], p.rung, records.LADDER, "rung")
    if p.target is not None:
        chk.one_of("pace", pid, ["target"], p.target, sorted(chk.rules.factions), "faction")
    if not re.fullmatch(r"\d{4}-Q[1-4]", p.not_before):
        chk.report("pace", pid, ["not_before"], f"not_before is YYYY-Qn, got '{p.not_before}'")
    if not p.source and not p.design:
        chk.report("pace", pid, ["id"], "a pace needs a source (seed, lines, quote) or design")
    for i, office in enumerate(p.offices):
        chk.one_of("pace", pid, ["offices", i], office, sorted(chk.rules.offices), "office")
    if p.offices and p.target is None:
        chk.report("pace", pid, ["offices"], "a pace that names offices needs a target: the faction that held them")


def _term(chk, tid, t):
    if not t.text.strip():
        chk.report("glossary", tid, ["text"], "a glossary entry needs its text: what the term means, in plain words")
    for i, name in enumerate(t.also):
        if not name.strip():
            chk.report("glossary", tid, ["also", i], "an other name of the term may not be empty")
    for i, ref in enumerate(t.see):
        problem = see_problem(chk.rules, ref)
        if problem is None and records.entry_ref(ref) == ("glossary", tid):
            problem = "an entry does not send the reader to itself"
        if problem is not None:
            chk.report("glossary", tid, ["see", i], problem)


def see_problem(rules, ref: str) -> str | None:
    """What is wrong with a cross-reference to an encyclopedia entry (``kind.id``, or a glossary
    id), with the closest entry that exists; None if it names one."""
    kind, entry_id = records.entry_ref(str(ref))
    if kind not in records.ENCYCLOPEDIA_KINDS:
        close = closest(kind, records.ENCYCLOPEDIA_KINDS)
        hint = f" (did you mean '{close}.{entry_id}'?)" if close else ""
        return f"the encyclopedia has no {kind!r} entries to send the reader to{hint}; write kind.id or a glossary id"
    if entry_id in rules.by_kind.get(kind, {}):
        return None
    every = [
        k if kind_ == "glossary" else f"{kind_}.{k}"
        for kind_ in records.ENCYCLOPEDIA_KINDS
        for k in rules.by_kind.get(kind_, {})
    ]
    close = closest(str(ref), every)
    hint = f" (did you mean '{close}'?)" if close else ""
    return f"no encyclopedia entry '{ref}'{hint}"


CHECKS = {
    "settings": _settings,
    "factions": _faction,
    "figures": _figure,
    "offices": _office,
    "bodies": _body,
    "regions": _region,
    "press": _organ,
    "trackers": _tracker,
    "actions": _action,
    "motions": _motion,
    "events": _event,
    "scenarios": _scenario,
    "personalities": _personality,
    "pace": _pace,
    "action_weights": _action_weight,
    "glossary": _term,
}
