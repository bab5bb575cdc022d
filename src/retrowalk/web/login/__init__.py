"""Clinic mode's login (`retrowalk serve --clinic`): the gate in front of every route but a few
(`gate`), the session cookie (`cookie`) and the pages to log in, sign up by invitation, reset a
password, invite, and for an admin the accounts (web/pages/login*.py, invitations, admin).
See docs/web.md, "Clinic mode: accounts and login"."""
