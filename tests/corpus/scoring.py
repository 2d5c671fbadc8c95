"""What a corpus scorer returns, and the figures made from it (shared by every corpus).

A corpus is a list of items; its scorer turns each into an ``Outcome``: the group it is
counted under (a language, an MTA, a test suite...), whether inspector got it right, and
whether it is a *positive* item (something to find: a code, a hop, a verdict) or a
*negative* one (a look-alike where inspector must find nothing). ``Figures`` counts both, so
one table serves every corpus: "right" over the positives, "false positives" over the
negatives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Outcome:
    item: str  # the item's id in its corpus file
    group: str  # e.g. a language code
    positive: bool  # True: something to find; False: a look-alike with nothing to find
    ok: bool
    expected: str | None = None
    got: str | None = None


@dataclass(slots=True)
class Figures:
    positives: int = 0
    right: int = 0
    negatives: int = 0
    false_positives: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.positive:
            self.positives += 1
            self.right += outcome.ok
        else:
            self.negatives += 1
            self.false_positives += not outcome.ok

    @property
    def rate(self) -> float:
        """The share of positives found right (1.0 when there are none)."""
        return self.right / self.positives if self.positives else 1.0

    def line(self) -> str:
        right = f"{self.right}/{self.positives} right ({100 * self.rate:.1f}%)"
        return f"{right}, {self.false_positives}/{self.negatives} false positives"


@dataclass(frozen=True, slots=True)
class Corpus:
    """A registered corpus: its name, what it measures, its targets and its scorer."""

    name: str
    what: str  # e.g. "verification codes"
    score: Callable[[], list[Outcome]]
    target_rate: float  # the least share of positives right
    max_false_positives: int = 0


@dataclass(slots=True)
class Summary:
    total: Figures = field(default_factory=Figures)
    groups: dict[str, Figures] = field(default_factory=dict)
    failures: list[Outcome] = field(default_factory=list)
    items: set[str] = field(default_factory=set)  # an item may give several outcomes


def summarize(outcomes: Iterable[Outcome]) -> Summary:
    summary = Summary()
    for o in outcomes:
        summary.total.add(o)
        summary.groups.setdefault(o.group, Figures()).add(o)
        summary.items.add(o.item)
        if not o.ok:
            summary.failures.append(o)
    return summary


def meets(corpus: Corpus, figures: Figures) -> bool:
    return (
        figures.rate >= corpus.target_rate and figures.false_positives <= corpus.max_false_positives
    )
