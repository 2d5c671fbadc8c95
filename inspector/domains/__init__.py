"""Facts about domain names shared by every check: the DNS resolver, the Public Suffix List,
organisational domains and provider families."""
