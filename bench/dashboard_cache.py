"""Dashboard and Offers page load times on the demo workspace: first load, which builds
and renders the charts, against reloads served from the chart cache (the peer, measured
in the same run), and a reload after one change to the hunt, which must draw again.

The app runs in-process (FastAPI's test client) on a temporary SQLite workspace filled
with `landml demo`; the clock is pinned so every run charts the same data. Times are
wall clock, median of `--repeat` reloads.

Usage: .venv/bin/python bench/dashboard_cache.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

NOW = "2026-03-10T09:00:00+00:00"


def timed(get: Callable[[str], Any], url: str) -> float:
    start = time.perf_counter()
    response = get(url)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["LANDML_NOW"] = NOW
    os.environ["LANDML_TIMEZONE"] = "America/Denver"

    from landml.config import Settings
    from landml.db.workspace import Workspace
    from landml.tracker.demo import load_demo
    from landml.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    home = Path(tempfile.mkdtemp(prefix="landml-bench-"))
    workspace = Workspace.open(Settings(home=home))
    with workspace.session() as session:
        summary = load_demo(session, 1, now=datetime.fromisoformat(NOW))
    workspace.close()
    print(f"demo workspace: {summary.applications} applications, {summary.offers} offers")

    with TestClient(create_app(Settings(home=home)), base_url="http://127.0.0.1") as client:
        print(f"{'page':<12}{'first load':>12}{'cached reload':>16}{'after a change':>16}")
        for url in ("/dashboard", "/offers"):
            first = timed(client.get, url)
            reloads = [timed(client.get, url) for _ in range(args.repeat)]
            if url == "/dashboard":
                client.post(
                    "/api/v1/applications",
                    json={"company": "Bench Co", "title": "ML Engineer", "stage": "applied"},
                )
            else:
                client.put("/api/v1/offers/1/scores", json={"scores": {"growth": 4.5}})
            changed = timed(client.get, url)
            print(f"{url:<12}{first:>11.3f}s{statistics.median(reloads):>15.3f}s{changed:>15.3f}s")


if __name__ == "__main__":
    main()
