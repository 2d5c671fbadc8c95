"""Mailbox quota (RFC 2087, RFC 9208): a full mailbox makes the provider reject new mail.

``GETQUOTAROOT INBOX`` answers the quota roots of the inbox and, for each, resources with
usage and limit (``STORAGE`` in units of 1024 octets, ``MESSAGE`` in messages). The fullest
resource is the one that will bounce the next code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from inspector.sources.imap_fetch import as_int


@dataclass(frozen=True, slots=True)
class MailboxQuota:
    """The fullest resource of the inbox's quota roots."""

    root: str
    resource: str  # "STORAGE" (KiB), "MESSAGE" (count), ...
    usage: int
    limit: int

    @property
    def ratio(self) -> float:
        return self.usage / self.limit if self.limit > 0 else 0.0


def fullest(quotas: Iterable[object]) -> MailboxQuota | None:
    """The resource closest to its limit among imapclient ``Quota`` tuples (root, resource,
    usage, limit); ``None`` when the server reports none with a positive limit."""
    best: MailboxQuota | None = None
    for quota in quotas:
        fields = _quota_fields(quota)
        if fields is None:
            continue  # a resource we cannot read says nothing about fullness
        root, resource, usage, limit = fields
        if limit <= 0 or usage < 0:
            continue
        current = MailboxQuota(root, resource, usage, limit)
        if best is None or current.ratio > best.ratio:
            best = current
    return best


@runtime_checkable
class _Quota(Protocol):
    """imapclient's ``Quota`` named tuple, as far as it is read here (values as parsed)."""

    @property
    def quota_root(self) -> object: ...
    @property
    def resource(self) -> object: ...
    @property
    def usage(self) -> object: ...
    @property
    def limit(self) -> object: ...


def _quota_fields(quota: object) -> tuple[str, str, int, int] | None:
    """(root, resource, usage, limit), or None for an entry that cannot be read."""
    if not isinstance(quota, _Quota):
        return None
    usage, limit = as_int(quota.usage), as_int(quota.limit)
    if usage is None or limit is None:
        return None
    return str(quota.quota_root), str(quota.resource).upper(), usage, limit
