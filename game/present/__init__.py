"""Every sentence a player reads, made from the engine's data and the rules: the menu and the
forecasts (:mod:`game.present.phrases`), sources and dates (:mod:`game.present.explain`), the
quarter's summary, the debrief and the after-action report.  The terminal and the window print or
draw what this package says; nothing here draws or prints.
"""
