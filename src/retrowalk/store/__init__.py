"""Storage: SQLAlchemy tables and repositories, the unit of work, Alembic migrations, backups.

SQLite in the user's data directory by default; PostgreSQL (psycopg 3) by URL.
"""
