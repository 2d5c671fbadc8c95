"""Checks of the contact details a code is sent to: the email address, the phone number, and
the kind of SMS sender a code came from. Pure except for the injected DNS resolver.

The checks return facts (``problems``); the findings are made of them by the diagnosis rules
(``inspector.diagnosis.rules.contacts``), like every other finding.

Heavy libraries (email-validator, phonenumbers, the disposable-domain list) are imported inside
the functions that need them. The package itself imports nothing: every mailbox run needs
``contacts.sender``, and importing it must not bring in the address and phone checks (~14 ms
of start-up). Names are imported from their modules: ``contacts.email`` (``check_email``),
``contacts.phone`` (``check_phone``), ``contacts.problems``, ``contacts.sender``.
"""
