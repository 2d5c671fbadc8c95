"""Rules about text messages: who sent the code and what carriers do with such senders."""

from __future__ import annotations

from inspector.contacts.sender import SenderInfo, SenderKind
from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence
from inspector.diagnosis.wording import group_label
from inspector.model import Channel, Finding, Severity


def sms_sender(ev: Evidence) -> list[Finding]:
    short: list[int] = []
    foreign: list[int] = []
    for i, record in ev.focused():
        info = record.sender
        if record.channel is not Channel.SMS or not record.is_verification:
            continue
        if not isinstance(info, SenderInfo):
            continue
        if info.kind is SenderKind.SHORT_CODE:
            short.append(i)
        elif info.kind is SenderKind.LONG_NUMBER and info.international:
            foreign.append(i)
    out = []
    if short:
        record = ev.records[short[0]]
        out.append(
            Finding(
                "sms_short_code",
                Severity.INFO,
                f"The {group_label(record)} code came by SMS from the short code "
                f"{record.from_display}.",
                "Carriers let account holders block short codes; if codes stop arriving, ask "
                "your carrier to lift a premium/short code block on your line.",
                messages=tuple(short),
                rank=rank.SMS_SENDER,
            )
        )
    if foreign:
        record = ev.records[foreign[0]]
        out.append(
            Finding(
                "sms_international_sender",
                Severity.INFO,
                f"The {group_label(record)} code came from an international number "
                f"({record.from_display}).",
                "Carriers often filter SMS from foreign numbers; if codes go missing, ask the "
                "service for another channel (e-mail, an authenticator app) or your carrier "
                "whether it blocks international senders.",
                messages=tuple(foreign),
                rank=rank.SMS_SENDER,
            )
        )
    return out
