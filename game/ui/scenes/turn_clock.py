"""The turn timer of a classroom game: each team's time for its turn, counted down on the board.

A turn on screen runs from the moment the seat has the board to itself (after the hand-off, the
briefing and the quarter's summary) to *Done*.  The clock keeps running while the seat picks
targets or answers an event card; when it runs out, the board ends the turn with what was done
(see :meth:`game.ui.scenes.board.BoardScene.time_up`).  Only a match whose teacher's preset (or
new-game screen) set a timer has one (:attr:`game.match.match.Options.turn_seconds`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pygame

from game.ui import text, theme

#: below this many seconds the clock turns to the alarm colours
WARNING = 30


class TurnClock:
    """A countdown of ``seconds`` for each turn; a turn is named by a key (the seat and the move
    it is at), so the same turn is never timed twice and a new one starts from full."""

    def __init__(self, seconds: int, now: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self.now = now
        self.key: tuple | None = None
        self.started: float | None = None

    def start(self, key: tuple) -> None:
        """Start timing the turn ``key`` (nothing if it is the turn already timed)."""
        if key != self.key:
            self.key, self.started = key, self.now()

    def stop(self) -> None:
        """The turn is over: nothing is timed until the next one starts."""
        self.started = None

    def left(self) -> float | None:
        """Seconds left of the turn being timed (None when none is)."""
        if self.started is None:
            return None
        return max(0.0, self.seconds - (self.now() - self.started))

    def run_out(self) -> bool:
        left = self.left()
        return left is not None and left <= 0


def clock_text(seconds: float) -> str:
    """``3:07``: minutes and seconds left, rounded up (a clock at 0:00 has run out).

    >>> clock_text(187.2), clock_text(0.0), clock_text(59.999)
    ('3:08', '0:00', '1:00')
    """
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"


def draw_clock(app, surface: pygame.Surface, bar: pygame.Rect, who: str, left: float) -> pygame.Rect:
    """The clock as a badge just above the action bar's right end: whose turn and the time left,
    red on paper, white on red in the last :data:`WARNING` seconds.  Returns where it was drawn."""
    font = app.fonts.bold(16)
    words = f"{who}: {clock_text(left)} left"
    room = max(60, bar.w - 32)
    words = text.fit(font, words, room - 16)
    img_w = font.size(words)[0]
    rect = pygame.Rect(0, 0, img_w + 16, font.get_linesize() + 8)
    rect.bottomright = (bar.right, bar.y - 4)
    alarm = left <= WARNING
    pygame.draw.rect(surface, theme.RED if alarm else theme.PAPER, rect)
    pygame.draw.rect(surface, theme.BLACK, rect, 2)
    surface.blit(text.render(font, words, theme.WHITE if alarm else theme.RED), (rect.x + 8, rect.y + 4))
    return rect
