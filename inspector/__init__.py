"""inspector: find out why a verification code never arrived, arrived late, or does not work."""

from __future__ import annotations

__version__ = "0.1.0"
