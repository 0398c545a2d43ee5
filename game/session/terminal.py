"""Playing a faction in the terminal: the faction's own view, numbered menus, re-prompting.

Everything shown comes from the player view, never the raw state.  ``q`` (or end of input)
leaves the game; the autosave of the last completed turn stays on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.engine import Action
from game.engine.actions import CHOOSE
from game.engine.views import View


class Quit(Exception):
    """The player left the game."""


def autosave_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("succession", appauthor=False)) / "autosave.replay"


#: the longest answer read as a number: menus are short, and ``int()`` of a very long string is slow or refused
MAX_DIGITS = 6


def _read(prompt: str, read: Callable[[str], str]) -> str:
    """One answer, stripped.  End of input leaves the game; bytes that are not text read as an
    answer no menu accepts (so the prompt comes again)."""
    try:
        return read(prompt).strip()
    except EOFError:
        raise Quit() from None
    except UnicodeDecodeError:
        return "\ufffd"


def _number(answer: str, low: int, high: int) -> int | None:
    """The answer as a menu number from ``low`` to ``high``, or None.  Only the ASCII digits 0-9
    count: ``'²'`` or ``'٣'`` pass ``str.isdigit`` but are not numbers a menu shows."""
    if not (answer.isascii() and answer.isdigit()) or len(answer) > MAX_DIGITS:
        return None
    number = int(answer)
    return number if low <= number <= high else None


def _retry(low: int, high: int, answer: str) -> str:
    """What to say after an answer that is not a menu number."""
    hint = ""
    if answer and not answer.isascii() and any(ch.isdigit() for ch in answer):
        hint = " (with the digits 0-9)"
    elif answer.isascii() and answer.isdigit() and len(answer) > MAX_DIGITS:
        hint = f" (that number has {len(answer)} digits)"
    return f"Please type a number from {low} to {high}{hint}"


def _ask_choice(title: str, what: str, keys: list[str], labels: list[str], read: Callable[[str], str],
                write: Callable[[str], None], default: str | None = None) -> str | None:
    """A numbered list; the answer is a number, a key, or Enter for ``default``.  None if the
    player leaves (``q`` or end of input)."""
    write(title)
    for i, (key, label) in enumerate(zip(keys, labels, strict=True), 1):
        write(f"  {i}. {label}" + (" (Enter)" if key == default else ""))
    while True:
        try:
            answer = _read(f"{what} number (q to quit)> ", read)
        except Quit:
            return None
        if answer.lower() in ("q", "quit"):
            return None
        if answer == "" and default is not None:
            return default
        number = _number(answer, 1, len(keys))
        if number is not None:
            return keys[number - 1]
        if answer in keys:
            return answer
        write(_retry(1, len(keys), answer) + ".")


def ask_faction(rules, factions, read: Callable[[str], str] = input,
                write: Callable[[str], None] = print) -> str | None:
    factions = list(factions)
    return _ask_choice("Choose your faction:", "faction", factions,
                       [rules.factions[f].name for f in factions], read, write)


def scenario_order(rules) -> list[str]:
    """Scenario ids as a menu lists them: the campaign, then classroom, then counterfactuals."""
    from game.ruleset.records import SCENARIO_KINDS

    def key(sid):
        sc = rules.scenarios[sid]
        kind = SCENARIO_KINDS.index(sc.kind) if sc.kind in SCENARIO_KINDS else len(SCENARIO_KINDS)
        return kind, sc.start, sid

    return sorted(rules.scenarios, key=key)


def ask_scenario(rules, default: str, read: Callable[[str], str] = input,
                 write: Callable[[str], None] = print) -> str | None:
    """A numbered list of scenarios; Enter takes the default.  None if the player leaves."""
    ids = scenario_order(rules)
    labels = [f"{sc.name} [{sc.kind}, from {sc.start}, {sc.turns} turns]" for sc in (rules.scenarios[i] for i in ids)]
    return _ask_choice("Choose a scenario:", "scenario", ids, labels, read, write,
                       default if default in rules.scenarios else None)


def briefing(rules, scenario: str, faction: str) -> list[str]:
    """The scenario's premise (for a counterfactual) and the faction's briefing, as lines."""
    import textwrap

    sc = rules.scenarios[scenario]
    out = ["", f"=== {sc.name} — {rules.factions[faction].name} ==="]

    def para(title: str, text: str) -> None:
        out.extend(textwrap.wrap(f"{title}: {' '.join(text.split())}", width=96, subsequent_indent="  "))

    if sc.premise:
        para("What if", sc.premise)
    brief = sc.briefings.get(faction)
    if brief is not None:
        para("Your situation", brief.situation)
        para("Your aims", brief.aims)
        para("Your levers", brief.levers)
    out.append("(type b at any prompt to read this again)")
    return out


def describe(rules, action: Action, view: View) -> str:
    """A menu line for an action, in words."""
    if action.name == CHOOSE:
        eid = view.pending_choice[0]
        opt = next(o for o in rules.events[eid].choice.options if o.id == action.args[0])
        return opt.name + (f" — {opt.text}" if opt.text else "")
    from game.engine.words import action_words

    rule = rules.actions[action.name]
    words = action_words(rules, action)
    cost = rule.cost
    price = f"  [{cost.ap} AP" + (f", {cost.influence} influence" if cost.influence else "") + "]"
    return f"{rule.name}{': ' + ', '.join(words) if words else ''}{price}"


def render(rules, view: View, seen: int) -> list[str]:
    """The faction's screen as lines of text."""
    me = view.you
    fs = view.factions[me]
    out = [
        "",
        f"=== {view.date} (turn {view.turn + 1}/{view.turns}) — {rules.factions[me].name} ===",
        f"status {fs.status} | influence {fs.influence} | prestige {fs.prestige} | "
        f"exposure {fs.exposure} | Lenin's mantle {fs.mantle} | action points {fs.ap}",
    ]
    held = [f"{rules.offices[o].name}: {rules.figures[h].name}" for o, h in view.offices.items() if h]
    out.append("Offices: " + "; ".join(held))
    out.append("Politburo: " + ", ".join(
        f"{rules.figures[f].name} ({view.figures[f].faction or '-'})" for f in view.politburo))
    out.append("Secretariat: " + ", ".join(
        f"{rules.figures[f].name} ({view.figures[f].faction or '-'})" for f in view.secretariat))
    out.append("Central Committee: " + ", ".join(f"{k} {v}" for k, v in sorted(view.central_committee.items())))
    out.append("If the Congress met now: " + ", ".join(f"{k} {v}" for k, v in sorted(view.forecast.items())))
    out.append("Opinion: " + ", ".join(f"{rules.trackers[t].name} {v}" for t, v in view.trackers.items()))
    if view.blocs:
        out.append("Blocs: " + "; ".join(" + ".join(p) for p in view.blocs))
    if view.offers:
        out.append("Bloc offers: " + "; ".join(f"{a} → {b}" for a, b in view.offers))
    if view.cultivation:
        out.append("Your secret contacts: " + ", ".join(
            f"{rules.figures[f].name} +{v}" for f, v in sorted(view.cultivation.items())))
    out.extend(objective_lines(view))
    new = view.log[seen:]
    if new:
        out.append("--- since you last acted ---")
        out.extend(f"  {line.text}" for line in new)
    return out


