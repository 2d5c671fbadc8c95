"""The provider's spam verdict decoded from each vendor's headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.auth.spam import SpamVerdict, decode_spam
from inspector.auth.spam_rules import describe
from inspector.parse.fields import header_block

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "auth"
ENTRY = (
    "Received",
    "from sender.example.net (sender.example.net [198.51.100.7]) by mx.receiver.test"
    " with ESMTPS id 1; Mon, 1 Jan 2024 10:00:05 +0000",
)


def _decode(*spam: tuple[str, str], below: tuple[tuple[str, str], ...] = ()) -> SpamVerdict:
    return decode_spam([*spam, ENTRY, *below, ("From", "a@example.net")])


VENDORS = [
    (
        "spamassassin-yes",
        [
            (
                "X-Spam-Status",
                "Yes, score=7.3 required=5.0 tests=BAYES_99,HTML_MESSAGE,\t RCVD_IN_PBL,SPF_FAIL"
                " autolearn=no autolearn_force=no version=3.4.6",
            )
        ],
        ("spam", 7.3, 5.0, "spamassassin", "X-Spam-Status"),
        "the learning filter puts the spam probability at 99-100% (BAYES_99)",
    ),
    (
        "spamassassin-no",
        [("X-Spam-Status", "No, score=-0.1 required=5.0 tests=DKIM_SIGNED,DKIM_VALID")],
        ("ham", -0.1, 5.0, "spamassassin", "X-Spam-Status"),
        None,
    ),
    (
        "spamassassin-flag-only",
        [("X-Spam-Flag", "YES")],
        ("spam", None, None, "spamassassin", "X-Spam-Flag"),
        None,
    ),
    (
        "spamassassin-score-only",
        [("X-Spam-Score", "12.5")],
        ("unknown", 12.5, None, "spamassassin", "X-Spam-Score"),
        None,
    ),
    (
        "microsoft-spam",
        [
            (
                "X-Forefront-Antispam-Report",
                "CIP:198.51.100.7;CTRY:US;SCL:5;SFV:SPM;CAT:SPM;DIR:INB;",
            )
        ],
        ("spam", 5.0, 5.0, "microsoft", "X-Forefront-Antispam-Report"),
        "the spam filter marked it as spam (SFV:SPM)",
    ),
    (
        "microsoft-clean",
        [("X-Forefront-Antispam-Report", "CIP:198.51.100.7;SCL:1;SFV:NSPM;CAT:NONE;")],
        ("ham", 1.0, 5.0, "microsoft", "X-Forefront-Antispam-Report"),
        "SCL 1: not spam",
    ),
    (
        "microsoft-phish-category",
        [("X-Forefront-Antispam-Report", "SCL:9;CAT:HPHSH;SFTY:9.19;")],
        ("spam", 9.0, 5.0, "microsoft", "X-Forefront-Antispam-Report"),
        "domain impersonation safety tip (SFTY:9.19)",
    ),
    (
        "microsoft-org-scl",
        [("X-MS-Exchange-Organization-SCL", "9")],
        ("spam", 9.0, 5.0, "microsoft", "X-MS-Exchange-Organization-SCL"),
        "SCL 9: high-confidence spam",
    ),
    (
        "microsoft-bulk",
        [
            ("X-Forefront-Antispam-Report", "SCL:6;SFV:SPM;CAT:BULK;"),
            ("X-Microsoft-Antispam", "BCL:8;"),
        ],
        ("spam", 6.0, 5.0, "microsoft", "X-Forefront-Antispam-Report"),
        "bulk mail with many complaints (BCL 8)",
    ),
    (
        "rspamd-add-header",
        [
            (
                "X-Spamd-Result",
                "default: False [7.10 / 15.00]; BAYES_SPAM(5.10)[99.99%]; R_SPF_FAIL(1.00)[-all];"
                " MIME_GOOD(-0.10)[text/plain]; RCVD_IN_DNSWL_NONE(0.00)[198.51.100.7:from]",
            ),
            ("X-Rspamd-Action", "add header"),
        ],
        ("spam", 7.1, 15.0, "rspamd", "X-Spamd-Result"),
        "the learning filter classified this as spam (BAYES_SPAM)",
    ),
    (
        "rspamd-no-action",
        [("X-Rspamd-Score", "-1.2"), ("X-Rspamd-Action", "no action")],
        ("ham", -1.2, None, "rspamd", "X-Rspamd-Score"),
        None,
    ),
    ("rspamd-x-spam", [("X-Spam", "Yes")], ("spam", None, None, "rspamd", "X-Spam"), None),
    (
        "barracuda",
        [
            (
                "X-Barracuda-Spam-Status",
                "Yes, SCORE=5.20 using global scores of TAG_LEVEL=3.5 QUARANTINE_LEVEL=1000.0"
                " KILL_LEVEL=7.0 tests=BSF_SC0_MISMATCH_TO, HTML_MESSAGE",
            )
        ],
        ("spam", 5.2, 3.5, "barracuda", "X-Barracuda-Spam-Status"),
        None,
    ),
    (
        "proofpoint-spam",
        [
            (
                "X-Proofpoint-Spam-Details",
                "rule=spam policy=default score=100 spamscore=100 phishscore=0 bulkscore=0"
                " classifier=spam adjust=0 reason=mlx scancount=1",
            )
        ],
        ("spam", 100.0, None, "proofpoint", "X-Proofpoint-Spam-Details"),
        "Proofpoint rule 'spam'",
    ),
    (
        "proofpoint-clean",
        [("X-Proofpoint-Spam-Details", "rule=notspam policy=default score=0 spamscore=0")],
        ("ham", 0.0, None, "proofpoint", "X-Proofpoint-Spam-Details"),
        None,
    ),
    (
        "gmx-junk",
        [("X-UI-Filterresults", "junk:10;V03:K0:abcdef")],
        ("spam", None, None, "gmx", "X-UI-Filterresults"),
        None,
    ),
    (
        "gmx-clean",
        [("X-UI-Filterresults", "notjunk:1;V03:K0:abcdef")],
        ("ham", None, None, "gmx", "X-UI-Filterresults"),
        None,
    ),
    (
        "yandex-spam",
        [("X-Yandex-Spam", "4")],
        ("spam", None, None, "yandex", "X-Yandex-Spam"),
        None,
    ),
    (
        "mimecast-score",
        [("X-Mimecast-Spam-Score", "3")],
        ("unknown", 3.0, None, "mimecast", "X-Mimecast-Spam-Score"),
        None,
    ),
    ("gmail-nothing", [], ("unknown", None, None, None, None), None),
]


@pytest.mark.parametrize(
    ("headers", "expected", "reason"), [v[1:] for v in VENDORS], ids=[v[0] for v in VENDORS]
)
def test_vendor_headers(
    headers: list[tuple[str, str]],
    expected: tuple[object, ...],
    reason: str | None,
) -> None:
    verdict = _decode(*headers)
    assert (
        verdict.verdict,
        verdict.score,
        verdict.threshold,
        verdict.vendor,
        verdict.source,
    ) == expected
    if headers:
        assert verdict.trusted is True
    if reason:
        assert reason in verdict.reasons


def test_spamassassin_fixture_amavis_scores() -> None:
    headers = header_block((FIXTURES / "junk-spamassassin-bayes.eml").read_bytes()).unfolded
    verdict = decode_spam(headers)
    assert (verdict.verdict, verdict.score, verdict.threshold, verdict.trusted) == (
        "spam",
        8.912,
        5.0,
        True,
    )
    assert verdict.reasons[:3] == (
        "the learning filter puts the spam probability at 99-100% (BAYES_99)",
        "the sending IP is a home/dynamic address (Spamhaus PBL) (RCVD_IN_PBL)",
        "SPF soft-failed: the domain doubts this server (SPF_SOFTFAIL)",
    )
    rules = {r.rule: r for r in verdict.rules}
    assert rules["DKIM_VALID"].score == -0.1
    assert rules["URIBL_BLOCKED"].kind == "info"


def test_spam_report_supplies_scores() -> None:
    verdict = _decode(
        ("X-Spam-Status", "Yes, score=6.0 required=5.0 tests=BAYES_99,RDNS_NONE"),
        ("X-Spam-Report", "*  3.5 BAYES_99 BODY: Bayes spam probability is 99 to 100% *  2.5"
         " RDNS_NONE Delivered to internal network by a host with no rDNS"),
    )  # fmt: skip
    assert [(r.rule, r.score) for r in verdict.rules] == [("BAYES_99", 3.5), ("RDNS_NONE", 2.5)]


def test_header_below_the_receivers_hop_is_untrusted() -> None:
    verdict = _decode(below=(("X-Spam-Flag", "NO"),))
    assert (verdict.verdict, verdict.trusted) == ("ham", False)


def test_trusted_verdict_wins_over_a_sender_written_one() -> None:
    verdict = _decode(
        ("X-Spam-Status", "Yes, score=9.0 required=5.0 tests=BAYES_99"),
        below=(("X-Spamd-Result", "default: False [-5.00 / 15.00]; BAYES_HAM(-5.00)"),),
    )
    assert (verdict.vendor, verdict.verdict, verdict.trusted) == ("spamassassin", "spam", True)
    assert [(o.vendor, o.trusted) for o in verdict.others] == [("rspamd", False)]


def test_checker_host_of_the_receiver_is_trusted_anywhere() -> None:
    verdict = _decode(
        below=(
            ("X-Spam-Status", "Yes, score=9.0 required=5.0 tests=BAYES_99"),
            ("X-Spam-Checker-Version", "SpamAssassin 4.0.0 (2022-12-13) on filter.receiver.test"),
        )
    )
    assert verdict.trusted is True


def test_without_received_headers_trust_is_unknown() -> None:
    verdict = decode_spam([("X-Spam-Flag", "YES")])
    assert (verdict.verdict, verdict.trusted) == ("spam", None)


def test_json_shape() -> None:
    data = _decode(("X-Spam-Status", "Yes, score=7.3 required=5.0 tests=BAYES_99")).to_json()
    assert set(data) == {"spam"}
    assert data["spam"]["verdict"] == "spam"
    assert data["spam"]["score"] == 7.3
    assert data["spam"]["source"] == "X-Spam-Status"
    assert data["spam"]["reasons"] == [
        "the learning filter puts the spam probability at 99-100% (BAYES_99)"
    ]


RULES = [
    ("BAYES_99", "bad", "99-100%"),
    ("BAYES_00", "good", "probably not spam"),
    ("URIBL_DBL_SPAM", "bad", "Spamhaus"),
    ("URIBL_BLOCKED", "info", "could not be asked"),
    ("URIBL_ABUSE_SURBL", "bad", "SURBL"),
    ("RCVD_IN_SBL_CSS", "bad", "Spamhaus"),
    ("RCVD_IN_DNSWL_HI", "good", "good-reputation"),
    ("SPF_FAIL", "bad", "SPF failed"),
    ("SPF_HELO_NONE", "info", "no SPF record"),
    ("DKIM_INVALID", "bad", "broken"),
    ("DKIM_VALID_AU", "good", "valid"),
    ("DMARC_POLICY_REJECT", "bad", "reject"),
    ("HTML_MESSAGE", "info", "HTML"),
    ("MIME_HTML_ONLY", "bad", "HTML only"),
    ("FREEMAIL_FORGED_REPLYTO", "bad", "webmail"),
    ("PYZOR_CHECK", "bad", "reported as spam"),
    ("R_SPF_ALLOW", "good", "SPF passed"),
    ("SOME_NEW_RULE", "unknown", "some new rule"),
]


@pytest.mark.parametrize(("rule", "kind", "words"), RULES, ids=[r[0] for r in RULES])
def test_rule_words(rule: str, kind: str, words: str) -> None:
    text, found = describe(rule)
    assert found == kind
    assert words in text


NAMES = [
    "X-Spam-Status",
    "X-Spam-Flag",
    "X-Spam-Score",
    "X-Spam-Level",
    "X-Spam-Report",
    "X-Spam-hits",
    "X-Spam-Checker-Version",
    "X-Forefront-Antispam-Report",
    "X-MS-Exchange-Organization-SCL",
    "X-Microsoft-Antispam",
    "X-Spamd-Result",
    "X-Rspamd-Score",
    "X-Rspamd-Action",
    "X-Spam-Action",
    "X-Spam",
    "X-Barracuda-Spam-Status",
    "X-Barracuda-Spam-Score",
    "X-Proofpoint-Spam-Details",
    "X-UI-Filterresults",
    "X-Yandex-Spam",
    "X-Mimecast-Spam-Score",
    "Received",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.text(max_size=200)), max_size=10))
def test_garbage_spam_headers_never_raise(headers: list[tuple[str, str]]) -> None:
    verdict = decode_spam(headers)
    assert verdict.verdict in ("spam", "ham", "unknown")
    assert verdict.score is None or verdict.score == verdict.score  # never NaN
    verdict.to_json()
