from __future__ import annotations

import base64
import email
import email.policy
import quopri
from email.message import Message
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.parse import mime
from inspector.parse.htmltext import html_to_text

FIXTURES = Path(__file__).parent.parent / "fixtures"


def reference_body_text(data: bytes) -> mime.Body:
    """What the walk gave when it used Python's parser (compat32): the oracle."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception:
        return mime.Body(mime._decode(mime._split(data)[1], None), True)
    plain: list[str] = []
    html: list[str] = []
    truncated = False
    parts = 0
    stack: list[Message] = [msg]
    while stack:
        part = stack.pop()
        parts += 1
        if parts > mime.MAX_PARTS:
            truncated = True
            break
        try:
            payload = part.get_payload()
        except Exception:
            continue
        if isinstance(payload, list):
            stack.extend(reversed([p for p in payload if isinstance(p, Message)]))
            continue
        ctype = part.get_content_type()
        disposition = str(part.get("Content-Disposition", "")).lower()
        if ctype not in ("text/plain", "text/html") or disposition.startswith("attachment"):
            continue
        try:
            raw = part.get_payload(decode=True)
        except Exception:
            continue
        if isinstance(raw, bytes):
            text = mime._decode(raw, part.get_content_charset())
            (plain if ctype == "text/plain" else html).append(text)
    text = "\n\n".join(plain + [html_to_text(h) for h in html])
    if len(text) > mime.MAX_TEXT_CHARS:
        text, truncated = text[: mime.MAX_TEXT_CHARS], True
    return mime.Body(text, truncated)


def mail_files() -> list[Path]:
    skip = {".xml", ".csv", ".jsonl"}
    return sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix not in skip)


@pytest.mark.parametrize("path", mail_files(), ids=lambda p: p.name)
def test_same_text_as_pythons_parser_on_fixtures(path: Path) -> None:
    data = path.read_bytes()
    assert mime.body_text(data) == reference_body_text(data)


# Generated MIME trees: text parts in every transfer encoding, HTML, attachments, nesting.
_words = st.text(alphabet="abcdefXYZ 0123456789äé验证\n", max_size=60)


@st.composite
def leaf(draw: st.DrawFn) -> bytes:
    ctype = draw(st.sampled_from(["text/plain", "text/html", "image/png", "application/pdf"]))
    text = draw(_words)
    if ctype == "text/html":
        text = f"<p>{text}</p><div style='display:none'>x</div>"
    charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "x-unknown"]))
    encoding = draw(st.sampled_from(["7bit", "8bit", "base64", "quoted-printable"]))
    raw = text.encode("utf-8" if charset != "iso-8859-1" else "latin-1", "replace")
    if encoding == "base64":
        body = base64.encodebytes(raw)
    elif encoding == "quoted-printable":
        body = quopri.encodestring(raw)
    else:
        body = raw
    disposition = draw(st.sampled_from(["", "Content-Disposition: attachment\r\n"]))
    return (
        f"Content-Type: {ctype}; charset={charset}\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\n{disposition}\r\n"
    ).encode() + body


def multipart(children: list[bytes]) -> bytes:
    boundary = f"b{len(children)}x{sum(map(len, children))}"
    out = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\npreamble\r\n'.encode()
    for child in children:
        out += f"--{boundary}\r\n".encode() + child + b"\r\n"
    return out + f"--{boundary}--\r\nepilogue\r\n".encode()


trees = st.recursive(leaf(), lambda inner: st.lists(inner, min_size=1, max_size=4).map(multipart))


@pytest.mark.slow
@settings(max_examples=300)
@given(trees)
def test_same_text_as_pythons_parser_on_generated_mime(entity: bytes) -> None:
    message = b"From: a@example.com\r\nSubject: s\r\nMIME-Version: 1.0\r\n" + entity
    assert mime.body_text(message) == reference_body_text(message)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Content-Type: text/plain\r\n\r\nhello 123456\r\n", "hello 123456\r\n"),
        (
            b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            b"Y29kZSA0ODI5MTU",  # no padding
            "code 482915",
        ),
        (
            b"Content-Type: text/plain; charset=utf-8\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\nc=C3=B3digo 1234=\r\n56",
            "código 123456",
        ),
        (
            b"Content-Type: multipart/alternative; boundary=b\r\n\r\n--b  \r\n"
            b"Content-Type: text/plain\r\n\r\none\r\n--bX\r\nstill one\r\n--b--\r\n",
            "one\r\n--bX\r\nstill one",
        ),
        (
            b"Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\n"
            b"Content-Type: text/plain\r\n\r\ndigest 246810\r\n--d--\r\n",
            "digest 246810",
        ),
        (
            b"Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n"
            b"Content-Type: message/rfc822\r\n\r\nSubject: fwd\r\n\r\nforwarded 135790\r\n--m--",
            "forwarded 135790",
        ),
        (b"Content-Type: multipart/mixed\r\n\r\n--x\r\nno boundary\r\n", ""),
        (
            b'Content-Type: multipart/mixed; boundary="\xc3\xa9t\xe9"\r\n\r\n--\xc3\xa9t\xe9\r\n'
            b"Content-Type: text/plain\r\n\r\neight-bit boundary\r\n--\xc3\xa9t\xe9--\r\n",
            "eight-bit boundary",
        ),
        (b"Content-Type: garbage\r\n\r\nread as text/plain", "read as text/plain"),
        (
            b"Content-Type: text/plain\r\n\r\nThe logo:\r\n\r\nbegin 644 up.gif\r\n"
            b'M1TE&.#=A$P`3`*$``/___P```("`@,#`P"P`````$P`3```"1X2/F<\r\n`\r\nend\r\nBye\r\n',
            "The logo:\r\n\r\nBye\r\n",
        ),
        (
            b"Content-Type: text/plain\r\n\r\nbegin 644 cut.bin\nM1TE&.#=A$P\n",
            "",
        ),
        (b"Content-Type: text/plain\r\n\r\nbegin 2 weeks ago\r\n", "begin 2 weeks ago\r\n"),
    ],
    ids=[
        "plain",
        "base64-unpadded",
        "quoted-printable",
        "boundary-prefix-is-not-a-delimiter",
        "digest-default-rfc822",
        "attached-message",
        "multipart-without-boundary",
        "eight-bit-boundary",
        "invalid-type-is-plain",
        "uuencoded-file-is-not-text",
        "uuencoded-file-without-end",
        "begin-in-prose-stays",
    ],
)
def test_body_text(raw: bytes, expected: str) -> None:
    assert mime.body_text(raw).text == expected


def test_a_cap_on_parts_reports_truncation_without_walking_them_all() -> None:
    parts = b"".join(b"--Z\r\nContent-Type: image/png\r\n\r\nx\r\n" for _ in range(100_000))
    body = mime.body_text(b"Content-Type: multipart/mixed; boundary=Z\r\n\r\n" + parts)
    assert body.truncated


@given(st.binary(max_size=4000))
def test_never_raises(data: bytes) -> None:
    assert isinstance(mime.body_text(data).text, str)


@given(st.binary(max_size=300), st.integers(min_value=0, max_value=400))
def test_header_end_is_the_first_empty_line(data: bytes, limit: int) -> None:
    import re

    match = re.compile(rb"\r?\n\r?\n").search(data, 0, limit)
    assert mime.header_end(data, limit) == (None if match is None else match.span())


def _alternative(plain: str, html: str) -> bytes:
    return (
        b'Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
        + plain.encode()
        + b"\n--b\nContent-Type: text/html\n\n"
        + html.encode()
        + b"\n--b--\n"
    )


def test_plain_body_is_the_twin_of_the_html_only_when_more_than_a_stub() -> None:
    twin = "Our spring collection is here, with free shipping on every order. " * 6
    parts = mime.text_parts(_alternative(twin, f"<p>{twin}</p>"))
    first = parts.plain_body()
    assert first is not None
    assert first.text == twin.strip("\n")
    assert parts.body() == mime.body_text(_alternative(twin, f"<p>{twin}</p>"))
    stub = mime.text_parts(_alternative("View this email in your browser.", "<p>Code 123</p>"))
    assert stub.plain_body() is None  # a stub: the first look renders the HTML too
    plain_only = mime.text_parts(b"Content-Type: text/plain\n\n" + twin.encode())
    assert plain_only.plain_body() is None  # nothing to save: the first look is body()
    link = "View this email in your browser: https://click.example.com/?t=" + "x" * 400
    linked = mime.text_parts(_alternative(link, "<p>Your code is 123456</p>"))
    assert linked.plain_body() is None  # a long link is no text: still a stub


@settings(max_examples=60, deadline=None)
@given(st.recursive(leaf(), lambda kids: st.lists(kids, min_size=1, max_size=4).map(multipart)))
def test_text_parts_body_is_body_text(entity: bytes) -> None:
    assert mime.text_parts(entity).body() == mime.body_text(entity)
