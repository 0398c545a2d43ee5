"""The guide of the guided first quarter, over the real board: a box that says what to do next
(:data:`game.present.tutorial.STEPS`), the buttons and choices it names outlined on screen, and
each step followed by the next as soon as its condition holds.  The app owns it
(:meth:`game.ui.app.App.start_tutorial`), updates it every frame and draws it over every screen;
a click on its ‘Close the guide’ ends it, and so does leaving the guided game."""

from __future__ import annotations

import pygame

from game.match.match import Match, Options, Seat
from game.present.tutorial import SCENARIO, SEAT, SEED, STEPS, TITLE, Step
from game.ui import text, theme

CLOSE = "Close the guide"


def new_match(rules) -> Match:
    """The guided game: the seat at the screen, the computer at its simplest everywhere else."""
    return Match.new(rules, SCENARIO, SEED, {SEAT: Seat("human", name="You")}, options=Options(title=TITLE))


class Tutorial:
    def __init__(self, match: Match):
        self.match = match
        self.index = 0
        self.closed = False
        self._mark()
        #: (step, the number of actions played when it began) of each step so far
        self.history: list[tuple[int, int]] = [(0, self.actions_at)]
        self.close_rect: pygame.Rect | None = None  # where 'Close the guide' was drawn
        self.box: pygame.Rect | None = None

    @property
    def step(self) -> Step:
        return STEPS[self.index]

    def _mark(self) -> None:
        """What the game was when the step began (its conditions count from there)."""
        self.actions_at = len(self.match.record.actions)
        self.turn_at = self.match.state.turn

    # --- following the game ------------------------------------------------------------------
    def update(self, app) -> None:
        """Go on to the next step while the current one's condition holds; end with the game."""
        if app.match is not self.match:
            self.closed = True
        played = len(self.match.record.actions)
        if played < self.actions_at:  # a move taken back: back to the step that asked for it
            back = max(at for _, at in self.history if at <= played)
            self.index = min(i for i, at in self.history if at == back)
            self.history = [(i, at) for i, at in self.history if i <= self.index]
            self._mark()
        while not self.closed and self.index < len(STEPS) - 1 and self._met(app, self.step.until):
            self.index += 1
            self._mark()
            self.history.append((self.index, self.actions_at))

    def _met(self, app, until: str) -> bool:
        m, board = self.match, app.stack[0] if app.stack else None
        top = app.scene
        at_board = top is board and getattr(board, "my_turn", lambda: False)() and board.held is None
        kind, _, what = until.partition(":")
        if kind == "board":
            return at_board
        if kind == "open":
            options = getattr(top, "options", None)
            return bool(options) and getattr(top, "board", None) is board and options[0].name == what
        if kind == "took":
            return any(a.name == what and a.faction == SEAT for a in m.record.actions[self.actions_at :])
        if kind == "done":
            return board is not None and board.held is None
        if kind == "turn":
            others = any(a.faction != SEAT for a in m.record.actions[self.actions_at :])
            return others and at_board
        if kind == "summary":
            return m.state.turn > self.turn_at and type(top).__name__ == "ResultsScene"
        return False

    def handle(self, event) -> bool:
        """A click on 'Close the guide' ends it (True: the click was the guide's)."""
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.close_rect is not None
            and self.close_rect.collidepoint(event.pos)
        ):
            self.closed = True
            return True
        return False

    # --- drawing --------------------------------------------------------------------------------
    def targets(self, app) -> list[pygame.Rect]:
        """Where the controls the step names are on the screen on top: its buttons with those
        labels, and the rows of a list of targets whose label begins with one."""
        scene, names = app.scene, self.step.press
        found = []
        for b, _ in getattr(scene, "controls", []):
            if b.visible and b.text in names:
                found.append(b.rect)
        for b, choice, _ in getattr(scene, "rows", []):
            if any(choice.label == n or choice.label.startswith(n + " ") for n in names):
                found.append(b.rect)
        return found

    def draw(self, app, surface: pygame.Surface) -> None:
        if self.closed:
            return
        for rect in self.targets(app):
            pygame.draw.rect(surface, theme.OCHRE, rect.inflate(10, 10), 4)
        w, h = surface.get_size()
        s = app.settings.font_scale
        width = min(w - 32, int(max(w * 0.5, 560 * min(s, 1.6))))
        head, body = app.fonts.bold(15), app.fonts.body(15)
        heading = f"Guide · step {self.index + 1} of {len(STEPS)}"
        lines = text.wrap(body, self.step.say, width - 24)
        close_w = head.size(CLOSE)[0] + 16
        high = head.get_linesize() + 8 + len(lines) * body.get_linesize() + 16
        box = pygame.Rect(16, 0, width, high)
        box.y = self._place(app, surface, high)
        self.box = box
        pygame.draw.rect(surface, theme.PAPER, box)
        pygame.draw.rect(surface, theme.OCHRE, box, 4)
        surface.blit(text.render(head, heading, theme.DARK_RED), (box.x + 12, box.y + 8))
        text.blit_lines(surface, body, lines, (box.x + 12, box.y + 8 + head.get_linesize() + 4), theme.BLACK)
        self.close_rect = pygame.Rect(box.right - close_w - 8, box.y + 6, close_w, head.get_linesize() + 2)
        pygame.draw.rect(surface, theme.BLACK, self.close_rect, 1)
        surface.blit(text.render(head, CLOSE, theme.BLACK), (self.close_rect.x + 8, self.close_rect.y + 1))

    def _place(self, app, surface: pygame.Surface, high: int) -> int:
        """The box's top: above the board's action bar, or above or below a dialog over the board
        (where there is more room), clear of what it names."""
        h = surface.get_height()
        scene = app.scene
        geo = getattr(scene, "geo", None)
        if geo is not None:
            return max(4, geo.bar.y - high - 8)
        box = scene.box() if hasattr(scene, "box") and callable(scene.box) else None
        if box is None:
            return max(4, h - high - 8 - int(44 * app.settings.font_scale))
        return max(4, box.y - high - 4) if box.y >= h - box.bottom else min(h - high - 4, box.bottom + 4)
