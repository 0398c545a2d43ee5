"""A tiny seeded PRNG whose whole state is one integer, kept in the game state.

SplitMix64: each draw returns ``(value, next_state)``.  It never touches the global ``random``
module, so games replay bit for bit on every Python version.
"""

from __future__ import annotations

MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    """The generator state for a user-facing seed (any integer)."""
    return (seed * 0x9E3779B97F4A7C15 + 0x6A09E667F3BCC909) & MASK


def next_u64(state: int) -> tuple[int, int]:
    """One 64-bit draw: ``(value, new_state)``.

    >>> next_u64(seed_state(1))[0] == next_u64(seed_state(1))[0]
    True
    """
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31), state


def below(state: int, n: int) -> tuple[int, int]:
    """A draw in ``range(n)`` (n >= 1): ``(value, new_state)``."""
    value, state = next_u64(state)
    return value % n, state


def derive(seed: int, label: str) -> int:
    """An independent generator state for ``label`` (e.g. a bot's own stream)."""
    acc = seed_state(seed)
    for ch in label.encode():
        acc, _ = next_u64(acc ^ ch)
    return acc
