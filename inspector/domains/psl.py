"""The Public Suffix List, loaded once per process (parsing it costs ~130 ms)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList


@lru_cache(maxsize=1)
def public_suffix_list() -> PublicSuffixList:
    """The ``publicsuffixlist`` package's bundled list: works offline, shared by every check."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()
