from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from tests.conftest import FIXTURES
from tests.schemas import cli_json

NOW = "2026-11-25T14:20:00+00:00"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    # Tests never ask DNS servers on the internet: analyze runs offline.
    offline = ["--offline"] if args[:1] == ("analyze",) and "--offline" not in args else []
    return subprocess.run(
        [sys.executable, "-m", "inspector", *args, *offline],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert "inspector, version" in proc.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", "x.eml", "--format", "yaml"],
        ["analyze", "x.eml", "--now", "yesterday-ish"],
        ["no-such-command"],
    ],
    ids=["no-path", "bad-format", "bad-time", "unknown-command"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    proc = run(*args)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_service_is_a_usage_error() -> None:
    proc = run("analyze", str(FIXTURES / "mail" / "inbox"), "--service", "no-such-service-xyz")
    assert proc.returncode == 2
    assert "unknown service" in proc.stderr


def test_nothing_readable_exits_3(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("shopping list\n")
    proc = run("analyze", str(tmp_path / "notes.txt"), str(tmp_path / "missing.eml"))
    assert proc.returncode == 3
    assert "notes.txt" in proc.stderr
    assert "missing.eml" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_one_bad_file_does_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("shopping list\n")
    good = FIXTURES / "mail" / "inbox" / "newsletter-promo-code.eml"
    proc = run("analyze", str(tmp_path / "notes.txt"), str(good), "--now", NOW)
    assert "notes.txt" in proc.stdout
    assert "newsletter" not in proc.stderr
    # The good file was read and diagnosed; no code was found while a file went unread, so
    # the answer "no code" cannot be trusted: exit 3, with the report still printed.
    assert proc.stdout.startswith("No verification message was found")
    assert "This diagnosis is incomplete" in proc.stdout
    assert proc.returncode == 3


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = run(
        "analyze",
        str(FIXTURES / "sample-mailbox"),
        "--now",
        NOW,
        "--format",
        "json",
        "-o",
        str(out),
    )
    assert proc.returncode in (0, 1)
    assert proc.stdout == ""
    cli_json(out.read_text(), "analyze")


@pytest.mark.parametrize("where", ["before", "after"], ids=["before-command", "after-command"])
def test_debug_shows_traceback_on_error(where: str) -> None:
    args = ["analyze", str(FIXTURES / "sample-mailbox"), "--service", "no-such-service"]
    proc = run(*(["--debug", *args] if where == "before" else [*args, "--debug"]))
    assert proc.returncode == 2
    assert "unknown service" in proc.stderr
    assert "Traceback" in proc.stderr


def test_unwritable_output_is_refused_before_reading(tmp_path: Path) -> None:
    target = tmp_path / "no" / "report.json"
    proc = run("analyze", str(FIXTURES / "sample-mailbox"), "-o", str(target))
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr
    assert str(target.parent) in proc.stderr
    assert proc.stdout == ""
    assert not target.parent.exists()


@pytest.mark.parametrize(
    ("args", "code", "finding"),
    [
        (["check-email", "alice@gmial.com", "--offline"], 1, "email_domain_typo"),
        (["check-email", "not-an-address", "--offline"], 1, "email_invalid"),
        (["check-email", "alice@example.org", "--offline"], 0, None),
        (["check-phone", "+44 7911 123456"], 0, None),
        (["check-phone", "020 7946 0018", "--region", "GB"], 1, "phone_not_mobile"),
        (["check-phone", "7911 123456"], 1, "phone_missing_country_code"),
        (["check-phone", "9" * 10_000], 1, "phone_invalid"),
    ],
    ids=["typo", "invalid", "fine", "mobile", "landline", "no-country-code", "hostile-length"],
)
def test_contact_commands(args: list[str], code: int, finding: str | None) -> None:
    proc = run(*args, "--format", "json")
    assert proc.returncode == code, proc.stderr
    ids = {f["id"] for f in cli_json(proc.stdout, args[0])["findings"]}
    if finding:
        assert finding in ids
    else:
        assert not {i for i in ids if not i.endswith(("_plus_address", "_role_account"))}


def test_check_phone_unknown_region_is_usage_error() -> None:
    proc = run("check-phone", "0612345678", "--region", "XX")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_contact_findings_lead_the_verdict_when_no_code_arrived() -> None:

    newsletter = FIXTURES / "mail" / "inbox" / "newsletter-promo-code.eml"
    proc = run(
        "analyze", str(newsletter), "--now", NOW, "--offline", "--format", "json",
        "--email", "alice@gmial.com", "--phone", "+44 20 7946 0018",
    )  # fmt: skip
    doc = cli_json(proc.stdout, "analyze")
    ids = {f["id"] for f in doc["findings"]}
    assert {"code_not_found", "email_domain_typo", "phone_not_mobile"} <= ids
    assert "gmail.com" in doc["verdict"]
    assert doc["contacts"]["email"]["suggestion"] == "alice@gmail.com"


@pytest.mark.parametrize(
    "command", ["analyze", "scan", "extract", "check-email", "check-phone", "schema"]
)
def test_help_lists_exit_codes_and_shared_options_read_alike(command: str) -> None:
    from click.testing import CliRunner

    from inspector.cli.main import main

    runner = CliRunner(env={"COLUMNS": "200"})
    text = runner.invoke(main, [command, "--help"]).stdout
    codes = text[text.index("Exit codes:") :].splitlines()[1:]
    assert [line.split()[0] for line in codes][:1] == ["0"]
    assert "2" in [line.split()[0] for line in codes]
    assert max(len(line) for line in codes) <= 80


def test_shared_options_have_one_help_text() -> None:
    """An option on several commands is one definition: the same help everywhere."""
    from inspector.cli.main import main

    helps: dict[str, set[str]] = {}
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        assert command is not None
        for param in command.params:
            if isinstance(param, click.Option):
                helps.setdefault(param.opts[-1], set()).add(param.help or "")
    differing = {name: texts for name, texts in helps.items() if len(texts) > 1}
    assert not differing
