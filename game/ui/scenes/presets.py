"""Teacher presets in the window: the list of presets to start a lesson's game from, and saving the
new-game screen's choices as one.  A preset that cannot be used says why, at its line, and changes
nothing.  See :mod:`game.match.presets` for the file."""

from __future__ import annotations

from attrs import evolve

from game.match import presets, saves
from game.match.presets import Preset, PresetError
from game.ruleset.loader import load
from game.ruleset.problems import errors
from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes.dialog import NameScene, button_need, draw_wrapped, message, wrapped_button, wrapped_height


def rules_for(mods) -> object:
    """The rules with a preset's mods, or PresetError naming what is wrong with them."""
    rules, problems = load(list(mods))
    if rules is None or errors(problems):
        raise PresetError([str(p) for p in errors(problems)[:5]] or ["the rules cannot be loaded"])
    return rules


class PresetsScene(Scene):
    """The presets in the presets folder, each opening the new-game screen set up (and, when the
    preset says so, locked); the folder is named so a teacher knows where to put a file."""

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        bh = int(36 * s)
        font = self.app.fonts.body(16)
        self.folder = presets.presets_dir(saves.data_dir())
        found = presets.listed(saves.data_dir())
        intro = (
            f"A preset sets up a lesson's game: the scenario, the teams, the seed, what stays hidden and a turn "
            f"timer. Make one on the new-game screen (Save as preset), or put a teacher's .preset.yaml file in "
            f"{self.folder}."
        )
        self.intro = text.wrap(font, intro if found else "No presets yet. " + intro, w - 32)
        top = self._intro_y() + len(self.intro) * font.get_linesize() + 12
        bottom = h - bh - 32
        bw = w - 32 if s >= 1.5 else int(w * 0.75)
        rows = [(path.name[: -len(presets.SUFFIX)], path) for path in found]
        rh = max([wrapped_height(self.app, label, bw, bh) for label, _ in rows] or [bh])
        per_page = max(1, (bottom - top) // (rh + 6))
        self.pages = max(1, -(-len(rows) // per_page))
        self.page = min(getattr(self, "page", 0), self.pages - 1)
        for i, (label, path) in enumerate(rows[self.page * per_page : (self.page + 1) * per_page]):
            wrapped_button(self, (16, top + i * (rh + 6), bw, rh), label, self._open(path), str(path))
        nav = max(int(160 * s), button_need(self.app, "Older ▶"))
        if self.pages > 1:
            for k, (label, step) in enumerate((("◀ Earlier", -1), ("More ▶", 1))):
                b = self.button((16 + k * (nav + 10), h - bh - 16, nav, bh), label, self._turn(step))
                if not 0 <= self.page + step < self.pages:
                    b.disable()
        self.button((w - 16 - nav, h - bh - 16, nav, bh), "Back", self.back)

    def _turn(self, step: int):
        def turn():
            self.page += step
            self.rebuild()
            self.focus = len(self.controls) - 1

        return turn

    def _open(self, path):
        def open_preset():
            try:
                preset, rules = presets.read(path, rules_for)
            except PresetError as exc:
                message(self.app, "This preset cannot be used", "\n".join(exc.problems))
                return
            self.app.replace_scene("new_game", preset=preset, preset_rules=rules)

        return open_preset

    def back(self) -> None:
        self.app.pop()

    def _intro_y(self) -> int:
        """Where the words under the title band begin (the band is :func:`draw.band`'s)."""
        return self.app.fonts.heading(24).get_linesize() + 20 + 16

    def draw(self, surface) -> None:
        surface.fill(theme.PAPER)
        draw.band(surface, self.app, "CLASSROOM PRESETS")
        text.blit_lines(surface, self.app.fonts.body(16), self.intro, (16, self._intro_y()), theme.BLACK)

    def draw_focus(self, surface) -> None:
        draw_wrapped(self, surface)
        super().draw_focus(surface)


class SavePresetScene(NameScene):
    """Save the new-game screen's choices as a preset: a name, and whether it is locked."""

    PROMPT = "Name of the preset (letters, digits, spaces, . _ -); it is also the preset's title:"
    WIDTHS = (0.55, 0.85)

    def __init__(self, app, preset: Preset):
        super().__init__(app, "Save as a preset")
        self.preset = preset
        self.locked = preset.locked
        self.name = ""

    def initial(self) -> str:
        return self.name or self.preset.title or self.preset.scenario

    def extra(self) -> list[tuple[str, object, str]]:
        lock = "Locked: the teams cannot change it" if self.locked else "Not locked: it can be changed"
        tip = "A locked preset opens the new-game screen with every choice fixed (press to change)"
        return [(lock, self._lock, tip)]

    def _lock(self) -> None:
        self.name = self.entry.get_text()
        self.locked = not self.locked
        self.rebuild()
        self.focus = 0

    def save(self) -> None:
        name = self.entry.get_text().strip()
        try:
            path = presets.path_of(saves.data_dir(), name)
            presets.write(evolve(self.preset, title=name, locked=self.locked), path)
        except PresetError as exc:
            self.app.pop()
            message(self.app, "Not saved", "\n".join(exc.problems))
            return
        self.app.pop()
        message(
            self.app,
            "Preset saved",
            f"Saved as {path}. Open it from the main menu (Classroom presets), or hand the file out: "
            f"'python -m game play --preset FILE' starts from it.",
        )
