"""The screens of the window, one module each, and the one place that names them.

A scene opens another by name through the app (``app.push_scene("results", ...)``,
``app.replace_scene("end", match)``, ``app.reset_scene("menu")``), never by importing its module:
:data:`SCENES` below is the registry, and :mod:`game.ui.app` is the only module that reads it.  A
scene module imports :class:`game.ui.scene.Scene`, the base classes it builds on
(:mod:`~game.ui.scenes.dialog`'s ``MessageScene``, :mod:`~game.ui.scenes.results`'s
``ResultsScene``) and helpers that are no screens (``layout``, ``panels``, ``board_panels``,
``board_map``); ``tests/ui/test_architecture.py`` holds it to that.

The arguments after ``name`` are those of the class after the app:

>>> sorted(SCENES)[:4]
['board', 'briefing', 'choose', 'debrief']
>>> SCENES["message"].__name__
'MessageScene'
"""

from game.ui.scene import Scene
from game.ui.scenes.board import BoardScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.choose import TargetScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.dialog import MessageScene
from game.ui.scenes.encyclopedia import EncyclopediaScene
from game.ui.scenes.end import EndScene
from game.ui.scenes.event import EventScene
from game.ui.scenes.guide import GuideScene
from game.ui.scenes.handoff import HandoffScene
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.newgame import NewGameScene
from game.ui.scenes.presets import PresetsScene, SavePresetScene
from game.ui.scenes.reader import DocumentsScene, ReaderScene, SourcesScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.saves import LoadScene, SaveScene
from game.ui.scenes.settings import SettingsScene

#: every screen by the name it is opened with
SCENES: dict[str, type[Scene]] = {
    "menu": MenuScene,  # the main menu
    "new_game": NewGameScene,  # scenario, seats, levels, mods, seed: (preset=, preset_rules=) from a preset
    "presets": PresetsScene,  # the teachers' presets, each opening the new-game screen set up
    "save_preset": SavePresetScene,  # save the new-game screen's choices as a preset: (preset)
    "board": BoardScene,  # the game on the board: (briefed=set of factions already briefed)
    "choose": TargetScene,  # an action's targets, step by step: (board, action id, options)
    "results": ResultsScene,  # the quarter in one place: (summary, view, then=...)
    "history": HistoryScene,  # every closed quarter, paged: (match, faction, quarters)
    "event": EventScene,  # an event card to answer: (board, view)
    "end": EndScene,  # the game's end: (match)
    "debrief": DebriefScene,  # the game beside history, after play: (match, the report file's name)
    "handoff": HandoffScene,  # pass the screen to the next hot-seat player: (board, faction)
    "briefing": BriefingScene,  # a seat's briefing on its first turn: (scenario, faction, then=...)
    "guide": GuideScene,  # how to play
    "load": LoadScene,  # the saved games
    "save": SaveScene,  # save the game in progress
    "settings": SettingsScene,  # window size, font scale, colours, sound
    "encyclopedia": EncyclopediaScene,  # factions, figures, offices, regions, actions, events, sources
    "documents": DocumentsScene,  # the five source documents, with what kind of source each is
    "reader": ReaderScene,  # a document opened at the cited lines: (seeds/FILE, first line, last line)
    "sources": SourcesScene,  # the passages something is drawn from: (title, citations, design)
    "message": MessageScene,  # a title, words and buttons: (title, body, buttons, width, height)
}
