"""The history of the game as the seat at the screen saw it: the summary of every quarter that has
closed (:mod:`game.present.quarter`), paged back and forth, newest first.  Reached from the board
(History, or the H key) and, after a game with one human seat, from the end screen; in hot-seat it
shows the seat at the screen, and only its own views."""

from __future__ import annotations

import pygame

from game.present.quarter import book, summary_text
from game.ui.scenes.results import ResultsScene, summary_title


class HistoryScene(ResultsScene):
    """One closed quarter's summary at a time; ◀ and ▶ (or the Left and Right keys) page through them."""

    def __init__(self, app, match, faction: str, quarters: list[int]):
        self.match, self.faction, self.quarters = match, faction, quarters
        self.page = len(quarters) - 1  # the newest first
        super().__init__(
            app,
            self._summary(),
            match.view(faction),
            buttons=[("◀ Earlier", self.earlier), ("Later ▶", self.later), ("Close", None)],
        )

    def _summary(self):
        return book(self.match).summary(self.faction, self.quarters[self.page])

    def _choose(self, callback):
        if callback is None:
            return super()._choose(None)
        return callback  # paging keeps the history open

    def earlier(self) -> None:
        self.turn_to(self.page - 1)

    def later(self) -> None:
        self.turn_to(self.page + 1)

    def turn_to(self, page: int) -> None:
        if not 0 <= page < len(self.quarters) or page == self.page:
            return
        self.page = page
        self.summary = self._summary()
        self.votes = list(self.summary.votes)
        self.side = 0.36 if self.votes else 0.0
        self.title, self.body = self._title(), summary_text(self.app.rules, self.summary)
        focus = self.focus
        self.rebuild()
        self.focus = focus
        self._grey()

    def _title(self) -> str:
        return f"History {self.page + 1}/{len(self.quarters)} · {summary_title(self.summary)}"

    def build(self) -> None:
        self.title = self._title()
        super().build()
        self._grey()

    def _grey(self) -> None:
        """The first page has nothing earlier, the last nothing later."""
        earlier, later = self.controls[0][0], self.controls[1][0]
        earlier.enable() if self.page > 0 else earlier.disable()
        later.enable() if self.page < len(self.quarters) - 1 else later.disable()

    def key(self, event) -> None:
        if event.key == pygame.K_LEFT:
            self.earlier()
        elif event.key == pygame.K_RIGHT:
            self.later()
        else:
            super().key(event)

    def back(self) -> None:
        self.app.pop()
