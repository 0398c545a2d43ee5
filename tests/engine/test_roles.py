"""The engine reads the entries it gives a part to play from the rules' roles (settings.yaml),
not from ids spelled in code: a mod that points a role at another entry changes what the engine
reads."""

from __future__ import annotations

from game.engine import congress, new_game, posts
from game.ruleset.loader import load

APPARATUS = """\
format_version: 1
trackers:
  - id: apparatus
    name: The weight of the apparatus
    kind: bureaucracy
    start: 100
    design: "A test tracker: the role of the bureaucracy points here."
"""
ROLES = "format_version: 1\nsettings:\n  - id: standard\n    roles: {bureaucracy: apparatus}\n"


def test_the_shipped_roles_name_the_entries_the_engine_always_used(rules):
    roles = rules.settings.roles
    assert (roles.general_secretary, roles.politburo, roles.mass_mood) == (
        "general_secretary",
        "politburo",
        "mass_mood",
    )
    assert posts.head_office(rules) == "general_secretary"


def _moscow_vote(rules):
    state = new_game(rules, "succession_1923", 1)
    reg = state.regions["moscow"]
    reg.secretary, reg.loyalty, reg.sympathy = "stalin", 50, {"trotsky": rules.settings.override_threshold + 5}
    state.trackers["bureaucracy"] = 0
    return congress.delegation(state, rules, "moscow")[0]


def test_a_mod_that_moves_a_role_moves_what_the_engine_reads(rules, tmp_path):
    mod = tmp_path / "apparatus_role"
    mod.mkdir()
    (mod / "mod.yaml").write_text('id: apparatus_role\nname: A\nversion: "1.0"\nformat_version: 1\n', encoding="utf-8")
    (mod / "trackers.yaml").write_text(APPARATUS, encoding="utf-8")
    (mod / "settings.yaml").write_text(ROLES, encoding="utf-8")
    modded, problems = load([str(mod)])
    assert problems == [], "\n".join(map(str, problems))
    # base: no bureaucracy, so the rank and file (threshold + 5) override a hold of 50
    assert _moscow_vote(rules) == "trotsky"
    # modded: the apparatus tracker (100) stiffens the hold by 100 // bureaucracy_per_hold
    assert 50 + 100 // modded.settings.bureaucracy_per_hold > modded.settings.override_threshold + 5
    assert _moscow_vote(modded) == "stalin"
