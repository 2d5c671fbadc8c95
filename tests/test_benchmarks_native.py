"""The helpers of the native-library rows (benchmarks/bench_native.py): the import blocker
runs inspector's real fallback path, and the HTML comparison reads every HTML part."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.schemas import cli_json

ROOT = Path(__file__).resolve().parent.parent
CODE_MAIL = ROOT / "fixtures" / "mail" / "discord-superseded.mbox"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_without_blocks_the_module_and_runs_the_command() -> None:
    blocked = _run(
        "benchmarks.without", "ahocorasick", "--", "analyze", str(CODE_MAIL), "--format",
        "json", "--all-messages", "--offline",
    )  # fmt: skip
    normal = _run(
        "inspector", "analyze", str(CODE_MAIL), "--format", "json", "--all-messages", "--offline"
    )
    assert blocked.returncode == normal.returncode, blocked.stderr
    docs = [cli_json(p.stdout, "analyze") for p in (blocked, normal)]
    codes = [[m.get("code") for m in doc["messages"]] for doc in docs]
    assert codes[0] == codes[1]
    assert any(codes[0])


def test_a_blocked_module_is_missing_as_without_a_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the blocker does (``sys.modules[name] = None``) makes the candidate test take its
    documented fallback: no automaton, every text a candidate."""
    from inspector.extract import candidate

    monkeypatch.setitem(sys.modules, "ahocorasick", None)
    candidate._table.cache_clear()
    try:
        assert candidate._table() is None
        assert candidate.maybe_verification("a newsletter", "a newsletter")
    finally:
        candidate._table.cache_clear()


def test_html_compare_reads_every_html_part(tmp_path: Path) -> None:
    mbox = tmp_path / "two.mbox"
    html = (
        b"From a@b Thu Nov 19 10:00:00 2026\nFrom: a@example.com\nSubject: x\n"
        b"Content-Type: text/html\n\n<p>Your code is <b>123456</b></p>\n\n"
    )
    mbox.write_bytes(html + html.replace(b"123456", b"654321"))
    done = _run("benchmarks.html_compare", str(mbox))
    assert done.returncode == 0, done.stderr
    printed = done.stdout  # the helper's own JSON, not a CLI document
    doc = json.loads(printed)
    assert doc["parts"] == 2
    assert doc["inspector_seconds"] > 0
