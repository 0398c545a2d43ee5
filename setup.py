"""Packaging: the game's four data folders go into the wheel as package data.

``rules/``, ``mods/``, ``assets/`` and ``seeds/`` stay at the top of the repository, where the
design card, modders and the tests find them.  A wheel carries them inside the package as
``game/_data/rules``, ``game/_data/mods`` and so on (each folder mapped by ``package_dir``, all its
files taken by ``package_data``), where :mod:`game.resources` finds them (as a plain folder, or
through ``importlib.resources`` for a package imported from a zip); nothing is copied into the
repository.  An editable install needs none of
this: ``game.resources`` finds the top-level folders beside ``game/``.

Everything else about the project is in ``pyproject.toml``.  The package list is here and not
there because ``[tool.setuptools.packages.find]`` cannot be combined with mapped folders.
"""

from setuptools import find_packages, setup

DATA = ("rules", "mods", "assets", "seeds")

setup(
    packages=find_packages(include=["game", "game.*"]) + [f"game._data.{name}" for name in DATA],
    package_dir={f"game._data.{name}": name for name in DATA},
    package_data={f"game._data.{name}": ["**/*"] for name in DATA},
    include_package_data=False,  # every data file is named above; nothing more from the manifest
)
