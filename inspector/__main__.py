from __future__ import annotations

from inspector.cli.main import main

main()
