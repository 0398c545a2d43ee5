"""The debrief's data: frozen records a screen, the terminal or the printed report reads."""

from __future__ import annotations

from attrs import frozen


class DebriefError(Exception):
    """A file that cannot be debriefed; ``str`` is one line naming the file."""


@frozen
class Milestone:
    """One dated line of a timeline."""

    date: str  # YYYY-Qn
    kind: str  # secretariat, office, politburo, congress, bloc, status
    text: str
    #: the ids it concerns (factions, figures, offices), for finding the moves that led to it
    ids: tuple[str, ...] = ()


@frozen
class CheckNote:
    """A checkpoint of the historical line, judged in history and in this game."""

    date: str
    text: str
    history: bool | None  # None: the historical line could not judge it
    game: bool | None  # None: this game never closed that quarter


@frozen
class Divergence:
    """The first quarter whose close differs from history's for a faction — a change that one of
    the two games had and the other did not, or a checkpoint history met and this game missed —
    and what led there."""

    date: str
    game: tuple[str, ...]  # what this game had then and history did not
    history: tuple[str, ...]  # what history had then and this game did not
    checkpoint: str  # the checkpoint missed that quarter, or ""
    moves: tuple[str, ...]  # the moves of that quarter and the one before that touched it
    votes: tuple[str, ...]
    events: tuple[str, ...]
    history_note: str  # what really happened then (the plan's note), or ""


@frozen
class GoalNote:
    goal: str
    name: str
    points: int
    when: str  # end | ever | always
    status: str  # met | not met | pending | failed
    scored: bool
    #: when it was met or failed (None: not yet, an end goal still open, or an always goal kept throughout)
    quarter: str | None


@frozen
class PowerSeries:
    """A faction's power at the close of each quarter, one number per quarter for each measure."""

    dates: tuple[str, ...]
    offices: tuple[int, ...]
    politburo: tuple[int, ...]
    cc_share: tuple[int, ...]  # percent of the Central Committee's seats
    delegates: tuple[int, ...]  # delegates its regions would send to a Congress
    prestige: tuple[int, ...]
    score: tuple[int, ...]  # the power score (the outcome's measure)


#: the measures of :class:`PowerSeries`, with their names on charts and tables
MEASURES = (
    ("offices", "Offices held"),
    ("politburo", "Politburo seats"),
    ("cc_share", "Central Committee share (%)"),
    ("delegates", "Congress delegates"),
    ("prestige", "Prestige"),
    ("score", "Power score"),
)


@frozen
class FactionDebrief:
    faction: str
    name: str
    colour: str
    points: int
    result: str  # words: "Victory", "The historical result"...
    history: str  # what the faction achieved in history over this span (the objectives' yardstick)
    history_result: str  # the historical line's own result on these objectives, in words ("" if unknown)
    goals: tuple[GoalNote, ...]
    timeline: tuple[Milestone, ...]
    history_timeline: tuple[Milestone, ...]
    checkpoints: tuple[CheckNote, ...]
    divergence: Divergence | None
    power: PowerSeries
    history_power: PowerSeries | None
    #: where this faction prevails in power but fails its own goals: why both are true ("" if not)
    caveat: str = ""


@frozen
class Source:
    """A cited document: its title, where, the words quoted and the passage they stand in."""

    title: str
    seed: str | None
    lines: str | None
    quote: str
    outside: str | None
    says: str | None
    passage: str


@frozen
class EventNote:
    date: str
    event: str
    name: str
    text: str
    choices: tuple[str, ...]  # "Trotsky chose: Resign"
    sources: tuple[Source, ...]
    design: str | None


@frozen
class Reason:
    date: str
    faction: str
    line: str  # the move and why, in a sentence


@frozen
class Question:
    text: str
    sources: tuple[Source, ...]


@frozen
class Debrief:
    scenario: str
    scenario_name: str
    seed: int
    mods: tuple[str, ...]  # id@version, as a replay records them
    start: str
    end: str  # the scenario's last quarter
    quarters: tuple[str, ...]  # the quarters this game closed
    over: bool
    #: power in the party at the end, named for what it measures ("" while the game goes on); it
    #: comes after the factions' results wherever the debrief is shown (:mod:`game.present.ending`)
    outcome: str
    history_source: str  # which rules history was replayed under ("" if it could not be)
    #: each faction, the one human seat's first
    factions: tuple[FactionDebrief, ...]
    party: tuple[CheckNote, ...]  # checkpoints that concern no faction (Lenin's death)
    events: tuple[EventNote, ...]
    questions: tuple[Question, ...]
    #: from a save only (a replay keeps neither): the seats and the computer seats' reasons
    seats: tuple[tuple[str, str], ...] = ()
    reasons: tuple[Reason, ...] = ()
    #: what the power outcome measures, apart from the results (``ending.OUTCOME_NOTES``)
    power_note: str = ""

    def faction(self, fid: str) -> FactionDebrief:
        return next(f for f in self.factions if f.faction == fid)

    @property
    def replay_line(self) -> str:
        """How to play this game again: the scenario, the seed and the mods."""
        mods = " ".join(f"--mod {m.partition('@')[0]}" for m in self.mods)
        return f"python -m game play --scenario {self.scenario} --seed {self.seed} {mods}".rstrip()
