"""One synthetic message from its index: content, MIME, DKIM signature, trace headers."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from testkit.corpus import gen_content, gen_decoys, gen_dkim, gen_mime, gen_realistic, gen_trace
from testkit.corpus.gen_senders import OWNER, OWNER_NAME, Sender

_B_TAG = re.compile(rb";\s*b=([^;]+)")
_TWO_LEVEL_SUFFIXES = ("co.uk", "com.br", "co.jp", "com.au")


@dataclass(frozen=True, slots=True)
class Generated:
    """One message of the corpus, as the receiving provider stored it."""

    index: int  # 1-based: the ``#N`` inspector puts after an mbox path
    folder: str  # INBOX or Junk
    delivered: datetime  # UTC
    data: bytes  # the whole message, LF line ends
    labels: str  # X-Gmail-Labels of the Takeout-style mbox
    kind: str
    lang: str
    envelope: str
    from_domain: str
    spf_block: str  # the sender's addresses, for the SPF record of the envelope domain
    code: str | None = None  # as shown in the message
    service: str | None = None
    dkim: tuple[str, str] | None = None


def choose(rng: random.Random, profile: str = "synthetic") -> gen_content.Draft:
    if profile == "realistic":
        return gen_realistic.choose(rng)
    roll = rng.random()
    if roll < 0.05:
        return gen_content.verification(rng)
    if roll < 0.07:
        return gen_content.signup_link(rng)
    if roll < 0.37:
        return gen_content.newsletter(rng)
    if roll < 0.57:
        return gen_content.personal(rng)
    if roll < 0.74:
        return gen_decoys.receipt(rng)
    if roll < 0.96:
        return gen_decoys.notification(rng)
    return gen_decoys.spam(rng)


def org_domain(domain: str) -> str:
    """A rough organisational domain (RFC 7489 §3.2) for the corpus's own handful of names."""
    labels = domain.lower().split(".")
    keep = 3 if ".".join(labels[-2:]) in _TWO_LEVEL_SUFFIXES else 2
    return ".".join(labels[-keep:])


def _message_id(rng: random.Random, sender: Sender, at: datetime) -> str:
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    if sender.mta == "google":
        tail = "".join(rng.choice(alnum + "_-") for _ in range(42))
        return f"<CA+{tail}@mail.gmail.com>"
    if sender.mta == "outlook":
        box = f"AM{rng.randrange(1, 9)}PR{rng.randrange(10):02d}MB{rng.randrange(1000, 9999)}"
        core = "".join(rng.choice("0123456789ABCDEF") for _ in range(16))
        return f"<{box}{core}@{box}.eurprd04.prod.outlook.com>"
    if sender.mta == "ses":
        hexs = "".join(rng.choice("0123456789abcdef") for _ in range(44))
        uuid = f"{hexs[9:17]}-{hexs[17:21]}-{hexs[21:25]}-{hexs[25:37]}"
        return f"<0100018{hexs[:9]}-{uuid}-000000@email.amazonses.com>"
    if sender.mta == "sendgrid":
        local = "".join(rng.choice(alnum) for _ in range(22))
        return f"<{local}@geopod-ismtpd-{rng.randrange(1, 40)}>"
    return f"<{at.strftime('%Y%m%d%H%M%S')}.{rng.randrange(10**8)}@{sender.domain}>"


def _ics(rng: random.Random, at: datetime) -> str:
    stamp = at.strftime("%Y%m%dT%H%M%SZ")
    return (
        "BEGIN:VCALENDAR\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\nVERSION:2.0\n"
        "METHOD:REQUEST\nBEGIN:VEVENT\nDTSTART:20261119T093000Z\nDTEND:20261119T100000Z\n"
        f"DTSTAMP:{stamp}\nUID:{rng.randrange(10**12)}@google.com\nSUMMARY:Team sync\n"
        "END:VEVENT\nEND:VCALENDAR\n"
    )


