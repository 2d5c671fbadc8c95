"""inspector: find out why a verification code never arrived, arrived late, or does not work."""

from __future__ import annotations

__version__ = "0.1.0"


def data_text(name: str) -> str:
    """The text of the bundled data file ``inspector/data/NAME``.

    Read beside this module, not through ``importlib.resources``: importing that (with the
    zipfile and tempfile modules it pulls in) costs ~20 ms of start-up, and a pip-installed
    command always has its package on disk.
    """
    import os

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", name)
    with open(path, encoding="utf-8") as fh:
        return fh.read()
