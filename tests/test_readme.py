"""The README's two opening commands are a promise: keep them true and in CI."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block, "README must open with a sh code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_install_and_test_commands() -> None:
    install, test = readme_commands()[:2]
    assert "inspector analyze fixtures/" in install
    assert "pytest" in test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_every_command_has_a_usage_example() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("analyze", "extract", "scan", "check-email", "check-phone"):
        assert f"inspector {command}" in text, command
