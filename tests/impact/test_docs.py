"""Docs that cannot drift from the code: the settings the README's configuration table and
config.py's own table list are exactly the ``BATIK_*`` settings config.py reads."""

from __future__ import annotations

import re
from pathlib import Path

from impact import config

ROOT = Path(__file__).resolve().parents[2]


def _settings_in_code() -> set[str]:
    """Every module-level name of config.py whose value is a ``BATIK_*`` setting's name."""
    return {
        value
        for name, value in vars(config).items()
        if name.isupper() and isinstance(value, str) and re.fullmatch(r"BATIK_[A-Z_]+", value)
    }


def _readme_table() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Configuration", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `(BATIK_[A-Z_]+)` \|", section, re.MULTILINE))


def test_the_readme_lists_every_setting_config_reads() -> None:
    code = _settings_in_code()
    assert len(code) >= 9  # the scan finds the settings (a typo in it would find none)
    assert _readme_table() == code


def test_configs_own_table_lists_every_setting() -> None:
    documented = set(re.findall(r"^(BATIK_[A-Z_]+)\s", config.__doc__ or "", re.MULTILINE))
    assert documented == _settings_in_code()


def test_the_readme_names_every_command_and_option_of_the_cli() -> None:
    import argparse

    from impact import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Admin command line", 1)[1].split("\n### ", 1)[0]
    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    names = set()
    for command, sub in subparsers.choices.items():
        names.add(f"impact {command}")
        names |= {o for a in sub._actions for o in a.option_strings if o.startswith("--")}
    names -= {"--help"}
    names |= {o for a in parser._actions for o in a.option_strings if o.startswith("--")} - {
        "--help"
    }
    missing = sorted(n for n in names if n not in section)
    assert not missing, f"the README's command-line section does not name {missing}"


def test_the_module_map_names_every_module_and_only_modules_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("\nimpact/ ")
    block = readme[start : readme.index("\ndata/ ", start)]
    named = set(re.findall(r"\b([a-z_]+\.py)\b", block))
    modules = {
        p.name
        for p in (ROOT / "impact").rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    }
    assert sorted(modules - named) == [], "modules the README's map does not name"
    assert sorted(named - modules) == [], "names in the README's map that are no module"
