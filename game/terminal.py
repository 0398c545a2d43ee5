"""Playing in the terminal: each human seat's own view, a menu of actions in fixed places, re-prompting.

Everything shown comes from the player view and the words of :mod:`game.present`, never the raw
state.  The terminal drives a :class:`~game.match.match.Match`: bots play their seats, a
human seat types a number or a command (``u`` undo, ``save NAME``, ``r`` regions, ``v`` votes,
``b`` briefing, ``h`` help).  ``q`` (or end of input) leaves the game and writes the autosave.
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine import Action
from game.engine.views import View
from game.match import saves
from game.match.match import Match
from game.present import chronicle, forecasts, naming, phrases, situation, voting
from game.present.words import points_text
from game.ruleset.records import RESULT_NAMES


class Quit(Exception):
    """The player left the game."""


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


def _ask_choice(
    title: str,
    what: str,
    keys: list[str],
    labels: list[str],
    read: Callable[[str], str],
    write: Callable[[str], None],
    default: str | None = None,
) -> str | None:
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


def ask_faction(
    rules, factions, read: Callable[[str], str] = input, write: Callable[[str], None] = print
) -> str | None:
    factions = list(factions)
    return _ask_choice(
        "Choose your faction:", "faction", factions, [rules.factions[f].name for f in factions], read, write
    )


def ask_scenario(
    rules, default: str, read: Callable[[str], str] = input, write: Callable[[str], None] = print, autosave=None
) -> str | None:
    """A numbered list of scenarios; Enter takes the default.  With an ``autosave`` on disk the
    last line offers to continue it (answer: ``CONTINUE``).  None if the player leaves."""
    ids = phrases.scenario_order(rules)
    labels = [f"{sc.name} [{sc.kind}, from {sc.start}, {sc.turns} turns]" for sc in (rules.scenarios[i] for i in ids)]
    if autosave is not None:
        ids, labels = ids + [CONTINUE], labels + [continue_label(autosave)]
    return _ask_choice(
        "Choose a scenario:", "scenario", ids, labels, read, write, default if default in rules.scenarios else None
    )


#: the scenario menu's answer for "continue the autosaved game"
CONTINUE = "continue"


def continue_label(autosave) -> str:
    try:
        head = saves.peek(autosave)
        return f"Continue the last game ({head['scenario']}, {head.get('date', '?')})"
    except saves.SaveError:
        return "Continue the last game (the autosave looks damaged)"


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
    """A menu line for an action, in words, with its price."""
    card = phrases.action_card(rules, view, action, with_preview=False)
    return card.title + (f"  [{card.cost}]" if card.cost else "")


def render(rules, view: View, seen: int) -> list[str]:
    """The faction's screen as lines of text; ``seen``: how many log lines it has read already."""
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
    out.append(
        "Politburo: "
        + ", ".join(
            f"{rules.figures[f].name} ({naming.short_faction(rules, view.figures[f].faction)})" for f in view.politburo
        )
    )
    out.append(
        "Secretariat: "
        + ", ".join(
            f"{rules.figures[f].name} ({naming.short_faction(rules, view.figures[f].faction)})"
            for f in view.secretariat
        )
    )
    out.append("Central Committee: " + _shares(rules, view.central_committee))
    out.append("If the Congress met now: " + _shares(rules, view.forecast) + "  (r: the regions behind it)")
    out.append("Opinion:")
    out.extend(f"  {s.text()}" for s in situation.scales(rules, view))
    if view.blocs:
        out.append("Blocs: " + "; ".join(" + ".join(naming.short_faction(rules, f) for f in p) for p in view.blocs))
    if view.offers:
        out.append(
            "Bloc offers: "
            + "; ".join(f"{naming.short_faction(rules, a)} → {naming.short_faction(rules, b)}" for a, b in view.offers)
        )
        out.extend(f"  {line}" for line in forecasts.offer_lines(rules, view))
    if view.cultivation:
        out.append(
            "Your secret contacts: "
            + ", ".join(f"{rules.figures[f].name} +{v}" for f, v in sorted(view.cultivation.items()))
        )
    agenda = situation.agenda_lines(rules, view)
    if agenda:
        out.append("On the agenda:")
        out.extend(f"  {line}" for line in agenda)
    coming = situation.coming_lines(rules, view)
    if coming:
        out.append("Coming at the opening of the next quarter:")
        out.extend(f"  {line}" for line in coming)
    out.extend(objective_lines(view))
    new = view.log[seen:]
    if new:
        out.append("--- since you last acted ---")
        for line in new:
            out.append(f"  {chronicle.render(rules, line)}")
            out.extend(f"      {c}" for c in voting.congress_lines(rules, line))
        since = new[0].turn
        for vote in view.votes:
            if vote.turn >= since:
                out.extend("  " + line for line in voting.vote_lines(rules, vote, me, view.date)[1:])
    return out


