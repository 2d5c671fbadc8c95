"""The command line: a thin click layer, one module per command, shared options defined once.

The entry point is :func:`inspector.cli.main.main`."""
