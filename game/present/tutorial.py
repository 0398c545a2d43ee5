"""The guided first quarter: a classroom game as Stalin in the summer of 1923, with a guide that
says, step by step, what to press and why — the circular flow of power (a regional secretary
appointed, the delegates who follow him), a press article, a motion put to the vote, the end of
the turn and the quarter's votes explained.  Every instruction names, between ‘ and ’, the
buttons and choices it asks for, exactly as the screen labels them; the window highlights them.

Each step lasts until its condition holds (:class:`Step`); the window's guide
(:mod:`game.ui.scenes.tutorial`) checks it every frame.

>>> [step.until for step in STEPS][:4]
['board', 'open:appoint_secretary', 'took:appoint_secretary', 'done']
>>> all(name in step.say for step in STEPS for name in step.press)
True
"""

from __future__ import annotations

from attrs import frozen

#: the scenario, seat and seed of the guided quarter (the computer plays the others at its
#: simplest, so the quarter goes the same way each time)
SCENARIO = "crisis_1923"
SEAT = "stalin"
SEED = 1923
TITLE = "The guided first quarter"


@frozen
class Step:
    """What the guide says, the labels it names (highlighted on screen, each also inside ``say``
    between ‘ and ’), and how the step ends:

    - ``board``: the board is up and it is the seat's move;
    - ``open:ACTION``: the list of targets of that action is open;
    - ``took:ACTION``: the seat has taken that action (since the step began);
    - ``done``: the seat has pressed Done on its move;
    - ``turn``: the others have moved and it is the seat's move again;
    - ``summary``: the quarter has closed and its summary has been read;
    - ``end``: the last step, until the guide is closed.
    """

    say: str
    until: str
    press: tuple[str, ...] = ()


STEPS: tuple[Step, ...] = (
    Step(
        "You lead Stalin and the Centre in July 1923. Read your briefing — who you are, what you want, "
        "what you can do — then press ‘Begin’.",
        "board",
        ("Begin",),
    ),
    Step(
        "This is the board. As General Secretary you name the party's regional secretaries; the "
        "secretaries choose the delegates to the Congress, and the Congress elects the Central Committee "
        "that confirms the General Secretary: the circular flow of power. Press ‘Appoint secretary’.",
        "open:appoint_secretary",
        ("Appoint secretary",),
    ),
    Step(
        "Each region shows what your secretary would change there and what it costs you in influence. "
        "Choose ‘Volga’: nine delegates now sent by Zinoviev's men.",
        "took:appoint_secretary",
        ("Volga",),
    ),
    Step(
        "Your move stands on the board. In ‘Party organisations’ the Volga now has your secretary, and "
        "the bar ‘If the Congress met now’ gives you its delegates. Press ‘Done’ to pass play on.",
        "done",
        ("Done",),
    ),
    Step(
        "The other factions move in turn; the computer plays them. Wait for your next move.",
        "turn",
    ),
    Step(
        "The press shapes party opinion, and opinion sways votes. Press ‘Publish article’, then choose "
        "‘Party democracy or discipline’: your paper argues for discipline.",
        "took:publish_article",
        ("Publish article", "Party democracy or discipline"),
    ),
    Step("Press ‘Done’ to pass play on.", "done", ("Done",)),
    Step("The others move. Wait for your next move.", "turn"),
    Step(
        "Motions are voted at the close of the quarter, by the Politburo or the Central Committee. Press "
        "‘Propose motion’, choose ‘Adopt a policy line’, then the line ‘Party democracy or discipline: "
        "Discipline’. Each choice shows who would vote how if it were voted now.",
        "took:propose_motion",
        ("Propose motion", "Adopt a policy line", "Party democracy or discipline: Discipline"),
    ),
    Step(
        "That was your third action point, so your turn for the quarter is over — as it would be if you "
        "pressed the End turn button to stop early. Press ‘Done’: when every faction is done, the quarter "
        "closes and its motions are voted.",
        "summary",
        ("Done",),
    ),
    Step(
        "The quarter in one place: what changed for you, each vote and why every member voted as he did "
        "(prestige, Lenin's mantle, party opinion, loyalty to his faction). Read it, then press ‘Continue’.",
        "board",
        ("Continue",),
    ),
    Step(
        "That is a quarter of the struggle: appoint, persuade, propose, vote. The game goes on from here "
        "to the spring of 1925; the ‘Guide’ button explains every part of the board. Press ‘Close the "
        "guide’ to play on alone.",
        "end",
        ("Close the guide",),
    ),
)
