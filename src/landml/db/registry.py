"""Imports every domain's models so that `Base.metadata` knows all tables.

Alembic's env and the test fixtures import this module; application code imports
the domain models it needs directly.
"""

from landml.accounts import models as accounts_models
from landml.db.base import Base
from landml.offers import models as offers_models
from landml.postings import models as postings_models
from landml.prep import models as prep_models
from landml.resume import models as resume_models
from landml.tracker import models as tracker_models

__all__ = [
    "Base",
    "accounts_models",
    "offers_models",
    "postings_models",
    "prep_models",
    "resume_models",
    "tracker_models",
]
