"""Folder roles from SPECIAL-USE attributes (RFC 6154) and from names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.model import FolderRole
from inspector.sources.imap_folders import choose_folders, classify, role_from_name

J, T, A, IN = FolderRole.JUNK, FolderRole.TRASH, FolderRole.ARCHIVE, FolderRole.INBOX


@pytest.mark.parametrize(
    ("name", "flags", "expected"),
    [
        ("INBOX", (), (IN, False)),
        ("inbox", (b"\\HasNoChildren",), (IN, False)),
        ("Junk", (b"\\Junk",), (J, False)),
        ("Whatever", (b"\\JUNK",), (J, False)),
        ("Bin", (b"\\Trash",), (T, False)),
        ("[Gmail]/All Mail", (b"\\All", b"\\HasNoChildren"), (A, True)),
        ("Archive", (b"\\Archive",), (A, False)),
        ("[Gmail]/Sent Mail", (b"\\Sent",), None),
        ("Drafts", (b"\\Drafts",), None),
        ("[Gmail]/Important", (b"\\Important",), None),
        ("[Gmail]", (b"\\Noselect", b"\\HasChildren"), None),
        ("Spam", (b"\\NonExistent",), None),
        ("Spam", (), (J, False)),
        ("INBOX.Spam", (), (J, False)),
        ("[Gmail]/Spam", (), (J, False)),
        ("Junk E-mail", (), (J, False)),
        ("Bulk Mail", (), (J, False)),
        ("Courrier indésirable", (), (J, False)),
        ("Correo no deseado", (), (J, False)),
        ("Junk-E-Mail", (), (J, False)),
        ("Posta indesiderata", (), (J, False)),
        ("Ongewenste e-mail", (), (J, False)),
        ("Spam-Ordner", (), (J, False)),
        ("Нежелательная почта", (), (J, False)),
        ("Спам", (), (J, False)),
        ("垃圾邮件", (), (J, False)),
        ("迷惑メール", (), (J, False)),
        ("Deleted Items", (), (T, False)),
        ("Papierkorb", (), (T, False)),
        ("Archives", (), (A, False)),
        ("Newsletters", (), None),
        ("Sent", (), None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_classify(name: str, flags: tuple[bytes, ...], expected: object) -> None:
    assert classify(name, flags) == expected


def test_delimiter_decides_the_last_level() -> None:
    assert role_from_name("Work|Spam", "|") is J
    assert role_from_name("Work|Spam", "/") is None


def test_choose_folders_orders_and_skips() -> None:
    listing = [
        ((b"\\All",), b"/", "[Gmail]/All Mail"),
        ((b"\\Trash",), b"/", "[Gmail]/Trash"),
        ((b"\\Junk",), b"/", "[Gmail]/Spam"),
        ((b"\\Noselect",), b"/", "[Gmail]"),
        ((), b"/", "INBOX"),
        ((b"\\Sent",), b"/", "[Gmail]/Sent Mail"),
        ((), b"/", "Receipts"),
    ]
    chosen, missing = choose_folders(listing)
    assert [(f.name, f.role, f.all_mail) for f in chosen] == [
        ("INBOX", IN, False),
        ("[Gmail]/Spam", J, False),
        ("[Gmail]/Trash", T, False),
        ("[Gmail]/All Mail", A, True),
    ]
    assert missing == []
    chosen, missing = choose_folders(listing, ["inbox", "Receipts", "[Gmail]", "Nope", "Receipts"])
    assert [(f.name, f.role) for f in chosen] == [("INBOX", IN), ("Receipts", FolderRole.OTHER)]
    assert missing == ["[Gmail]", "Nope"]


@pytest.mark.slow
@given(
    st.text(),
    st.lists(st.binary(max_size=12), max_size=4),
    st.one_of(st.none(), st.text(max_size=2)),
)
def test_classify_never_raises(name: str, flags: list[bytes], delimiter: str | None) -> None:
    result = classify(name, tuple(flags), delimiter or None)
    assert result is None or isinstance(result[0], FolderRole)
