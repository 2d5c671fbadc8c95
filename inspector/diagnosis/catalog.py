"""Every finding id inspector can report, its severities and what it means: the public contract.

The README's table, the JSON Schema's enum and the tests are checked against this one list
(``tests/test_catalog.py``), so an id cannot be added, renamed or dropped in one place only.
"""

from __future__ import annotations

from typing import Final

# id -> (severities it can have, what it means)
FINDINGS: Final[dict[str, tuple[str, str]]] = {
    # Did a code come, and where?
    "no_code_after_request": (
        "error",
        "no code (of `--service`) arrived between `--requested-at` and now; the likely causes, "
        "most likely first",
    ),
    "code_not_found": ("error", "no verification message from the service in what was read"),
    "code_in_spam": ("error/warning", "codes in Junk/Spam, one finding per service or sender"),
    "code_in_trash": ("warning", "a code went straight to Trash (a filter may delete them)"),
    "code_in_tab": ("warning", "Gmail filed the code under its Promotions or Updates tab"),
    "older_codes": ("info", "codes from before the attempt in question, not diagnosed"),
    # Does it still work?
    "code_expired": ("error", "the newest code has expired"),
    "code_expired_in_transit": ("error", "a code arrived after it had already expired"),
    "code_superseded": (
        "warning",
        "older codes were replaced by a newer one; only the newest works",
    ),
    "entered_code_outdated": (
        "error",
        "the code typed is an older, replaced, expired or before-the-request code",
    ),
    "entered_code_typo": ("error", "the code typed is one character off the newest code"),
    "entered_code_mismatch": ("warning", "the code typed matches none of the codes found"),
    # On the way.
    "delivery_delayed": ("warning", "delivery took more than 5 minutes (or half the validity)"),
    "greylisting_suspected": (
        "warning",
        "the receiving server deferred the first delivery attempt",
    ),
    "clock_skew": ("info", "servers' clocks disagree by more than a minute"),
    "recipient_mismatch": ("warning", "codes were addressed to another address than `--email`"),
    "too_many_codes": ("warning", "3 or more codes from one service within 15 minutes"),
    # Who sent it?
    "possible_phishing": (
        "error",
        "claims a known service but the sender domain (or the origin-bound code's domain) is "
        "not the service's and something speaks against it, or DMARC fails, or (in mail nothing "
        "vouches for) a link shows one address and leads to a look-alike of it; never "
        '"your code"',
    ),
    "auth_failed": (
        "error/warning",
        "the real sender's mail failed SPF/DKIM/DMARC: likely why it went to Junk",
    ),
    "spam_verdict": ("warning/info", "the provider's own spam verdict and its reasons"),
    # The mailbox and the network.
    "mailbox_over_quota": (
        "error/warning",
        "the mailbox is ≥98% (≥90%) full: new mail may be rejected",
    ),
    "dns_unreliable": (
        "warning/info",
        "the DNS resolver lies or does not answer; DNS-based checks are left unknown",
    ),
    # The registered address.
    "email_invalid": ("error", "not a usable address (with the address probably meant)"),
    "email_domain_typo": ("error/warning", "the domain is one slip away from a big provider's"),
    "email_domain_no_mail": ("error", "the domain does not exist or takes no mail"),
    "email_deliverability_unknown": ("info", "DNS could not say whether the domain takes mail"),
    "email_implicit_mx": ("info", "no MX record; mail goes to the domain's address record"),
    "email_smtputf8": ("warning", "a non-ASCII local part needs SMTPUTF8"),
    "email_disposable": ("warning", "a throwaway-mailbox domain"),
    "email_role_account": ("warning/info", "a shared, role or no-reply mailbox"),
    "email_plus_address": ("info", "sub-addressing: `you+tag@` is delivered to `you@`"),
    # The registered number.
    "phone_invalid": ("error", "not a valid number, and why"),
    "phone_not_mobile": ("error/warning", "a landline, VoIP or other number SMS cannot reach"),
    "phone_missing_country_code": ("error/warning", "written without its country code"),
    "phone_country_code_doubled": (
        "error/warning",
        "the country code typed twice (with the number meant)",
    ),
    "phone_trunk_prefix": ("error/warning", "the national trunk prefix kept after +CC"),
    "phone_leading_zero_dropped": ("error", "Italy's leading 0 dropped after +39"),
    "phone_region_mismatch": ("error/warning", "a number of another country than `--region`"),
    # The SMS sender.
    "sms_short_code": ("info", "the code came from a short code (carriers can block them)"),
    "sms_international_sender": ("info", "the code came from a foreign number (often filtered)"),
}


def markdown_table() -> str:
    """The README's table of finding ids, one row per id."""
    rows = ["| id | severity | meaning |", "| --- | --- | --- |"]
    rows += [f"| `{name}` | {sev} | {meaning} |" for name, (sev, meaning) in FINDINGS.items()]
    return "\n".join(rows)
