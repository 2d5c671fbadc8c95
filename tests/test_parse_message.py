from __future__ import annotations

import base64
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.parse import message as mail
from inspector.parse.words import decode_words


def message(*headers: str, body: str = "hello\n") -> bytes:
    return ("\r\n".join(headers) + "\r\n\r\n" + body).encode()


@pytest.mark.parametrize(
    ("header", "name", "address"),
    [
        ("From: TikTok <noreply@account.tiktok.com>", "TikTok", "noreply@account.tiktok.com"),
        ("From: noreply@github.com", None, "noreply@github.com"),
        (
            'From: "Amazon.com" <account-update@amazon.com>',
            "Amazon.com",
            "account-update@amazon.com",
        ),
        (
            "From: =?UTF-8?B?5pSv5LuY5a6d?= <service@mail.alipay.com>",
            "支付宝",
            "service@mail.alipay.com",
        ),
        # CVE-2023-27043 shapes: never a second address made out of garbage.
        ("From: alice@example.org)<bob@example.org>", None, None),
        ("From: alice@example.org, bob@example.org", None, None),
        ("From: <>", None, None),
        ("From: not an address", None, None),
        # An unquoted phrase is words separated by folding white space (RFC 5322 §3.2.5).
        (
            "From: CNET Shopper Sound  Graphics <a#1@x.example>",
            "CNET Shopper Sound Graphics",
            "a#1@x.example",
        ),
        ('From: "Two  Spaces" <a@x.example>', "Two  Spaces", "a@x.example"),
    ],
    ids=[
        "name-addr",
        "bare",
        "quoted-name",
        "rfc2047-name",
        "cve-paren",
        "two",
        "empty",
        "junk",
        "phrase-blanks",
        "quoted-blanks",
    ],
)
def test_from_parsing(header: str, name: str | None, address: str | None) -> None:
    parsed = mail.headers(message(header, "Subject: x")).from_
    assert parsed is not None
    assert (parsed.name, parsed.address) == (name, address)


def test_two_from_headers_are_counted() -> None:
    head = mail.headers(message("From: a@example.com", "From: b@example.org"))
    assert head.from_count == 2


def test_missing_from_is_none() -> None:
    assert mail.headers(message("Subject: hi")).from_ is None


def test_subject_rfc2047_and_folding() -> None:
    head = mail.headers(
        message("Subject: =?UTF-8?Q?Ihr_Sicherheitscode_f=C3=BCr?=\r\n PayPal", "From: a@b.example")
    )
    assert head.subject == "Ihr Sicherheitscode für PayPal"


def test_bad_charset_in_subject_does_not_raise() -> None:
    head = mail.headers(message("Subject: =?x-unknown?B?AAAA?= and =?utf-8?B?@@@?="))
    assert isinstance(head.subject, str)


def test_received_order_and_dkim_t() -> None:
    raw = message(
        "Received: from b by c; Wed, 25 Nov 2026 14:00:02 +0000",
        "Received: from a by b; Wed, 25 Nov 2026 14:00:01 +0000",
        "DKIM-Signature: v=1; a=rsa-sha256; d=x.example; s=s;\r\n t=1795615200; h=from; bh=x; b=y",
    )
    head = mail.headers(raw)
    assert mail.header_block(raw).get_all("received")[0].startswith("from b")
    assert head.dkim_timestamp == 1795615200


def test_to_with_thousands_of_addresses_is_capped() -> None:
    to = ", ".join(f"user{i}@example.com" for i in range(100_000))
    head = mail.headers(message(f"To: {to}"))
    assert head.to_truncated
    assert 0 < len(head.to) <= mail.MAX_ADDRESSES


def test_body_prefers_text_then_html_and_skips_attachments() -> None:
    raw = (
        b"Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\n"
        b"Content-Type: multipart/alternative; boundary=Y\r\n\r\n--Y\r\n"
        b"Content-Type: text/plain\r\n\r\nplain 111111\r\n--Y\r\n"
        b"Content-Type: text/html\r\n\r\n<p>html <b>222222</b></p>\r\n--Y--\r\n--X\r\n"
        b"Content-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\n"
        b"attached 333333\r\n--X--\r\n"
    )
    text = mail.body_text(raw).text
    assert "111111" in text
    assert "222222" in text
    assert "333333" not in text
    assert text.index("111111") < text.index("222222")