_WHEN = {"end": "at the end", "always": "throughout", "ever": "at any quarter's close"}


def objective_lines(view: View) -> list[str]:
    """The faction's objectives and how it stands on each."""
    from game.engine.objectives import points_text
    from game.ruleset.records import RESULT_NAMES

    obj = view.objectives
    if not obj:
        return []
    out = [f"Objectives — {points_text(obj.points)} now: {RESULT_NAMES[obj.result]} if the game ended now"]
    for g in obj.goals:
        when = f"by {g.by}" if g.by else _WHEN[g.when]
        status = g.status
        if g.points < 0:  # a fate to avoid: say whether it befell the faction
            status = "befell" if status == "met" else "avoided"
        out.append(f"  [{status:>7}] {g.points:+d}  {g.name} ({when})")
    return out


def result_lines(rules, view: View) -> list[str]:
    """The end of the game: each faction's result against history."""
    from game.engine.objectives import points_text
    from game.ruleset.records import RESULT_NAMES

    out = ["", "=== The result, measured against history ==="]
    for fid, (points, result) in view.results.items():
        out.append(f"  {rules.factions[fid].name}: {RESULT_NAMES[result]} ({points_text(points)})")
    obj = view.objectives
    if obj:
        out.append(f"In history: {' '.join(obj.history.split())}")
    return out


GROUP_ABOVE = 12  # longer menus are split: first the kind of action, then its target


class HumanSeat:
    """A terminal seat: shows the view and reads a numbered choice."""

    def __init__(self, rules, faction: str, read: Callable[[str], str] = input, write: Callable[[str], None] = print,
                 scenario: str | None = None):
        self.rules, self.faction, self.read, self.write = rules, faction, read, write
        self.scenario = scenario
        self.seen = 0
        self.briefed = False

    def _brief(self) -> None:
        if self.scenario is not None:
            for line in briefing(self.rules, self.scenario, self.faction):
                self.write(line)

    def __call__(self, view: View, legal: tuple[Action, ...]) -> Action:
        if not self.briefed:
            self.briefed = True
            self._brief()
        for line in render(self.rules, view, self.seen):
            self.write(line)
        self.seen = len(view.log)
        if view.pending_choice:
            self.write(rules_prompt(self.rules, view))
            return self._pick(legal, view)
        groups: dict[str, list[Action]] = {}
        for action in legal:
            groups.setdefault(action.name, []).append(action)
        if len(legal) <= GROUP_ABOVE:
            return self._pick(legal, view)
        names = list(groups)
        while True:
            self.write("What will you do?")
            for i, name in enumerate(names, 1):
                first = groups[name][0]
                count = len(groups[name])
                label = self.rules.actions[name].name
                self.write(f"  {i:>3}. {label}" + (f" ({count} choices)" if count > 1 else describe(self.rules, first, view)[len(label):]))
            answer = self._ask(len(names))
            chosen = groups[names[answer - 1]]
            if len(chosen) == 1:
                return chosen[0]
            picked = self._pick(chosen, view, back=True)
            if picked is not None:
                return picked

    def _pick(self, options, view, back: bool = False):
        for i, action in enumerate(options, 1):
            self.write(f"  {i:>3}. {describe(self.rules, action, view)}")
        if back:
            self.write("    0. back")
        answer = self._ask(len(options), allow_zero=back)
        return None if answer == 0 else options[answer - 1]

    def _ask(self, count: int, allow_zero: bool = False) -> int:
        low = 0 if allow_zero else 1
        while True:
            answer = _read("your move (number, q to quit)> ", self.read)
            if answer.lower() in ("q", "quit"):
                raise Quit()
            if answer.lower() == "b" and self.scenario is not None:
                self._brief()
                continue
            number = _number(answer, low, count)
            if number is not None:
                return number
            self.write(_retry(low, count, answer) + ", or q.")


def rules_prompt(rules, view: View) -> str:
    eid = view.pending_choice[0]
    ev = rules.events[eid]
    return f"*** {ev.name}: {ev.choice.prompt}"
