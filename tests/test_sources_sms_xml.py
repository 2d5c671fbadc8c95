"""Streaming the XML backups of "SMS Backup & Restore": records, repairs, limits, attacks."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.model import ReadProblem, SourceItem, TextMessage
from inspector.sources.sms import read_sms
from inspector.sources.sms_xml import _CHAR_REF, _fix_ref, _RefRepair, read_android_xml

HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count='1'>\n"
TAIL = "</smses>\n"


def parse(body: str, name: str = "b.xml") -> list[SourceItem]:
    return list(read_android_xml(io.BytesIO((HEAD + body + TAIL).encode()), name))


def only_message(items: list[SourceItem]) -> TextMessage:
    (item,) = items
    assert isinstance(item, TextMessage)
    return item


def sms(**attrib: str) -> str:
    attrib = {"address": "+12025550177", "date": "1795615030000", "type": "1", "body": "hi"} | {
        k.rstrip("_"): v for k, v in attrib.items()
    }
    return "<sms " + " ".join(f'{k}="{v}"' for k, v in attrib.items() if v != "-") + " />\n"


# --- SMS records ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "yielded"),
    [
        ("1", True),
        (" 1 ", True),
        ("2", False),
        ("3", False),
        ("4", False),
        ("5", False),
        ("6", False),
        ("99", False),
        ("", False),
    ],
    ids=[
        "received",
        "received-spaces",
        "sent",
        "draft",
        "outbox",
        "failed",
        "queued",
        "unknown",
        "empty",
    ],
)
def test_only_received_sms_are_yielded(kind: str, yielded: bool) -> None:
    assert len(parse(sms(type=kind))) == (1 if yielded else 0)


def test_sms_fields() -> None:
    message = only_message(
        parse(sms(body="Line 1&#10;G-582017 &amp; more", date_sent="1795615028000"), "x.xml")
    )
    assert message.body == "Line 1\nG-582017 & more"
    assert message.sender == "+12025550177"
    assert message.received_at == datetime(2026, 11, 25, 13, 57, 10, tzinfo=UTC)
    assert message.sent_at == datetime(2026, 11, 25, 13, 57, 8, tzinfo=UTC)
    assert message.source == "x.xml#1"
    assert message.folder == "inbox"
    assert message.recipient is None


@pytest.mark.parametrize("date_sent", ["0", "null", "-"], ids=["zero", "null", "absent"])
def test_unknown_date_sent_is_none_without_a_problem(date_sent: str) -> None:
    assert only_message(parse(sms(date_sent=date_sent))).sent_at is None


@pytest.mark.parametrize(
    "address", ["null", "-", "", "a~b"], ids=["null", "absent", "empty", "group"]
)
def test_missing_address_gives_empty_sender(address: str) -> None:
    assert only_message(parse(sms(address=address))).sender == ""


def test_garbage_dates_are_read_as_unknown_and_summarised() -> None:
    items = parse(sms(date="soon") + sms(date="1795615030000", date_sent="later"))
    first, second, summary = items
    assert isinstance(first, TextMessage)
    assert first.received_at is None
    assert isinstance(second, TextMessage)
    assert second.sent_at is None
    assert isinstance(summary, ReadProblem)
    assert "2 messages of b.xml (#1, #2) have no usable time" in summary.message


@pytest.mark.parametrize(
    ("record", "why"),
    [
        (sms(type="-"), "the <sms> has no type attribute"),
        (sms(body="-"), "the received <sms> has no body attribute"),
        (
            "<mms date='1'><parts><part ct='text/plain' text='x'/></parts></mms>",
            "the <mms> has no msg_box attribute",
        ),
    ],
    ids=["no-type", "no-body", "mms-no-box"],
)
def test_malformed_records_are_problems_and_reading_goes_on(record: str, why: str) -> None:
    problem, message = parse(record + sms(body="after"))
    assert isinstance(problem, ReadProblem)
    assert problem.source == "b.xml#1"
    assert not problem.fatal
    assert problem.message == f"Record #1 of b.xml was skipped: {why}."
    assert isinstance(message, TextMessage)
    assert message.source == "b.xml#2"


def test_a_flood_of_malformed_records_is_summarised() -> None:
    items = parse(sms(type="-") * 30)
    assert len(items) == 21
    assert all(isinstance(i, ReadProblem) for i in items)
    assert items[-1].message.startswith("10 more malformed records were skipped in b.xml")


def test_unknown_and_nested_elements_are_ignored() -> None:
    items = parse("<call number='1'/><sms type='1' body='outer'><sms type='1' body='in'/></sms>")
    assert [(i.source, i.body) for i in items if isinstance(i, TextMessage)] == [
        ("b.xml#1", "outer")
    ]


# --- MMS records ------------------------------------------------------------------------------

MMS = """<mms date="{date}" msg_box="{box}" address="{address}" sub="{sub}" date_sent="0">
  <parts>
    <part seq="-1" ct="application/smil" text="&lt;smil&gt;&lt;/smil&gt;" />
    {parts}
  </parts>
  <addrs>{addrs}</addrs>
