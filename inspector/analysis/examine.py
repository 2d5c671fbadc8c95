"""One message through the checks: the two-stage read of an e-mail, and an SMS.

A message is read in two stages so that a mailbox costs what its few verification messages
cost. Every message gets its header fields split, its text parts found (a byte-level MIME walk)
and a first look: the candidate test of extraction (``extract.screen``) on its subject and
plain text when it has an HTML twin that is not a stub, else the code extraction, whose
no-keyword path is that same cheap test. Only a possible verification message gets its HTML
rendered and the whole extraction; only a message that is kept gets its delivery timeline
and authentication checks. With ``all_messages`` every message is kept, but one that is no
verification message only with its times (``timeline.arrival_timeline``): the diagnosis never
reads it.

Each kept message is parsed once: its ``HeaderBlock`` (the one header parser) and its ``Trace``
(the Received fields, parsed once, with the one answer to where the message entered the
receiver) serve extraction, the timeline and authentication alike.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from inspector.analysis.record import MessageRecord, Options, relevant_parts
from inspector.auth.report import AuthReport
from inspector.extract import extract, screen
from inspector.model import Channel, Extraction, FolderRole, RawMail, TextMessage, Timeline
from inspector.parse import message as mail
from inspector.parse.fields import HeaderBlock
from inspector.parse.links import shown_links
from inspector.parse.trace import Trace, read_trace
from inspector.timeline.delivery import arrival_timeline, build_timeline, sent_time


def analyze_item(item: RawMail | TextMessage, options: Options) -> MessageRecord | None:
    """The record of one message, or None for mail that cannot be a verification message
    (unless ``all_messages``: then always a record)."""
    if isinstance(item, RawMail):
        return examine_mail(item, options)
    return analyze_sms(item, options)


def examine_mail(raw: RawMail, options: Options) -> MessageRecord | None:
    """One message through the two stages; None when it is not kept (see the module doc)."""
    block = mail.header_block(raw.data)
    parts = mail.text_parts(raw.data)
    sender = mail.sender(block)
    subject = mail.subject(block)
    address, name = (sender.address, sender.name) if sender else (None, None)
    # First look: the plain text of a message that has an HTML twin, whose rendering is
    # most of the cost of a message; only a possible verification message has it rendered.
    first = parts.plain_body()
    screened = None
    if first is not None:
        screened = screen(
            first.text,
            subject=subject,
            sender_address=address,
            sender_name=name,
            name_service=options.all_messages,  # else a message that is none is dropped
        )
    if first is not None and screened is not None:
        body, extraction = first, screened
    else:
        body = parts.body()
        extraction = extract(
            body.text,
            subject=subject,
            sender_address=address,
            sender_name=name,
            sent_at=sent_time(*mail.sent_fields(block)),
            mailing_list=block.first("list-id") is not None,
            name_service=options.all_messages,
        )
    from_domain = sender.domain if sender else None
    if not options.all_messages and not relevant_parts(extraction, from_domain, options.service):
        return None  # not reported: the rest of its headers, timeline and auth are not needed
    head = mail.headers(raw.data, block, known=(sender, subject))
    if not extraction.is_verification:
        # Listed (--all-messages) but never diagnosed: the rules read verification messages
        # only, so its route is not traced; its times are read as the timeline reads them.
        timeline = arrival_timeline(
            block.get_all("received"),
            date=head.date,
            dkim_timestamp=head.dkim_timestamp,
            stored_at=raw.stored_at,
        )
        return _record(
            raw, head, sender, extraction, timeline=timeline, body_truncated=body.truncated
        )
    trace = read_trace(block.unfolded)
    timeline = build_timeline(
        trace, date=head.date, dkim_timestamp=head.dkim_timestamp, stored_at=raw.stored_at
    )
    if head.greylist_seconds and not timeline.greylisting_suspected:
        timeline = replace(
            timeline, greylisting_suspected=True, greylisting_seconds=head.greylist_seconds
        )
    timeline = _compact(timeline)
    auth = _authenticate(raw, block, trace, options)
    record = _record(
        raw, head, sender, extraction, timeline=timeline, body_truncated=body.truncated, auth=auth
    )
    links = tuple(pair for html in parts.html for pair in shown_links(html))
    return replace(record, links=links[:5]) if links else record


def _record(
    raw: RawMail,
    head: mail.Headers,
    sender: mail.Address | None,
    extraction: Extraction,
    *,
    timeline: Timeline,
    body_truncated: bool,
    auth: AuthReport | None = None,
) -> MessageRecord:
    return MessageRecord(
        source=raw.source,
        channel=Channel.EMAIL,
        folder=raw.folder,
        folder_role=raw.folder_role,
        from_display=sender.display() if sender else None,
        from_address=sender.address if sender else None,
        from_domain=sender.domain if sender else None,
        to=tuple(a.address or "(unparseable)" for a in head.to),
        subject=head.subject or None,
        extraction=extraction,
        timeline=timeline,
        category=raw.category,
        truncated=raw.truncated or body_truncated or head.to_truncated,
        from_count=head.from_count,
        auth=auth,
    )


def _compact(timeline: Timeline) -> Timeline:
    """The timeline as a record keeps it: without what each hop has that neither the report
    nor the diagnosis reads (its raw header, queue id and "for" recipient), so a kept message
    costs a few hundred bytes a hop less."""
    # Host names are not interned: a kept record is packed (``analysis.packed``), so they
    # would not be shared, and the interpreter's table of interned strings would grow with
    # every relay name it was ever given, for the whole run.
    hops = tuple(replace(hop, raw="", id=None, for_addr=None) for hop in timeline.hops)
    return replace(timeline, hops=hops)


def _authenticate(raw: RawMail, block: HeaderBlock, trace: Trace, options: Options) -> AuthReport:
    """Authentication (at receipt, and re-verified when a resolver is given) and the
    receiver's spam verdict (``AuthReport.spam``)."""
    from inspector.auth import check_auth

    return check_auth(
        raw.data,
        block=block,
        trace=trace,
        resolver=options.resolver,
        trust_authserv_ids=options.trust_authserv_ids,
        now=options.now,
        truncated=raw.truncated,
    )


def analyze_sms(sms: TextMessage, options: Options) -> MessageRecord:
    from inspector.contacts.sender import classify_sender

    timeline = _sms_timeline(sms.sent_at, sms.received_at)
    extraction = extract(
        sms.body, sender_address=None, sender_name=sms.sender, sent_at=timeline.sent_at
    )
    return MessageRecord(
        source=sms.source,
        channel=Channel.SMS,
        folder=sms.folder,
        folder_role=FolderRole.INBOX,
        from_display=sms.sender,
        from_address=None,
        from_domain=None,
        to=(sms.recipient,) if sms.recipient else (),
        subject=None,
        extraction=extraction,
        timeline=timeline,
        sender=classify_sender(sms.sender, region=options.region),
    )


def _sms_timeline(sent_at: datetime | None, received_at: datetime | None) -> Timeline:
    """An SMS has one hop: the network's send time (``date_sent``) to the phone's receipt."""
    transit = skew = None
    notes: tuple[str, ...] = ()
    if sent_at is not None and received_at is not None:
        transit = (received_at - sent_at).total_seconds()
        if transit < 0:
            # The phone's clock and the network's disagree; never report a negative delay.
            skew, transit = transit, None
            notes = ("the phone received the SMS before the network says it was sent",)
    return Timeline(
        sent_at=sent_at,
        sent_at_source="sms" if sent_at else None,
        delivered_at=received_at,
        transit_seconds=transit,
        clock_skew_seconds=skew,
        notes=notes,
    )
