"""Events as the person sees them: a text block each (``--format text``), or one JSON object
per line (``--format jsonl``).

Both render the event's JSON value (``inspector.report.serialize.jsonable``), after
``--redact`` masked it, so the two formats always say the same. Every string that reaches
the terminal goes through ``sanitize.clean``: subjects and sender names are written by
strangers.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from datetime import datetime

from inspector.diagnosis.wording import duration
from inspector.extract.services import service_by_id
from inspector.report.redact import Redactor
from inspector.report.sanitize import clean, json_safe
from inspector.report.serialize import JSON, jsonable
from inspector.watch.events import Event

Doc = dict[str, JSON]


def to_json(event: Event, redactor: Redactor | None = None) -> Doc:
    doc = jsonable(event)
    if redactor is not None:
        doc = redactor.apply(doc)
    assert isinstance(doc, dict)
    return doc


def jsonl(doc: Doc) -> str:
    """One line: compact, with the characters JSON leaves raw but terminals do not escaped."""
    return json_safe(json.dumps(doc, ensure_ascii=False, separators=(",", ":"))) + "\n"


def text(doc: Doc, width: int = 100) -> str:
    kind = doc.get("event")
    block = _RENDER.get(str(kind), _unknown)(doc, width)
    return "\n".join(clean(line) if line else line for line in block) + "\n"


# ---------------------------------------------------------------------- blocks


def _started(doc: Doc, width: int) -> list[str]:
    service = doc.get("service")
    known = service_by_id(service) if isinstance(service, str) else None
    what = f"a {known.name if known else service} code" if service else "a verification code"
    asked = _clock(doc.get("requested_at"))
    until = _clock(doc.get("until"))
    wait = duration(_num(doc.get("wait_seconds")))
    folders = ", ".join(
        f"{f.get('name')} ({f.get('method')})" for f in _objects(doc.get("folders"))
    )
    lines = [
        f"Watching {doc.get('source')} for {what} (asked at {asked}) until {until} ({wait}).",
        *_wrap(f"Folders: {folders}.", width, "  "),
    ]
    missing = doc.get("missing_folders")
    if isinstance(missing, list) and missing:
        lines.append(f"  Not found: {', '.join(str(m) for m in missing)}.")
    return [*lines, ""]


def _message(doc: Doc, width: int) -> list[str]:
    lines = _wrap(f"[{_clock(doc.get('at'))}] {doc.get('summary')}", width, "  ")
    folder = doc.get("folder") or "-"
    lines += _wrap(f"folder:   {folder}, {doc.get('folder_meaning')}", width, " " * 12, "  ")
    sender = doc.get("from") or doc.get("from_address") or "unknown"
    auth = doc.get("authentication")
    if isinstance(auth, dict):
        verdict = (
            f"{auth.get('verdict')} (SPF {auth.get('spf')}, DKIM {auth.get('dkim')}, "
            f"DMARC {auth.get('dmarc')}"
            + (
                f", {'checked now' if auth.get('source') == 'verified' else 'at receipt'})"
                if auth.get("source")
                else ")"
            )
        )
        lines += _wrap(f"from:     {sender}; authentication {verdict}", width, " " * 12, "  ")
    else:
        lines.append(f"  from:     {sender}")
    delivery = _delivery(doc)
    if delivery:
        lines += _wrap(f"delivery: {delivery}", width, " " * 12, "  ")
    for finding in _objects(doc.get("findings")):
        lines += _finding(finding, width)
    return [*lines, ""]


def _delivery(doc: Doc) -> str:
    parts = []
    transit = doc.get("transit_seconds")
    if isinstance(transit, int | float):
        parts.append(f"took {duration(transit)}")
    hops = [
        f"{h.get('by') or '?'} +{duration(_num(h.get('delay_seconds')))}"
        for h in _objects(doc.get("hops"))
        if isinstance(h.get("delay_seconds"), int | float)
    ]
    if hops:
        parts.append("per hop: " + ", ".join(hops))
    return "; ".join(parts)


def _reconnected(doc: Doc, width: int) -> list[str]:
    folders = ", ".join(str(f) for f in _list(doc.get("folders")))
    text = (
        f"[{_clock(doc.get('at'))}] Watching {folders} again after "
        f"{duration(_num(doc.get('offline_seconds')))} offline; what arrived meanwhile is read."
    )
    changed = _list(doc.get("uidvalidity_changed"))
    if changed:
        text += f" {', '.join(str(c) for c in changed)} changed its UIDVALIDITY: read again."
    return [*_wrap(text, width, "  "), ""]


def _finished(doc: Doc, width: int) -> list[str]:
    took = duration(_num(doc.get("elapsed_seconds")))
    head = {
        "code_arrived": "Done",
        "wait_over": "The wait is over",
        "interrupted": "Interrupted",
        "unreachable": "The mailbox could not be watched",
    }.get(str(doc.get("reason")), "Done")
    lines = _wrap(f"[{_clock(doc.get('at'))}] {head} after {took}: {doc.get('verdict')}", width)
    findings = _objects(doc.get("findings"))
    if findings:
        lines += ["", "Findings:"]
        for finding in findings:
            lines += _finding(finding, width)
    for skipped in _objects(doc.get("skipped")):
        lines += _wrap(f"Not watched: {skipped.get('why')}", width, "  ")
    read, codes = doc.get("messages_read"), doc.get("codes_seen")
    lines.append(
        f"({read} messages read, {codes} verification messages, exit {doc.get('exit_code')})"
    )
    return lines


def _finding(finding: dict[str, JSON], width: int) -> list[str]:
    severity = str(finding.get("severity", "")).upper().ljust(7)
    lines = _wrap(f"{severity} {finding.get('message')} [{finding.get('id')}]", width, "  ", "  ")
    advice = finding.get("advice")
    if advice:
        lines += _wrap(f"-> {advice}", width, " " * 13, " " * 10)
    return lines


def _unknown(doc: Doc, width: int) -> list[str]:
    return [json.dumps(doc, ensure_ascii=False)]


_RENDER: dict[str, Callable[[Doc, int], list[str]]] = {
    "started": _started,
    "message": _message,
    "reconnected": _reconnected,
    "finished": _finished,
}


# ---------------------------------------------------------------------- helpers


def _wrap(text: str, width: int, rest: str = "", first: str = "") -> list[str]:
    return textwrap.wrap(
        text, width=max(40, width), initial_indent=first, subsequent_indent=rest,
        break_long_words=False, break_on_hyphens=False,
    ) or [first]  # fmt: skip


def _clock(value: JSON) -> str:
    if not isinstance(value, str):
        return "?"
    try:
        return datetime.fromisoformat(value).strftime("%H:%M:%S")
    except ValueError:
        return value


def _num(value: JSON) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _list(value: JSON) -> list[JSON]:
    return value if isinstance(value, list) else []


def _objects(value: JSON) -> list[dict[str, JSON]]:
    return [v for v in _list(value) if isinstance(v, dict)]
