"""inspector's benchmark suite: ``python -m benchmarks`` (see benchmarks/README.md).

Not part of the test suite. It measures the installed/checked-out CLI as a black box, in
subprocesses, against naive baselines run side by side on the same synthetic corpus.
"""
