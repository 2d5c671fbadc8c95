"""The Public Suffix List, loaded once per process.

The list is built with its Unicode rules only (``accept_encoded_idn=False``): making the
punycode twin of every internationalised rule was ~35 ms of the ~55 ms it takes to load, on
every run that reads a kept message. Names with ``xn--`` labels are looked up decoded
(``private_suffix``), and the answer is given back in the name's own labels.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList


@lru_cache(maxsize=1)
def public_suffix_list() -> PublicSuffixList:
    """The ``publicsuffixlist`` package's bundled list: works offline, shared by every check."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(accept_encoded_idn=False)


def private_suffix(name: str) -> str | None:
    """The registrable domain of the lower-case ``name`` (``publicsuffixlist``'s
    ``privatesuffix``), in ``name``'s own labels; None when it is a public suffix."""
    labels = name.split(".")
    if "xn--" not in name:
        return public_suffix_list().privatesuffix(name)
    found = public_suffix_list().privatesuffix(".".join(map(_unicode_label, labels)))
    if found is None:
        return None
    # Same labels, same count: the last ones of the name as it was given (ACE form).
    return ".".join(labels[-(found.count(".") + 1) :])


def _unicode_label(label: str) -> str:
    """An ``xn--`` label decoded (RFC 3492 via the IDNA codec); any other, or one that does
    not decode, as it is (it then matches no internationalised rule, as it would not)."""
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except (UnicodeError, ValueError):
        return label
