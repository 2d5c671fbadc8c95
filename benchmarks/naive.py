"""The naive baselines, run as their own process: ``python -m benchmarks.naive MODE MBOX``.

``full``: what a script using only the standard library does: ``mailbox.mbox``, parse every
message with ``policy=default``, ``get_body(('plain', 'html')).get_content()``, then look for
a code with a reference regex. This is the baseline of the throughput target, and the "full
parse" whose codes inspector must also find.

``split``: only cut the file into messages (for context: the floor of any mbox reader).

Prints one JSON document: ``{"mode", "messages", "seconds", "codes": {index: code}}``.
"""

from __future__ import annotations

import email
import email.policy
import html
import json
import mailbox
import mmap
import re
import sys
import time
from email.message import EmailMessage

# Words that make a message a verification candidate, in the corpus's languages ("code"
# also covers "Bestätigungscode", "verificatiecode"; "kod" covers "kodunuz").
_PHRASES = ("code", "código", "codice", "kod", "код", "コード", "验证码", "코드")
_CODE = r"(?:\d{3}-\d{3}|\d{4,8}|(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,6})"
_STANDALONE = re.compile(rf"^[ \t]*({_CODE})[ \t\r]*$", re.M)
_INLINE = re.compile(
    r"(?i:verification code|bestätigungscode|code de vérification|código de verificación|"
    r"código de verificação|codice di verifica|verificatiecode|kod weryfikacyjny|"
    r"код подтверждения|doğrulama kodunuz|確認コード|验证码|인증 코드)"
    rf"\s*(?:is|lautet|est|es|é|è|to|は|为|는)?\s*[:：]?\s*({_CODE})(?![0-9A-Za-z])"
)
_TAG = re.compile(r"<(?:style|head)[^>]*>.*?</(?:style|head)>|<[^>]+>", re.S | re.I)


def html_text(markup: str) -> str:
    return html.unescape(_TAG.sub("\n", markup))


def find_code(subject: str, text: str) -> str | None:
    """The reference extractor: a code next to a verification phrase, or alone on a line."""
    haystack = f"{subject}\n{text}".lower()
    if not any(phrase in haystack for phrase in _PHRASES):
        return None
    for candidate in (_STANDALONE.search(text), _INLINE.search(text), _INLINE.search(subject)):
        if candidate:
            return candidate.group(1)
    return None


def read_full(raw: bytes) -> tuple[str, str]:
    """Subject and readable body the way the standard library's modern API gives them."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    subject = str(msg.get("subject", ""))
    body = msg.get_body(("plain", "html"))
    if body is None:
        return subject, ""
    try:
        text = body.get_content()
    except (LookupError, ValueError):
        return subject, ""
    if body.get_content_type() == "text/html":
        text = html_text(text)
    return subject, text


def full(path: str) -> dict[str, object]:
    codes: dict[str, str] = {}
    count = 0
    box = mailbox.mbox(path, create=False)
    for count, key in enumerate(box.iterkeys(), 1):
        subject, text = read_full(box.get_bytes(key))
        code = find_code(subject, text)
        if code is not None:
            codes[str(count)] = code
    return {"messages": count, "codes": codes}


def split(path: str) -> dict[str, object]:
    count = 0
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        start = 0
        while start < len(data):
            cut = data.find(b"\nFrom ", start)
            end = len(data) if cut < 0 else cut + 1
            message = data[start:end]  # a copy, as a reader would hand out
            count += bool(message.strip())
            start = end
    return {"messages": count, "codes": {}}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("full", "split"):
        print("usage: python -m benchmarks.naive full|split MBOX", file=sys.stderr)
        return 2
    mode, path = argv
    started = time.perf_counter()
    result = full(path) if mode == "full" else split(path)
    result.update(mode=mode, seconds=time.perf_counter() - started)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