</mms>
"""


def mms(
    *,
    date: str = "1795615110000",
    box: str = "1",
    address: str = "+12025550119",
    sub: str = "null",
    texts: tuple[str, ...] = ("Your code is 771904",),
    addrs: tuple[tuple[str, str], ...] = (("+12025550119", "137"), ("+12025550100", "151")),
) -> str:
    parts = "".join(f'<part seq="0" ct="text/plain" text="{t}" />' for t in texts)
    addr = "".join(f'<addr address="{a}" type="{t}" charset="106" />' for a, t in addrs)
    return MMS.format(date=date, box=box, address=address, sub=sub, parts=parts, addrs=addr)


def test_received_mms_text() -> None:
    message = only_message(parse(mms()))
    assert message.body == "Your code is 771904"
    assert message.sender == "+12025550119"
    assert message.recipient == "+12025550100"
    assert message.received_at == datetime(2026, 11, 25, 13, 58, 30, tzinfo=UTC)


def test_mms_date_in_seconds() -> None:
    message = only_message(parse(mms(date="1795615110")))
    assert message.received_at == datetime(2026, 11, 25, 13, 58, 30, tzinfo=UTC)


def test_mms_text_parts_and_subject_are_joined() -> None:
    message = only_message(parse(mms(sub="Login", texts=("part one", "part two"))))
    assert message.body == "Login\npart one\npart two"


@pytest.mark.parametrize("box", ["2", "3", "4"], ids=["sent", "draft", "outbox"])
def test_mms_not_received_is_ignored(box: str) -> None:
    assert parse(mms(box=box)) == []


def test_mms_without_text_is_ignored() -> None:
    assert parse(mms(texts=())) == []


@pytest.mark.parametrize(
    ("address", "addrs", "sender", "recipient"),
    [
        ("+12025550119", (), "+12025550119", None),
        ("+1~+2", (("+2", "137"), ("+1", "151"), ("+3", "151")), "+2", None),
        ("+1~+2", (("+1", "151"),), "", "+1"),
        ("null", (("insert-address-token", "137"), ("+9", "130")), "", None),
    ],
    ids=["address-attribute", "group", "group-without-from", "placeholder"],
)
def test_mms_sender_and_recipient(
    address: str, addrs: tuple[tuple[str, str], ...], sender: str, recipient: str | None
) -> None:
    message = only_message(parse(mms(address=address, addrs=addrs)))
    assert message.sender == sender
    assert message.recipient == recipient


# --- whole files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml version='1.0'?><calls count='1'><call number='1'/></calls>",
        b"<?xml version='1.0'?>\n<!-- nothing -->\n",
        b"",
    ],
    ids=["calls-backup", "no-root", "empty"],
)
def test_unreadable_files_are_fatal(data: bytes) -> None:
    (problem,) = list(read_android_xml(io.BytesIO(data), "b.xml"))
    assert isinstance(problem, ReadProblem)
    assert problem.fatal


def test_junk_after_the_backup_keeps_the_messages() -> None:
    data = (HEAD + sms() + TAIL + "<smses>").encode()
    message, problem = list(read_android_xml(io.BytesIO(data), "b.xml"))
    assert isinstance(message, TextMessage)
    assert isinstance(problem, ReadProblem)
    assert not problem.fatal


@pytest.mark.parametrize(
    "encoding", ["utf-7", "utf-32", "bogus", "rot13", "idna", "punycode", "shift_jis"]
)
def test_unusable_declared_encodings_are_problems(encoding: str) -> None:
    data = f"<?xml version='1.0' encoding='{encoding}'?><smses>{sms()}</smses>".encode("ascii")
    items = list(read_android_xml(io.BytesIO(data + b"\x80\xff"), "b.xml"))
    assert all(isinstance(i, ReadProblem) for i in items)
    assert items[-1].fatal  # type: ignore[union-attr]


def test_latin1_declared_backup() -> None:
    data = f"<?xml version='1.0' encoding='ISO-8859-1'?><smses>{sms(body='Código 1234')}</smses>"
    message = only_message(list(read_android_xml(io.BytesIO(data.encode("latin-1")), "b.xml")))
    assert message.body == "Código 1234"


def test_utf16_backup() -> None:
    data = f"<?xml version='1.0' encoding='UTF-16'?><smses>{sms(body='код 1234')}</smses>"
    message = only_message(list(read_sms(io.BytesIO(data.encode("utf-16")), "b.xml")))
    assert message.body == "код 1234"


# --- attacks ----------------------------------------------------------------------------------

LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
)
DTDS = {
    "billion-laughs": f"<!DOCTYPE smses [{LAUGHS}]>",
    "quadratic-blowup": f'<!DOCTYPE smses [<!ENTITY a "{"x" * 50_000}">]>',
    "external-entity": '<!DOCTYPE smses [<!ENTITY e SYSTEM "{secret}">]>',
    "external-dtd": '<!DOCTYPE smses SYSTEM "{secret}">',
    "parameter-entity": '<!DOCTYPE smses [<!ENTITY % p SYSTEM "{secret}"> %p;]>',
    "empty-doctype": "<!DOCTYPE smses>",
}
USES = {
    "billion-laughs": "&l9;",
    "quadratic-blowup": "&a;" * 1000,
    "external-entity": "&e;",
}


@pytest.mark.parametrize("attack", list(DTDS))
def test_any_doctype_is_refused_before_it_is_used(attack: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    dtd = DTDS[attack].replace("{secret}", secret.as_uri())
    body = sms(body=USES.get(attack, "x"))
    data = f"<?xml version='1.0'?>\n{dtd}\n<smses>{body}</smses>".encode()
    started = time.monotonic()
    items = list(read_android_xml(io.BytesIO(data), "evil.xml"))
    assert time.monotonic() - started < 1.0
    (problem,) = items
    assert isinstance(problem, ReadProblem)
    assert problem.fatal
    assert "DOCTYPE" in problem.message
    assert "TOPSECRET" not in repr(items)


@pytest.mark.slow
def test_huge_attribute_costs_linear_time() -> None:
    # Expat < 2.6.0 re-scans an unfinished token on every feed (CVE-2023-52425): fed in fixed
    # 64 KiB chunks, 32 MiB in one attribute takes many seconds; doubling feeds keep it fast.
    data = (HEAD + sms(body="A" * (32 * 1024 * 1024)) + TAIL).encode()
    started = time.monotonic()
    message = only_message(list(read_android_xml(io.BytesIO(data), "b.xml")))
    assert time.monotonic() - started < 3.0
    assert len(message.body) == 32 * 1024 * 1024


def test_record_larger_than_the_limit_stops_reading() -> None:
    data = (HEAD + sms() + sms(body="A" * (3 * 1024 * 1024)) + sms() + TAIL).encode()
    items = list(read_android_xml(io.BytesIO(data), "b.xml", max_record_bytes=1024 * 1024))
    message, problem = items
    assert isinstance(message, TextMessage)
    assert isinstance(problem, ReadProblem)
    assert not problem.fatal
    assert "record larger than 1 MiB after message #1" in problem.message


def test_deep_nesting_is_harmless() -> None:
    depth = 100_000
    data = (HEAD + "<x>" * depth + "</x>" * depth + sms() + TAIL).encode()
    assert [type(i) for i in read_android_xml(io.BytesIO(data), "b.xml")] == [TextMessage]


# --- streaming --------------------------------------------------------------------------------


@pytest.mark.slow
def test_50000_messages_stream_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for i in range(50_000):
            out.write(
                f'<sms address="+1202555{i % 10_000:04d}" date="{1795612324000 + i}" '
                f'type="{2 if i % 5 == 0 else 1}" body="Your code is {i:06d}.&#10;Don\'t share '
                f'it." date_sent="0" />\n'
            )
        out.write(TAIL)
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = 0
        for item in read_sms(path, "big.xml"):
            assert isinstance(item, TextMessage)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40_000
    assert size > 5_000_000
    assert peak < 1_000_000, f"peak {peak} bytes for a {size} byte file"
    print(f"50,000 messages, {size} bytes: peak {peak} bytes")


# --- the character reference repair ------------------------------------------------------------

REPAIRS = [
    (b"&#55357;&#56842;", b"&#128522;"),
    (b"&#xD83D;&#xDE0A;", b"&#128522;"),
    (b"&#x0000d83d;&#0056842;", b"&#128522;"),
    (b"&#55357;", b"&#xFFFD;"),
    (b"&#56842;&#55357;", b"&#xFFFD;&#xFFFD;"),
    (b"&#55357;&#55357;&#56842;", b"&#xFFFD;&#128522;"),
    (b"&#0;&#8;&#11;&#x1F;&#65534;&#xFFFF;&#1114112;", b"&#xFFFD;" * 7),
    (b"&#9;&#10;&#13;&#32;&#55295;&#57344;&#65533;&#65536;&#1114111;",) * 2,
    (b"&#128522;&amp;&lt;&#x1F60A;&#10;",) * 2,
    (b"text &# 55357; &#55357 &#x; &#;",) * 2,
]


@pytest.mark.parametrize(("raw", "fixed"), REPAIRS, ids=[r[0].decode()[:30] for r in REPAIRS])
def test_invalid_character_references_are_repaired(raw: bytes, fixed: bytes) -> None:
    repair = _RefRepair()
    assert repair.feed(raw) + repair.flush() == fixed


PIECES = st.sampled_from(
    [
        b"&#55357;",
        b"&#56842;",
        b"&#xD83D;",
        b"&#xde0a;",
        b"&#10;",
        b"&#0;",
        b"&amp;",
        b"&",
        b"#",
        b";",
        b"5",
        b"x",
        b"a",
        b" ",
        b"\xf0\x9f\x98\x8a",
        b"&#00000055357;",
    ]
)


@given(st.lists(PIECES, max_size=60).map(b"".join), st.lists(st.integers(0, 400), max_size=8))
def test_repair_does_not_depend_on_chunk_boundaries(data: bytes, cuts: list[int]) -> None:
    whole = _CHAR_REF.sub(_fix_ref, data)
    repair = _RefRepair()
    out = []
    previous = 0
    for cut in sorted(min(c, len(data)) for c in cuts):
        out.append(repair.feed(data[previous:cut]))
        previous = cut
    out.append(repair.feed(data[previous:]))
    out.append(repair.flush())
    assert b"".join(out) == whole
    assert not re.search(rb"&#(55[3-9]\d\d|56\d\d\d|57[0-3]\d\d);", whole)
