"""Reading one message: header fields, addresses, MIME text, HTML to text, Received stamps.

One parse serves every later stage (extraction, timeline, authentication): the header section
is split once (:mod:`inspector.parse.fields`) and the Received fields are parsed once, with the
one answer to where the message entered the receiving provider (:mod:`inspector.parse.trace`)."""
