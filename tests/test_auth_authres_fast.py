"""The direct reader of simple Authentication-Results gives authres's answers, or none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.auth import authres_fast
from inspector.auth.receipt import _read_authres, parse_authres

ROOT = Path(__file__).parent.parent
_FIELD = re.compile(
    rb"^(?:ARC-)?Authentication-Results:((?:.*\n[ \t].*)*.*)$", re.MULTILINE | re.IGNORECASE
)


def stamps() -> list[str]:
    """Every AR and AAR value of the fixtures and corpora (AAR without its ``i=`` tag)."""
    found: set[str] = set()
    for path in [*ROOT.glob("fixtures/**/*.eml"), *ROOT.glob("tests/corpus/**/*.eml")]:
        for match in _FIELD.finditer(path.read_bytes()):
            value = match.group(1).decode("utf-8", "replace").strip()
            found.add(re.sub(r"^\s*i\s*=\s*\d+\s*;", "", value))
    return sorted(found)


def _same(value: str) -> None:
    fast = authres_fast.parse(value)
    if fast is not None:
        assert fast == _read_authres(value), value


@pytest.mark.parametrize("value", stamps())
def test_every_stamp_of_the_fixtures_reads_as_authres_reads_it(value: str) -> None:
    _same(value)


def test_the_usual_stamps_are_read_directly() -> None:
    gmail = (
        "mx.google.com; dkim=pass header.i=@discord.com header.s=s1 header.b=tQoOIza2; "
        "spf=pass (google.com: domain of bounces@em.discord.com designates 192.0.2.25 as "
        "permitted sender) smtp.mailfrom=bounces@em.discord.com; dmarc=pass (p=REJECT "
        "sp=REJECT dis=NONE) header.from=discord.com"
    )
    read = authres_fast.parse(gmail)
    assert read is not None
    assert read == _read_authres(gmail)
    assert parse_authres(gmail) is not None
    assert authres_fast.parse("mx.example.com; none") == ("mx.example.com", [])


@pytest.mark.parametrize(
    "value",
    [
        'mx; spf=pass reason="quoted" smtp.mailfrom=a@b.c',
        "mx; spf=pass smtp.helo=h reason=x",  # authres drops a late reason: left to it
        "mx; spf=pass smtp.mailfrom=a@b.c;",
        "mx 1; spf=pass",
        "spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=a@b.c",  # Microsoft: no authserv-id
        "mx; dkim=pass (nested (comment)) header.d=b.c",
        "mx; dkim/1=pass header.d=b.c",
        "mx; spf=pass smtp.mailfrom=ä@b.c",
    ],
)
def test_anything_else_is_left_to_authres(value: str) -> None:
    assert authres_fast.parse(value) is None


_WORDS = st.sampled_from(["spf", "DKIM", "dmarc", "arc", "auth", "iprev", "compauth", "x-foo"])
_RESULTS = st.sampled_from(["pass", "Fail", "none", "softfail", "neutral", "temperror", "x"])
_PROPS = st.sampled_from(
    ["smtp.mailfrom", "SMTP.MailFrom", "header.i", "header.b", "header.from", "policy.dmarc"]
)
_VALUES = st.sampled_from(
    ["a@b.c", "@b.c", "ab+c/d=", "", "B.C", "192.0.2.1", "x:y", "a@b@c", "x_y-z."]
)
_GAPS = st.sampled_from([" ", "  ", "\t", "\r\n ", " (a comment) ", "(c; d)"])


@st.composite
def simple_stamp(draw: st.DrawFn) -> str:
    infos = []
    for _ in range(draw(st.integers(1, 4))):
        info = f"{draw(_WORDS)}{draw(st.sampled_from(['=', ' = ']))}{draw(_RESULTS)}"
        if draw(st.booleans()):
            info += f" reason={draw(st.sampled_from(['100', 'a.b-c']))}"
        for _ in range(draw(st.integers(0, 3))):
            info += f"{draw(_GAPS)}{draw(_PROPS)}={draw(_VALUES)}"
        infos.append(info + draw(st.sampled_from(["", " ", " (end)"])))
    authserv = draw(st.sampled_from(["mx.google.com", "MX.Example.org", "mail-1.b_c.d"]))
    return f"{authserv};{draw(_GAPS)}" + ";".join(infos)


@settings(max_examples=300, deadline=None)
@given(simple_stamp())
def test_generated_stamps_read_as_authres_reads_them(value: str) -> None:
    if "x:y" not in value and "a@b@c" not in value:  # values authres refuses
        assert authres_fast.parse(value) is not None
    _same(value)
