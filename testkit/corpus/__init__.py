"""The synthetic mail corpus shared by the benchmarks and the tests.

``python -m testkit.corpus --messages N --out DIR [--maildir]`` writes one on its own; see
:mod:`testkit.corpus.generator` for the files it holds. Every message is built from its own
seeded random generator, so the same seed and size give byte-identical files.
"""

from __future__ import annotations

from testkit.corpus.gen_message import org_domain
from testkit.corpus.gen_realistic import PROFILES
from testkit.corpus.generator import (
    DEFAULT_BASE_TIME,
    DEFAULT_SEED,
    Corpus,
    ensure_corpus,
    generate,
    iter_stored,
    normalize_code,
)
from testkit.corpus.maildir import count_messages, write_maildir_message

__all__ = [
    "DEFAULT_BASE_TIME",
    "DEFAULT_SEED",
    "PROFILES",
    "Corpus",
    "count_messages",
    "ensure_corpus",
    "generate",
    "iter_stored",
    "normalize_code",
    "org_domain",
    "write_maildir_message",
]
