"""The mbox splitter: reading in order and reading parts by offset give the messages the
earlier stream splitter gave, byte for byte, however the file is cut."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.model import FolderRole, RawMail, ReadProblem, SourceItem
from inspector.sources import mbox
from inspector.sources.files import Reading, read_paths
from inspector.sources.folders import role_from_labels

_MBOXRD_FROM = re.compile(rb"^>(>*From )", re.M)


def oracle(data: bytes, name: str, limit: int, chunk: int) -> list[RawMail]:
    """The stream splitter inspector had before the offset reader (kept as the reference)."""
    fh = io.BytesIO(data)
    head = fh.read(4096)
    head = re.sub(rb"\A(?:\xef\xbb\xbf)?(?:[ \t]*\r?\n)*", b"", head)
    found: list[RawMail] = []
    for number, (from_line, raw, truncated) in enumerate(_old_split(fh, head, limit, chunk), 1):
        found.append(
            RawMail(
                _MBOXRD_FROM.sub(rb"\1", raw) if b">From " in raw else raw,
                source=f"{name}#{number}",
                folder_role=role_from_labels(raw) or FolderRole.OTHER,
                stored_at=mbox._mbox_date(from_line),
                truncated=truncated,
            )
        )
    return found


def _old_split(
    fh: io.BytesIO, head: bytes, limit: int, chunk: int
) -> Iterator[tuple[bytes, bytes, bool]]:
    buf = head.lstrip(b"\r\n")
    pos = 0
    pending: list[bytes] = []
    pending_size = 0
    truncated = False
    from_line: bytes | None = None
    eof = False
    while True:
        if from_line is None:
            nl = buf.find(b"\n", pos)
            while nl < 0 and not eof:
                more = fh.read(chunk)
                eof = not more
                buf, pos = buf[pos:] + more, 0
                nl = buf.find(b"\n")
            if nl < 0:
                return
            from_line, pos = buf[pos:nl], nl + 1
        cut = buf.find(b"\nFrom ", pos)
        if cut >= 0 or eof:
            end = cut + 1 if cut >= 0 else len(buf)
            piece = buf[pos:end]
            if pending_size + len(piece) > limit:
                piece, truncated = piece[: max(0, limit - pending_size)], True
            pending.append(piece)
            message = b"".join(pending)
            if message.strip() or cut >= 0:
                yield from_line, message, truncated
            pending, pending_size, truncated = [], 0, False
            if cut < 0:
                return
            pos = end
            from_line = None
            continue
        tail = max(pos, len(buf) - 5)
        piece = buf[pos:tail]
        if pending_size + len(piece) > limit:
            piece, truncated = piece[: max(0, limit - pending_size)], True
        if piece:
            pending.append(piece)
            pending_size += len(piece)
        more = fh.read(chunk)
        eof = not more
        buf, pos = buf[tail:] + more, 0


def key(item: SourceItem) -> tuple[object, ...]:
    assert isinstance(item, RawMail), item
    return (item.data, item.source, item.folder_role, item.stored_at, item.truncated)


def by_parts(path: Path, budget: int) -> list[SourceItem]:
    """The first message read in order, every other one through parts read by offset."""
    reading = read_paths([str(path)])
    found: list[SourceItem] = []
    for item in reading:
        found.append(item)
        while (share := reading.share()) is not None:
            part = share.take(budget)
            if part is None:  # only white space was left
                assert share.done
                break
            found.extend(mbox.read_spans(part))
    return found


# Lines that make splitting hard: From_ lines, "From " inside lines and at their starts,
# escaped lines, a From_ line right after a From_ line, CRLF, blank lines, labels.
LINES = st.sampled_from(
    [
        b"From a@b Wed Nov 25 14:00:00 2026\n",
        b"From a@b Wed Nov 25 14:00:00 2026\r\n",
        b"From x\n",
        b"From ",
        b">From the archive\n",
        b">>From deeper\n",
        b"text with From inside and >From too\n",
        b"From\n",
        b"Subject: hi\n",
        b"X-Gmail-Labels: Spam\n",
        b"\n",
        b"\r\n",
        b"  \n",
        b"body line\n",
        b"x" * 40 + b"\n",
        b"no newline at the end",
    ]
)
MBOXES = st.lists(LINES, max_size=40).map(
    lambda lines: b"From first@x Wed Nov 25 14:00:00 2026\n" + b"".join(lines)
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=MBOXES,
    chunk=st.sampled_from([1, 5, 6, 7, 16, 64, 1 << 20]),
    limit=st.sampled_from([20, 64, 1 << 23]),
    budget=st.sampled_from([1, 50, 1 << 20]),
)
def test_in_order_and_by_parts_agree_with_the_old_splitter(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    data: bytes,
    chunk: int,
    limit: int,
    budget: int,
) -> None:
    path = tmp_path / "box.mbox"
    path.write_bytes(data)
    monkeypatch.setattr(mbox, "_CHUNK", chunk)
    monkeypatch.setattr(mbox, "MAX_MESSAGE_BYTES", limit)
    expected = [key(m) for m in oracle(data, str(path), limit, chunk)]
    assert [key(m) for m in read_paths([str(path)])] == expected
    assert [key(m) for m in by_parts(path, budget)] == expected
    assert [key(m) for m in read_paths(["-"], stdin=io.BytesIO(data))] == [
        (d, s.replace(str(path), "stdin"), r, t, tr) for d, s, r, t, tr in expected
    ]


def test_cutting_never_splits_or_loses_a_message(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent.parent / "fixtures" / "mail"
    data = b"".join(p.read_bytes() for p in sorted(fixtures.glob("*.mbox")))
    data += b"From last@x Wed Nov 25 14:00:00 2026\nSubject: end\n\n>From here\nno final newline"
    path = tmp_path / "all.mbox"
    path.write_bytes(data)
    whole = [key(m) for m in read_paths([str(path)])]
    assert len(whole) == data.count(b"\nFrom ") + 1
    assert whole[-1][0] == b"Subject: end\n\nFrom here\nno final newline"
    for budget in (1, 100, 5000, 1 << 30):
        assert [key(m) for m in by_parts(path, budget)] == whole


def test_only_a_regular_file_is_shared(tmp_path: Path) -> None:
    data = (
        b"From a Wed Nov 25 14:00:00 2026\nSubject: 1\n\nx\nFrom b Wed Nov 25 14:00:00 2026\n\ny\n"
    )
    path = tmp_path / "box.mbox"
    path.write_bytes(data)
    reading = read_paths([str(path)])
    next(reading)
    assert reading.share() is not None
    with path.open("rb") as fh:
        stdin = read_paths(["-"], stdin=fh)
        next(stdin)
        assert stdin.share() is None  # "stdin" is no path another process could open
    mac = tmp_path / "mac.mbox"
    mac.write_bytes(data.replace(b"\n", b"\r"))
    cr = read_paths([str(mac)])
    assert isinstance(next(cr), RawMail)
    assert cr.share() is None  # CR line ends are turned into LF: offsets do not hold


def test_a_file_that_changes_under_the_workers_gives_a_problem(tmp_path: Path) -> None:
    msg = b"From a Wed Nov 25 14:00:00 2026\nSubject: s\n\n" + b"x" * 100 + b"\n"
    path = tmp_path / "box.mbox"
    path.write_bytes(msg * 5)
    reading = read_paths([str(path)])
    next(reading)
    share = reading.share()
    assert share is not None
    part = share.take(1 << 20)
    assert part is not None
    assert len(part.spans) == 4
    with path.open("r+b") as fh:
        fh.truncate(len(msg) * 2 + 10)  # shortened while the run goes on
    items = list(mbox.read_spans(part))
    assert [i.source for i in items if isinstance(i, RawMail)] == [f"{path}#2"]
    [problem] = [i for i in items if isinstance(i, ReadProblem)]
    assert problem.source == f"{path}#3"
    assert "messages 3 to 5" in problem.message
    other = tmp_path / "new.mbox"
    other.write_bytes(msg * 5)
    os.replace(other, path)  # another file by the same name
    [replaced] = list(mbox.read_spans(part))
    assert isinstance(replaced, ReadProblem)
    assert "replaced" in replaced.message


def test_a_read_error_while_parts_are_taken_is_the_files_problem_in_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    msg = b"From a Wed Nov 25 14:00:00 2026\nSubject: s\n\n" + b"x" * 100 + b"\n"
    path = tmp_path / "box.mbox"
    path.write_bytes(msg * 50)
    monkeypatch.setattr(mbox, "_CHUNK", 64)
    reading: Reading = read_paths([str(path), str(tmp_path / "missing")])
    next(reading)
    share = reading.share()
    assert share is not None

    def broken(self: object, drop: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(mbox.MboxSplitter, "_more", broken)
    share.take(1 << 20)  # stops at the error, with what it had
    rest = list(reading)
    assert [type(i) for i in rest] == [ReadProblem, ReadProblem]
    assert rest[0].message == f"could not read {path}: Input/output error."
    assert rest[1].source == str(tmp_path / "missing")


def test_parts_taken_are_told_to_the_observer(tmp_path: Path) -> None:
    msg = b"From a Wed Nov 25 14:00:00 2026\nSubject: s\n\nbody\n"
    path = tmp_path / "box.mbox"
    path.write_bytes(msg * 10)
    reading = read_paths([str(path)])
    seen: list[tuple[int, str]] = []
    reading.observe = lambda size, where: seen.append((size, where))
    first = next(reading)
    assert isinstance(first, RawMail)
    share = reading.share()
    assert share is not None
    part = share.take(1 << 20)
    assert part is not None
    assert seen == [(len(first.data), str(path)), (part.size, str(path))]
    assert len(first.data) + part.size == len(msg) * 10 - len(msg.split(b"\n")[0]) - 1


def test_a_from_line_of_megabytes_is_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hostile input: a "From_ line" of 3 MB. Only its start is kept (for the date), in order
    and by offset alike, and the messages around it are read as before."""
    monkeypatch.setattr(mbox, "_CHUNK", 1 << 16)
    data = b"From a Wed Nov 25 14:00:00 2026\nSubject: 1\n\n"
    data += b"From b Wed Nov 25 14:01:00 2026 " + b"x" * 3_000_000 + b"\nSubject: 2\n\nbody\n"
    data += b"From c Wed Nov 25 14:02:00 2026\nSubject: 3\n\n"
    path = tmp_path / "box.mbox"
    path.write_bytes(data)
    in_order = [key(m) for m in read_paths([str(path)])]
    assert [k[0] for k in in_order] == [
        b"Subject: 1\n\n",
        b"Subject: 2\n\nbody\n",
        b"Subject: 3\n\n",
    ]
    assert [k[3].minute for k in in_order] == [0, 1, 2]  # type: ignore[attr-defined]
    assert [key(m) for m in by_parts(path, 1)] == in_order
