from __future__ import annotations

import io
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inspector.model import FolderRole, RawMail, ReadProblem
from inspector.sources import mbox
from inspector.sources.files import MAX_MESSAGE_BYTES, read_paths, sniff

MSG = b"From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n"


def mails(items: list[object]) -> list[RawMail]:
    return [i for i in items if isinstance(i, RawMail)]


def problems(items: list[object]) -> list[ReadProblem]:
    return [i for i in items if isinstance(i, ReadProblem)]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"From sender@example.com Wed Nov 25 14:00:00 2026\n", "mbox"),
        (b"\r\nFrom x Wed Nov 25 14:00:00 2026\n", "mbox"),
        (b"Received: from a by b; Wed, 25 Nov 2026 14:00:00 +0000\r\n", "eml"),
        (b"Return-Path: <a@b>\n", "eml"),
        (b"\x89PNG\r\n\x1a\n", None),
        (b"just some text\n", None),
        (b"", None),
    ],
    ids=["mbox", "mbox-leading-blank", "eml-received", "eml-return-path", "png", "text", "empty"],
)
def test_sniff(head: bytes, kind: str | None) -> None:
    assert sniff(head) == kind


def test_eml_file(tmp_path: Path) -> None:
    path = tmp_path / "one.eml"
    path.write_bytes(MSG)
    [item] = list(read_paths([str(path)]))
    assert isinstance(item, RawMail)
    assert item.data == MSG
    assert item.source == str(path)


def test_folder_is_read_recursively_and_roles_come_from_names(tmp_path: Path) -> None:
    (tmp_path / "a" / "Spam").mkdir(parents=True)
    (tmp_path / "a" / "one.eml").write_bytes(MSG)
    (tmp_path / "a" / "Spam" / "two.eml").write_bytes(MSG)
    items = mails(list(read_paths([str(tmp_path)])))
    roles = {Path(i.source).name: i.folder_role for i in items}
    assert roles == {"one.eml": FolderRole.OTHER, "two.eml": FolderRole.JUNK}


def test_not_mail_is_a_problem_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / "ok.eml").write_bytes(MSG)
    items = list(read_paths([str(tmp_path / "picture.png"), str(tmp_path / "ok.eml")]))
    [problem] = problems(items)
    assert "picture.png" in problem.message
    assert problem.fatal
    assert len(mails(items)) == 1


def test_missing_path(tmp_path: Path) -> None:
    [problem] = problems(list(read_paths([str(tmp_path / "nope.eml")])))
    assert "does not exist" in problem.message


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.eml").write_bytes(b"")
    [problem] = problems(list(read_paths([str(tmp_path / "empty.eml")])))
    assert "is empty" in problem.message


def test_stdin_message() -> None:
    [item] = list(read_paths(["-"], stdin=io.BytesIO(MSG)))
    assert isinstance(item, RawMail)
    assert item.source == "stdin"


def test_stdin_mbox() -> None:
    data = b"From a Wed Nov 25 14:00:00 2026\n" + MSG + b"\nFrom b Wed Nov 25 14:01:00 2026\n" + MSG
    assert len(mails(list(read_paths(["-"], stdin=io.BytesIO(data))))) == 2


MBOX = (
    b"From alice@example.com Wed Nov 25 14:00:00 2026\n"
    b"Subject: one\n\nfirst\n>From the archive, escaped\nFrom-line lookalike without space\n\n"
    b"From bob@example.org Wed Nov 25 14:05:00 2026\n"
    b"Subject: two\n\nsecond\n"
)


def test_mbox_split_and_unescape(tmp_path: Path) -> None:
    path = tmp_path / "box.mbox"
    path.write_bytes(MBOX)
    first, second = mails(list(read_paths([str(path)])))
    assert first.source.endswith("#1")
    assert b"\nFrom the archive, escaped\n" in first.data
    assert b"From-line lookalike" in first.data
    assert second.data.startswith(b"Subject: two")
    assert first.stored_at is not None
    assert first.stored_at.isoformat() == "2026-11-25T14:00:00+00:00"


def test_mbox_boundary_split_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setattr(mbox, "_CHUNK", 7)
    path = tmp_path / "box.mbox"
    path.write_bytes(MBOX)
    subjects = [m.data.split(b"\n", 1)[0] for m in mails(list(read_paths([str(path)])))]
    assert subjects == [b"Subject: one", b"Subject: two"]


def test_takeout_labels_give_the_role(tmp_path: Path) -> None:
    path = tmp_path / "All mail Including Spam and Trash.mbox"
    path.write_bytes(
        b"From 1234@xxx Wed Nov 25 14:00:00 +0000 2026\nX-Gmail-Labels: Spam,Unread\n"
        b"Subject: a\n\nx\n\nFrom 1235@xxx Wed Nov 25 14:00:00 +0000 2026\n"
        b"X-Gmail-Labels: Inbox,Important\nSubject: b\n\ny\n"
    )
    roles = [m.folder_role for m in mails(list(read_paths([str(path)])))]
    assert roles == [FolderRole.JUNK, FolderRole.INBOX]


