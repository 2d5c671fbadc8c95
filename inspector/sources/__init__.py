"""Where messages come from: files, IMAP mailboxes and SMS exports."""
