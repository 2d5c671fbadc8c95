"""The HTML report in a real browser: Chromium (the distribution's package, installed by
.ci/run), driven by Playwright with that executable. No browser download is ever needed.

Set UPDATE_SCREENSHOT=1 to rewrite docs/report.png, the README's picture of the sample report.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from inspector.cli.main import main
from tests.conftest import FIXTURES, ROOT, require
from tests.hostile import write_hostile
from tests.schemas import cli_json

pytestmark = pytest.mark.browser

NOW = "2026-11-25T14:20:00+00:00"
SAMPLE_ARGS = [str(FIXTURES / "sample-mailbox"), "--now", NOW, "--requested-at", "14:10"]
SCREENSHOT = ROOT / "docs" / "report.png"


def chromium() -> str | None:
    found = os.environ.get("INSPECTOR_CHROMIUM") or shutil.which("chromium")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium()
    require(executable is not None, "chromium", "Debian: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "playwright", "pip install -e '.[dev]'")
        raise
    with sync_playwright() as driver:
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        launched = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def write_report(folder: Path, *args: str) -> Path:
    out = folder / "report.html"
    result = CliRunner().invoke(
        main, ["analyze", *args, "--offline", "--format", "html", "-o", str(out)]
    )
    assert result.exit_code in (0, 1), result.output
    return out


class Page:
    """A page opened from a file, with everything it said or tried recorded."""

    def __init__(self, browser: Any, path: Path, size: tuple[int, int] = (1100, 900)) -> None:
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        self.page = context.new_page()
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri(), wait_until="load")
        self.page.wait_for_timeout(300)  # anything deferred would have run by now

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def test_the_sample_report_renders_cleanly(browser: Any, tmp_path: Path) -> None:
    view = Page(browser, write_report(tmp_path, *SAMPLE_ARGS))
    assert view.console == []  # also no CSP violation: they are console errors
    assert view.errors == []
    assert view.requests == [view.page.url]  # the page itself, nothing else
    heading = view.page.locator("h1").inner_text()
    assert heading.startswith("Your TikTok code 482915 arrived")
    box = view.page.locator("svg.timeline").bounding_box()
    assert box is not None
    assert box["width"] > 600
    assert box["height"] > 100


def test_one_marker_per_verification_message_and_one_for_the_request(
    browser: Any, tmp_path: Path
) -> None:
    result = CliRunner().invoke(main, ["analyze", *SAMPLE_ARGS, "--offline", "--format", "json"])
    doc = cli_json(result.stdout, "analyze")
    verification = sum(1 for m in doc["messages"] if m["is_verification"])
    view = Page(browser, write_report(tmp_path, *SAMPLE_ARGS))
    svg = view.page.locator("svg.timeline")
    assert svg.locator('[data-marker="message"]').count() == verification == 2
    assert svg.locator('[data-marker="request"]').count() == 1
    assert svg.locator('[data-marker="now"]').count() == 1
    # Each marker is drawn where it can be seen, inside the picture.
    frame = svg.bounding_box()
    assert frame is not None
    for i in range(verification):
        box = svg.locator('[data-marker="message"]').nth(i).bounding_box()
        assert box is not None
        assert frame["x"] <= box["x"] <= frame["x"] + frame["width"]


def test_a_hostile_message_runs_nothing(browser: Any, tmp_path: Path) -> None:
    """Subject and sender carry <script>, onerror= and javascript: URLs: nothing runs."""
    path = write_report(tmp_path, str(write_hostile(tmp_path)), "--now", NOW, "--all-messages")
    view = Page(browser, path)
    assert view.dialogs == []
    assert view.console == []
    assert view.errors == []
    assert view.requests == [view.page.url]
    assert view.page.locator("script").count() == 0
    assert view.page.locator("img, iframe, object, embed, a[href]").count() == 0
    text = view.page.locator("body").inner_text()
    assert "<script>console.log('xss-subject')" in text  # shown as text
    assert "javascript:alert('url')" in text
    # Still a working report: the code was found and drawn.
    assert view.page.locator('svg [data-marker="message"]').count() == 1


def test_screenshot_of_the_sample_report(browser: Any, tmp_path: Path) -> None:
    view = Page(browser, write_report(tmp_path, *SAMPLE_ARGS), size=(1000, 800))
    shot = tmp_path / "report.png"
    view.page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
    assert SCREENSHOT.exists(), "run with UPDATE_SCREENSHOT=1 to write docs/report.png"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/report.png)" in readme