def _body(rng: random.Random, draft: gen_content.Draft, at: datetime) -> gen_mime.Part:
    parts: list[gen_mime.Part] = []
    if draft.text is not None:
        parts.append(gen_mime.text_part(rng, "plain", draft.text, draft.lang))
    if draft.html is not None:
        parts.append(gen_mime.text_part(rng, "html", draft.html, draft.lang, cte=draft.html_cte))
    body = (
        parts[0] if len(parts) == 1 else gen_mime.multipart(rng, "alternative", parts, draft.style)
    )
    if not draft.files:
        return body
    children = [body]
    for name, ctype, size in draft.files:
        if ctype == "text/calendar":
            part = gen_mime.text_part(rng, "calendar", _ics(rng, at), "en")
            part.headers[0] = 'Content-Type: text/calendar; charset="utf-8"; method=REQUEST'
            part.headers.append(f'Content-Disposition: attachment; filename="{name}"')
            children.append(part)
            continue
        blob = {"application/pdf": gen_mime.pdf_blob, "image/png": gen_mime.png_blob}.get(
            ctype, gen_mime.jpeg_blob
        )(rng, size)
        if name.startswith("inline:"):
            name = name.removeprefix("inline:")
            cid = f"{name}@{rng.randrange(10**9)}"
            children.append(gen_mime.attachment(name, ctype, blob, inline_id=cid))
        else:
            children.append(gen_mime.attachment(name, ctype, blob))
    return gen_mime.multipart(rng, "mixed", children, draft.style)


def _auth_results(draft: gen_content.Draft, trace: gen_trace.Trace, b_tag: str | None) -> str:
    sender = draft.sender
    clauses = ["mx.google.com"]
    if sender.dkim and b_tag:
        selector, domain = sender.dkim
        clauses.append(f"dkim=pass header.i=@{domain} header.s={selector} header.b={b_tag}")
    spf = "softfail" if draft.kind == "spam" else "pass"
    verb = "does not designate" if spf == "softfail" else "designates"
    clauses.append(
        f"spf={spf} (google.com: domain of {sender.envelope} {verb} {trace.boundary_ip} as "
        f"permitted sender) smtp.mailfrom={sender.envelope}"
    )
    from_org = org_domain(sender.domain)
    aligned = spf == "pass" and org_domain(sender.envelope_domain) == from_org
    aligned = aligned or bool(sender.dkim and b_tag and org_domain(sender.dkim[1]) == from_org)
    verdict = "pass (p=REJECT sp=REJECT dis=NONE)" if aligned else "fail (p=NONE sp=NONE dis=NONE)"
    clauses.append(f"dmarc={verdict} header.from={sender.domain}")
    return ";\n       ".join(clauses)


def build(
    index: int, seed: int, delivered: datetime, key_pem: bytes, profile: str = "synthetic"
) -> Generated:
    salt = "message" if profile == "synthetic" else f"{profile}-message"
    rng = random.Random(f"{seed}:{salt}:{index}")
    draft = choose(rng, profile)
    sender = draft.sender
    trace = gen_trace.build(rng, sender, delivered)
    body = _body(rng, draft, delivered)
    own = [
        f"From: {gen_mime.address(rng, sender.name, sender.address)}",
        f"To: {gen_mime.address(rng, OWNER_NAME if rng.random() < 0.6 else None, OWNER)}",
        f"Subject: {gen_mime.encode_header(rng, 'Subject', draft.subject)}",
        f"Date: {format_datetime(trace.sent_at)}",
        f"Message-ID: {_message_id(rng, sender, trace.sent_at)}",
    ]
    own += [f"{name}: {value}" for name, value in draft.headers]
    own.append("MIME-Version: 1.0")
    content = body.render()
    own_text = "\n".join(own) + "\n" + content
    data = own_text.encode("utf-8")
    b_tag = None
    signature = b""
    if sender.dkim:
        selector, domain = sender.dkim
        signature = gen_dkim.sign(
            data,
            selector=selector,
            domain=domain,
            key_pem=key_pem,
            timestamp=int(trace.sent_at.timestamp()),
        )
        match = _B_TAG.search(signature)
        b_tag = re.sub(rb"\s", b"", match.group(1))[:8].decode() if match else None
    top = [f"{name}: {value}" for name, value in trace.top]
    top.append(f"Authentication-Results: {_auth_results(draft, trace, b_tag)}")
    hops = [f"Received: {hop}" for hop in reversed(trace.sender_hops)]
    # The signer stamps DKIM-Signature after the first hop; later hops prepend above it.
    head = "\n".join(top + hops[:-1]) + "\n"
    tail = hops[-1] + "\n"
    data = head.encode("utf-8") + signature + tail.encode("utf-8") + data
    service = sender.key if draft.kind == "verification" else None
    return Generated(
        index=index,
        folder=draft.folder,
        delivered=delivered,
        data=data,
        labels=draft.labels,
        kind=draft.kind,
        lang=draft.lang,
        envelope=sender.envelope,
        from_domain=sender.domain,
        spf_block=sender.spf_block,
        code=draft.code,
        service=service,
        dkim=sender.dkim if b_tag else None,
    )
