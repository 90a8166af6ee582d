"""Small formatting rules of the pages and of the API reference."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from landml.tracker.schemas import StageOut
from landml.tracker.stages import BUILTIN_STAGES
from landml.web.deps import zone_name
from landml.web.rendering import days_between, days_text, http_url, local_time, suggested_stage
from landml.web.routers.reference import type_name

STAGES = [StageOut(key=s.key, label=s.label, closed=s.closed, builtin=True) for s in BUILTIN_STAGES]
T = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)


def test_days_in_stage() -> None:
    assert days_between(T - timedelta(days=3, hours=1), T) == 3
    assert days_between(T + timedelta(hours=2), T) == 0
    assert [days_text(n) for n in (0, 1, 12)] == ["today", "1 day", "12 days"]


def test_times_are_shown_in_the_persons_zone() -> None:
    assert local_time(T, ZoneInfo("Europe/Paris")) == "2026-03-11 00:30"
    assert local_time(None, ZoneInfo("Europe/Paris")) == ""


def test_move_forms_offer_the_next_open_stage() -> None:
    assert suggested_stage(STAGES, "saved") == "applied"
    assert suggested_stage(STAGES, "offer") == "accepted"
    assert suggested_stage(STAGES, "accepted") is None
    assert suggested_stage(STAGES, "rejected") is None


def test_only_http_urls_become_links() -> None:
    assert http_url("https://jobs.example.org/1") and http_url("HTTP://x.example")
    assert not http_url("javascript:alert(1)") and not http_url("data:text/html,x")
    assert not http_url(None) and not http_url("")


def test_zone_names_for_fixed_offsets_use_etc_gmt_with_its_inverted_sign() -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    assert zone_name(ZoneInfo("Asia/Tokyo"), at) == "Asia/Tokyo"
    assert zone_name(UTC, at) == "UTC"
    assert zone_name(timezone(timedelta(hours=2)), at) == "Etc/GMT-2"
    assert zone_name(timezone(timedelta(hours=-5)), at) == "Etc/GMT+5"


def test_schema_types_read_like_python() -> None:
    assert type_name({"$ref": "#/components/schemas/Board"}) == "Board"
    assert type_name({"type": "array", "items": {"$ref": "#/x/StageOut"}}) == "list[StageOut]"
    assert type_name({"anyOf": [{"type": "string"}, {"type": "null"}]}) == "string | null"
    assert type_name({"type": "string", "format": "date-time"}) == "string (date-time)"
