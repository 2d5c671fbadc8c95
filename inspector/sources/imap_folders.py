"""Which folders of a mailbox to read, and the role each one plays.

RFC 6154 SPECIAL-USE attributes in the LIST response say it best; servers without them only
have names, in the user's language, so a table of the names clients and providers create
fills the gap. Roles are folded to :class:`FolderRole`:

- ``INBOX`` (RFC 3501 §5.1: the name is case-insensitive) → ``inbox``
- ``\\Junk`` → ``junk``; ``\\Trash`` → ``trash``
- ``\\Archive`` and ``\\All`` → ``archive``: both hold mail that left the inbox without being
  deleted, and for the diagnosis "it is there, just not in the inbox" is the same finding.
  A ``\\All`` folder (Gmail's All Mail) repeats messages of the other folders, so it is read
  last and deduplicated (see ``imap.py``).

``\\Sent``, ``\\Drafts``, ``\\Flagged`` and ``\\Important`` folders are not read (a code is never
*sent* by the person), nor are folders marked ``\\Noselect``/``\\NonExistent`` (RFC 3501
§7.2.2, RFC 5258 §3.4), which cannot be opened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from inspector.model import FolderRole
from inspector.sources.folders import role_from_name

_SPECIAL_USE: dict[bytes, FolderRole] = {
    b"\\junk": FolderRole.JUNK,
    b"\\trash": FolderRole.TRASH,
    b"\\archive": FolderRole.ARCHIVE,
    b"\\all": FolderRole.ARCHIVE,
    b"\\inbox": FolderRole.INBOX,  # XLIST (Gmail's pre-RFC 6154 LIST) marks the inbox so
}
_NOT_READ = frozenset({b"\\sent", b"\\drafts", b"\\flagged", b"\\important"})
_UNSELECTABLE = frozenset({b"\\noselect", b"\\nonexistent"})

#: reading order: the folder a message "really" is in before the ones that repeat it
_ORDER = {
    FolderRole.INBOX: 0,
    FolderRole.JUNK: 1,
    FolderRole.OTHER: 2,
    FolderRole.TRASH: 3,
    FolderRole.ARCHIVE: 4,
}


@dataclass(frozen=True, slots=True)
class Folder:
    """A folder to read: its decoded name, role, and whether it repeats other folders."""

    name: str
    role: FolderRole
    flags: tuple[bytes, ...] = ()
    all_mail: bool = False  # RFC 6154 \All: every message here is also elsewhere

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (int(self.all_mail), _ORDER[self.role], self.name.casefold())


def _flags(raw: Iterable[bytes | str]) -> tuple[bytes, ...]:
    return tuple(f.encode() if isinstance(f, str) else bytes(f) for f in raw)


def classify(
    name: str, flags: Sequence[bytes], delimiter: str | None = None
) -> tuple[FolderRole, bool] | None:
    """``(role, is_all_mail)`` of a folder worth reading, or ``None`` to skip it."""
    lowered = {f.lower() for f in flags}
    if lowered & _UNSELECTABLE:
        return None
    if name.upper() == "INBOX":
        return FolderRole.INBOX, False
    for flag in flags:
        role = _SPECIAL_USE.get(flag.lower())
        if role is not None:
            return role, flag.lower() == b"\\all"
    if lowered & _NOT_READ:
        return None
    role = role_from_name(name, delimiter)
    if role is None:
        return None
    return role, False


def choose_folders(
    listing: Iterable[tuple[Iterable[bytes | str], bytes | str | None, str | bytes]],
    wanted: Sequence[str] | None = None,
) -> tuple[list[Folder], list[str]]:
    """The folders to read from a LIST result (``imapclient.list_folders()``), in reading order.

    With ``wanted`` (the ``folders`` override), exactly those folders are read, each with the
    role its attributes or name imply (``other`` if none); the second value lists the wanted
    names the server does not have (or cannot open).
    """
    chosen: list[Folder] = []
    known: dict[str, tuple[tuple[bytes, ...], str | None]] = {}
    for raw_flags, raw_delim, raw_name in listing:
        name = raw_name.decode("utf-8", "replace") if isinstance(raw_name, bytes) else raw_name
        delim = raw_delim.decode("ascii", "replace") if isinstance(raw_delim, bytes) else raw_delim
        flags = _flags(raw_flags)
        known[name] = (flags, delim)
        if wanted is None:
            kind = classify(name, flags, delim)
            if kind is not None:
                chosen.append(Folder(name, kind[0], flags, kind[1]))
    missing: list[str] = []
    if wanted is not None:
        for name in dict.fromkeys(wanted):
            match = name if name in known else _case_insensitive_inbox(name, known)
            entry = known.get(match) if match else None
            if entry is None or {f.lower() for f in entry[0]} & _UNSELECTABLE:
                missing.append(name)
                continue
            kind = classify(match, entry[0], entry[1]) if match else None
            role, all_mail = kind if kind is not None else (FolderRole.OTHER, False)
            chosen.append(Folder(match or name, role, entry[0], all_mail))
    chosen.sort(key=lambda f: f.sort_key)
    return chosen, missing


def _case_insensitive_inbox(name: str, known: Mapping[str, object]) -> str | None:
    if name.upper() != "INBOX":
        return None
    return next((k for k in known if k.upper() == "INBOX"), None)
