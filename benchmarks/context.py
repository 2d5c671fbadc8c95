"""What every benchmark shares: settings, corpora (generated once, cached), how to call the CLI."""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import measure
from testkit.corpus import Corpus, ensure_corpus, normalize_code


@dataclass(frozen=True, slots=True)
class Settings:
    repo: Path
    out: Path
    messages: int
    seed: int
    runs: int
    big: bool
    inspector: tuple[str, ...]  # how to start the CLI; default: this checkout's python -m
    python: str
    timeout: float
    startup_runs: int
    profiles: tuple[str, ...] = ("synthetic", "realistic")  # corpus profiles analyze measures


@dataclass(slots=True)
class Context:
    settings: Settings
    details: dict[str, Any] = field(default_factory=dict)
    _corpora: dict[tuple[str, int], Corpus] = field(default_factory=dict)
    _has_jobs: bool | None = None

    def log(self, message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    def corpus(self, messages: int, profile: str = "synthetic") -> Corpus:
        """The corpus of ``messages`` in ``profile`` (generated once, then cached on disk)."""
        if (profile, messages) not in self._corpora:
            self.log(f"{profile} corpus of {messages:,} messages (seed {self.settings.seed})...")
            corpus, seconds = ensure_corpus(
                self.settings.out, messages, self.settings.seed, profile=profile
            )
            expected = json.loads(corpus.expected.read_text())
            info = {
                "path": _shown(corpus.root, self.settings.repo),
                "bytes": expected["bytes"],
                "codes": len(expected["codes"]),
                "dkim_signed": expected["dkim_signed"],
                "dkim_pairs": len(expected["dkim_pairs"]),
                "profile": profile,
                "kinds": expected["kinds"],
                "generated_seconds": round(seconds, 1) if seconds else "cached",
            }
            self.details.setdefault("corpora", {})[corpus_key(profile, messages)] = info
            self.log(
                f"  {expected['bytes'] / 1e6:,.0f} MB, {len(expected['codes'])} codes "
                f"({'cached' if not seconds else f'generated in {seconds:.0f} s'})"
            )
            self._corpora[profile, messages] = corpus
        return self._corpora[profile, messages]

    def inspector(self, *args: str) -> list[str]:
        return [*self.settings.inspector, *args]

    def has_jobs_option(self) -> bool:
        """Whether ``inspector analyze --help`` lists ``--jobs`` (asked once)."""
        if self._has_jobs is None:
            try:
                sample = self.run(self.inspector("analyze", "--help"), rss=False)
                self._has_jobs = b"--jobs" in sample.stdout
            except measure.CommandFailed:
                self._has_jobs = False
        return self._has_jobs

    def jobs(self, workers: int) -> tuple[list[str], dict[str, str]]:
        """How to ask analyze for ``workers`` processes: ``INSPECTOR_JOBS`` always, and the
        ``--jobs`` option too when this build has it. (extra arguments, environment)"""
        args = ["--jobs", str(workers)] if self.has_jobs_option() else []
        return args, self.env({"INSPECTOR_JOBS": str(workers)})

    def naive(self, *args: str) -> list[str]:
        return [self.settings.python, "-m", "benchmarks.naive", *args]

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return measure.python_env(self.settings.repo, extra)

    def run(
        self,
        cmd: list[str],
        *,
        ok_codes: tuple[int, ...] = (0,),
        env: dict[str, str] | None = None,
        rss: bool = True,
    ) -> measure.Sample:
        return measure.run(
            cmd,
            env=env or self.env(),
            cwd=self.settings.repo,
            timeout=self.settings.timeout,
            ok_codes=ok_codes,
            rss=rss,
        )


def corpus_key(profile: str, messages: int) -> str:
    """The key of a corpus in the results' details: ``N`` (synthetic) or ``PROFILE-N``."""
    return str(messages) if profile == "synthetic" else f"{profile}-{messages}"


def _shown(path: Path, repo: Path) -> str:
    try:
        return str(path.relative_to(repo))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------------------------
# Codes: what inspector reported against what the corpus holds.

_INDEX = re.compile(r"#(\d+)$")


def inspector_codes(report_json: bytes) -> dict[str, str]:
    """Message index → code from an ``inspector analyze --format json`` report on one mbox."""
    doc = json.loads(report_json)
    codes: dict[str, str] = {}
    for message in doc.get("messages", []):
        code = message.get("code")
        match = _INDEX.search(str(message.get("source", "")))
        if code and match:
            codes[match.group(1)] = normalize_code(str(code))
    return codes


@dataclass(frozen=True, slots=True)
class Agreement:
    expected: int
    found: int  # right code at the right message
    wrong: int  # a verification message, but another code
    extra: int  # a code where the corpus has none (a decoy taken for a code)

    @property
    def ok(self) -> bool:
        """Every code found, and extras (decoys) at most 2% of the expected codes."""
        return self.found == self.expected and self.extra <= max(1, self.expected // 50)

    def text(self) -> str:
        return f"{self.found}/{self.expected}, {self.wrong} wrong, {self.extra} extra"


def compare(expected: dict[str, str], found: dict[str, str]) -> Agreement:
    right = sum(1 for k, v in expected.items() if found.get(k) == v)
    wrong = sum(1 for k, v in expected.items() if k in found and found[k] != v)
    extra = sum(1 for k in found if k not in expected)
    return Agreement(len(expected), right, wrong, extra)


def compare_sets(expected: list[str], found: list[str]) -> Agreement:
    """The same check when only codes, not message indexes, are known (IMAP sources)."""
    want = {normalize_code(c) for c in expected}
    got = {normalize_code(c) for c in found}
    return Agreement(len(want), len(want & got), 0, len(got - want))