def test_maildir_with_junk_subfolder(tmp_path: Path) -> None:
    for sub in ("cur", "new", "tmp", ".Junk/cur", ".Junk/new", ".Junk/tmp", ".Archive/cur"):
        (tmp_path / sub).mkdir(parents=True)
    (tmp_path / ".Archive" / "new").mkdir()
    (tmp_path / "new" / "1795615200.M1P1.host").write_bytes(MSG)
    (tmp_path / ".Junk" / "cur" / "1795615300.M2P1.host:2,S").write_bytes(MSG)
    (tmp_path / ".Archive" / "cur" / "1795615400.M3P1.host:2,S").write_bytes(MSG)
    (tmp_path / "cur" / ".hidden").write_bytes(b"not a message")
    items = list(read_paths([str(tmp_path)]))
    assert not problems(items)
    got = {(m.folder, m.folder_role) for m in mails(items)}
    assert got == {
        ("INBOX", FolderRole.INBOX),
        ("Junk", FolderRole.JUNK),
        ("Archive", FolderRole.ARCHIVE),
    }
    junk = next(m for m in mails(items) if m.folder == "Junk")
    assert junk.stored_at is not None
    assert int(junk.stored_at.timestamp()) == 1795615300


def test_huge_message_is_truncated(tmp_path: Path) -> None:
    path = tmp_path / "huge.eml"
    with path.open("wb") as fh:
        fh.write(MSG)
        fh.truncate(MAX_MESSAGE_BYTES + 10)
    [item] = mails(list(read_paths([str(path)])))
    assert item.truncated
    assert len(item.data) == MAX_MESSAGE_BYTES


@pytest.mark.slow
def test_mbox_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.mbox"
    body = b"x" * 2000 + b"\n"
    with path.open("wb") as fh:
        for i in range(5000):
            fh.write(b"From a@b Wed Nov 25 14:00:00 2026\nSubject: %d\n\n" % i + body * 5 + b"\n")
    size = path.stat().st_size
    tracemalloc.start()
    count = 0
    for _ in read_paths([str(path)]):
        count += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 5000
    assert peak < size / 5, f"peak {peak} for a {size}-byte mbox"


@pytest.mark.parametrize(
    "line",
    [
        b"From a@b Tue Mar  5 14:02:11 2024",
        b"From a@b tue MAR 5 04:02:11 2024",
        b"From a@b Tue Mar  5 14:02:11 2024 remote from x",
        b"From a@b Tue Feb 30 14:02:11 2024",
        b"From a@b Tue Mar  5 24:02:11 2024",
        b"From a@b Tue Mar  5 14:02:60 2024",
        b"From a@b Tue, 5 Mar 2024 14:02:11 +0100",
        b"From  a@b Tue Mar  5 14:02:11 2024",
        b"From a@b",
    ],
    ids=[
        "asctime",
        "case",
        "trailing",
        "feb-30",
        "hour-24",
        "leap-second",
        "rfc5322",
        "two-spaces",
        "no-date",
    ],
)
def test_mbox_date_fast_path_agrees_with_strptime(line: bytes) -> None:
    from email.utils import parsedate_to_datetime

    parts = line.decode("latin-1").split(None, 2)
    expected = None
    if len(parts) == 3:
        try:
            expected = datetime.strptime(
                " ".join(parts[2].split()[:5]), "%a %b %d %H:%M:%S %Y"
            ).replace(tzinfo=UTC)
        except ValueError:
            try:
                expected = parsedate_to_datetime(parts[2])
            except (TypeError, ValueError, IndexError):
                expected = None
    assert mbox._mbox_date(line) == expected


@pytest.mark.parametrize("chunk", [1, 3, 7, 64, 1 << 20], ids=lambda c: f"chunk-{c}")
def test_mbox_split_does_not_depend_on_the_chunk_size(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = Path(__file__).parent.parent / "fixtures" / "mail" / "instagram-too-many-codes.mbox"
    whole = [(m.data, m.stored_at) for m in mails(list(read_paths([str(path)])))]
    monkeypatch.setattr(mbox, "_CHUNK", chunk)
    again = [(m.data, m.stored_at) for m in mails(list(read_paths([str(path)])))]
    assert again == whole
    assert len(whole) == 4


def test_maildir_files_are_handed_out_by_path_in_order(tmp_path: Path) -> None:
    from inspector.sources.maildir import FilesPart

    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    for i in range(10):
        (tmp_path / "cur" / f"{1795615200 + i}.M{i}.host:2,S").write_bytes(MSG + b"%d" % i)
    in_order = list(read_paths([str(tmp_path)]))
    reading = read_paths([str(tmp_path)])
    shared = [next(reading)]
    share = reading.share()
    assert share is not None
    part = share.take(1)  # one file at least
    assert isinstance(part, FilesPart)
    assert len(part.paths) == 1
    shared += part.items()
    rest = share.take(1 << 30)
    assert rest is not None
    shared += rest.items()
    assert reading.share() is None
    shared += reading
    assert shared == in_order
    assert len(in_order) == 10
