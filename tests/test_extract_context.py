"""Message-level context in ``extract``: events, notices about a code, list-mail footers.

The rules come from ``lexicon_context`` (EVENT, ELSEWHERE, PROMO) and ``lexicon.ACCESS``. Every
text was written for these tests (usual wording of such mail, invented numbers).
"""

from __future__ import annotations

import pytest

from inspector.extract import extract

# Meetings, bookings, doors and lockers: their PINs, passcodes and confirmation codes open the
# event, not an account.
EVENTS = [
    (
        "calendar-dial-in",
        "Invitation: Design review @ Tue 3 Mar 2026 15:00 - 15:30 (GMT)",
        "Join with Google Meet: https://meet.google.com/xyz-abcd-efg\n"
        "Join by phone: +1 650-555-0143 PIN: 482 019 337#\n"
        "View all guest info",
    ),
    (
        "zoom-passcode",
        "Zoom meeting invitation - Weekly planning",
        "Alex is inviting you to a scheduled Zoom meeting.\n\nJoin Zoom Meeting\n"
        "https://example.zoom.us/j/81234567890\n\nMeeting ID: 812 3456 7890\nPasscode: 551920\n\n"
        "Dial by your location\n+1 646 555 0192 US (New York)",
    ),
    (
        "teams-conference-id",
        "Quarterly sync",
        "Microsoft Teams meeting\nJoin on your computer or mobile app\n"
        "Or call in (audio only)\n+44 20 3855 5123,,661023#\nPhone Conference ID: 661 023 884#",
    ),
    (
        "hotel-booking-pin",
        "Your reservation at Hotel Lindenhof",
        "Your reservation is confirmed. Reservation number 5120448731.\n"
        "Your PIN for the self check-in terminal: 7391.\nCheck-in from 3 PM.",
    ),
    (
        "rental-confirmation-code",
        "Reservation confirmed for Lisbon",
        "Pack your bags! Your booking is confirmed.\nConfirmation code: HMQ4X8ZTRK\n"
        "Check-in: Fri 12 Jun after 16:00",
    ),
    (
        "door-code",
        "Arrival instructions",
        "Welcome! The door code for the building is 4821, the key box code is 0937.\n"
        "Wi-Fi password: seaside2026",
    ),
    (
        "parcel-locker",
        "Your parcel is ready for pickup",
        "Your parcel is waiting in the parcel locker at Central Station.\n"
        "Pickup code: 662019\nIt stays there for 3 days.",
    ),
    (
        "german-booking",
        "Buchungsbestätigung",
        "Vielen Dank! Ihre Buchung ist bestätigt. Buchungsnummer 88120442. "
        "Ihr Bestätigungscode: 551920. Der Türcode lautet 4821.",
    ),
]


@pytest.mark.parametrize(("subject", "body"), [e[1:] for e in EVENTS], ids=[e[0] for e in EVENTS])
def test_event_codes_are_not_verification_codes(subject: str, body: str) -> None:
    result = extract(body, subject=subject)
    assert not result.is_verification
    assert result.code is None


# A real verification code in a message that also mentions an event (a hotel site's sign-in
# code, a meeting service's verification code) is still found: "verification code" is never
# an event's code.
EVENT_SERVICES_WITH_CODES = [
    (
        "booking-site-sign-in",
        "Your verification code",
        "Your verification code is 730215. Use it to sign in and manage your booking.\n"
        "It expires in 10 minutes.",
        "730215",
    ),
    (
        "meeting-service-2fa",
        "Zoom: sign-in attempt",
        "Your one-time password is 448120. Enter it to sign in, then join your Zoom meeting.",
        "448120",
    ),
    (
        "passcode-without-event",
        "Sign in to Example",
        "Your passcode is 902716. It expires in 5 minutes.",
        "902716",
    ),
]


@pytest.mark.parametrize(
    ("subject", "body", "code"),
    [e[1:] for e in EVENT_SERVICES_WITH_CODES],
    ids=[e[0] for e in EVENT_SERVICES_WITH_CODES],
)
def test_verification_code_next_to_an_event_is_found(subject: str, body: str, code: str) -> None:
    result = extract(body, subject=subject)
    assert result.is_verification
    assert result.code == code


