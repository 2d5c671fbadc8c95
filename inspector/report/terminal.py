"""Text for a terminal: width, colour and the pieces every text output shares, through rich.

Only the tool's own styling reaches the terminal. Message text is untrusted: every string
passes through ``clean`` (no control character or escape sequence survives) and becomes a
``rich.text.Text`` span; nothing is ever given to rich as markup or with emoji codes, so a
subject like ``[bold]:smile:`` prints exactly as written. Whether to colour and how wide to
wrap are decided by the caller (``inspector.cli.output.screen_for``) and passed in, so the
environment (NO_COLOR, FORCE_COLOR, COLUMNS) is read once, in one place.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from inspector.report.sanitize import clean
from inspector.report.view import FindingDoc

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

MIN_WIDTH = 20  # narrower than this, nothing useful fits on a line


@dataclass(frozen=True, slots=True)
class Screen:
    """Where text goes: its width in columns and whether it may carry colour."""

    width: int = 80
    color: bool = False


SEVERITY_MARK = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def console(screen: Screen) -> Console:
    """A rich console writing to memory with exactly ``screen``'s width and colour."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=max(screen.width, MIN_WIDTH),
        # "standard" (16 colours) whatever TERM says: --color always means always.
        color_system="standard" if screen.color else None,
        force_terminal=screen.color,
        no_color=not screen.color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )


def text(value: str, style: str = "") -> Text:
    """Untrusted (or any) text as a span: cleaned, never parsed as markup."""
    from rich.text import Text

    return Text(clean(value), style=style)


def joined(*parts: tuple[str, str] | str) -> Text:
    """Spans in a row: ``"plain"`` or ``("text", "style")``."""
    from rich.text import Text

    out = Text()
    for part in parts:
        value, style = (part, "") if isinstance(part, str) else part
        out.append(clean(value), style=style)
    return out


def render(screen: Screen, items: Iterable[RenderableType]) -> str:
    """The items printed one after another; trailing blanks of every line dropped."""
    out = console(screen)
    for item in items:
        out.print(item)
    file = out.file
    assert isinstance(file, io.StringIO)
    lines = file.getvalue().splitlines()
    return "".join(line.rstrip(" ") + "\n" for line in lines)


def finding_rows(
    findings: Sequence[FindingDoc], details: Sequence[str | None] = ()
) -> RenderableType:
    """Findings as a two-column grid: the severity, then the message, its id and the advice,
    wrapped under the message (a hanging indent that survives any width)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, min_width=max(len(m) for m in SEVERITY_MARK.values()))
    grid.add_column()
    for i, finding in enumerate(findings):
        severity = finding["severity"]
        body = joined(finding["message"], " ", (f"[{finding['id']}]", "dim"))
        body.append("\n")  # the tool's own line breaks, added after cleaning
        body.append_text(joined(("-> ", "bold"), finding["advice"]))
        detail = details[i] if i < len(details) else None
        if detail:
            body.append("\n")
            body.append_text(text(detail, "dim"))
        mark = text(SEVERITY_MARK.get(severity, severity.upper()), SEVERITY_STYLE.get(severity, ""))
        grid.add_row(mark, body)
    return grid


def fields(pairs: Sequence[tuple[str, str]]) -> RenderableType:
    """``label: value`` lines with the values aligned and wrapped under themselves."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in pairs:
        grid.add_row(text(f"{label}:", "bold"), text(value))
    return grid
