"""Fixtures for the grader and sandbox tests: each isolation mode this machine supports."""

from __future__ import annotations

import os

import pytest

from landml.prep.sandbox import IsolationMode, Limits, bubblewrap_problem


@pytest.fixture(params=["bubblewrap", "reduced"])
def isolation(request: pytest.FixtureRequest) -> IsolationMode:
    """Run the test under bubblewrap and under the reduced mode."""
    mode: IsolationMode = request.param
    if mode == "bubblewrap" and (problem := bubblewrap_problem()) is not None:
        if os.environ.get("CI"):
            pytest.fail(f"bubblewrap is required under CI: {problem}")
        pytest.skip(f"bubblewrap unusable here ({problem}); only the reduced mode was tested")
    return mode


@pytest.fixture
def tight_limits() -> Limits:
    """Small limits, so that runs the sandbox must stop end quickly. The wall clock stays
    generous: a loaded CI machine must not turn a CPU or memory test into a timeout."""
    return Limits(
        cpu_seconds=2,
        wall_seconds=20.0,
        memory_bytes=768 << 20,
        processes=12,
        file_size_bytes=4 << 20,
        disk_bytes=8 << 20,
        output_bytes=16 << 10,
    )