# Notices that a code went to another channel carry nothing to enter: not verification messages
# (a documented choice; the verification message is the SMS or the app prompt itself).
NOTICES = [
    (
        "sms-to-phone",
        "We sent you a security code",
        "We just sent a security code by SMS to the phone number ending in 0142. "
        "Enter it on the sign-in page. We will never ask for this code by email.",
    ),
    (
        "authenticator",
        "Two-step verification",
        "Open your authenticator app and enter the verification code it shows.",
    ),
    (
        "german-sms",
        "Bestätigung Ihrer Anmeldung",
        "Wir haben Ihnen einen Sicherheitscode per SMS an Ihre Handynummer geschickt.",
    ),
    (
        "spanish-sms",
        "Código enviado",
        "Te enviamos un código de verificación por SMS a tu teléfono.",
    ),
]


@pytest.mark.parametrize(("subject", "body"), [n[1:] for n in NOTICES], ids=[n[0] for n in NOTICES])
def test_code_sent_elsewhere_is_a_notice(subject: str, body: str) -> None:
    result = extract(body, subject=subject)
    assert not result.is_verification
    assert result.code is None


SENT_ELSEWHERE_BUT_HERE_TOO = [
    (
        "code-also-texted",
        "Your verification code is 661023. We also sent it by SMS to your phone.",
        "661023",
    ),
    (
        "link-and-phone",
        "Please confirm your email address by clicking the button below. "
        "You can add a phone number to your account later.",
        None,
    ),
]


@pytest.mark.parametrize(
    ("body", "code"),
    [s[1:] for s in SENT_ELSEWHERE_BUT_HERE_TOO],
    ids=[s[0] for s in SENT_ELSEWHERE_BUT_HERE_TOO],
)
def test_message_with_code_or_link_stays_verification(body: str, code: str | None) -> None:
    result = extract(body)
    assert result.is_verification
    assert result.code == code


# Transactional mail sent through mailing services carries a list footer; "Unsubscribe" alone
# does not make a sign-in code a newsletter's promo code.
FOOTERS = [
    (
        "english-reset",
        "Example password reset code",
        "Hi Sam,\nUse the code below to reset your password:\n\n604918\n\n"
        "If you didn't ask for this, ignore this email.\n"
        "Example Inc · Manage preferences · Unsubscribe · Privacy",
        "604918",
    ),
    (
        "portuguese-subject-code",
        "X7KQ2 é o seu código da Example",
        "Olá,\nUse o código abaixo para entrar:\n\nX7KQ2\n\nUnsubscribe · Privacy",
        "X7KQ2",
    ),
    (
        "dutch-below",
        "Je Example-code",
        "Gebruik de onderstaande code om in te loggen:\n\n330718\n\nUnsubscribe",
        "330718",
    ),
]


@pytest.mark.parametrize(
    ("subject", "body", "code"), [f[1:] for f in FOOTERS], ids=[f[0] for f in FOOTERS]
)
def test_list_footer_does_not_hide_the_code(subject: str, body: str, code: str) -> None:
    result = extract(body, subject=subject)
    assert result.is_verification
    assert result.code == code


# Bulk mail whose subject names no code and that asks to verify nothing is a newsletter, even
# without marketing words: its "code" is source code, its numbers pull requests and prices.
BULK = [
    (
        "engineering-digest",
        "This week in engineering",
        "How we cut build times by 40%. The code is on GitHub (PR 4821).\n"
        "Unsubscribe · Manage preferences",
    ),
    (
        "community-digest-de",
        "Neuigkeiten aus der Community",
        "Der Code zum Vortrag 2731 liegt jetzt online.\nNewsletter abbestellen",
    ),
]


@pytest.mark.parametrize(("subject", "body"), [b[1:] for b in BULK], ids=[b[0] for b in BULK])
def test_bulk_mail_without_a_code_subject_is_a_newsletter(subject: str, body: str) -> None:
    result = extract(body, subject=subject)
    assert not result.is_verification
    assert result.code is None


BULK_VERIFICATION = [
    (
        "sign-in-subject",
        "Sign in to Example",
        "Use the code below to finish signing in:\n\n604918\n\nUnsubscribe",
        "604918",
    ),
    (
        "link-only-welcome",
        "Welcome to Example!",
        "Please confirm your email address to get started.\n\nUnsubscribe",
        None,
    ),
]