def test_body_base64_with_charset() -> None:
    payload = base64.b64encode("验证码 604217".encode()).decode()
    raw = message(
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: base64",
        body=payload,
    )
    assert "604217" in mail.body_text(raw).text


def test_body_unknown_charset_falls_back() -> None:
    raw = message("Content-Type: text/plain; charset=x-nonsense", body="code 123456")
    assert "123456" in mail.body_text(raw).text


def test_deeply_nested_mime_does_not_recurse_to_death() -> None:
    depth = 10_000
    parts = [
        f"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n" for i in range(depth)
    ]
    raw = ("".join(parts) + "Content-Type: text/plain\r\n\r\ndeep 424242\r\n").encode()
    body = mail.body_text(raw)  # must return, not raise RecursionError
    assert isinstance(body.text, str)


def test_many_parts_are_capped() -> None:
    raw = (
        b"Content-Type: multipart/mixed; boundary=Z\r\n\r\n"
        + b"".join(b"--Z\r\nContent-Type: text/plain\r\n\r\npart\r\n" for _ in range(5000))
        + b"--Z--\r\n"
    )
    body = mail.body_text(raw)
    assert body.truncated


@given(st.binary(max_size=3000))
def test_headers_never_raise(data: bytes) -> None:
    mail.headers(data)


@given(st.binary(max_size=3000))
def test_body_never_raises(data: bytes) -> None:
    mail.body_text(data)


@given(st.text(max_size=500))
def test_headers_never_raise_on_text_headers(value: str) -> None:
    raw = f"From: {value}\r\nTo: {value}\r\nSubject: {value}\r\n\r\nx".encode("utf-8", "replace")
    mail.headers(raw)


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        (
            (
                "X-Greylist: delayed 1267 seconds by postgrey-1.37 at mx1; Wed, 25 Nov 2026",
                "Received: a",
            ),
            1267.0,
        ),
        (
            (
                "Received: a",
                "X-Greylist: Delayed for 00:21:07 by milter-greylist-4.6.2",
                "Received: b",
            ),
            1267.0,
        ),
        (("Received: a", "X-Greylist: delayed 600 seconds by postgrey"), None),
        (("X-Greylist: delayed 600 seconds by postgrey",), None),
    ],
    ids=["postgrey", "milter-greylist", "below-received-forged", "no-received"],
)
def test_greylist_header(headers: tuple[str, ...], seconds: float | None) -> None:
    assert mail.headers(message(*headers)).greylist_seconds == seconds


@pytest.mark.parametrize(
    "raw",
    [
        b'Content-Type: text/plain; charset="utf\x00-8"\r\n\r\ncode 123456\r\n',
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
        b'Content-Type: text/html; charset="x\x00"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
        b"<p>\xff 123456</p>\r\n--b--\r\n",
    ],
    ids=["nul-in-charset", "nul-in-part-charset"],
)
def test_nul_in_charset_found_by_fuzzing(raw: bytes) -> None:
    assert isinstance(mail.body_text(raw).text, str)


# The fast paths must mean what Python's parsers mean.

_atom = st.text(alphabet="abcXYZ019!#$%&'*+-/=?^_`{|}~", min_size=1, max_size=6)
_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,4}[a-z0-9])?", fullmatch=True)
_addr = st.builds(
    lambda local, labels: ".".join(local) + "@" + ".".join(labels),
    st.lists(_atom, min_size=1, max_size=3),
    st.lists(_label, min_size=1, max_size=3),
)
_display = st.one_of(
    st.just(""),
    st.lists(_atom, min_size=1, max_size=3).map(" ".join),
    st.text(alphabet="abc .,;:<>@()[]", max_size=10).map(lambda s: f'"{s}"'),
    st.text(alphabet='abc "\\', max_size=6).map(lambda s: f'"{s}"'),  # not simple: registry
)


