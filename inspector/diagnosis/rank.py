"""One rank scale for every finding, so any two findings can be ordered against each other.

Findings sort by severity (error, warning, info), then by rank, highest first. The rank says
how directly a finding answers the person's question "why did my code not work?": a message
that is not from the service comes before anything else, a cause that stops every code (a
wrong address, a full mailbox) before one that concerns a single message, and context last.
Every rule takes its rank from here; no rule writes a number of its own.
"""

from __future__ import annotations

from typing import Final

# Not from who it claims to be: nothing else about that message matters until this is known.
PHISHING: Final = 100.0
# Nothing arrived at all.
NO_CODE: Final = 99.0
# The registered address or number cannot receive the code.
CONTACT_UNREACHABLE: Final = 97.0
# What the person typed is the problem.
ENTERED_CODE: Final = 95.0
# The mailbox is (nearly) full and may reject new mail.
MAILBOX_FULL: Final = 92.0
# Where the code went, and why it went there.
CODE_IN_SPAM: Final = 90.0
AUTH_FAILED_IN_JUNK: Final = 88.0
SPAM_VERDICT_IN_JUNK: Final = 87.0
# The code is dead.
EXPIRED_IN_TRANSIT: Final = 85.0
EXPIRED: Final = 80.0
# The codes went somewhere else.
RECIPIENT_MISMATCH: Final = 75.0
ENTERED_CODE_UNKNOWN: Final = 70.0
AUTH_FAILED: Final = 65.0
CODE_IN_TRASH: Final = 60.0
CODE_IN_TAB: Final = 55.0
SUPERSEDED: Final = 50.0
# Slow or held on the way.
GREYLISTING: Final = 45.0
DELAYED: Final = 40.0
FILTER_MOVED: Final = 38.0
# DNS answers could not be trusted: some checks are unknown.
DNS: Final = 36.0
# Risks in the contact details that do not stop a code by themselves.
CONTACT_RISK: Final = 35.0
TOO_MANY_CODES: Final = 30.0
SPAM_VERDICT: Final = 25.0
# Context.
CLOCK_SKEW: Final = 10.0
CONTACT_NOTE: Final = 8.0
SMS_SENDER: Final = 5.0
# Codes outside the attempt in question.
HISTORY: Final = 3.0