@pytest.mark.parametrize(
    ("subject", "body", "code"),
    [b[1:] for b in BULK_VERIFICATION],
    ids=[b[0] for b in BULK_VERIFICATION],
)
def test_bulk_mail_naming_a_code_or_link_is_verification(
    subject: str, body: str, code: str | None
) -> None:
    result = extract(body, subject=subject)
    assert result.is_verification
    assert result.code == code


NOT_CODES = [
    (
        "tracking-code-pt",
        "Seu pedido foi enviado",
        "Número do pedido: 5512\nWireless keyboard K380\nCódigo de rastreio: QB448120BR",
    ),
    (
        "newsletter-with-code-and-footer",
        "Spring deals inside",
        "Shop now: 20% off with code 4821 at checkout.\nUnsubscribe",
    ),
]


@pytest.mark.parametrize(
    ("subject", "body"), [n[1:] for n in NOT_CODES], ids=[n[0] for n in NOT_CODES]
)
def test_not_codes(subject: str, body: str) -> None:
    result = extract(body, subject=subject)
    assert result.code is None


REPLIES = [
    (
        "quoted",
        "Re: [ILUG] Dial-up number",
        "Try this:\n\n> 01 2434321\n> username: oceanfree\n> password: 4821",
    ),
    (
        "pipe-quoted",
        "Re: How do I remove a HDD password from a Travelmate 201T?",
        "David wrote:\n| Any idea?\n| Dave\n\nGoogle returns about 1500 hits for it.",
    ),
    (
        "outlook",
        "AW: Zugang",
        "Passwort 4821 geht.\n\n-----Original Message-----\nFrom: Anna\nPIN?",
    ),
]


@pytest.mark.parametrize(("subject", "body"), [r[1:] for r in REPLIES], ids=[r[0] for r in REPLIES])
def test_a_reply_quoting_mail_is_a_conversation_not_a_code(subject: str, body: str) -> None:
    result = extract(body, subject=subject)
    assert (result.is_verification, result.code) == (False, None)
    # The same words without the reply's quote are still read as usual.
    assert extract("Your password: 4821", subject="Re: your account").code == "4821"


OTHER_SENSES = [
    ("kernel", "Kernel update", "New packages fix an oops in the i810 3D\nkernel code."),
    ("law", "Investment", "Section 3005 in the US code, also in\nthe code of federal regulations"),
    ("person", "Bugzilla", "Neil did some excellent work in 22056\nand his code finally landed."),
    ("bytecode", "Fonts", "The first, no-bytecodes.png, shows text in a GNOME2 panel."),
    ("credentials", "Your account", "User Name: joe@example.com\nPassword: 1534\n"),
    (
        "credentials-caps",
        "Access",
        "ACCESS PASSWORD\nLOGIN NAME: joe@example.com\nPASSWORD: Ez4KWy",
    ),
    ("offer-code", "Full Disclosure", "Write down your offer code - 7765 - then click below."),
    ("sales-rep", "Log homes", "www.example.com\n\nSales Rep Code: BSAD24\n"),
    ("register-now", "Running SA", "Developers, register now for the Symposium. Code: EX8664"),
    (
        "protocol-list",
        "CuteFTP Pro",
        "Transfer data securely using SSL, SSH2, OTP (S/KEY) and HTTPS",
    ),
]


@pytest.mark.parametrize(
    ("subject", "body"), [o[1:] for o in OTHER_SENSES], ids=[o[0] for o in OTHER_SENSES]
)
def test_code_in_another_sense_credentials_and_offers_give_no_code(subject: str, body: str) -> None:
    assert extract(body, subject=subject).code is None


def test_mailing_list_mail_is_bulk() -> None:
    # Through a mailing list (List-Id, RFC 2919) people discuss passwords and numbers; a code
    # plainly given after its keyword still counts, as in other bulk mail.
    body = "How do I remove the HDD password from an Acer Travelmate 201T?"
    subject = "[ILUG] HDD password"
    assert extract(body, subject=subject).code == "201T"
    assert extract(body, subject=subject, mailing_list=True).code is None
    assert extract("Your password is 482913", subject="x", mailing_list=True).code == "482913"


def test_a_forwarded_reply_is_a_conversation() -> None:
    body = ">> User account\n>>  Pass: d0949w4z\n"
    assert extract(body, subject="Fw: Re: Account for you").code is None
