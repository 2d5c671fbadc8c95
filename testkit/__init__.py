"""Test kit shared by the test suite and the benchmarks; not part of the inspector package.

- :mod:`testkit.dovecot`: a private Dovecot IMAP server on loopback (fresh users, SPECIAL-USE
  on or off, TLS with a private CA, quota, restart, a corpus loaded from its manifest);
- :mod:`testkit.dnsmasq`: dnsmasq on loopback serving fixed records (query log, local zones),
  and a silent UDP server for timeouts;
- :mod:`testkit.wireproxy`: a TCP proxy that records and counts what crosses it and can cut
  or stall the connection on cue;
- :mod:`testkit.imapscript`: a scripted IMAP server for answers no real server would give;
- :mod:`testkit.mail`: small hand-made messages; :mod:`testkit.corpus`: the large synthetic
  corpus (``python -m testkit.corpus``).

Everything binds to 127.0.0.1 only and never reaches the internet.
"""
