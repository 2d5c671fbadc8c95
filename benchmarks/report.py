"""Result rows, the machine they were measured on, and the table (plain text or Markdown)."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Row:
    """One line of the table: inspector's figure and its baseline's, side by side."""

    bench: str
    metric: str
    inspector: float | str | None
    baseline: float | str | None = None
    baseline_name: str = ""
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None  # None: for context only, or not measurable in this run
    unit: str = ""
    note: str = ""

    @property
    def status(self) -> str:
        return {True: "pass", False: "FAIL", None: "-"}[self.ok]


@dataclass(slots=True)
class Results:
    machine: dict[str, Any]
    settings: dict[str, Any]
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": 1,
            "machine": self.machine,
            "settings": self.settings,
            "rows": [asdict(row) for row in self.rows],
            "details": self.details,
        }

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False) + "\n")
        tmp.replace(path)


def _first_line(cmd: list[str]) -> str | None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text else None


def machine_info(repo: Path) -> dict[str, Any]:
    cpu = None
    mem_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu": cpu or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "ram_gb": mem_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "commit": _first_line(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"]),
        "dovecot": _first_line(["dovecot", "--version"]),
        "dnsmasq": _first_line(["dnsmasq", "--version"]),
    }


def fmt(value: float | str | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if value != value:  # NaN
        return "-"
    if isinstance(value, int):
        return f"{value:,} {unit}".strip()
    if abs(value) >= 1000:
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def _cells(row: Row) -> list[str]:
    baseline = fmt(row.baseline, row.unit)
    if row.baseline_name and row.baseline is not None:
        baseline = f"{baseline} ({row.baseline_name})"
    ratio = _ratio_text(row.ratio)
    return [
        row.bench,
        row.metric,
        fmt(row.inspector, row.unit),
        baseline,
        ratio,
        row.target,
        row.status + (f": {row.note}" if row.note else ""),
    ]


def _ratio_text(value: float | None) -> str:
    if value is None or value != value:
        return "-"
    if value >= 100:
        return f"{value:.0f}×"
    return f"{value:.1f}×" if value >= 1 else f"{value:.2f}×"


HEADER = ["benchmark", "metric", "inspector", "baseline", "ratio", "target", "result"]


def render_text(rows: list[Row]) -> str:
    table = [HEADER] + [_cells(row) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(HEADER))]
    lines = []
    for n, cells in enumerate(table):
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def render_markdown(results: Results) -> str:
    m = results.machine
    s = results.settings
    head = (
        f"Measured {m.get('date', '?')[:10]} on {m.get('cpu')} ({m.get('cores')} cores, "
        f"{m.get('ram_gb')} GB RAM), Python {m.get('python')}, {_commits(results)}; "
        f"{s.get('messages'):,} messages a corpus ({s.get('profiles', 'synthetic')}), "
        f"seed {s.get('seed')}, median of {s.get('runs')} runs."
    )
    esc = [[c.replace("|", "\\|") for c in _cells(row)] for row in results.rows]
    lines = [head, "", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cells) + " |" for cells in esc]
    return "\n".join(lines) + "\n"


def _commits(results: Results) -> str:
    """``commit X``, or which benchmarks were measured at which commit (``--only`` runs)."""
    by_bench: dict[str, str] = results.details.get("commits") or {}
    commits = sorted(set(by_bench.values()))
    if len(commits) <= 1:
        return f"commit {commits[0] if commits else results.machine.get('commit')}"
    parts = [f"{c} ({', '.join(b for b, at in by_bench.items() if at == c)})" for c in commits]
    return "commits " + ", ".join(parts)


def load(path: Path) -> Results:
    doc = json.loads(path.read_text())
    rows = [Row(**row) for row in doc.get("rows", [])]
    return Results(doc.get("machine", {}), doc.get("settings", {}), rows, doc.get("details", {}))
