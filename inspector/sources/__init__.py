"""Sources: readers that turn files, mailboxes and exports into a stream of ``SourceItem``."""
