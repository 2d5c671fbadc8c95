"""A list whose items can be kept packed: pickled, and compressed against the first ones.

What a run keeps of a verification message (``record.MessageRecord``) is some 40 objects and
their strings, about 6 KB: the delivery hops, the authentication report with every stamp's
properties. Yet the diagnosis reads most of that only for the few messages in focus, and the
report shows only those. So the run keeps each record packed (``RunResult.records``): its
pickle, compressed with raw deflate against a dictionary made of the first records' pickles.
The verification messages of one mailbox repeat their class names, header names, relays and
receivers, so what is left is some 350 bytes of their own. An item is decoded when it is
read, one at a time: a pass over the list (the arrival order, the diagnosis gathering its
evidence) holds one item's objects at a time, never all of them.

The packed items lie back to back in one buffer, their ends in an array of integers: no
object per item. Small objects that live as long as the run, made while a message's
thousands of short-lived ones are about, keep the allocator's blocks around them from being
given back; one growing buffer does not (about 0.3 MB less peak memory on the 2 GB mbox than
a bytes object per record).
"""

from __future__ import annotations

import pickle
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar, cast, overload

T = TypeVar("T")

# The dictionary grows with the first packed items until it holds this much (about fifteen
# records; 32 KB is as far back as deflate looks), then stays as it is: every later item is
# compressed against it.
PRESET_BYTES = 32 * 1024
# Raw deflate at its best: no zlib header and checksum (six bytes an item, and the checksum
# is most of the time it takes to decompress one).
_LEVEL = 9
_RAW = -15
# In ``_slots``, for an item kept as it is (in ``_loose``): given so (``append``), or one of
# the first packed ones, whose pickles are the dictionary.
_LOOSE = -1
_PRESET = -2


class PackedList(Sequence[T], Generic[T]):
    """Items in the order they were added: ``pack`` keeps one packed, ``append`` as it is
    (an item every reader decodes anyway, like a record ``--all-messages`` lists)."""

    __slots__ = ("_data", "_ends", "_loose", "_preset", "_slots")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._slots = array("q")  # per item: its number among the packed ones, or < 0
        self._loose: list[T | None] = []  # per item: the item when kept as it is
        self._data = bytearray()  # the packed items, back to back
        self._ends = array("Q")  # where each packed item ends in ``_data``
        self._preset = b""
        for item in items:
            self.append(item)

    def append(self, item: T) -> None:
        self._loose.append(item)
        self._slots.append(_LOOSE)

    def pack(self, item: T) -> None:
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        if len(self._preset) < PRESET_BYTES:
            # The first items stay objects and their pickles become the dictionary: every
            # packed item is then read with the one dictionary it was written with.
            self._preset = (self._preset + data)[-PRESET_BYTES:]
            self._loose.append(item)
            self._slots.append(_PRESET)
            return
        packer = zlib.compressobj(_LEVEL, zlib.DEFLATED, _RAW, zdict=self._preset)
        self._data += packer.compress(data)
        self._data += packer.flush()
        self._loose.append(None)
        self._slots.append(len(self._ends))
        self._ends.append(len(self._data))

    def select(self, indexes: Iterable[int]) -> PackedList[T]:
        """The items at ``indexes``, in that order, for reading: the packed ones are not
        copied (the selection shares them, so nothing is to be packed into it)."""
        chosen: PackedList[T] = PackedList()
        chosen._data, chosen._ends, chosen._preset = self._data, self._ends, self._preset
        for index in indexes:
            chosen._loose.append(self._loose[index])
            chosen._slots.append(self._slots[index])
        return chosen

    def packed_sizes(self) -> list[int]:
        """The size in bytes of every packed item (items kept as they are have none)."""
        return [self._end(slot) - self._start(slot) for slot in self._slots if slot >= 0]

    def __len__(self) -> int:
        return len(self._slots)

    def __eq__(self, other: object) -> bool:
        """Equal to a list or a packed list of equal items, however they are kept."""
        if not isinstance(other, PackedList | list):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list is

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._item(i) for i in range(len(self))[index]]
        return self._item(range(len(self))[index])  # an IndexError, and negative indexes

    def __iter__(self) -> Iterator[T]:
        for index in range(len(self._slots)):
            yield self._item(index)

    def _item(self, index: int) -> T:
        slot = self._slots[index]
        if slot < 0:
            return cast("T", self._loose[index])  # what ``append`` put there
        packed = self._data[self._start(slot) : self._end(slot)]
        data = zlib.decompressobj(_RAW, zdict=self._preset).decompress(packed)
        item: T = pickle.loads(data)  # noqa: S301 (only what ``pack`` wrote)
        return item

    def _start(self, slot: int) -> int:
        return self._ends[slot - 1] if slot else 0

    def _end(self, slot: int) -> int:
        return self._ends[slot]
