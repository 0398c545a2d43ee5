"""The match: the steppable game with its seats (:mod:`game.match.match`), playing one to its end
without a screen (:mod:`game.match.headless`), saves and replay files, the worker the computer
thinks in, and the historical line.  Above the engine and the bots; below the words and screens.
"""
