"""Seed lists, random samples of seeds and the shares' intervals that ``balance`` and ``simulate`` use."""

import pytest

from game.tools import sampling
from game.tools.sampling import SeedListError, parse_seed_list, sample_seeds, seed_list_text


@pytest.mark.parametrize(
    "text, seeds",
    [
        ("2001-2003,3005,3010", (2001, 2002, 2003, 3005, 3010)),
        (" 7 ", (7,)),
        ("0-2, 9-9", (0, 1, 2, 9)),
        ("40,21-22", (40, 21, 22)),  # in the order written
    ],
)
def test_a_seed_list_reads_ranges_and_single_seeds(text, seeds):
    assert parse_seed_list(text) == seeds
    assert parse_seed_list(seed_list_text(seeds)) == tuple(sorted(seeds))  # as printed, read back


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "the seed list is empty"),
        ("1,,3", "an empty entry in '1,,3'"),
        ("1-", "an empty entry in '1-'"),
        ("a-3", "'a' in 'a-3' is not a seed"),
        ("-3", "an empty entry in '-3'"),  # no negative seeds
        ("1.5", "'1.5' in '1.5' is not a seed"),
        ("9-2", "the range '9-2' runs backwards: write 2-9"),
        ("1-3,2", "seed 2 is named twice"),
        ("1-1-3", "'1-3' in '1-1-3' is not a seed"),
        ("1-200000", "more than 100000 seeds"),
        ("1234567890123456789", "is not a seed"),
        ("٣", "is not a seed"),  # a digit, but not 0-9
    ],
)
def test_a_bad_seed_list_says_what_is_wrong(text, message):
    with pytest.raises(SeedListError) as err:
        parse_seed_list(text)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_sample_is_reproducible_distinct_and_outside_the_tuned_seeds():
    first = sample_seeds(60, 2024)
    assert first == sample_seeds(60, 2024)  # the same draw, the same seeds
    assert first != sample_seeds(60, 2025)
    assert len(set(first)) == 60 and list(first) == sorted(first)
    assert all(s in sampling.SAMPLE_RANGE and s > 1099 for s in first)
    assert set(sample_seeds(10, 2024)) != set(first[:10])  # a smaller sample is its own draw, still distinct
    with pytest.raises(SeedListError):
        sample_seeds(0, 1)


def test_one_interval_serves_both_reports():
    from game.tools import balance

    assert balance.interval is sampling.interval
    low, high = sampling.interval(0.25, 60)
    assert 0.15 < low < 0.25 < high < 0.38
    assert sampling.interval(1.0, 5)[1] == 1.0 and sampling.interval(0.0, 5)[0] == 0.0
