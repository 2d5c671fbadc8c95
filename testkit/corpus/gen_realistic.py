"""The ``realistic`` profile: a mailbox shaped like a real one, not like a benchmark.

The ``synthetic`` profile (the default) is generous to any reader: 5% verification messages,
and almost every HTML part has a plain-text twin. A real mailbox is mostly bulk mail and
attachments. This profile re-weights the same builders and reshapes their drafts:

- shares: newsletters 45% (75% of them HTML-only, longer, 30% with inline images),
  notifications 18%, receipts 15% (60% with a PDF invoice of 30-250 KB), personal mail 15%
  (25% with photos or documents, up to ~1.5 MB), spam 3%, link-only sign-ups 2%, verification
  codes 2% (in the 13 languages of the synthetic profile; a fifth carry an inline logo image);
- bodies: a third of the HTML parts base64 (as ESPs send them), the rest quoted-printable,
  8bit or 7bit as the synthetic profile chooses; subjects RFC 2047 B/Q encoded.

At ~3,000 messages the mbox averages ~70 KB a message, about what a Gmail Takeout averages;
``10×`` that many is the ~2 GB mbox of the memory target.
"""

from __future__ import annotations

import random

from testkit.corpus import gen_content, gen_decoys
from testkit.corpus.gen_content import Draft

PROFILES = ("synthetic", "realistic")

#: (upper bound of the roll, builder) in order; the rest is spam.
_SHARES = (
    (0.02, gen_content.verification),
    (0.04, gen_content.signup_link),
    (0.49, gen_content.newsletter),
    (0.64, gen_content.personal),
    (0.79, gen_decoys.receipt),
    (0.97, gen_decoys.notification),
)


def choose(rng: random.Random) -> Draft:
    roll = rng.random()
    for bound, builder in _SHARES:
        if roll < bound:
            return reshape(rng, builder(rng))
    return reshape(rng, gen_decoys.spam(rng))


def _photo(rng: random.Random) -> tuple[str, str, int]:
    # Phone photos shrunk by the mail client: log-normal around ~250 KB, capped at 1.5 MB.
    size = int(min(1_500_000, max(40_000, rng.lognormvariate(12.4, 0.7))))
    kind = rng.choice(("jpg", "jpg", "jpg", "png", "pdf"))
    ctype = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}[kind]
    name = f"IMG_{rng.randrange(1000, 9999)}.{kind}" if kind != "pdf" else "document.pdf"
    return name, ctype, size


def reshape(rng: random.Random, draft: Draft) -> Draft:
    """Make a synthetic draft look like what a real mailbox holds of its kind."""
    if draft.kind == "newsletter":
        if draft.html is not None and rng.random() < 0.75:
            draft.text = None  # HTML-only, the common case for bulk mail
        if draft.html is not None:
            # Longer issues: the same articles repeated down the page, as digests do.
            end = draft.html.rfind("</table>\n</td></tr>")
            start = draft.html.find("<tr>", draft.html.find('class="container"'))
            if 0 < start < end:
                inner = draft.html[start:end]
                repeat = rng.randint(0, 2)
                draft.html = draft.html[:end] + inner * repeat + draft.html[end:]
        if rng.random() < 0.3:
            for n in range(rng.randint(1, 3)):
                size = rng.randint(4_000, 40_000)
                draft.files.append((f"inline:banner{n}.png", "image/png", size))
    elif draft.kind == "receipt":
        draft.files = [f for f in draft.files if f[1] != "application/pdf"]
        if rng.random() < 0.6:
            draft.files.append(("Invoice.pdf", "application/pdf", rng.randint(30_000, 250_000)))
    elif draft.kind == "personal":
        if rng.random() < 0.25:
            draft.files = [_photo(rng) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    elif draft.kind == "verification" and rng.random() < 0.2:
        draft.files.append(("inline:logo.png", "image/png", rng.randint(3_000, 12_000)))
    if draft.html is not None and rng.random() < 0.33:
        draft.html_cte = "base64"
    return draft
