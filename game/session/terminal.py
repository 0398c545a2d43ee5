"""Playing a faction in the terminal: the faction's own view, numbered menus, re-prompting.

Everything shown comes from the player view, never the raw state.  ``q`` (or end of input)
leaves the game; the autosave of the last completed turn stays on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.engine import Action
from game.engine.actions import CHOOSE


class Quit(Exception):
    """The player left the game."""


def autosave_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("succession", appauthor=False)) / "autosave.replay"


def _read(prompt: str, read: Callable[[str], str]) -> str:
    try:
        return read(prompt).strip()
    except EOFError:
        raise Quit() from None


def ask_faction(rules, factions, read: Callable[[str], str] = input) -> str | None:
    print("Choose your faction:")
    for i, f in enumerate(factions, 1):
        print(f"  {i}. {rules.factions[f].name}")
    while True:
        try:
            answer = _read("faction number (q to quit)> ", read)
        except Quit:
            return None
        if answer.lower() in ("q", "quit"):
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(factions):
            return factions[int(answer) - 1]
        if answer in factions:
            return answer
        print(f"Please type a number from 1 to {len(factions)}.")


def describe(rules, action: Action, view: dict) -> str:
    """A menu line for an action, in words."""
    if action.name == CHOOSE:
        eid = view["pending_choice"][0]
        opt = next(o for o in rules.events[eid].choice.options if o.id == action.args[0])
        return opt.name + (f" — {opt.text}" if opt.text else "")
    rule = rules.actions[action.name]
    from game.engine.moves import name

    words = []
    for a in action.args:
        if a in rules.motions:
            words.append(rules.motions[a].name)
        else:
            words.append(name(rules, a))
    cost = rule.cost
    price = f"  [{cost.ap} AP" + (f", {cost.influence} influence" if cost.influence else "") + "]"
    return f"{rule.name}{': ' + ', '.join(words) if words else ''}{price}"


def render(rules, view: dict, seen: int) -> list[str]:
    """The faction's screen as lines of text."""
    me = view["you"]
    fs = view["factions"][me]
    out = [
        "",
        f"=== {view['date']} (turn {view['turn'] + 1}/{view['turns']}) — {rules.factions[me].name} ===",
        f"status {fs['status']} | influence {fs['influence']} | prestige {fs['prestige']} | "
        f"exposure {fs['exposure']} | Lenin's mantle {fs['mantle']} | action points {fs['ap']}",
    ]
    held = [f"{rules.offices[o].name}: {rules.figures[h].name}" for o, h in view["offices"].items() if h]
    out.append("Offices: " + "; ".join(held))
    out.append("Politburo: " + ", ".join(
        f"{rules.figures[f].name} ({view['figures'][f]['faction'] or '-'})" for f in view["politburo"]))
    out.append("Secretariat: " + ", ".join(
        f"{rules.figures[f].name} ({view['figures'][f]['faction'] or '-'})" for f in view["secretariat"]))
    out.append("Central Committee: " + ", ".join(f"{k} {v}" for k, v in sorted(view["central_committee"].items())))
    out.append("If the Congress met now: " + ", ".join(f"{k} {v}" for k, v in sorted(view["forecast"].items())))
    out.append("Opinion: " + ", ".join(f"{rules.trackers[t].name} {v}" for t, v in view["trackers"].items()))
    if view["blocs"]:
        out.append("Blocs: " + "; ".join(" + ".join(p) for p in view["blocs"]))
    if view["offers"]:
        out.append("Bloc offers: " + "; ".join(f"{a} → {b}" for a, b in view["offers"]))
    if view["cultivation"]:
        out.append("Your secret contacts: " + ", ".join(
            f"{rules.figures[f].name} +{v}" for f, v in sorted(view["cultivation"].items())))
    new = view["log"][seen:]
    if new:
        out.append("--- since you last acted ---")
        out.extend(f"  {line[1]}" for line in new)
    return out


GROUP_ABOVE = 12  # longer menus are split: first the kind of action, then its target


class HumanSeat:
    """A terminal seat: shows the view and reads a numbered choice."""

    def __init__(self, rules, faction: str, read: Callable[[str], str] = input, write: Callable[[str], None] = print):
        self.rules, self.faction, self.read, self.write = rules, faction, read, write
        self.seen = 0

    def __call__(self, view: dict, legal: tuple[Action, ...]) -> Action:
        for line in render(self.rules, view, self.seen):
            self.write(line)
        self.seen = len(view["log"])
        if view["pending_choice"]:
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
            if answer.isdigit() and low <= int(answer) <= count:
                return int(answer)
            self.write(f"Please type a number from {low} to {count}, or q.")


def rules_prompt(rules, view: dict) -> str:
    eid = view["pending_choice"][0]
    ev = rules.events[eid]
    return f"*** {ev.name}: {ev.choice.prompt}"
