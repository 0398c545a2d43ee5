"""Words are not the game: the log holds data only, and the digest (and so every replay's final
hash and every save's check) covers the votes as data.  Mending the chronicle's wording (in
:mod:`game.present.chronicle`), a motion's label or a man's name in the rule files leaves the
historical line's and the golden campaign's final hashes as they are."""

from __future__ import annotations

from game.engine import player_view
from game.match import historical, replay
from game.match.headless import play
from game.present import chronicle, naming, voting, words
from game.ruleset.loader import errors, load_base, load_rules


def _final(rules) -> str:
    rep = replay.load(historical.REPLAY)
    state, results = replay.run_checked(rep, rules, str(historical.REPLAY))
    assert all(r.met for r in results)
    return state.digest()


def test_the_historical_line_reaches_its_recorded_hash(rules):
    assert _final(rules) == replay.load(historical.REPLAY).final


def test_new_wording_of_the_chronicle_and_the_motions_changes_no_hash(rules, monkeypatch):
    recorded = replay.load(historical.REPLAY).final
    golden, _ = play(rules, "succession_1923", 7)
    golden_lines = chronicle.public_lines(golden, rules)

    def reword(fn):
        return lambda r, d: "(reworded) " + fn(r, d)

    reworded = {event: reword(fn) for event, fn in chronicle.WORDS.items()}
    monkeypatch.setattr(chronicle, "WORDS", reworded)
    monkeypatch.setattr(words, "motion_label", lambda r, m, a: f"(relabelled) {m} {' '.join(a)}")
    rep = replay.load(historical.REPLAY)
    state, _ = replay.run_checked(rep, rules, str(historical.REPLAY))
    assert all(chronicle.render(rules, e).startswith("(reworded) ") for e in state.log)  # the new words are in use
    votes = player_view(state, rules, None).votes
    assert votes and all("(relabelled) " in voting.vote_lines(rules, v, None)[0] for v in votes)
    assert state.digest() == recorded
    again, _ = play(rules, "succession_1923", 7)
    lines = chronicle.public_lines(again, rules)
    assert len(lines) == len(golden_lines) and all("(reworded) " in line for line in lines)
    assert lines != golden_lines and again.digest() == golden.digest()


def test_renaming_men_and_factions_in_a_mod_changes_no_hash(tmp_path):
    mod = tmp_path / "renamed"
    mod.mkdir()
    (mod / "mod.yaml").write_text('id: renamed\nname: Renamed\nversion: "1.0"\nformat_version: 1\n', encoding="utf-8")
    (mod / "figures.yaml").write_text(
        "format_version: 1\nfigures:\n  - id: trotsky\n    name: Lev Davidovich Bronstein\n", encoding="utf-8"
    )
    (mod / "factions.yaml").write_text(
        "format_version: 1\nfactions:\n  - id: stalin\n    name: The General Line\n", encoding="utf-8"
    )
    base = load_base()
    renamed, problems = load_rules([base.folders[0], mod], base.root)
    assert not errors(problems), problems
    rep = replay.load(historical.REPLAY)
    state, _ = replay.run_checked(rep, renamed, str(historical.REPLAY))
    voters = {
        naming.voter_name(renamed, v.body, b.who) for v in player_view(state, renamed, None).votes for b in v.ballots
    }
    assert "The General Line" in voters or "Lev Davidovich Bronstein" in voters, sorted(voters)[:20]
    assert any("Bronstein" in chronicle.render(renamed, e) for e in state.log)  # the new names are really in use
    assert state.digest() == rep.final
