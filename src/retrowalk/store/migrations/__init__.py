"""Alembic migrations, shipped inside the package (run by `retrowalk.store.migrate`)."""
