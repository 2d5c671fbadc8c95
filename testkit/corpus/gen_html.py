"""HTML bodies shaped like the ones ESPs and services send: nested tables, inline styles."""

from __future__ import annotations

import html
import random

_DOCTYPE = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
)
_STYLE = """<style type="text/css">
  body{margin:0;padding:0;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%}
  table,td{border-collapse:collapse;mso-table-lspace:0pt;mso-table-rspace:0pt}
  img{border:0;height:auto;line-height:100%;outline:none;text-decoration:none}
  @media only screen and (max-width:620px){.container{width:100%!important}
  .stack{display:block!important;width:100%!important}}
</style>"""
_FONT = "font-family:Helvetica,Arial,sans-serif"


def page(title: str, inner: str, *, lang: str, preheader: str = "") -> str:
    pre = (
        f'<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">'
        f"{html.escape(preheader)}</div>"
        if preheader
        else ""
    )
    return (
        f'{_DOCTYPE}\n<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
        f"<title>{html.escape(title)}</title>\n{_STYLE}\n</head>\n"
        '<body style="margin:0;padding:0;background-color:#f4f5f7">\n'
        f"{pre}\n"
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
        'bgcolor="#f4f5f7">\n<tr><td align="center" style="padding:24px 8px">\n'
        '<table role="presentation" class="container" width="600" cellpadding="0" '
        'cellspacing="0" border="0" style="background-color:#ffffff;border-radius:6px">\n'
        f"{inner}\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n"
    )


def logo_row(name: str, domain: str) -> str:
    return (
        '<tr><td align="left" style="padding:24px 32px 8px 32px">'
        f'<a href="https://www.{domain}/?utm_source=email&amp;utm_medium=logo" '
        f'target="_blank"><img src="https://static.{domain}/email/logo@2x.png" width="120" '
        f'alt="{html.escape(name)}" style="display:block;width:120px" /></a></td></tr>'
    )


def paragraph(text: str, *, size: int = 15, color: str = "#333333") -> str:
    body = html.escape(text).replace("\n", "<br />\n")
    return (
        f'<tr><td style="padding:8px 32px;{_FONT};font-size:{size}px;line-height:1.5;'
        f'color:{color}">{body}</td></tr>'
    )


def code_box(code: str) -> str:
    return (
        '<tr><td align="center" style="padding:16px 32px">'
        '<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>'
        f'<td style="background:#f1f3f4;border-radius:4px;padding:12px 24px;{_FONT};'
        'font-size:32px;font-weight:bold;letter-spacing:6px;color:#202124">'
        f"{html.escape(code)}</td></tr></table></td></tr>"
    )


def button(label: str, url: str) -> str:
    return (
        '<tr><td align="center" style="padding:16px 32px">'
        '<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>'
        '<td bgcolor="#1a73e8" style="border-radius:4px">'
        f'<a href="{html.escape(url)}" target="_blank" style="display:inline-block;'
        f"padding:12px 28px;{_FONT};font-size:15px;color:#ffffff;text-decoration:none;"
        f'font-weight:bold">{html.escape(label)}</a></td></tr></table></td></tr>'
    )


def article(rng: random.Random, domain: str, title: str, text: str) -> str:
    slug = "-".join(title.lower().split()[:6])
    img = rng.randrange(10**8)
    return (
        '<tr><td style="padding:16px 32px">'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
        f'<td class="stack" width="180" valign="top" style="padding-right:16px">'
        f'<img src="https://cdn.{domain}/img/{img}/thumb_360x240.jpg" width="180" height="120" '
        f'alt="" style="display:block;border-radius:4px" /></td>'
        f'<td class="stack" valign="top" style="{_FONT}">'
        f'<h2 style="margin:0 0 8px 0;font-size:18px;line-height:1.3;color:#111111">'
        f'<a href="https://www.{domain}/{slug}?utm_source=newsletter&amp;utm_medium=email&amp;'
        f'utm_campaign=digest_{img}" style="color:#111111;text-decoration:none">'
        f"{html.escape(title)}</a></h2>"
        f'<p style="margin:0;font-size:14px;line-height:1.5;color:#555555">'
        f"{html.escape(text)}</p></td></tr></table></td></tr>"
    )


def items_table(rows: list[tuple[str, int, str]], total_label: str, total: str) -> str:
    cells = "".join(
        f'<tr><td style="padding:6px 0;{_FONT};font-size:14px;color:#333">{html.escape(name)}'
        f'</td><td align="center" style="{_FONT};font-size:14px">{qty}</td>'
        f'<td align="right" style="{_FONT};font-size:14px">{html.escape(price)}</td></tr>'
        for name, qty, price in rows
    )
    return (
        '<tr><td style="padding:8px 32px"><table role="presentation" width="100%" '
        f'cellpadding="0" cellspacing="0" border="0">{cells}'
        f'<tr><td colspan="2" style="padding-top:10px;border-top:1px solid #ddd;{_FONT};'
        f'font-weight:bold">{html.escape(total_label)}</td><td align="right" '
        f'style="padding-top:10px;border-top:1px solid #ddd;{_FONT};font-weight:bold">'
        f"{html.escape(total)}</td></tr></table></td></tr>"
    )


def footer(name: str, domain: str, address: str) -> str:
    return (
        f'<tr><td style="padding:24px 32px;{_FONT};font-size:11px;line-height:1.5;'
        f'color:#888888;border-top:1px solid #eeeeee">{html.escape(name)} · '
        f"{html.escape(address)}<br />"
        f'<a href="https://www.{domain}/preferences?u=robin" style="color:#888888">'
        "Manage preferences</a> · "
        f'<a href="https://www.{domain}/unsubscribe?u=robin" style="color:#888888">'
        "Unsubscribe</a> · "
        f'<a href="https://www.{domain}/privacy" style="color:#888888">Privacy</a></td></tr>'
    )


def gmail_div(text: str) -> str:
    """What Gmail's composer sends as the HTML alternative of a typed message."""
    lines = "".join(
        f"<div>{html.escape(line)}</div>" if line else "<div><br></div>"
        for line in text.split("\n")
    )
    return f'<div dir="ltr">{lines}</div>\n'
