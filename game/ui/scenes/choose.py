"""Choosing the target of an action: every legal variant, in the engine's stable order."""

from __future__ import annotations

import pygame

from game.session import present
from game.ui.scenes.dialog import MessageScene


class TargetScene(MessageScene):
    """The legal variants of one kind of action as buttons (numbers 1-9 pick directly)."""

    def __init__(self, app, board, action_id: str, options):
        rules = app.rules
        self.board, self.options = board, list(options)
        rule = rules.actions[action_id]
        help_text = f"{rule.name} — costs {present.cost_text(rule)}. {' '.join(rule.text.split())}"
        super().__init__(
            app, rule.name, help_text + "\n\nHover over a choice to see what it would change.", None, 0.7, 0.8
        )

    def build(self) -> None:
        r = self.box()
        s = self.app.settings.font_scale
        top = self.app.fonts.heading(22).get_linesize() + 20
        help_h = int(r.h * 0.22)
        self.textbox((r.x + 16, r.y + top, r.w - 32, help_h), self.body)
        bh = int(30 * s)
        cols = 2 if len(self.options) > 8 else 1
        bw = (r.w - 32 - 10 * (cols - 1)) // cols
        y0 = r.y + top + help_h + 10
        rows_fit = max(1, (r.bottom - bh - 32 - y0) // (bh + 6))
        view = self.board.view
        for i, action in enumerate(self.options[: rows_fit * cols]):
            col, row = divmod(i, rows_fit)
            card = present.action_card(self.app.rules, view, action)
            prefix_name = self.app.rules.actions[action.name].name + ": "
            label = card.title.removeprefix(prefix_name)  # the dialog's title already names the action
            tip = card.title + ("\n\n" + "\n".join(card.preview) if card.preview else "")
            prefix = f"{i + 1}. " if i < 9 else ""
            self.button(
                (r.x + 16 + col * (bw + 10), y0 + row * (bh + 6), bw, bh), prefix + label, self._pick(action), tip
            )
        self.button((r.right - 16 - int(160 * s), r.bottom - bh - 16, int(160 * s), bh), "Cancel", self.app.pop)

    def _pick(self, action):
        def pick():
            self.app.pop()
            self.board.submit_checked(action)

        return pick

    def key(self, event) -> None:
        if pygame.K_1 <= event.key <= pygame.K_9 and event.key - pygame.K_1 < len(self.options):
            self._pick(self.options[event.key - pygame.K_1])()
        else:
            super().key(event)

    def back(self) -> None:
        self.app.pop()
