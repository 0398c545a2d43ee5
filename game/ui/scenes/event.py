"""An event card: its text, the choices (with what history did and what each would change), and its sources."""

from __future__ import annotations

from game.engine.actions import CHOOSE
from game.present import phrases
from game.ui.scenes.dialog import MessageScene


class EventScene(MessageScene):
    #: the seat's turn timer runs while the card is up (the board's :meth:`tick`)
    part_of_turn = True

    def __init__(self, app, board, view: dict):
        rules = app.rules
        self.board = board
        eid = view.pending_choice[0]
        self.event = ev = rules.events[eid]
        body = " ".join(ev.text.split()) + "\n\n" + ev.choice.prompt
        for action in board.match.legal():
            if action.name != CHOOSE:
                continue
            card = phrases.action_card(rules, view, action)  # the option's effects, tried on the game as seen
            history = " (what history chose)" if phrases.is_historical(rules, view, action) else ""
            body += f"\n\n• {card.title}{history}" + (f" — {card.text}" if card.text else "")
            body += "".join(f"\n    → {line}" for line in card.preview)
        choices = [(o.name, self._answer(o.id)) for o in ev.choice.options]
        choices.append(("Source", self.source))
        super().__init__(app, f"{view.date} — {ev.name}", body, choices, 0.8, 0.8)

    def enter(self) -> None:
        """No option has the keyboard at first: an Enter pressed to close the screen before (the
        quarter's summary, say) must not choose for the player.  Tab or the arrows reach them."""
        super().enter()
        self.focus = -1

    def _answer(self, option: str):
        def answer():
            action = next(a for a in self.board.match.legal() if a.name == CHOOSE and a.args[0] == option)
            self.board.submit(action)

        return answer

    def source(self) -> None:
        ev = self.event

        def reopen():
            self.app.push(EventScene(self.app, self.board, self.board.view))

        self.app.push_scene(
            "sources", f"Source — {ev.name}", ev.source, ev.design, then=reopen, done="Back to the event"
        )

    def back(self) -> None:
        """An event must be answered: Escape does nothing here."""
