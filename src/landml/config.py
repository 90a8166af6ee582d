"""Settings: where the workspace lives and the defaults of the hunt.

One variable, ``LANDML_HOME``, relocates all user data (the ``--home`` option of
every command sets it). ``LANDML_DATABASE_URL`` points at PostgreSQL instead of
the workspace's SQLite file.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# More than about 20 tailored applications a day leaves no time to tailor them:
# the guides our users follow favour a handful of good ones over mass-applying.
DEFAULT_DAILY_GOAL = 5
DEFAULT_FOLLOW_UP_DAYS = 7
DEFAULT_GHOST_AFTER_DAYS = 30


def default_home() -> Path:
    """The platform's per-user data directory (for example ~/.local/share/landml)."""
    return Path(platformdirs.user_data_dir("landml", appauthor=False))


class Settings(BaseSettings):
    """Runtime settings, read from the environment (prefix ``LANDML_``)."""

    model_config = SettingsConfigDict(env_prefix="LANDML_", extra="ignore")

    home: Path = Field(default_factory=default_home)
    database_url: str | None = None
    follow_up_days: int = Field(default=DEFAULT_FOLLOW_UP_DAYS, ge=1, le=90)
    ghost_after_days: int = Field(default=DEFAULT_GHOST_AFTER_DAYS, ge=1, le=365)
    daily_goal: int = Field(default=DEFAULT_DAILY_GOAL, ge=1, le=100)
    # IANA zone used to decide what "today" is; the system's zone when unset.
    timezone: str | None = None
    busy_timeout_s: float = Field(default=5.0, ge=0, le=120)

    @property
    def sqlite_path(self) -> Path:
        return self.home / "landml.sqlite3"

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the workspace database."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.sqlite_path}"

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")
