"""Tools for the people who make and check the game: batch play between bots, the balance report,
``simulate``, ``events-check`` and ``narrative-check``.  Above the match and the words; nothing in the game imports them.
"""
