"""What a measurement plays and how far its figures can be trusted: the seeds (a list written by
hand or a random sample), the 95% interval of a share, and the distribution of a seat's moves by
action kind.

Seed lists are written as ``balance`` and ``simulate`` print them, so a reader can replay a run:
``2001-2060,3005,3010`` (ranges and single seeds, separated by commas).  A sample draws distinct
seeds from :data:`SAMPLE_RANGE`, which lies above every seed the balance was tuned on (1–40,
500–519, 1000–1099), with ``random.Random(S)``: the same ``S`` draws the same seeds (the seeds are
printed too, since ``random`` may draw otherwise in another Python version).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping

#: the seeds a sample is drawn from: above every seed used while tuning, below a million
SAMPLE_RANGE = range(10_000, 1_000_000)
#: a seed list may name at most this many seeds (each is a game or more)
MAX_SEEDS = 100_000
MAX_DIGITS = 18  # as ``--seed``: a seed is typed back by hand; any longer is a mistake
#: a share of a seat's moves above this marks one action kind as dominant in its winning games
DOMINANT = 0.40


class SeedListError(ValueError):
    """Text that does not spell a seed list, with what is wrong in words."""


def _number(word: str, text: str) -> int:
    word = word.strip()
    if not word:
        raise SeedListError(f"an empty entry in {text!r}: write seeds and ranges such as 2001-2060,3005")
    if not (word.isascii() and word.isdigit()) or len(word) > MAX_DIGITS:
        raise SeedListError(f"{word!r} in {text!r} is not a seed (a whole number, 0 or more)")
    return int(word)


def parse_seed_list(text: str) -> tuple[int, ...]:
    """The seeds of a list such as ``2001-2003,3005``, in the order written.

    >>> parse_seed_list("2001-2003,3005, 3010")
    (2001, 2002, 2003, 3005, 3010)
    >>> parse_seed_list("5-3")
    Traceback (most recent call last):
    ...
    game.tools.sampling.SeedListError: the range '5-3' runs backwards: write 3-5
    """
    seeds: list[int] = []
    seen: set[int] = set()
    if not text.strip():
        raise SeedListError("the seed list is empty: write seeds and ranges such as 2001-2060,3005")
    for part in text.split(","):
        low_text, dash, high_text = part.partition("-")
        low = _number(low_text, text)
        high = _number(high_text, text) if dash else low
        if high < low:
            raise SeedListError(f"the range '{part.strip()}' runs backwards: write {high}-{low}")
        if len(seeds) + high - low + 1 > MAX_SEEDS:
            raise SeedListError(f"the seed list names more than {MAX_SEEDS} seeds")
        for seed in range(low, high + 1):
            if seed in seen:
                raise SeedListError(f"seed {seed} is named twice in {text!r} (it would count one game twice)")
            seen.add(seed)
            seeds.append(seed)
    return tuple(seeds)


def seed_list_text(seeds: Iterable[int]) -> str:
    """The seeds written as a list :func:`parse_seed_list` reads back (runs of consecutive seeds
    as ranges).

    >>> seed_list_text([2001, 2002, 2003, 3005, 3010, 3011])
    '2001-2003,3005,3010-3011'
    >>> parse_seed_list(seed_list_text([7, 9, 8])) == (7, 8, 9)
    True
    """
    parts: list[str] = []
    ordered = sorted(seeds)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return ",".join(parts)


def seed_range(count: int, first: int) -> tuple[int, ...]:
    """``count`` seeds from ``first`` on (``--seeds N --first-seed S``).

    >>> seed_range(3, 41)
    (41, 42, 43)
    """
    return tuple(range(first, first + count))


def sample_seeds(count: int, draw: int) -> tuple[int, ...]:
    """``count`` distinct seeds drawn from :data:`SAMPLE_RANGE` by ``random.Random(draw)``, in
    increasing order; the same ``draw`` gives the same seeds.

    >>> sample_seeds(3, 1) == sample_seeds(3, 1) != sample_seeds(3, 2)
    True
    >>> all(s in SAMPLE_RANGE for s in sample_seeds(50, 7)) and len(set(sample_seeds(50, 7))) == 50
    True
    """
    if not 1 <= count <= min(MAX_SEEDS, len(SAMPLE_RANGE)):
        raise SeedListError(f"a sample has 1 to {MAX_SEEDS} seeds, not {count}")
    return tuple(sorted(random.Random(draw).sample(SAMPLE_RANGE, count)))


def interval(share: float, games: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% (Wilson score) interval of a share measured over ``games`` games.

    >>> [round(x, 3) for x in interval(0.5, 20)]
    [0.299, 0.701]
    >>> interval(0.0, 0)
    (0.0, 1.0)
    """
    if games <= 0:
        return 0.0, 1.0
    centre = (share + z * z / (2 * games)) / (1 + z * z / games)
    half = z * math.sqrt(share * (1 - share) / games + z * z / (4 * games * games)) / (1 + z * z / games)
    return max(0.0, centre - half), min(1.0, centre + half)


