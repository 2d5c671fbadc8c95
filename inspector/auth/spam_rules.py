"""Spam-filter rule names in plain words: SpamAssassin tests and rspamd symbols.

Each entry is (kind, words, patterns); kind is "bad" (counts towards spam), "good" (counts
against) or "info". Patterns are anchored regular expressions over the upper-cased rule name;
the first match wins, so specific names come before their prefix families. A name no entry
knows is turned into lower-case words, which is still better than the bare identifier.
"""

from __future__ import annotations

import re
from functools import lru_cache

_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # Bayesian classifiers (SpamAssassin BAYES_nn, rspamd BAYES_SPAM/BAYES_HAM)
    ("bad", "the learning filter is almost certain this is spam (99.9%+)", (r"BAYES_999",)),
    ("bad", "the learning filter puts the spam probability at 99-100%", (r"BAYES_99",)),
    ("bad", "the learning filter thinks this is probably spam", (r"BAYES_(5\d|[6-9]\d)",)),
    ("good", "the learning filter thinks this is probably not spam", (r"BAYES_(0\d|[1-4]\d)",)),
    ("bad", "the learning filter classified this as spam", (r"BAYES_SPAM",)),
    ("good", "the learning filter classified this as not spam", (r"BAYES_HAM",)),
    ("bad", "the neural-network filter classified this as spam", (r"NEURAL_SPAM.*",)),
    ("good", "the neural-network filter classified this as not spam", (r"NEURAL_HAM.*",)),
    # Link and domain blocklists ("*_BLOCKED": the list refused the query, not a verdict)
    (
        "info",
        "the link blocklist could not be asked (not a verdict)",
        (r"URIBL_BLOCKED", r"URIBL_DBL_BLOCKED.*"),
    ),
    (
        "bad",
        "a link points to a domain on Spamhaus' blocklist",
        (r"URIBL_DBL_.*", r"DBL_SPAM", r"DBL_PHISH", r"DBL_ABUSE.*"),
    ),
    (
        "bad",
        "a link points to a domain on the SURBL blocklist",
        (r"URIBL_(ABUSE_|)SURBL", r"SURBL_.*", r"URIBL_.*SURBL.*"),
    ),
    (
        "bad",
        "a link points to a domain on a blocklist",
        (r"URIBL_.*", r"URI_BLACK", r"RSPAMD_URIBL"),
    ),
    (
        "bad",
        "a link looks like phishing (text and target differ)",
        (r"PHISHING", r"PHISHED_.*", r"HTTPS_PHISH.*"),
    ),
    # Sending-server reputation
    (
        "good",
        "the sending server is on a good-reputation list",
        (r"RCVD_IN_DNSWL_(NONE|LOW|MED|HI)", r"RCVD_IN_DNSWL", r"RWL_.*", r"RCVD_IN_IADB.*"),
    ),
    (
        "good",
        "the sending server has a good reputation",
        (r"RCVD_IN_MSPIKE_H\d", r"RCVD_IN_MSPIKE_WL", r"RCVD_IN_VALIDITY_(SAFE|CERTIFIED).*"),
    ),
    (
        "info",
        "the IP blocklist could not be asked (not a verdict)",
        (r"RCVD_IN_ZEN_BLOCKED.*", r"RCVD_IN_.*_BLOCKED"),
    ),
    (
        "bad",
        "the sending IP is a home/dynamic address (Spamhaus PBL)",
        (r"RCVD_IN_PBL", r"RBL_SPAMHAUS_PBL"),
    ),
    (
        "bad",
        "the sending IP is on Spamhaus' spam list (SBL)",
        (r"RCVD_IN_SBL.*", r"RBL_SPAMHAUS_SBL.*"),
    ),
    (
        "bad",
        "the sending IP is a hijacked or infected machine (XBL)",
        (r"RCVD_IN_XBL", r"RBL_SPAMHAUS_XBL.*"),
    ),
    (
        "bad",
        "the sending IP is on the SpamCop blocklist",
        (r"RCVD_IN_BL_SPAMCOP_NET", r"RBL_SPAMCOP"),
    ),
    (
        "bad",
        "the sending server is on a DNS blocklist",
        (r"RCVD_IN_.*", r"RBL_.*", r"RECEIVED_SPAMHAUS.*", r"RECEIVED_.*BL.*"),
    ),
    (
        "bad",
        "the sending server has no reverse-DNS name",
        (r"RDNS_NONE", r"HFILTER_HOSTNAME_UNKNOWN"),
    ),
    (
        "bad",
        "the sending server's name looks like a home connection",
        (r"RDNS_DYNAMIC", r"HFILTER_HOSTNAME_.*"),
    ),
    # Authentication
    ("good", "SPF passed", (r"SPF_PASS", r"R_SPF_ALLOW")),
    (
        "bad",
        "SPF failed: the server is not allowed to send for the domain",
        (r"SPF_FAIL", r"R_SPF_FAIL"),
    ),
    ("bad", "SPF soft-failed: the domain doubts this server", (r"SPF_SOFTFAIL", r"R_SPF_SOFTFAIL")),
    ("bad", "SPF failed for the server's HELO name", (r"SPF_HELO_FAIL",)),
    ("bad", "SPF soft-failed for the server's HELO name", (r"SPF_HELO_SOFTFAIL",)),
    ("info", "the domain publishes no SPF record", (r"SPF_(HELO_)?NONE", r"R_SPF_NA")),
    (
        "info",
        "SPF neither allowed nor denied the server",
        (r"SPF_(HELO_)?NEUTRAL", r"R_SPF_NEUTRAL"),
    ),
    (
        "bad",
        "the SPF record is broken or could not be read",
        (r"R_SPF_(DNSFAIL|PERMFAIL)", r"SPF_.*ERROR"),
    ),
    (
        "good",
        "a DKIM signature is valid",
        (r"DKIM_VALID_AU", r"DKIM_VALID_EF", r"DKIM_VALID", r"R_DKIM_ALLOW"),
    ),
    ("bad", "a DKIM signature is broken", (r"DKIM_INVALID", r"R_DKIM_REJECT", r"DKIM_REJECT")),
    (
        "info",
        "the message carries a DKIM signature",
        (r"DKIM_SIGNED", r"DKIM_TRACE", r"DKIM_SIGNED_.*"),
    ),
    ("info", "the message is not DKIM-signed", (r"R_DKIM_NA", r"DKIM_NONE")),
    (
        "info",
        "the DKIM key could not be fetched (temporary)",
        (r"R_DKIM_TEMPFAIL", r"DKIM_TEMPFAIL"),
    ),
    ("good", "DMARC passed", (r"DMARC_PASS", r"DMARC_POLICY_ALLOW.*")),
    (
        "bad",
        "DMARC failed and the domain asks to reject",
        (r"DMARC_REJECT", r"DMARC_POLICY_REJECT"),
    ),
    (
        "bad",
        "DMARC failed and the domain asks for junk",
        (r"DMARC_QUAR", r"DMARC_POLICY_QUARANTINE"),
    ),
    ("bad", "DMARC failed (the domain only monitors)", (r"DMARC_NONE", r"DMARC_POLICY_SOFTFAIL")),
    ("info", "the domain publishes no DMARC policy", (r"DMARC_MISSING", r"DMARC_NA")),
    ("good", "the ARC chain is valid", (r"ARC_ALLOW", r"ARC_VALID")),
    ("bad", "the ARC chain is broken", (r"ARC_REJECT", r"ARC_INVALID")),
    ("info", "ARC chain absent or only signed", (r"ARC_NA", r"ARC_SIGNED")),
    (
        "bad",
        "the sender or mail program looks forged",
        (r"FORGED_SENDER", r"FORGED_MUA_.*", r"FORGED_.*"),
    ),
    (
        "info",
        "From and envelope sender are different domains",
        (r"HEADER_FROM_DIFFERENT_DOMAINS", r"FROM_NEQ_ENVFROM"),
    ),
    ("info", "sent from a free webmail address", (r"FREEMAIL_FROM", r"FREEMAIL_ENVFROM")),
    (
        "bad",
        "replies go to a different free webmail address",
        (r"FREEMAIL_FORGED_REPLYTO", r"FREEMAIL_REPLYTO.*"),
    ),
    ("bad", "the Reply-To address is unusual", (r"REPLYTO_.*", r"REPLY_TO_.*")),
    # Content
    ("info", "the message is HTML", (r"HTML_MESSAGE", r"MIME_HTML_MOSTLY", r"MIME_GOOD")),
    ("bad", "the message is HTML only, without a plain-text part", (r"MIME_HTML_ONLY",)),
    (
        "bad",
        "mostly images and little text",
        (r"HTML_IMAGE_ONLY_\d+", r"HTML_IMAGE_RATIO_\d+", r"R_PARTS_DIFFER"),
    ),
    (
        "bad",
        "contains hidden or near-invisible text",
        (r"HTML_FONT_LOW_CONTRAST", r"HTML_.*INVISIBLE.*", r"MANY_INVISIBLE_PARTS"),
    ),
    ("bad", "unusual HTML formatting", (r"HTML_SHORT_LINK_IMG_\d+", r"HTML_.*")),
    ("bad", "the message body is empty", (r"EMPTY_MESSAGE", r"EMPTY_BODY", r"R_EMPTY_IMAGE")),
    ("bad", "the subject is all capitals", (r"SUBJ_ALL_CAPS", r"SUBJ_ALL_CAPS_.*")),
    (
        "bad",
        "a standard header is missing",
        (
            r"MISSING_DATE",
            r"MISSING_MID",
            r"MISSING_HEADERS",
            r"MISSING_SUBJECT",
            r"MISSING_FROM",
            r"MISSING_TO",
            r"MISSING_.*",
        ),
    ),
    (
        "bad",
        "the Date header is far off the delivery time",
        (r"DATE_IN_FUTURE_.*", r"DATE_IN_PAST_.*"),
    ),
    (
        "info",
        "the To header looks unusual",
        (r"TO_NO_BRKTS_.*", r"TO_DN_.*", r"TO_EQ_FM.*", r"TO_MATCH_ENVRCPT_.*"),
    ),
    (
        "bad",
        "the text matches mail already reported as spam",
        (
            r"PYZOR_CHECK",
            r"RAZOR2_CHECK",
            r"RAZOR2_CF_RANGE_.*",
            r"DCC_CHECK",
            r"DCC_REPUT_.*",
            r"FUZZY_DENIED",
            r"FUZZY_.*",
        ),
    ),
    (
        "bad",
        "mentions money or forms like scams do",
        (r"LOTS_OF_MONEY", r"MONEY_.*", r"ADVANCE_FEE_.*", r"US_DOLLARS_.*", r"FILL_THIS_FORM.*"),
    ),
    ("good", "only trusted servers handled it", (r"SHORTCIRCUIT", r"ALL_TRUSTED")),
    (
        "good",
        "the sender is on an allow list",
        (
            r"USER_IN_(WELCOMELIST|WHITELIST|DEF_WELCOMELIST|DEF_WHITELIST).*",
            r"WHITELIST.*",
            r"WELCOMELIST.*",
        ),
    ),
    (
        "bad",
        "the sender is on a block list",
        (r"USER_IN_(BLOCKLIST|BLACKLIST).*", r"BLACKLIST.*", r"BLOCKLIST.*"),
    ),
    (
        "info",
        "the message has few or no Received headers",
        (r"NO_RELAYS", r"NO_RECEIVED", r"ONCE_RECEIVED"),
    ),
    (
        "info",
        "how the message was relayed",
        (r"RCVD_NO_TLS_LAST", r"RCVD_TLS_.*", r"RCVD_VIA_SMTP_AUTH", r"RCVD_COUNT_.*"),
    ),
    ("info", "the Message-ID looks unusual", (r"MID_.*", r"MSGID_.*")),
    ("info", "the message was greylisted (delayed on purpose)", (r"GREYLIST",)),
    ("bad", "many recipients in a suspicious order", (r"SUSPICIOUS_RECIPS", r"SORTED_RECIPS")),
    ("bad", "matched a known spam pattern (KAM rule set)", (r"KAM_.*",)),
    ("info", "a site or test rule matched", (r"TVD_.*", r"T_.*", r"SCC_.*", r"LOCAL_.*", r"__.*")),
    (
        "info",
        "technical note",
        (
            r"ASN",
            r"IP_SCORE",
            r"MX_.*",
            r"R_MISSING_CHARSET",
            r"MV_CASE",
            r"PREVIOUSLY_DELIVERED",
            r"FROM_HAS_DN",
            r"FROM_EQ_ENVFROM",
            r"RCPT_COUNT_.*",
            r"TAGGED_.*",
            r"ARC_.*",
            r"TO_.*",
            r"FROM_.*",
            r"RCVD_.*",
            r"DKIM_.*",
            r"MIME_.*",
        ),
    ),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The table as compiled patterns, built on first use (keeps imports fast)."""
    return tuple(
        (re.compile("(?:" + "|".join(patterns) + ")$"), words, kind)
        for kind, words, patterns in _RULES
    )


@lru_cache(maxsize=2048)
def describe(rule: str) -> tuple[str, str]:
    """(words, kind) for a rule name; unknown names are spelled out as lower-case words."""
    name = rule.strip().upper()
    for pattern, words, kind in _compiled():
        if pattern.match(name):
            return words, kind
    spelled = re.sub(r"[_\W]+", " ", rule).strip().lower()
    return (spelled or rule), "unknown"


# Microsoft Exchange Online Protection (X-Forefront-Antispam-Report), from Microsoft's
# "Anti-spam message headers" documentation.
MS_SFV = {
    "SPM": ("spam", "the spam filter marked it as spam"),
    "NSPM": ("ham", "the spam filter found it clean"),
    "SKS": ("spam", "a mail-flow rule marked it as spam before filtering"),
    "SKA": ("ham", "an allow list or policy let it skip the spam filter"),
    "SKB": ("spam", "the sender is on the organisation's blocked-senders list"),
    "SKI": ("ham", "internal mail, not filtered"),
    "SKN": ("ham", "a mail-flow rule marked it as not spam"),
    "SKQ": ("ham", "released from quarantine"),
    "SFE": ("ham", "the sender is on the recipient's safe-senders list"),
    "BLK": ("spam", "the sender is on the recipient's blocked-senders list"),
}
MS_CAT = {
    "BULK": "bulk mail (newsletter/marketing)",
    "DIMP": "domain impersonation",
    "GIMP": "impersonation detected by mailbox intelligence",
    "HPHSH": "high-confidence phishing",
    "HPHISH": "high-confidence phishing",
    "HSPM": "high-confidence spam",
    "MALW": "malware",
    "PHSH": "phishing",
    "SPM": "spam",
    "SPOOF": "spoofed sender (failed composite authentication)",
    "UIMP": "user impersonation",
    "AMP": "anti-malware",
    "SAP": "safe attachments",
    "FTBP": "blocked file type",
    "INTOS": "intra-organisation phishing",
    "OSPM": "outbound spam",
}
MS_SFTY = {
    "9.19": "domain impersonation safety tip",
    "9.20": "user impersonation safety tip",
    "9.25": "first-contact safety tip",
}
