"""RFC 2047 encoded words and legacy charsets, the way mail readers decode them."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.parse import message as mail
from inspector.parse.words import codec, decode_bytes, decode_words


def b64(text: str, charset: str) -> str:
    return base64.b64encode(text.encode(charset)).decode()


UTF8_SPLIT = "支".encode()
JIS = "サイト".encode("iso-2022-jp")

CASES = [
    ("plain", "Your code", "Your code"),
    ("q", "=?utf-8?Q?Ihr_Code_=C3=A4?=", "Ihr Code ä"),
    ("b", "=?UTF-8?B?5pSv5LuY5a6d?=", "支付宝"),
    ("adjacent-space-dropped", "=?utf-8?q?a?=  =?utf-8?q?b?=", "ab"),
    ("glued-words", "=?utf-8?q?a?==?utf-8?q?b?=", "ab"),
    ("text-around", "Re: =?utf-8?q?caf=C3=A9?= ok", "Re: café ok"),
    (
        "utf8-char-split-across-words",
        f"=?UTF-8?B?{base64.b64encode(UTF8_SPLIT[:2]).decode()}?= "
        f"=?UTF-8?B?{base64.b64encode(UTF8_SPLIT[2:]).decode()}?=",
        "支",
    ),
    (
        "iso-2022-jp-split-across-words",
        f"=?ISO-2022-JP?B?{base64.b64encode(JIS[:7]).decode()}?= "
        f"=?ISO-2022-JP?B?{base64.b64encode(JIS[7:]).decode()}?=",
        "サイト",
    ),
    ("iso-8859-8-i", "=?iso-8859-8-i?Q?=E0=E1?=", "אב"),
    ("raw-8bit-in-q", "=?iso-8859-1?Q?Die_Fr\u00f6sche?=", "Die Frösche"),
    ("rfc2231-language", "=?utf-8*de?Q?Gr=C3=BC=C3=9Fe?=", "Grüße"),
    ("missing-padding", f"=?utf-8?B?{b64('ok!', 'utf-8').rstrip('=')}?=", "ok!"),
    ("unknown-charset", "=?x-bogus?Q?hello?=", "hello"),
    ("not-a-word", "=?utf-8?X?abc?=", "=?utf-8?X?abc?="),
]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_decode_words(raw: str, expected: str) -> None:
    assert decode_words(raw) == expected


def test_subject_with_encoded_words_split_across_folded_lines() -> None:
    raw = b"Subject: =?UTF-8?B?5pSv?=\r\n =?UTF-8?B?5LuY5a6d?=\r\nFrom: a@b.example\r\n\r\nx"
    assert mail.subject(mail.header_block(raw)) == "支付宝"


def test_quoted_display_name_with_an_encoded_word_keeps_the_address() -> None:
    raw = b'From: "=?UTF-8?Q?Jon_Snow?=" <jsnow@example.com>\r\n\r\nx'
    assert mail.sender(mail.header_block(raw)) == mail.Address("Jon Snow", "jsnow@example.com")


def test_address_with_a_comment_name() -> None:
    raw = b"From: nsb@bellcore.com (Nathaniel Borenstein)\r\n\r\nx"
    assert mail.sender(mail.header_block(raw)) == mail.Address(
        "Nathaniel Borenstein", "nsb@bellcore.com"
    )


def test_raw_8bit_header_in_the_declared_charset() -> None:
    subject = "[공지] 서비스 안내".encode("euc-kr")
    raw = (
        b"Subject: " + subject + b"\r\nFrom: a@b.example\r\n"
        b"Content-Type: text/plain; charset=euc-kr\r\n\r\nx"
    )
    assert mail.subject(mail.header_block(raw)) == "[공지] 서비스 안내"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("ISO-8859-8-I", "iso8859-8"), ("utf-8*en", "utf-8"), ("nope", None), (None, None)],
)
def test_codec(name: str | None, expected: str | None) -> None:
    assert codec(name) == expected


@given(st.binary(max_size=40), st.sampled_from([None, "utf-8", "euc-kr", "bogus", "latin-1"]))
def test_decode_bytes_never_raises(data: bytes, charset: str | None) -> None:
    assert isinstance(decode_bytes(data, charset), str)


@given(st.text(alphabet="=?QBqbutf-8_ aé支=3D", max_size=60))
def test_decode_words_never_raises(text: str) -> None:
    assert isinstance(decode_words(text), str)