@pytest.mark.slow
@given(_display, _addr, st.sampled_from(["", " ", "\t"]))
def test_simple_mailbox_fast_path_agrees_with_the_header_registry(
    display: str, addr: str, pad: str
) -> None:
    raw = f"{pad}{display} <{addr}>{pad}" if display or pad else addr
    fast = mail._parse_addresses("From", raw)
    shape = mail._SIMPLE_MAILBOX
    try:
        mail._SIMPLE_MAILBOX = re.compile(r"(?!)")  # matches nothing: the registry answers
        slow = mail._parse_addresses("From", raw)
    finally:
        mail._SIMPLE_MAILBOX = shape

    def names(found: list[mail.Address] | None) -> list[tuple[str | None, str | None]] | None:
        # A display name of white space only is no name (the fast path says None).
        if found is None:
            return None
        return [((a.name or "").strip() or None, a.address) for a in found]

    assert names(fast) == names(slow)


def reference_fields(data: bytes) -> list[tuple[str, str]]:
    import email.parser
    import email.policy

    head, _ = mail.split(data)
    msg = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(head + b"\n\n")
    return [(name.lower(), mail._raw(str(value))) for name, value in msg.items()]


_header_lines = st.lists(
    st.one_of(
        st.sampled_from(["Subject", "From", "To", "Received", "X-Odd", "DKIM-Signature"]).flatmap(
            lambda name: st.text(alphabet="abc =?:;<>@.\t", max_size=30).map(
                lambda value: f"{name}: {value}"
            )
        ),
        st.text(alphabet="abc \t", min_size=1, max_size=10).map(lambda v: "\t" + v.strip("\t")),
    ),
    max_size=8,
)


@given(_header_lines, st.sampled_from(["\r\n", "\n"]))
def test_header_block_reads_fields_as_pythons_parser(lines: list[str], eol: str) -> None:
    data = (eol.join(lines) + eol + eol + "body").encode()
    ours = [(name, mail._raw(value)) for name, value in mail.header_block(data).fields]
    assert ours == reference_fields(data)


def test_eight_bit_header_values_are_read_as_utf8() -> None:
    raw = "Subject: Ваш код 123456\r\nFrom: Тест <a@b.example>\r\n\r\nx".encode()
    head = mail.headers(raw)
    assert head.subject == "Ваш код 123456"
    assert head.from_ == mail.Address("Тест", "a@b.example")


def _encoded(text: str, charset: str, kind: str) -> str:
    import binascii

    data = text.encode(charset, "replace")
    if kind == "B":
        payload = base64.b64encode(data).decode()
    else:
        payload = binascii.b2a_qp(data, header=True).decode().replace("?", "=3F")
    return f"=?{charset}?{kind}?{payload}?="


_subject_tokens = st.lists(
    st.one_of(
        st.text(alphabet="abcXYZ 019:,.-=?", min_size=1, max_size=8).map(str.strip).filter(bool),
        st.builds(
            _encoded,
            st.text(alphabet="abc äöü验证码 _?=", max_size=10),
            st.sampled_from(["utf-8", "iso-8859-1", "UTF-8"]),
            st.sampled_from(["B", "Q"]),
        ),
        st.just("=?bogus?X?y?="),
    ),
    max_size=6,
)


@given(_subject_tokens, st.sampled_from([" ", "  ", "\t", " \t"]))
def test_encoded_word_fast_path_agrees_with_the_header_registry(
    tokens: list[str], space: str
) -> None:
    import email.policy

    raw = space.join(tokens)
    ours = decode_words(raw).strip()
    if "=?" not in raw.replace("=?bogus?X?y?=", ""):
        assert ours == raw.strip()
    theirs = str(email.policy.default.header_factory("Subject", raw)).strip()
    # Where Python's registry decodes cleanly, both read the same text (it joins adjacent
    # words and drops the white space between them, RFC 2047 §6.2, as the decoder does).
    if "\ufffd" not in theirs and "\ufffd" not in ours:
        assert " ".join(ours.split()) == " ".join(theirs.split())
