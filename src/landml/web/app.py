"""The app factory: one workspace opened for the app's lifetime, pages and their JSON
twins, our own static files, and the guards of a local server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from landml import __version__
from landml.config import Settings
from landml.db.workspace import Workspace
from landml.web.api import dashboard as dashboard_api
from landml.web.api import market as market_api
from landml.web.api import offers as offers_api
from landml.web.api import postings as postings_api
from landml.web.api import prep as prep_api
from landml.web.api import resume as resume_api
from landml.web.api import tracker as tracker_api
from landml.web.charts import ChartCache
from landml.web.errors import install_error_handlers, refusal_response
from landml.web.rendering import STATIC_DIR, make_templates
from landml.web.routers import dashboard as dashboard_pages
from landml.web.routers import market as market_pages
from landml.web.routers import offers as offers_pages
from landml.web.routers import postings as postings_pages
from landml.web.routers import prep as prep_pages
from landml.web.routers import reference
from landml.web.routers import resume as resume_pages
from landml.web.routers import tracker as tracker_pages
from landml.web.security import LOCAL_HOSTS, LocalRequestGuard

DESCRIPTION = (
    "The JSON twin of landml's pages: every page under / has its data here under /api/v1. "
    'Errors come as {"error": {"type", "message", "hint"}} with the HTTP status of the error.'
)


def create_app(
    settings: Settings | None = None, *, allowed_hosts: Iterable[str] | None = LOCAL_HOSTS
) -> FastAPI:
    """The web app on the workspace `settings` name (the environment's when None).

    `allowed_hosts` are the Host names answered; None answers any (serving on all
    interfaces). State-changing requests from other origins are always refused.
    """
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        workspace = Workspace.open(settings)
        app.state.workspace = workspace
        try:
            yield
        finally:
            workspace.close()

    app = FastAPI(
        title="landml",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.chart_cache = ChartCache()
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(tracker_pages.router)
    app.include_router(tracker_api.router)
    app.include_router(dashboard_pages.router)
    app.include_router(dashboard_api.router)
    app.include_router(offers_pages.router)
    app.include_router(offers_api.router)
    app.include_router(postings_pages.router)
    app.include_router(postings_api.router)
    app.include_router(prep_pages.router)
    app.include_router(prep_api.router)
    app.include_router(market_pages.router)
    app.include_router(market_api.router)
    app.include_router(resume_pages.router)
    app.include_router(resume_api.router)
    app.include_router(reference.router)
    install_error_handlers(app)
    app.add_middleware(
        LocalRequestGuard, allowed_hosts=allowed_hosts, render_refusal=refusal_response
    )
    return app
