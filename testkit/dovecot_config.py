"""The dovecot.conf of the kit's private server (see /work/shared/notes/dovecot.md).

As root, Dovecot needs ``default_login_user = dovenull``, ``first_valid_uid = 1`` and mail
owned by the ``dovecot`` user. Any user name logs in with the one password (a static passdb),
so a test takes a fresh user, and so a fresh, empty mailbox, whenever it wants one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from testkit.net import HOST

# Folder name -> SPECIAL-USE attribute (RFC 6154), or None for a folder known only by name.
Folders = Mapping[str, str | None]

SPECIAL_USE: Folders = {
    "Junk": "\\Junk",
    "Trash": "\\Trash",
    "Archive": "\\Archive",
    "Sent": "\\Sent",
}
NAMED_ONLY: Folders = {"Spam": None, "Newsletters": None}

# Dovecot 2.3's post-login capabilities (without the ones that depend on settings); a server
# "without IDLE" offers these minus IDLE and NOTIFY (RFC 5465 implies being told of news too).
DOVECOT_CAPABILITIES = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES "
    "THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN "
    "NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES "
    "WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW "
    "STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE"
).split()
WITHOUT_IDLE = tuple(c for c in DOVECOT_CAPABILITIES if c not in ("IDLE", "NOTIFY"))

DH_PARAMS = Path("/usr/share/dovecot/dh.pem")


@dataclass(frozen=True, slots=True)
class Settings:
    directory: Path
    port: int
    password: str
    tls_port: int = 0  # 0: no TLS at all (no implicit-TLS listener, no STARTTLS)
    quota: bool = False
    folders: Folders = field(default_factory=lambda: dict(SPECIAL_USE))
    # The CAPABILITY list offered after login, replacing Dovecot's own (None: Dovecot's).
    capabilities: tuple[str, ...] | None = None
    # The oauth2 passdb's args file (testkit.oauth2): XOAUTH2 and OAUTHBEARER logins too.
    oauth2: Path | None = None


def _mailboxes(folders: Folders) -> str:
    blocks = []
    for name, special in folders.items():
        use = f"    special_use = {special}\n" if special else ""
        blocks.append(f"  mailbox {name} {{\n{use}    auto = subscribe\n  }}")
    return "\n".join(blocks)


def _ssl(s: Settings) -> tuple[str, str]:
    """The ``ssl`` settings and the implicit-TLS listener."""
    if not s.tls_port:
        return "ssl = no", "  inet_listener imaps {\n    port = 0\n  }"
    d = s.directory
    ssl = f"ssl = yes\nssl_cert = <{d}/cert.pem\nssl_key = <{d}/key.pem"
    if DH_PARAMS.exists():
        ssl += f"\nssl_dh = <{DH_PARAMS}"
    imaps = (
        f"  inet_listener imaps {{\n    address = {HOST}\n    port = {s.tls_port}\n"
        "    ssl = yes\n  }"
    )
    return ssl, imaps


_QUOTA = """
mail_plugins = $mail_plugins quota
protocol imap {
  mail_plugins = $mail_plugins imap_quota
}
plugin {
  quota = count:User quota
  quota_rule = *:storage=4M
  quota_vsizes = yes
}"""


def _oauth2(s: Settings) -> str:
    if s.oauth2 is None:
        return ""
    return (
        "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n"
        f"  args = {s.oauth2}\n}}\n"
    )


def render(s: Settings) -> str:
    d = s.directory
    ssl, imaps = _ssl(s)
    return f"""
base_dir = {d}/run
listen = {HOST}
protocols = imap
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login{" xoauth2 oauthbearer" if s.oauth2 else ""}
# fast failing logins: no 2 s delay, no growing per-IP penalty (tests log in wrongly on purpose)
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
log_path = {d}/dovecot.log
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
first_valid_uid = 1
mail_location = maildir:{d}/mail/%u
{_oauth2(s)}passdb {{
  driver = static
  args = password={s.password}
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={d}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = {HOST}
    port = {s.port}
  }}
{imaps}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /
{_mailboxes(s.folders)}
}}
{_QUOTA if s.quota else ""}
{"imap_capability = " + " ".join(s.capabilities) if s.capabilities is not None else ""}
"""
