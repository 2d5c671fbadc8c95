from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

settings.register_profile(
    "inspector", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "inspector"))


def require_binary(path: str, why: str) -> None:
    """Skip when a server binary is missing, unless CI demands every real-server test runs."""
    if Path(path).exists():
        return
    if os.environ.get("INSPECTOR_REQUIRE_SERVERS"):
        pytest.fail(f"{path} is missing but INSPECTOR_REQUIRE_SERVERS is set ({why})")
    pytest.skip(f"{path} is not installed ({why})")


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
