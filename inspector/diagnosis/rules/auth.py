"""Rules about who really sent a code: authentication, spam verdicts, look-alikes.

Ids (a public contract): ``possible_phishing`` (it claims a known service but does not come
from it), ``auth_failed`` (the real sender's mail failed SPF/DKIM/DMARC, the usual reason for
Junk), ``spam_verdict`` (the provider's own filter verdict and its reasons).
"""

from __future__ import annotations

from inspector.analysis.record import service_of
from inspector.auth.report import AuthReport
from inspector.auth.spam import SpamVerdict
from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence
from inspector.diagnosis.suspicion import KNOWN_SOURCES, Suspicion, judge, sender_confirmed
from inspector.extract.services import Service
from inspector.model import Finding, FolderRole, Severity


def possible_phishing(ev: Evidence) -> list[Finding]:
    """``possible_phishing`` for every message in focus suspected of not being from its service."""
    return [
        phishing_finding(index, suspected, ev.records[index].auth)
        for index, suspected in sorted(ev.suspicions.items())
    ]


def authentication(ev: Evidence) -> list[Finding]:
    """``auth_failed`` and ``spam_verdict`` for each genuine message whose auth was checked."""
    out: list[Finding] = []
    for i, record in ev.focused():
        if record.auth is None or not ev.genuine(i):
            continue
        out.extend(
            auth_findings(
                i,
                auth=record.auth,
                spam=record.auth.spam,
                claimed_service=service_of(record),
                from_domain=record.from_domain,
                folder_role=record.folder_role,
            )
        )
    return out


def auth_findings(
    index: int,
    *,
    auth: AuthReport,
    spam: SpamVerdict,
    claimed_service: Service | None,
    from_domain: str | None,
    folder_role: FolderRole,
) -> list[Finding]:
    """The findings about one e-mail's authentication: ``possible_phishing`` when it is
    suspect (and then nothing that could make it look trustworthy), else ``auth_failed``
    and ``spam_verdict``."""
    domain = from_domain or auth.from_domain
    suspected = judge(
        claimed_service, origin_domain=None, email=True, from_domain=from_domain, auth=auth
    )
    if suspected is not None:
        return [phishing_finding(index, suspected, auth)]
    findings: list[Finding] = []
    failed = _auth_failed(index, auth, domain, claimed_service, folder_role)
    if failed is not None:
        findings.append(failed)
    verdict = _spam(index, spam, folder_role, confirmed=sender_confirmed(auth))
    if verdict is not None:
        findings.append(verdict)
    return findings


def _dmarc_failed(auth: AuthReport) -> bool:
    return auth.dmarc.result == "fail" and auth.dmarc.source in KNOWN_SOURCES


def phishing_finding(index: int, suspected: Suspicion, auth: AuthReport | None) -> Finding:
    """``possible_phishing``: ranked above everything else about the message; its advice
    never says to trust it (no "Not spam", no "add to contacts")."""
    service = suspected.service
    name = service.name
    real = ", ".join(service.domains) or "its own domains"
    advice = (
        f"Do not enter this code anywhere and do not click its links. Request a new code in the "
        f"{name} app or on its website; real {name} mail comes from {real}."
    )
    domain = suspected.domain
    if suspected.kind == "origin":
        message = (
            f"The message claims to be from {name} but binds its code to {domain}, which is "
            f"not one of {name}'s domains."
        )
        advice = (
            f"Do not enter this code on {domain} or anywhere else; request a new code in the "
            f"{name} app or on its website."
        )
        detail = None
    elif suspected.kind == "deceptive_link":
        shown = suspected.detail or "one address"
        message = (
            f"A link in this message shows {shown} but leads to {domain}, an address made to "
            "look like it: a phishing trick."
        )
        advice = (
            "Do not click its links or enter anything on the page they open. If you need to "
            f"act, type {shown} into your browser yourself or use the app."
        )
        detail = f"Link text {shown}; link target {domain}."
    elif suspected.kind == "sender_unreadable":
        problem = suspected.detail or "The sender address cannot be read."
        message = (
            f"This message claims to be from {name}, but its sender cannot be determined: {problem}"
        )
        detail = problem
    elif suspected.kind == "lookalike":
        evidence = f": {suspected.detail}" if suspected.detail else ""
        message = (
            f"This message claims to be from {name} but was sent from {domain}, which is not "
            f"a {name} domain{evidence}."
        )
        dmarc = f" DMARC: {auth.dmarc.result}." if auth is not None else ""
        detail = f"From domain {domain}; {name} sends from {real}.{dmarc}"
    else:
        message = (
            f"This message uses {name}'s address ({domain}) but fails DMARC: {name} did not "
            "send it, it is probably spoofed."
        )
        detail = _technical(auth) if auth is not None else None
    return Finding(
        id="possible_phishing",
        severity=Severity.ERROR,
        message=message,
        advice=advice,
        messages=(index,),
        detail=detail,
        rank=rank.PHISHING,
    )


def _failed_methods(auth: AuthReport) -> list[str]:
    """Which checks failed in a way that counts against the sender (not temperror)."""
    failed = []
    if auth.spf.source in KNOWN_SOURCES and auth.spf.result in ("fail", "softfail", "permerror"):
        failed.append(f"SPF {auth.spf.result}")
    if auth.dkim.source in KNOWN_SOURCES and auth.dkim.result in ("fail", "permerror"):
        failed.append(f"DKIM {auth.dkim.result}")
    if _dmarc_failed(auth):
        failed.append("DMARC fail")
    return failed


