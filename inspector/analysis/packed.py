"""A list whose items can be kept packed: pickled, and compressed against the first ones.

What a run keeps of a verification message (``record.MessageRecord``) is some 40 objects and
their strings, about 6 KB: the delivery hops, the authentication report with every stamp's
properties. Yet the diagnosis reads most of that only for the few messages in focus, and the
report shows only those. So the run keeps each record packed (``RunResult.records``): its
pickle, compressed with zlib against a dictionary made of the first records' pickles. The
verification messages of one mailbox repeat their class names, header names, relays and
receivers, so what is left is some 400 bytes of their own. An item is decoded when it is
read, one at a time: a pass over the list (the arrival order, the diagnosis gathering its
evidence) holds one item's objects at a time, never all of them.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar, overload

T = TypeVar("T")

# The dictionary grows with the first packed items until it holds this much (about four
# records), then stays as it is: every later item is compressed against it.
PRESET_BYTES = 8 * 1024


class PackedList(Sequence[T], Generic[T]):
    """Items in the order they were added: ``pack`` keeps one packed, ``append`` as it is
    (an item every reader decodes anyway, like a record ``--all-messages`` lists). Items
    are anything picklable but ``bytes``, which is how a packed entry is told apart."""

    __slots__ = ("_entries", "_preset")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._entries: list[T | bytes] = list(items)
        self._preset = b""

    def append(self, item: T) -> None:
        self._entries.append(item)

    def pack(self, item: T) -> None:
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        if len(self._preset) < PRESET_BYTES:
            # The first items stay objects and their pickles become the dictionary: every
            # packed entry is then read with the one dictionary it was written with.
            self._preset += data
            self._entries.append(item)
            return
        packer = zlib.compressobj(zdict=self._preset)
        self._entries.append(packer.compress(data) + packer.flush())

    def select(self, indexes: Iterable[int]) -> PackedList[T]:
        """The items at ``indexes``, in that order, still packed."""
        chosen: PackedList[T] = PackedList()
        chosen._entries = [self._entries[i] for i in indexes]
        chosen._preset = self._preset
        return chosen

    def packed_sizes(self) -> list[int]:
        """The size in bytes of every packed entry (items kept as they are have none)."""
        return [len(entry) for entry in self._entries if isinstance(entry, bytes)]

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._unpack(entry) for entry in self._entries[index]]
        return self._unpack(self._entries[index])

    def __iter__(self) -> Iterator[T]:
        for entry in self._entries:
            yield self._unpack(entry)

    def _unpack(self, entry: T | bytes) -> T:
        if not isinstance(entry, bytes):
            return entry
        data = zlib.decompressobj(zdict=self._preset).decompress(entry)
        item: T = pickle.loads(data)  # noqa: S301 (only what ``pack`` wrote)
        return item
