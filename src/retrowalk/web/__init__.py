"""The web face: FastAPI + Jinja2 + HTMX, phone-first pages for the walker and one JSON API.

`create_app` (web/app.py) builds the application from the composition root's wiring; nothing
here decides anything the services or the coach do not already decide.
"""