def share_figures(count: int, games: int) -> dict:
    """A count out of ``games`` as JSON: the count, the games, the share and its 95% interval.

    >>> share_figures(10, 20)
    {'count': 10, 'games': 20, 'share': 0.5, 'interval': [0.2993, 0.7007]}
    """
    share = count / games if games else 0.0
    return {
        "count": count,
        "games": games,
        "share": round(share, 4),
        "interval": [round(x, 4) for x in interval(share, games)],
    }


def share_text(count: int, games: int) -> str:
    """A count, its share and the share's 95% interval, in words for a table.

    >>> share_text(10, 20)
    '10 (50%, 95% interval 30–70%)'
    """
    share = count / games if games else 0.0
    low, high = interval(share, games)
    return f"{count} ({share:.0%}, 95% interval {low * 100:.0f}–{high:.0%})"


def add_moves(total: dict[str, int], moves: Mapping[str, int]) -> None:
    """Add one game's moves by action kind to a running total."""
    for kind, n in moves.items():
        total[kind] = total.get(kind, 0) + n


def top_move(moves: Mapping[str, int]) -> tuple[str | None, float]:
    """The most frequent action kind and its share of all the moves (ties: the first by name).

    >>> top_move({"publish_article": 6, "pass_turn": 3, "choose": 1})
    ('publish_article', 0.6)
    >>> top_move({})
    (None, 0.0)
    """
    total = sum(moves.values())
    if not total:
        return None, 0.0
    kind = min(moves, key=lambda k: (-moves[k], k))
    return kind, moves[kind] / total


def moves_figures(moves: Mapping[str, int]) -> dict:
    """A distribution of moves as JSON: the counts by kind (most frequent first), the top kind,
    its share, and whether it is above :data:`DOMINANT`.

    >>> moves_figures({"choose": 1, "publish_article": 6, "pass_turn": 3})["dominant"]
    True
    """
    kind, share = top_move(moves)
    return {
        "moves": sum(moves.values()),
        "by_kind": dict(sorted(moves.items(), key=lambda kv: (-kv[1], kv[0]))),
        "top": kind,
        "top_share": round(share, 4),
        "dominant": share > DOMINANT,
    }


def moves_text(moves: Mapping[str, int], shown: int = 5) -> str:
    """A distribution of moves in words: the most frequent kinds with their shares, and a flag
    when one is above :data:`DOMINANT`.

    >>> moves_text({"publish_article": 6, "pass_turn": 3, "choose": 1})
    'publish_article 60%, pass_turn 30%, choose 10% of 10 moves  ⚑ publish_article above 40%'
    >>> moves_text({})
    'no moves'
    """
    total = sum(moves.values())
    if not total:
        return "no moves"
    ordered = sorted(moves.items(), key=lambda kv: (-kv[1], kv[0]))
    words = ", ".join(f"{k} {n / total:.0%}" for k, n in ordered[:shown])
    if len(ordered) > shown:
        words += f", {len(ordered) - shown} other kind(s) {sum(n for _k, n in ordered[shown:]) / total:.0%}"
    kind, share = top_move(moves)
    flag = f"  ⚑ {kind} above {DOMINANT:.0%}" if share > DOMINANT else ""
    return f"{words} of {total} moves{flag}"