def _auth_failed(
    index: int,
    auth: AuthReport,
    domain: str | None,
    service: Service | None,
    folder_role: FolderRole,
) -> Finding | None:
    failed = _failed_methods(auth)
    if not failed:
        return None
    if not _dmarc_failed(auth) and (auth.dmarc.result == "pass" or auth.dkim.result == "pass"):
        return None  # an aligned pass (or any valid signature) outweighs e.g. SPF after forwarding
    who = service.name if service else (domain or "the sender")
    in_junk = folder_role is FolderRole.JUNK
    why = "that is likely why it went to Junk" if in_junk else "providers often junk such mail"
    return Finding(
        id="auth_failed",
        severity=Severity.ERROR if in_junk else Severity.WARNING,
        message=f"Mail from {who} failed authentication ({', '.join(failed)}); {why}.",
        advice=(
            f"Use its code only if you asked {who} for one just now. Do not mark it 'Not spam' "
            "or add the sender to your contacts while its mail fails these checks: forged "
            f"mail fails them too. The problem is on {who}'s side: if it keeps happening, tell "
            "their support that their e-mail fails SPF/DKIM/DMARC checks."
        ),
        messages=(index,),
        detail=_technical(auth),
        rank=rank.AUTH_FAILED_IN_JUNK if in_junk else rank.AUTH_FAILED,
    )


def _technical(auth: AuthReport) -> str:
    """What the sender's postmaster needs: each method, its domain and why it failed."""
    spf_why = (auth.spf.explanation or "").rstrip(".")
    parts = [
        f"SPF {auth.spf.result} for {auth.spf.domain or '?'}"
        + (f" from {auth.spf.ip}" if auth.spf.ip else "")
        + (f": {spf_why}" if spf_why else "")
    ]
    for signature in auth.dkim.signatures:
        why = (signature.explanation or "").rstrip(".")
        parts.append(
            f"DKIM d={signature.domain or '?'} s={signature.selector or '?'} {signature.result}"
            + (f": {why}" if why else "")
        )
    if not auth.dkim.signatures:
        parts.append("DKIM: the message is not signed")
    dmarc = auth.dmarc
    policy = f" (policy {dmarc.disposition})" if dmarc.disposition else ""
    dmarc_why = (dmarc.explanation or "").rstrip(".")
    parts.append(
        f"DMARC {dmarc.result} for {dmarc.from_domain or '?'}{policy}"
        + (f": {dmarc_why}" if dmarc_why else "")
    )
    for seal in auth.arc.instances:
        if seal.results:
            # What a forwarder saw before it changed the message (RFC 8617 §4.1.1).
            by = seal.authserv_id or seal.seal_domain or "a forwarder"
            parts.append(f"ARC i={seal.instance}: {by} saw {', '.join(seal.results)}")
    return "; ".join(parts) + "."


def _spam(
    index: int, spam: SpamVerdict, folder_role: FolderRole, *, confirmed: bool
) -> Finding | None:
    in_junk = folder_role is FolderRole.JUNK
    where = f"{spam.source} ({spam.vendor})" if spam.source else "the spam headers"
    caveat = (
        " The header sits where the sender could have written it, so it may not be the provider's."
        if spam.trusted is False
        else ""
    )
    reasons = "; ".join(spam.reasons[:4])
    every_reason = "; ".join(spam.reasons)
    if spam.verdict == "spam":
        score = f" (score {spam.score:g}" if spam.score is not None else ""
        if score:
            score += f", limit {spam.threshold:g})" if spam.threshold is not None else ")"
        return Finding(
            id="spam_verdict",
            severity=Severity.WARNING if in_junk and spam.trusted is not False else Severity.INFO,
            message=f"The provider's spam filter judged this message spam{score}"
            + (f": {reasons}." if reasons else ".")
            + caveat,
            advice=(
                "Mark it as 'Not spam' and add the sender to your contacts; the filter learns "
                "from that and the next code is more likely to reach the inbox."
                if confirmed
                else "If it is the code you asked for, use it only in the service's own app or "
                "site. Mark it 'Not spam' only once you are sure who sent it: nothing here "
                "proves the sender, and the filter learns from that."
            ),
            messages=(index,),
            # The message already names four reasons; the detail adds the rest, if any.
            detail=f"Read from {where}"
            + (f"; also: {'; '.join(spam.reasons[4:])}." if len(spam.reasons) > 4 else ".")
            + caveat,
            rank=rank.SPAM_VERDICT_IN_JUNK if in_junk else rank.SPAM_VERDICT,
        )
    if spam.verdict == "ham" and in_junk and spam.trusted is not False:
        return Finding(
            id="spam_verdict",
            severity=Severity.INFO,
            message="The provider's spam filter judged this message not spam, yet it is in "
            "Junk: a filter rule, a blocked-sender entry or a manual move put it there.",
            advice="Check your mail filters/rules and blocked senders for this sender.",
            messages=(index,),
            detail=f"Read from {where}" + (f": {every_reason}." if every_reason else "."),
            rank=rank.FILTER_MOVED,
        )
    return None
