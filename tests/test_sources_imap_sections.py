"""The scan reads the text part, never an attachment: BODYSTRUCTURE first, then sections.

Pure tests of ``imap_sections`` on BODYSTRUCTURE values shaped as imapclient parses them, and
tests against a real Dovecot on loopback (through a counting proxy) that nothing but the text
part crosses the wire, that a code behind a subject no keyword table knows is still found,
and that the mailbox is left as it was.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest

from inspector.extract import extract
from inspector.model import RawMail
from inspector.parse.mime import body_text
from inspector.sources.imap import make_config, scan_mailbox
from inspector.sources.imap_headers import default_is_candidate, default_text_is_candidate
from inspector.sources.imap_sections import Section, assemble, mime_fields, plan
from testkit.dovecot import PASSWORD, Dovecot
from testkit.net import HOST

ENV = {"IMAP_PW": PASSWORD}

PLAIN = (b"text", b"plain", (b"charset", b"utf-8"), None, None, b"quoted-printable", 120, 4)
HTML = (b"text", b"html", (b"charset", b"utf-8"), None, None, b"base64", 9000, 120)
PDF = (
    b"application", b"pdf", (b"name", b"Invoice.pdf"), None, None, b"base64", 300000,
    None, (b"attachment", (b"filename", b"Invoice.pdf")), None,
)  # fmt: skip
ALTERNATIVE = ([PLAIN, HTML], b"alternative", (b"boundary", b"alt-b"), None, None)
MIXED = ([ALTERNATIVE, PDF], b"mixed", (b"boundary", b"mix-b"), None, None)


def test_plan_single_part_is_the_whole_body() -> None:
    section = plan(PLAIN)
    assert section is not None
    assert (section.number, section.single, section.size) == (1, True, 120)
    assert section.opening_item == "BODY.PEEK[1]<0.1024>"


def test_plan_mixed_reads_the_top_part_holding_the_text_never_the_pdf() -> None:
    section = plan(MIXED)
    assert section is not None
    assert (section.number, section.single) == (1, False)
    assert section.mime == b'Content-Type: multipart/alternative; boundary="alt-b"\r\n'
    assert section.size == 9120


def test_plan_without_inline_text_reads_nothing() -> None:
    only_pdf = ([PDF], b"mixed", (b"boundary", b"x"), None, None)
    assert plan(only_pdf) is None
    assert plan(PDF) is None
    assert plan(None) is None
    assert plan((b"garbage",)) is None


def test_plan_html_only_after_an_attachment_reads_part_two() -> None:
    section = plan(([PDF, HTML], b"mixed", (b"boundary", b"x"), None, None))
    assert section is not None
    assert section.number == 2
    assert section.mime.startswith(b"Content-Type: text/html")
    assert b"Content-Transfer-Encoding: base64" in section.mime


def test_mime_fields_cannot_inject_header_lines() -> None:
    hostile = (b"text", b"plain", (b"charset", b'utf-8"\r\nX-Evil: 1'), None, None, b"7bit\r\nX", 1)
    fields = mime_fields(hostile)
    assert fields.count(b"\r\n") == 2
    assert b"\r\nX-Evil" not in fields


def test_assemble_replaces_the_top_content_type_with_the_part() -> None:
    header = (
        b'From: a@b.example\r\nContent-Type: multipart/mixed;\r\n boundary="mix-b"\r\n'
        b"Subject: hi\r\n\r\n"
    )
    section = Section(1, False, b"Content-Type: text/plain\r\n", 10)
    data, truncated = assemble(header, section, b"Your code 123456\r\n", 5000)
    assert truncated
    assert b"multipart/mixed" not in data
    assert data.endswith(b"Content-Type: text/plain\r\n\r\nYour code 123456\r\n")
    assert b"Subject: hi\r\n" in data


def test_text_test_takes_strong_words_and_weak_ones_with_a_number() -> None:
    assert default_text_is_candidate("您好：您的验证码是：482915，请在应用中输入。")
    assert default_text_is_candidate("Your code is 482915")
    assert not default_text_is_candidate("Use code SAVE20 at checkout, until 2026")
    assert not default_text_is_candidate("Lunch on Sunday? Bring the kids.")


# ---------------------------------------------------------------------------------------------
# Against Dovecot


def _multipart(subject: str, code: str, *, attachment: bytes) -> bytes:
    sent = (datetime.now(UTC) - timedelta(minutes=5)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    blob = base64.encodebytes(attachment).decode().replace("\n", "\r\n")
    return (
        "From: Pay Centre <notice@mail.example-pay.cn>\r\nTo: alice@example.com\r\n"
        f"Subject: {subject}\r\nDate: {sent}\r\nMessage-ID: <{code}@mail.example-pay.cn>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="MIX"\r\n\r\n'
        '--MIX\r\nContent-Type: multipart/alternative; boundary="ALT"\r\n\r\n'
        "--ALT\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(f"您好：\n\n您的验证码是：{code}\n\n验证码10分钟内有效。\n".encode())
        .decode()
        .replace("\n", "\r\n")
        + "\r\n--ALT\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        f"<p>您的验证码是：<b>{code}</b></p>\r\n--ALT--\r\n\r\n"
        '--MIX\r\nContent-Type: application/pdf; name="statement.pdf"\r\n'
        'Content-Disposition: attachment; filename="statement.pdf"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{blob}\r\n--MIX--\r\n"
    ).encode("utf-8")


def _config(dovecot: Dovecot, user: str, port: int):  # type: ignore[no-untyped-def]
    return make_config(
        user=user, host=HOST, port=port, encryption="none", password_env="IMAP_PW", timeout=5
    )


@pytest.fixture
def attached(dovecot: Dovecot) -> tuple[str, bytes]:
    user = dovecot.new_user("sections")
    pdf = b"%PDF-1.7 ATTACHMENT-MARKER " + bytes(range(256)) * 1200  # ~300 KB
    # "账户安全验证" (account security check): no keyword table knows it; the text does.
    subject = "=?utf-8?b?" + base64.b64encode("账户安全验证".encode()).decode() + "?="
    message = _multipart(subject, "482915", attachment=pdf)
    assert not default_is_candidate(message.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n")
    dovecot.append(user, "INBOX", [message])
    return user, pdf


def test_code_behind_a_chinese_subject_is_found_and_the_attachment_never_fetched(
    dovecot: Dovecot, attached: tuple[str, bytes], wire_proxy
) -> None:
    user, pdf = attached
    before = dovecot.snapshot(user)
    proxy = wire_proxy(dovecot.port)
    scan = scan_mailbox(_config(dovecot, user, proxy.port), environ=ENV)
    found = [i for i in scan if isinstance(i, RawMail)]
    counts = proxy.take()
    assert len(found) == 1
    mail = found[0]
    assert mail.truncated  # the message minus its attachment
    assert b"ATTACHMENT-MARKER" not in mail.data
    assert base64.b64encode(pdf[:30])[:20] not in mail.data
    assert counts.bytes_down < 20_000, "the 300 KB attachment crossed the wire"
    body = body_text(mail.data)
    assert "482915" in body.text
    assert extract(body.text, subject="账户安全验证").code == "482915"
    sent = bytes(proxy.sent)
    assert b"BODYSTRUCTURE" in sent
    assert b"BODY.PEEK[1]<0.1024>" in sent
    assert b"BODY.PEEK[2]" not in sent  # the attachment's part number
    assert dovecot.snapshot(user) == before


def test_headers_only_mode_does_not_read_the_text(
    dovecot: Dovecot, attached: tuple[str, bytes], wire_proxy
) -> None:
    user, _ = attached
    proxy = wire_proxy(dovecot.port)
    scan = scan_mailbox(_config(dovecot, user, proxy.port), environ=ENV, text_is_candidate=None)
    assert [i for i in scan if isinstance(i, RawMail)] == []
    assert b"<0.1024>" not in bytes(proxy.sent)
