"""The one header parser: the decisions where the project's two old parsers disagreed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from inspector.parse import message as mail
from inspector.parse.fields import MAX_HEADER_BYTES, header_block


def test_a_stray_line_is_skipped_and_the_fields_below_it_are_kept() -> None:
    # RFC 5322 §2.1: only the empty line ends the header section. The continuation of the
    # stray line belongs to it, not to the field above.
    raw = b"From: a@b.example\r\nnot a field\r\n\tits continuation\r\nSubject: 123456\r\n\r\nx"
    block = header_block(raw)
    assert block.fields == (("from", "a@b.example"), ("subject", "123456"))
    assert mail.subject(block) == "123456"
    assert raw[block.body_at :] == b"x"
    assert block.malformed == 1  # recorded as a defect of the message


def test_white_space_before_the_colon_is_obsolete_syntax_still_read() -> None:
    block = header_block(b"Subject : code 123456\r\nFrom\t: a@b.example\r\n\r\nx")  # §4.5
    assert block.fields == (("subject", "code 123456"), ("from", "a@b.example"))


def test_mbox_line_and_a_stray_line_break_at_the_top_are_skipped() -> None:
    block = header_block(b"\r\nFrom sender@x Tue Mar  5 14:02:11 2024\r\nSubject: hi\r\n\r\nx")
    assert block.fields == (("subject", "hi"),)
    assert block.malformed == 0  # how saved mail starts: no defect


def test_eight_bit_text_is_utf8_else_latin1_line_by_line() -> None:
    raw = "Subject: Код\r\n".encode() + b"X-Legacy: caf\xe9\r\n\r\nbody"
    assert header_block(raw).unfolded == (("subject", "Код"), ("x-legacy", "café"))


def test_values_as_written_and_unfolded() -> None:
    raw = b"DKIM-Signature: v=1;\r\n\td=example.com;\r\n  s=sel  \r\nTo:\r\n a@b.example\r\n\r\n"
    block = header_block(raw)
    assert block.first("dkim-signature") == "v=1;\r\n\td=example.com;\r\n  s=sel  "
    # RFC 5322 §2.2.3: the line break goes, the white space after it stays; then trimmed.
    assert block.unfolded == (
        ("dkim-signature", "v=1;\td=example.com;  s=sel"),
        ("to", "a@b.example"),
    )


def test_the_header_section_is_capped() -> None:
    raw = b"".join(b"X-Pad: %06d\r\n" % i for i in range(30_000)) + b"\r\nbody"
    block = header_block(raw)
    assert block.size <= MAX_HEADER_BYTES
    assert block.body_at == len(raw)  # no empty line within the cap: no body read
    assert 0 < len(block.fields) < 30_000


def test_split_agrees_with_the_block() -> None:
    raw = b"A: 1\nB: 2\r\n\r\nbody\r\n"
    head, body = mail.split(raw)
    block = header_block(raw)
    assert (head, body) == (raw[: block.size], raw[block.body_at :])


@given(st.binary(max_size=2000))
def test_never_raises_and_stays_consistent(raw: bytes) -> None:
    block = header_block(raw)
    assert len(block.unfolded) == len(block.fields)
    assert all(name == name.lower() and "\n" not in value for name, value in block.unfolded)
    assert block.size <= block.body_at <= len(raw)
