"""The README's two set-up commands and .ci/run cannot drift apart."""

from __future__ import annotations

import re

from conftest import REPO


def readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)[:2]


def test_readme_starts_with_install_and_test_commands():
    install, test = readme_commands()
    assert install.startswith("python3 -m venv .venv && ") and install.endswith("factsift extract samples/")
    assert "pip install -e '.[test]'" in test and test.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_exactly():
    _install, test = readme_commands()
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines
