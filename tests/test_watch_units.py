"""The parts of ``inspector watch`` that need no server: the first text part, the connection
plan, the session's decisions on a scripted source, the rendering, a folder on disk."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from inspector.app import Request
from inspector.model import FolderRole, RawMail
from inspector.sources.imap_folders import Folder
from inspector.sources.imap_partial import TextPart, assemble, first_text_part, part_items
from inspector.sources.imap_watch import plan
from inspector.sources.path_watch import PathWatch
from inspector.sources.watching import (
    Arrival,
    Lost,
    Notice,
    Ready,
    Reconnected,
    WatchedFolder,
)
from inspector.watch import render
from inspector.watch.events import Event, Finished
from inspector.watch.session import Clocks, Session
from testkit.mail import make_message
from testkit.watch import WatchProcess
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "inspector/report/watch-events.schema.json").read_text())

PLAIN = (b"text", b"plain", (b"charset", b"utf-8"), None, None, b"7bit", 7, 1, None, None, None)
HTML = (b"text", b"html", None, None, None, b"7bit", 13, 0, None, None, None)
PDF = (b"application", b"pdf", None, None, None, b"base64", 4, None, (b"attachment", None))
ATTACHED_TEXT = (b"text", b"plain", None, None, None, b"7bit", 5, 1, None, (b"attachment", None))


def test_the_first_text_part_is_found_in_any_structure() -> None:
    assert first_text_part(PLAIN) == TextPart("TEXT", 7)
    nested = ([([PLAIN, HTML], b"alternative", None), PDF], b"mixed", None)
    assert first_text_part(nested) == TextPart("1.1", 7)
    html_only = ([HTML, PDF], b"mixed", None)
    assert first_text_part(html_only) == TextPart("1", 13)
    assert first_text_part(([ATTACHED_TEXT, PDF], b"mixed", None)) is None
    assert first_text_part(PDF) is None
    assert first_text_part(None) is None
    assert part_items(TextPart("1.1", 7), 100) == [
        "BODY.PEEK[HEADER]",
        "BODY.PEEK[1.1.MIME]",
        "BODY.PEEK[1.1]<0.100>",
    ]


def test_a_part_is_assembled_into_a_message_the_parser_reads() -> None:
    header = b'From: a@b.c\r\nContent-Type: multipart/mixed;\r\n boundary="X"\r\nSubject: s\r\n\r\n'
    mime = b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    data, truncated = assemble(header, TextPart("1", 10), mime, b"MTIzNDU2\r\n", 999)
    assert truncated
    assert data == (
        b"From: a@b.c\r\nSubject: s\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nMTIzNDU2\r\n"
    )
    whole, cut = assemble(b"From: a@b.c\r\n\r\n", TextPart("TEXT", 5), b"", b"Hello", 20)
    assert (whole, cut) == (b"From: a@b.c\r\n\r\nHello", False)


def folder(name: str, role: FolderRole = FolderRole.OTHER) -> Folder:
    return Folder(name, role)


def test_connections_are_capped_and_the_rest_polled_together() -> None:
    folders = [folder(n) for n in "ABCDEFG"]
    groups = plan(folders, idle=True, max_connections=3)
    assert [[f.name for f in g] for g in groups] == [["A"], ["B"], ["C", "D", "E", "F", "G"]]
    assert [[f.name for f in g] for g in plan(folders[:2], idle=True, max_connections=3)] == [
        ["A"],
        ["B"],
    ]
    assert len(plan(folders, idle=False, max_connections=3)) == 1


# ---------------------------------------------------------------------- the session


class Scripted:
    """A watch source that hands out prepared notices, on a fake clock."""

    def __init__(self, script: list[Notice], folders: tuple[WatchedFolder, ...]) -> None:
        self.script = list(script)
        self._folders = folders
        self.clock = 0.0
        self.stopped = False

    description = "scripted"

    @property
    def folders(self) -> tuple[WatchedFolder, ...]:
        return self._folders

    def start(self) -> None:
        pass

    def get(self, timeout: float) -> Notice | None:
        if self.script:
            return self.script.pop(0)
        self.clock += timeout
        return None

    def stop(self) -> None:
        self.stopped = True


NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
FOLDERS = (
    WatchedFolder("INBOX", FolderRole.INBOX, "idle"),
    WatchedFolder("Junk", FolderRole.JUNK, "idle"),
    WatchedFolder("[Gmail]/All Mail", FolderRole.ARCHIVE, "idle", all_mail=True),
)


def arrival(code: str, where: str, role: FolderRole, *, key: str, backlog: bool = False) -> Arrival:
    raw = make_message(
        "Your TikTok code",
        body=f"Your TikTok verification code is {code}. It expires in 10 minutes.",
        sent=NOW + timedelta(seconds=5),
        message_id=key,
    )
    mail = RawMail(raw, f"imap://x/{where}", where, role, stored_at=NOW + timedelta(seconds=6))
    return Arrival(mail, backlog, key)


def run(script: list[Notice], **request: object) -> tuple[Finished, list[Event]]:
    source = Scripted(script, FOLDERS)
    events: list[Event] = []
    session = Session(
        source,
        Request(now=NOW, **request),  # type: ignore[arg-type]
        wait=30,
        kind="imap",
        emit=events.append,
        clocks=Clocks(
            now=lambda: NOW + timedelta(seconds=source.clock), monotonic=lambda: source.clock
        ),
        grace=1.0,
    )
    finished = session.run()
    assert source.stopped
    for event in events:
        jsonschema.validate(render.to_json(event), SCHEMA)
    return finished, events


READY: list[Notice] = [Ready(f.name) for f in FOLDERS]


def test_a_copy_in_all_mail_is_reported_once_from_the_real_folder() -> None:
    script: list[Notice] = [
        *READY,
        arrival("111111", "[Gmail]/All Mail", FolderRole.ARCHIVE, key="<a@x>"),
        arrival("111111", "Junk", FolderRole.JUNK, key="<a@x>"),
    ]
    finished, events = run(script, service="tiktok")
    messages = [e for e in events if e.event == "message"]
    assert [(m.folder, m.code) for m in messages] == [("Junk", "111111")]  # type: ignore[union-attr]
    assert (finished.reason, finished.exit_code) == ("wait_over", 1)


def test_backlog_is_judged_in_arrival_order_once_every_folder_is_ready() -> None:
    early = arrival("222222", "INBOX", FolderRole.INBOX, key="<b@x>", backlog=True)
    script: list[Notice] = [early, *READY]
    finished, events = run(script)
    assert [e.event for e in events] == ["started", "message", "finished"]
    assert (finished.reason, finished.exit_code, finished.code) == ("code_arrived", 0, "222222")
    assert events[1].backlog  # type: ignore[union-attr]


def test_all_folders_lost_for_good_is_unreachable_and_a_reconnect_is_an_event() -> None:
    script: list[Notice] = [
        *READY,
        Lost(("INBOX",), "closed the connection"),
        Reconnected(("INBOX",), 2, 1.5),
        Lost(tuple(f.name for f in FOLDERS), "refused", final=True),
    ]
    finished, events = run(script)
    assert [e.event for e in events] == ["started", "reconnected", "finished"]
    assert (finished.reason, finished.exit_code) == ("unreachable", 3)
    assert finished.skipped


def test_hostile_text_is_escaped_in_the_text_output() -> None:
    nasty = make_message(
        "Code \x1b]52;c;AAAA\x07 \u202eevil",
        body="Your TikTok verification code is 333333.",
        sent=NOW + timedelta(seconds=5),
        message_id="<c@x>",
    )
    mail = RawMail(nasty, "x", "INBOX", FolderRole.INBOX, stored_at=NOW + timedelta(seconds=6))
    _, events = run([*READY, Arrival(mail, False, "<c@x>")])
    shown = "".join(render.text(render.to_json(e)) for e in events)
    assert "\x1b" not in shown
    assert "\u202e" not in shown
    line = render.jsonl(render.to_json(events[1]))
    assert "\u202e" not in line
    assert line.endswith("\n")
    assert line.count("\n") == 1


# ---------------------------------------------------------------------- a folder on disk


@pytest.fixture
def maildir(tmp_path: Path) -> Path:
    for sub in ("cur", "new", "tmp", ".Junk/cur", ".Junk/new", ".Junk/tmp"):
        (tmp_path / "Maildir" / sub).mkdir(parents=True)
    return tmp_path / "Maildir"


def deliver(folder: Path, name: str, data: bytes) -> None:
    (folder / "tmp" / name).write_bytes(data)
    (folder / "tmp" / name).rename(folder / "new" / name)


def test_a_maildir_file_that_appears_is_read_once(maildir: Path) -> None:
    watch = PathWatch(str(maildir), since=datetime.now(UTC) - timedelta(hours=1), interval=0.01)
    assert {(f.name, f.role) for f in watch.folders} == {
        ("INBOX", FolderRole.INBOX),
        ("Junk", FolderRole.JUNK),
    }
    watch.start()
    assert {n.folder for n in drain(watch) if isinstance(n, Ready)} == {"INBOX", "Junk"}
    name = f"{int(time.time())}.M1P1.host"
    deliver(maildir / ".Junk", name, make_message("Your code 123456"))
    found = [n for n in drain(watch) if isinstance(n, Arrival)]
    assert [(a.item.folder, a.item.folder_role, a.backlog) for a in found] == [
        ("Junk", FolderRole.JUNK, False)
    ]
    # A mail client marks it read: new/ -> cur/ with flags. Not a new message.
    (maildir / ".Junk/new" / name).rename(maildir / ".Junk/cur" / f"{name}:2,S")
    assert [n for n in drain(watch) if isinstance(n, Arrival)] == []


def drain(watch: PathWatch) -> Iterator[Notice]:
    while (notice := watch.get(0.1)) is not None:
        yield notice


def test_inspector_watch_path_reports_a_code_dropped_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    process = WatchProcess([str(folder), "--offline", "--wait", "20", "--poll-interval", "0.05"])
    try:
        process.until("started")
        raw = make_message(
            "Your TikTok verification code",
            body="Your TikTok verification code is 482915. It expires in 5 minutes.",
            sent=datetime.now(UTC),
        )
        (folder / "code.eml").write_bytes(raw)
        message = process.until("message").event
        assert (message["code"], message["ends_watch"]) == ("482915", True)
        assert process.wait() == 0
        for seen in process.events:
            jsonschema.validate(seen.event, SCHEMA)
    finally:
        process.stop()


def test_the_events_schema_enumerates_the_finding_catalogue() -> None:
    from inspector.diagnosis.catalog import FINDINGS

    assert SCHEMA["$defs"]["finding"]["properties"]["id"]["enum"] == list(FINDINGS)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
