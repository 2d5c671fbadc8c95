"""The README's two opening commands are a promise: keep them true and in CI."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

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
    for command in ("analyze", "extract", "scan", "watch", "check-email", "check-phone"):
        assert f"inspector {command}" in text, command


def console_examples() -> list[tuple[str, list[str]]]:
    """(command, the output lines shown) of every ```console block in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        first, *shown = block.rstrip("\n").split("\n")
        if first.startswith("$ inspector "):
            examples.append((first[2:], shown))
    return examples


@pytest.mark.parametrize(("command", "shown"), console_examples(), ids=lambda v: str(v)[:40])
def test_readme_examples_show_real_output(command: str, shown: list[str]) -> None:
    """What the README shows is what the command prints (the first lines of it)."""
    env = {**os.environ, "COLUMNS": "100"}
    proc = subprocess.run(
        [sys.executable, "-m", "inspector", *shlex.split(command)[1:]],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip
    assert proc.stdout.splitlines()[: len(shown)] == shown


def test_the_questions_section_has_its_six_examples() -> None:
    assert len(console_examples()) >= 6
