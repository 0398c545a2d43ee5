"""Every sentence a player reads, made from the engine's data and the rules: the menu and each
action's card (:mod:`game.present.phrases`), names (:mod:`~game.present.naming`), forecasts
(:mod:`~game.present.forecasts`), votes and their reasons (:mod:`~game.present.voting`), the
agenda, what is coming, the regions and the scales (:mod:`~game.present.situation`), the end of the
game (:mod:`~game.present.ending`), the chronicle (:mod:`~game.present.chronicle`), sources and
dates (:mod:`game.present.explain`), the quarter's summary, the debrief and the after-action
report.  The terminal and the window print or draw what this package says; nothing here draws or
prints.
"""
