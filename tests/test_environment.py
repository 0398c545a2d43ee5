"""The toolchain the project relies on is the one we chose."""

import pygame


def test_pygame_is_the_community_edition():
    # pygame-ce and pygame both install as `pygame`; only pygame-ce may be present
    assert getattr(pygame, "IS_CE", False)


def test_yaml_loading_is_safe_only():
    import yaml

    from game.ruleset import yamlpos

    doc = "!!python/object/apply:os.system ['echo owned']"
    try:
        yamlpos.load(doc)
    except yamlpos.YamlError as exc:
        assert "not allowed" in exc.message
    else:
        raise AssertionError("a python tag must be refused")
    assert yaml.__with_libyaml__ in (True, False)
