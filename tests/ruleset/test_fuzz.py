"""Whatever a rule file holds, loading and validating it reports problems and never raises."""

from __future__ import annotations

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ruleset import records
from game.ruleset.loader import Problem, load_rules

MANIFEST = "id: fuzz\nname: Fuzz\nversion: 1.0.0\nformat_version: 1\n"
WORDS = st.sampled_from(
    [
        "id",
        "name",
        "date",
        "chance",
        "effects",
        "conditions",
        "choice",
        "options",
        "kill",
        "flag",
        "not",
        "any",
        "faction",
        "delta",
        "seats",
        "to",
        "turns",
        "no",
        "0755",
        "12:30",
        *records.KINDS,
        *records.EFFECTS,
        *records.CONDITIONS,
    ]
)
SCALARS = st.one_of(
    WORDS, st.integers(-(10**12), 10**12), st.booleans(), st.none(), st.text(string.printable, max_size=8)
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(WORDS, inner, max_size=4)),
    max_leaves=30,
)


def run(tmp_path, text: str):
    mod = tmp_path / "mod"
    mod.mkdir(exist_ok=True)
    (mod / "mod.yaml").write_text(MANIFEST, encoding="utf-8")
    (mod / "events.yaml").write_text(text, encoding="utf-8")
    rules, problems = load_rules([mod], tmp_path)
    assert all(isinstance(p, Problem) and p.line >= 1 and p.col >= 1 for p in problems)
    assert problems, "a ruleset of one file cannot be complete"
    return problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=st.dictionaries(st.sampled_from([*records.KINDS, "format_version"]), TREES, max_size=3))
def test_any_structure_is_reported_not_raised(tmp_path, tree):
    run(tmp_path, yaml.safe_dump(tree, allow_unicode=True))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(string.printable + "&*!|>-[]{}:#'\"", max_size=200))
def test_any_text_is_reported_not_raised(tmp_path, text):
    run(tmp_path, text)


HEADER = "# Succession replay\nformat: 1\nscenario: crisis_1923\nseed: 7\nmods:\nactions:\n"


@settings(max_examples=200, deadline=None)
@given(
    body=st.lists(
        st.one_of(
            st.text(string.printable, max_size=60),
            st.builds(lambda t: "check 1924-Q1 | x | " + t, st.text(string.printable + "&*![]{}", max_size=80)),
        ),
        max_size=6,
    )
)
def test_any_replay_text_is_parsed_or_refused_with_its_line(body):
    from game.match import replay

    text = HEADER + "\n".join(body) + "\n"
    try:
        replay.parse(text, "fuzz.replay")
    except replay.ReplayError as exc:
        assert str(exc).startswith("fuzz.replay:")


@settings(max_examples=200, deadline=None)
@given(text=st.text(string.printable, max_size=300).map(lambda t: "# Succession replay\n" + t))
def test_any_replay_header_is_parsed_or_refused_with_its_line(text):
    from game.match import replay

    try:
        replay.parse(text, "fuzz.replay")
    except replay.ReplayError as exc:
        assert str(exc).startswith("fuzz.replay:")
