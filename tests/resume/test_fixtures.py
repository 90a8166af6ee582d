"""The fixture builder is deterministic, so the committed files can be rebuilt exactly."""

from __future__ import annotations

from pathlib import Path

from tests.resume.make_fixtures import build_all


def test_building_the_fixtures_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first = build_all(tmp_path / "a")
    second = build_all(tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    assert len(first) == 14
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
