"""Evidence in, ranked plain-language findings and a one-line verdict out. Pure: no I/O.

``evidence`` gathers what the rules share, ``rules/`` is the one home of every finding (on one
rank scale, ``rank``), ``engine`` runs the rules and writes the verdict."""
