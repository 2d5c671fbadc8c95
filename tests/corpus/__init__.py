"""Corpora of real public texts that inspector's own tests never shaped (see README.md).

Each corpus has a scorer module (``otp`` for verification codes) returning one ``Outcome``
per item; ``report`` prints the figures of every registered corpus, per language or group.
"""
