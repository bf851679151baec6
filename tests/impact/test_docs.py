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
