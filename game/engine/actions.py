"""Actions: small frozen values with a text form that round-trips.

An action names the rule entry it uses (``appoint_secretary``), the faction taking it, and its
arguments: ``Action("appoint_secretary", "stalin", ("ukraine",))`` ↔
``"appoint_secretary stalin ukraine"``.  Event choices use the reserved name ``choose``.
"""

from __future__ import annotations

import re

from attrs import frozen

CHOOSE = "choose"
_WORD = re.compile(r"^[a-z0-9_]+$")


class IllegalActionError(ValueError):
    """An action that is not among the legal actions of the state it was applied to."""


class ActionSyntaxError(ValueError):
    """Text that does not spell an action."""


@frozen(order=True)
class Action:
    name: str
    faction: str
    args: tuple[str, ...] = ()

    def to_text(self) -> str:
        """The action as one line of text.

        >>> Action("appoint_secretary", "stalin", ("ukraine",)).to_text()
        'appoint_secretary stalin ukraine'
        """
        return " ".join((self.name, self.faction, *self.args))

    @classmethod
    def parse(cls, text: str) -> Action:
        """The inverse of :meth:`to_text`.

        >>> Action.parse("pass_turn trotsky")
        Action(name='pass_turn', faction='trotsky', args=())
        """
        words = text.split()
        if len(words) < 2:
            raise ActionSyntaxError(f"an action is NAME FACTION [ARGS...], got {text!r}")
        bad = [w for w in words if not _WORD.match(w)]
        if bad:
            raise ActionSyntaxError(f"not a word of an action: {bad[0]!r}")
        return cls(words[0], words[1], tuple(words[2:]))
