"""Sources: where messages come from (saved files, a live IMAP mailbox, SMS exports)."""
