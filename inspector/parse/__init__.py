"""Reading one message: header fields, addresses, MIME text, HTML to text, Received stamps.

One parse serves every later stage (extraction, timeline, authentication)."""
