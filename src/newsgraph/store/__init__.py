"""Storage: schema, migrations and the one module that speaks SQL."""
from .db import Store, Writer, database_url

__all__ = ["Store", "Writer", "database_url"]
