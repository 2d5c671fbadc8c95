"""Time: the delivery path of a message (hops and delays) and the freshness of its code."""
