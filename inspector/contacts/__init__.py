"""Checks of the registered contact details: the e-mail address and the phone number."""
