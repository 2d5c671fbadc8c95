"""The watch itself: wait on a source, judge each message as it lands, stop when the code is
here and looks fine, or when the wait is over. Side effects come in: the source, the clocks,
and the function that prints an event.

**Order.** The backlog (what was in the folders before the watch began, back to the window
start) is judged once every folder has read its own, in arrival order, so that codes that
came between the request and the start are reported first and in sequence. A message in a
``\\All`` folder (Gmail's All Mail) repeats one of another folder: it waits ``grace`` seconds
and is dropped when its copy came from a real folder meanwhile.

**The end.** When the wait is over, the diagnosis is the one ``scan --requested-at`` makes
of the same messages (``app.diagnose_result``): ``no_code_after_request`` with its causes, the
contact checks, and, when DNS is allowed, whether the mailbox's own domain takes mail.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from inspector import app
from inspector.analysis.examine import examine_mail
from inspector.analysis.packed import PackedList
from inspector.analysis.record import MessageRecord, Options, RunResult, add_read, relevant
from inspector.diagnosis.evidence import Context, arrival, window_start
from inspector.model import Finding, ReadProblem
from inspector.sources.watching import Arrival, Lost, Notice, Ready, Reconnected, WatchSource
from inspector.watch.events import (
    Event,
    Finished,
    FolderOut,
    MessageEvent,
    ReconnectedEvent,
    SkippedOut,
    Started,
)
from inspector.watch.judge import finding_out, judge

EXIT_OK, EXIT_PROBLEMS, EXIT_SOURCE, EXIT_INTERRUPTED = 0, 1, 3, 130


@dataclass(frozen=True, slots=True)
class Clocks:
    now: Callable[[], datetime]
    monotonic: Callable[[], float] = time.monotonic


@dataclass(slots=True)
class _Seen:
    records: list[MessageRecord] = field(default_factory=list)
    result: RunResult = field(default_factory=RunResult)
    keys: set[str] = field(default_factory=set)
    held: list[tuple[float, Arrival]] = field(default_factory=list)
    backlog: list[Arrival] = field(default_factory=list)
    waiting: set[str] = field(default_factory=set)
    down: dict[str, str] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)  # lost for good (no retry)
    reconnects: int = 0
    ended_by: MessageEvent | None = None


class Session:
    def __init__(
        self,
        source: WatchSource,
        request: app.Request,
        *,
        wait: float,
        kind: str,
        emit: Callable[[Event], None],
        warn: Callable[[str], None] = lambda text: None,
        clocks: Clocks,
        grace: float = 2.0,
        ready_timeout: float = 60.0,
        recipient: str | None = None,
    ) -> None:
        self._source = source
        self._wait = wait
        self._kind = kind
        self._emit = emit
        self._warn = warn
        self._clocks = clocks
        self._grace = grace
        self._ready_timeout = ready_timeout
        self._recipient = recipient
        self._service = app.resolve_service(request.service)
        self._resolver, self._health = app.probe(request)
        # Date headers and INTERNALDATE count whole seconds: a code sent in the very second
        # the watch began must not look older than the request.
        requested = (request.requested_at or request.now).replace(microsecond=0)
        self._request = replace(
            request,
            requested_at=requested,
            since=request.since or window_start(request.now, requested, None),
            all_messages=False,
        )
        self._list_all = request.all_messages
        self._options = Options(
            now=request.now,
            resolver=self._resolver,
            service=self._service,
            all_messages=request.all_messages,
            trust_authserv_ids=request.trust_authserv_ids,
            region=request.region,
        )
        self._contacts = app.check_contacts(self._request, self._resolver)
        self._seen = _Seen()

    # ------------------------------------------------------------------ the loop

    def run(self) -> Finished:
        started, start = self._clocks.monotonic(), self._request.now
        deadline = started + self._wait
        reason = "wait_over"
        try:
            # Inside the try: a Ctrl-C right after "started" is printed still ends the watch
            # with its "finished" event (a person presses it whenever they like).
            self._emit(self._started(start))
            self._seen.waiting = {f.name for f in self._source.folders}
            self._source.start()
            while self._seen.ended_by is None:
                left = deadline - self._clocks.monotonic()
                if left <= 0:
                    break
                if self._seen.waiting and self._clocks.monotonic() - started > self._ready_timeout:
                    self._seen.waiting.clear()  # a folder that never answers holds nobody up
                    self._flush_backlog()
                notice = self._source.get(min(left, 0.25))
                if notice is not None:
                    self._handle(notice)
                self._release_held()
                if self._all_lost():
                    reason = "unreachable"
                    break
        except KeyboardInterrupt:
            reason = "interrupted"
        finally:
            self._source.stop()
        if self._seen.ended_by is not None:
            reason = "code_arrived"
        finished = self._finish(reason, self._clocks.monotonic() - started)
        self._emit(finished)
        return finished

    def _handle(self, notice: Notice) -> None:
        seen = self._seen
        if isinstance(notice, Arrival):
            if notice.backlog and seen.waiting:
                seen.backlog.append(notice)
            elif notice.item.folder in self._all_mail():
                seen.held.append((self._clocks.monotonic() + self._grace, notice))
            else:
                self._take(notice)
        elif isinstance(notice, Ready):
            seen.waiting.discard(notice.folder)
            if not seen.waiting:
                self._flush_backlog()
        elif isinstance(notice, Lost):
            for name in notice.folders:
                seen.down[name] = notice.reason
                seen.waiting.discard(name)
                if notice.final:
                    seen.gone.add(name)
            again = "" if notice.final else "; reconnecting"
            self._warn(f"lost {', '.join(notice.folders)}: {notice.reason}{again}.")
            if not seen.waiting:
                self._flush_backlog()
        elif isinstance(notice, Reconnected):
            for name in notice.folders:
                seen.down.pop(name, None)
            seen.reconnects += 1
            self._emit(
                ReconnectedEvent(
                    at=self._clocks.now(),
                    folders=notice.folders,
                    attempts=notice.attempts,
                    offline_seconds=round(notice.offline_seconds, 3),
                    uidvalidity_changed=notice.uidvalidity_changed,
                )
            )

    def _flush_backlog(self) -> None:
        arrivals, self._seen.backlog = self._seen.backlog, []
        arrivals.sort(key=lambda a: (a.item.stored_at is None, a.item.stored_at or 0))
        for notice in arrivals:
            if self._seen.ended_by is None:
                self._take(notice)

    def _release_held(self) -> None:
        now = self._clocks.monotonic()
        due = [a for t, a in self._seen.held if t <= now]
        self._seen.held = [(t, a) for t, a in self._seen.held if t > now]
        for notice in due:
            self._take(notice)

    def _take(self, notice: Arrival) -> None:
        """Read one message; report it when it is a code (or with ``--all-messages``)."""
        seen = self._seen
        if notice.key is not None:
            if notice.key in seen.keys:
                return  # a copy in another folder, or a folder read again after a reset
            seen.keys.add(notice.key)
        add_read(seen.result, notice.item)
        record = examine_mail(notice.item, replace(self._options, now=self._clocks.now()))
        if record is None or not (self._list_all or relevant(record, self._service)):
            return
        seen.records.append(record)
        seen.records.sort(key=_arrival_key)
        at = arrival(record)
        requested = self._request.requested_at
        if notice.backlog and (at is not None and requested is not None and at < requested):
            return  # before the request: context for the diagnosis, not news
        event = judge(
            seen.records,
            seen.records.index(record),
            self._context(),
            backlog=notice.backlog,
        )
        self._emit(event)
        if event.ends_watch:
            seen.ended_by = event

    # ------------------------------------------------------------------ events

    def _started(self, at: datetime) -> Started:
        requested = self._request.requested_at or at
        return Started(
            at=at,
            source=self._source.description,
            kind=self._kind,
            folders=tuple(FolderOut(f.name, f.role, f.method) for f in self._source.folders),
            missing_folders=tuple(getattr(self._source, "missing_folders", ())),
            service=self._service.id if self._service else None,
            requested_at=requested,
            wait_seconds=self._wait,
            until=_plus(at, self._wait),
        )

    def _context(self) -> Context:
        seen = self._seen
        return Context(
            now=self._clocks.now(),
            requested_at=self._request.requested_at,
            service=self._service,
            email=self._request.email,
            contact_findings=tuple(self._contacts[0]),
            messages_read=seen.result.messages_read,
            since=self._request.since,
            searched=tuple(seen.result.searched),
            dns=self._health,
        )

    def _finish(self, reason: str, elapsed: float) -> Finished:
        seen = self._seen
        problems = [
            ReadProblem(name, f"The folder {name} could not be watched: {why}.")
            for name, why in seen.down.items()
        ]
        result = RunResult(
            records=PackedList(seen.records),
            problems=problems,
            messages_read=seen.result.messages_read,
            searched=dict(seen.result.searched),
        )
        request = replace(self._request, now=self._clocks.now())
        findings, checked = self._contacts
        findings = findings + self._recipient_domain()
        outcome = app.diagnose_result(
            result,
            request,
            service=self._service,
            resolver=self._resolver,
            health=self._health,
            contacts=(findings, checked),
        )
        ended = seen.ended_by
        if reason == "interrupted":
            code = EXIT_INTERRUPTED
        elif ended is not None:
            code = EXIT_OK
        elif problems or reason == "unreachable":
            code = EXIT_SOURCE
        else:
            code = EXIT_PROBLEMS
        report = outcome.report
        return Finished(
            at=request.now,
            reason=reason,
            exit_code=code,
            elapsed_seconds=round(elapsed, 3),
            verdict=report.verdict,
            code=ended.code if ended else None,
            messages_read=result.messages_read,
            codes_seen=sum(1 for r in seen.records if r.is_verification),
            reconnects=seen.reconnects,
            findings=tuple(finding_out(f) for f in report.findings),
            skipped=tuple(SkippedOut(s.where, s.why) for s in report.skipped),
        )

    def _recipient_domain(self) -> list[Finding]:
        """Does the watched mailbox's own domain take mail? Asked only when DNS is allowed
        and ``--email`` did not already ask it (its checks are the contact checks)."""
        address = self._recipient
        if self._resolver is None or self._request.email or not address or "@" not in address:
            return []
        from inspector.contacts.email import check_email
        from inspector.diagnosis.rules.contacts import judge_email

        judged = judge_email(check_email(address, resolver=self._resolver))
        return [f for f in judged.findings if f.id in _MAIL_DOMAIN_FINDINGS]

    def _all_mail(self) -> set[str]:
        return {f.name for f in self._source.folders if f.all_mail}

    def _all_lost(self) -> bool:
        names = {f.name for f in self._source.folders}
        return bool(names) and names <= self._seen.gone


_MAIL_DOMAIN_FINDINGS = frozenset({"email_domain_no_mail"})


def _arrival_key(record: MessageRecord) -> tuple[int, float]:
    at = arrival(record)
    return (1, 0.0) if at is None else (0, at.timestamp())


def _plus(moment: datetime, seconds: float) -> datetime:
    from datetime import timedelta

    return moment + timedelta(seconds=seconds)
