"""The HTML report (``--format html``): one self-contained page to keep or send to support.

The verdict, the findings with their advice, a timeline picture (``inspector.report.svg``)
and the table of messages, from the same document as the text and JSON reports (so
``--redact`` applies). The page loads nothing: no script, no external style, font or image.
A Content-Security-Policy in the page itself allows only its one inline style block (by
hash), so even a page edited or opened somewhere unexpected cannot fetch or run anything.
Every string from a message is cleaned and escaped; none is ever put in a URL, a style or
an event attribute.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from typing import cast

from inspector.diagnosis.wording import duration
from inspector.report import svg, view
from inspector.report.serialize import JSON
from inspector.report.svg import esc
from inspector.report.view import DEFAULT_LIMIT, MessageDoc, ReportDoc

_CSS = """
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d5dae3;
  --error: #b3261e; --warning: #9a6700; --info: #0b6bcb; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1000px; padding: 24px 20px 40px; color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #fff; }
h1 { font-size: 22px; line-height: 1.3; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.incomplete { color: var(--warning); margin: 4px 0; }
.incomplete li { color: var(--ink); }
ol.findings { list-style: none; padding: 0; margin: 0; }
.finding { border-left: 4px solid var(--line); padding: 6px 12px; margin: 0 0 10px;
  background: #f7f8fa; }
.finding.error { border-color: var(--error); }
.finding.warning { border-color: var(--warning); }
.finding.info { border-color: var(--info); }
.severity { font-weight: 700; font-size: 12px; letter-spacing: .04em; margin-right: 6px; }
.error .severity { color: var(--error); }
.warning .severity { color: var(--warning); }
.info .severity { color: var(--info); }
.finding p { margin: 2px 0; }
.advice::before { content: "\\2192\\00a0"; font-weight: 700; }
.detail, .id, .footer, .note { color: var(--muted); font-size: 13px; }
.ok { color: var(--ok); font-weight: 600; }
code, .code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
table.messages { border-collapse: collapse; width: 100%; font-size: 13px; }
.messages th, .messages td { text-align: left; padding: 4px 8px 4px 0; vertical-align: top;
  border-bottom: 1px solid var(--line); }
.messages td.subject { max-width: 260px; overflow-wrap: anywhere; }
.messages details ol { margin: 4px 0 0; padding-left: 18px; }
.state-valid { color: var(--ok); }
.state-expired, .state-expired_in_transit, .where-junk { color: var(--error); }
.where-trash, .state-unknown { color: var(--warning); }
.state-superseded, .state-before_request { color: var(--muted); }
svg.timeline { width: 100%; height: auto; display: block; font-size: 12px;
  font-family: system-ui, sans-serif; }
svg .band { fill: #fff; }
svg .band.odd { fill: #f5f7fa; }
svg .grid { stroke: #e3e7ee; }
svg .tick { fill: var(--muted); text-anchor: middle; }
svg .label { fill: var(--ink); font-weight: 600; }
svg .code { fill: var(--ink); font-family: ui-monospace, Menlo, Consolas, monospace; }
svg .state { fill: var(--muted); font-family: system-ui, sans-serif; }
svg .expiry { fill: #dcf3e3; stroke: #9fd8b0; }
svg .state-expired .expiry, svg .state-expired_in_transit .expiry { fill: #fbe3e1;
  stroke: #f0b2ad; }
svg .state-superseded .expiry, svg .state-before_request .expiry { fill: #eceff3;
  stroke: #cfd5de; }
svg .expiry.cut { stroke-dasharray: 4 3; }
svg .hop-seg { stroke: #7a8499; stroke-width: 2; }
svg .hop-seg.slow { stroke: var(--error); stroke-width: 5; }
svg .delay { fill: var(--error); text-anchor: middle; font-weight: 600; }
svg .hop { fill: #fff; stroke: #5b6475; stroke-width: 1.5; }
svg .sent { fill: #5b6475; }
svg .arrival { fill: var(--info); stroke: #fff; stroke-width: 2; }
svg .role-junk .arrival, svg .role-trash .arrival { fill: var(--error); }
svg .arrival.unknown { fill: #aab2c0; }
svg .where { fill: var(--ink); }
svg .role-junk .where { fill: var(--error); font-weight: 700; }
svg .request line { stroke: #6f42c1; stroke-width: 2; stroke-dasharray: 6 4; }
svg .request .flag, svg .request text { fill: #6f42c1; }
svg .now line { stroke: var(--ink); stroke-width: 1.5; }
svg .now .flag, svg .now text { fill: var(--ink); }
svg .request text, svg .now text { font-weight: 700; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; color: var(--muted); font-size: 12px;
  margin: 6px 0 0; padding: 0; list-style: none; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 5px;
  vertical-align: baseline; border-radius: 2px; }
.sw-request { background: #6f42c1; } .sw-sent { background: #5b6475; }
.sw-arrival { background: var(--info); } .sw-junk { background: var(--error); }
.sw-valid { background: #dcf3e3; border: 1px solid #9fd8b0; }
.sw-slow { background: var(--error); height: 5px; }
"""

# What the page may do: show itself and its one style block. No script, no fetch, no form.
_CSP = (
    "default-src 'none'; style-src '{style}'; img-src 'none'; base-uri 'none'; form-action 'none'"
)
_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _style_hash(css: str) -> str:
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render(
    document: JSON, *, limit: int | None = DEFAULT_LIMIT, every_message: bool = False
) -> str:
    """The page for a serialized report (redacted or not)."""
    doc = cast("ReportDoc", document)
    now = datetime.fromisoformat(doc["now"])
    requested = datetime.fromisoformat(doc["requested_at"]) if doc["requested_at"] else None
    shown, total = view.timeline_rows(doc, limit, every_message)
    title = view.timeline_title(doc, len(shown), total, every_message)
    drawn = [m for m in shown if m["is_verification"]]
    version = doc["tool"].get("version", "")
    body = [
        f"<h1>{esc(doc['verdict'])}</h1>",
        *_incomplete(doc),
        "<h2>Timeline</h2>",
        svg.timeline(drawn, requested, now, "Timeline of the verification messages"),
        _legend(requested is not None),
        "<h2>Findings</h2>",
        _findings(doc),
        f"<h2>{esc(title)}</h2>",
        _table(shown, total, now),
    ]
    late = view.ignored_line(doc, now)
    if late:
        body.append(f'<p class="note">{esc(late)}</p>')
    body.append(
        f'<p class="footer">{esc(view.footer(doc, now))} Made by inspector {esc(version)}'
        f" as of {esc(now.isoformat(sep=' ', timespec='minutes'))}.</p>"
    )
    css = _CSS.strip()
    csp = _CSP.format(style=_style_hash(css))
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>inspector: {esc(doc['verdict'])}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


def _incomplete(doc: ReportDoc) -> list[str]:
    notice = view.incomplete_notice(doc)
    if notice is None:
        return []
    items = "".join(f"<li>{esc(s['why'])}</li>" for s in doc["skipped"][:20])
    more = len(doc["skipped"]) - 20
    extra = f"<li>... and {more} more</li>" if more > 0 else ""
    return [f'<div class="incomplete"><p>{esc(notice)}</p><ul>{items}{extra}</ul></div>']


def _legend(requested: bool) -> str:
    entries = [
        ("sw-sent", "sent"),
        ("sw-slow", "slow hop (1 min or more)"),
        ("sw-arrival", "arrived (Inbox)"),
        ("sw-junk", "arrived in Junk or Trash"),
        ("sw-valid", "valid window"),
    ]
    if requested:
        entries.insert(0, ("sw-request", "you asked for the code"))
    items = "".join(f'<li><span class="swatch {cls}"></span>{text}</li>' for cls, text in entries)
    return f'<ul class="legend">{items}</ul>'


def _findings(doc: ReportDoc) -> str:
    findings = doc["findings"]
    if not findings:
        return '<p class="ok">No problems found.</p>'
    items = []
    for finding in findings:
        severity = finding["severity"] if finding["severity"] in _SEVERITY else "info"
        detail = finding["detail"]
        items.append(
            f'<li class="finding {severity}">'
            f'<p><span class="severity">{_SEVERITY[severity]}</span>{esc(finding["message"])}</p>'
            f'<p class="advice">{esc(finding["advice"])}</p>'
            + (f'<p class="detail">{esc(detail)}</p>' if detail else "")
            + f'<p class="id"><code>{esc(finding["id"])}</code></p></li>'
        )
    return '<ol class="findings">' + "".join(items) + "</ol>"


def _table(messages: list[MessageDoc], total: int, now: datetime) -> str:
    if not messages:
        return '<p class="note">No verification message was found in what was read.</p>'
    header = "".join(
        f"<th>{name}</th>"
        for name in ("Arrived", "Where", "Service", "Code", "State", "Took", "From", "Subject")
    )
    rows = []
    for msg in messages:
        state = msg["freshness"] or "-"
        role = msg["folder_role"] if msg["folder_role"] in view.ROLES else "other"
        rows.append(
            "<tr>"
            f"<td>{esc(view.arrived(msg, now))}</td>"
            f'<td class="where-{role}">{esc(view.place(msg))}</td>'
            f"<td>{esc(view.service_name(msg['service']))}</td>"
            f'<td class="code">{esc(msg["code"] or "-")}</td>'
            f'<td class="state-{esc(state)}">{esc(state.replace("_", " "))}</td>'
            f"<td>{esc(view.took(msg))}{_hops(msg, now)}</td>"
            f"<td>{esc(msg['from'] or '?')}</td>"
            f'<td class="subject">{esc(msg["subject"] or "")}</td>'
            "</tr>"
        )
    note = ""
    if len(messages) < total:
        note = (
            f'<p class="note">The newest {len(messages)} of {total:,}; --limit N or '
            "--all-messages shows more.</p>"
        )
    return f'<table class="messages"><tr>{header}</tr>{"".join(rows)}</table>{note}'


def _hops(msg: MessageDoc, now: datetime) -> str:
    """The delivery path as a list that opens on click (no script: ``<details>``)."""
    hops = msg["hops"]
    if not hops:
        return ""
    items = []
    for hop in hops:
        at = datetime.fromisoformat(hop["at"]) if hop["at"] else None
        delay = hop["delay_seconds"]
        items.append(
            f"<li>{esc(at.astimezone(now.tzinfo).strftime('%H:%M:%S') if at else '?')} "
            f"{esc(hop['by'] or '?')}"
            + (f" (+{esc(duration(delay))})" if delay is not None else "")
            + "</li>"
        )
    label = view.count(len(hops), "hop")
    return f"<details><summary>{label}</summary><ol>{''.join(items)}</ol></details>"
