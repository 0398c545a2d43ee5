"""The game in a window (pygame-ce and pygame_gui): the only package that imports pygame.

It reads player views and submits legal actions through :mod:`game.match.match` (a match) and the words of :mod:`game.present`; no game rule
lives here.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner on the terminal
