"""The pipeline: source items in, one compact record per message out, in bounded memory."""