def _shares(rules, table) -> str:
    return ", ".join(
        f"{naming.short_faction(rules, k) if k in rules.factions else k} {v}"
        for k, v in sorted(table.items(), key=lambda kv: -kv[1])
    )


_WHEN = {"end": "at the end", "always": "throughout", "ever": "at any quarter's close"}


def objective_lines(view: View) -> list[str]:
    """The faction's objectives and how it stands on each."""

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


HELP = [
    "Type the number of an action.  Other commands:",
    "  u            take back your last action (until the next seat moves or chance or a secret comes in)",
    "  save NAME    save the game under a name (load it with: play --load NAME)",
    "  r            the regions: secretaries, their hold, sympathy, delegates",
    "  v            every vote so far, who voted how and why",
    "  b            your briefing      h  this help      q  leave (the game is autosaved)",
]


class TerminalSeat:
    """The human seats of a match in the terminal: shows each its own view and reads its moves."""

    def __init__(self, match: Match, read: Callable[[str], str] = input, write: Callable[[str], None] = print):
        self.match, self.rules, self.read, self.write = match, match.rules, read, write
        self.seen: dict[str, int] = {}
        self.briefed: set[str] = set()
        self.last_human: str | None = None

    # --- the loop ----------------------------------------------------------------------------

    def play(self) -> Match:
        """Play the match to its end; raises Quit when the player leaves."""
        m = self.match
        while not m.over:
            faction = m.active
            if m.seat(faction).is_human:
                self._turn(faction)
            else:
                m.ai_move()
        return m

    def _turn(self, faction: str) -> None:
        m = self.match
        if self.last_human not in (None, faction) and len(m.humans()) > 1:
            self._hand_off(faction)
        self.last_human = faction
        if faction not in self.briefed:
            self.briefed.add(faction)
            self._brief(faction)
        view = m.view(faction)
        for line in render(self.rules, view, self.seen.get(faction, 0)):
            self.write(line)
        self.seen[faction] = len(view.log)
        action = self._choose(view)
        if action is None:
            return  # a command changed the game (undo): show it again
        for entry in m.submit(action):
            self.write(f"  {chronicle.render(self.rules, entry)}")
        self.seen[faction] = len(m.view(faction).log)
        if m.can_undo() and m.active != faction and not m.over:
            self._offer_undo(faction)

    def _hand_off(self, faction: str) -> None:
        """Between two people at one screen: name the next, show nothing until they confirm."""
        seat = self.match.seat(faction)
        who = f"{seat.name} ({self.rules.factions[faction].name})" if seat.name else self.rules.factions[faction].name
        self.write("\n" * 3 + f"=== Hand over to {who} ===")
        _read("press Enter when ready> ", self.read)

    def _offer_undo(self, faction: str) -> None:
        answer = _read("Enter or d: done, the next seat moves · u: take it back> ", self.read).lower()
        if answer in ("q", "quit"):
            raise Quit()
        if answer in ("u", "undo"):
            self.write(f"Taken back: {describe(self.rules, self.match.undo(), self.match.view(faction))}")

    def _brief(self, faction: str) -> None:
        for line in briefing(self.rules, self.match.scenario, faction):
            self.write(line)

    # --- one move ----------------------------------------------------------------------------

    def _choose(self, view: View) -> Action | None:
        legal = self.match.legal()
        if view.pending_choice:
            self.write(rules_prompt(self.rules, view))
            options = list(legal)
            for i, action in enumerate(options, 1):
                card = phrases.action_card(self.rules, view, action)
                history = "  (history's choice)" if phrases.is_historical(self.rules, view, action) else ""
                self.write(f"  {i:>3}. {card.title}{history}")
                if card.text:
                    self.write(f"         {card.text}")
                for line in card.preview:
                    self.write(f"         → {line}")
            while True:
                got = self._ask(view, len(options))
                if got == "undone":
                    return None
                if isinstance(got, int) and got >= 1:
                    return options[got - 1]
        entries = phrases.menu(self.rules, view, legal)
        while True:
            self._show_menu(entries)
            got = self._ask(view, len(entries))
            if got == "undone":
                return None
            if not isinstance(got, int) or got < 1:
                continue
            entry = entries[got - 1]
            if not entry.actions:
                self.write(f"{entry.name}: not now — {entry.why_not}.")
                continue
            action = entry.actions[0] if len(entry.actions) == 1 else self._target(view, entry)
            if action is not None and self._confirmed(view, action):
                return action

    def _show_menu(self, entries) -> None:
        self.write("What will you do?")
        for e in entries:
            if e.actions:
                count = f" ({len(e.actions)} choices)" if len(e.actions) > 1 else ""
                self.write(f"  {e.number:>3}. {e.name}{count}  [{e.cost}]")
            else:
                self.write(f"  {e.number:>3}. ({e.name} — {e.why_not})")

    def _target(self, view: View, entry) -> Action | None:
        self.write(f"{entry.name} — {entry.text}")
        cards = [phrases.action_card(self.rules, view, a) for a in entry.actions]
        for i, card in enumerate(cards, 1):
            self.write(f"  {i:>3}. {card.title}")
            for line in card.preview:
                self.write(f"         {line}")
        self.write("    0. back")
        while True:
            got = self._ask(view, len(cards), allow_zero=True)
            if isinstance(got, int):
                return None if got == 0 else entry.actions[got - 1]

    def _confirmed(self, view: View, action: Action) -> bool:
        question = phrases.confirm_question(self.rules, view, action)
        if question is None:
            return True
        answer = _read(f"{phrases.action_title(self.rules, action)}: {question} (y/n)> ", self.read).lower()
        return answer in ("y", "yes")

    def _ask(self, view: View, count: int, allow_zero: bool = False) -> int | str | None:
        """A number from the menu, "undone" after an undo, or None after another command."""
        low = 0 if allow_zero else 1
        while True:
            answer = _read("your move (number, h for help, q to quit)> ", self.read)
            word, _, rest = answer.partition(" ")
            word = word.lower()
            if word in ("q", "quit"):
                raise Quit()
            number = _number(answer, low, count)
            if number is not None:
                return number
            if word in ("h", "help", "?"):
                for line in HELP:
                    self.write(line)
            elif word == "b":
                self._brief(view.you)
            elif word == "r":
                for line in situation.region_table(self.rules, view):
                    self.write(line)
                self.write(
                    "Why each delegation would go where it goes — " + situation.bureaucracy_note(self.rules, view)
                )
                for rid in view.regions:
                    self.write(f"  {situation.region_explanation(self.rules, view, rid)}")
            elif word == "v":
                self._votes(view)
            elif word in ("u", "undo"):
                if self.match.can_undo():
                    self.write(f"Taken back: {describe(self.rules, self.match.undo(), view)}")
                    return "undone"
                self.write("Nothing to take back: another seat has moved, or chance or a secret has come in since.")
            elif word == "save":
                self._save(rest)
            else:
                self.write(_retry(low, count, answer) + ", or h for help.")

    def _votes(self, view: View) -> None:
        if not view.votes:
            self.write("No vote has been held yet.")
        for vote in view.votes:
            for line in voting.vote_lines(self.rules, vote, view.you):
                self.write(line)

    def _save(self, name: str) -> None:
        if not name.strip():
            self.write("Give the save a name: save NAME")
            return
        try:
            path = saves.save_named(self.match, name)
        except saves.SaveError as exc:
            self.write(str(exc))
            return
        self.write(f"Saved as '{name.strip()}' ({path}).")


def rules_prompt(rules, view: View) -> str:
    eid = view.pending_choice[0]
    ev = rules.events[eid]
    return f"*** {ev.name}: {ev.choice.prompt}"
