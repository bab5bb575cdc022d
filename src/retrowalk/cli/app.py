"""The Typer application and its commands: the whole app, for `retrowalk --help` and for any
command cli/lazy.py does not know (`retrowalk NAME` builds the app of that command alone)."""

from __future__ import annotations

from retrowalk.cli.admin import register as register_admin
from retrowalk.cli.calendar import register as register_calendar
from retrowalk.cli.certificate import register as register_certificate
from retrowalk.cli.config import register as register_config
from retrowalk.cli.data import register as register_data_commands
from retrowalk.cli.devices import register as register_devices
from retrowalk.cli.equipment import register as register_equipment
from retrowalk.cli.go import register as register_go
from retrowalk.cli.history import register as register_history
from retrowalk.cli.init import register as register_init
from retrowalk.cli.log import register as register_log
from retrowalk.cli.paired import register as register_paired
from retrowalk.cli.plan import register as register_plan
from retrowalk.cli.profile import register as register_profile
from retrowalk.cli.progress import register as register_progress
from retrowalk.cli.report import register as register_report
from retrowalk.cli.root import new_app
from retrowalk.cli.serve import register as register_serve
from retrowalk.cli.simulate import register as register_simulate
from retrowalk.cli.today import register as register_today

app = new_app()

register_simulate(app)
register_devices(app)
register_data_commands(app)
register_go(app)
register_init(app)
register_equipment(app)
register_profile(app)
register_today(app)
register_log(app)
register_plan(app)
register_calendar(app)
register_history(app)
register_progress(app)
register_report(app)
register_config(app)
register_serve(app)
register_paired(app)
register_certificate(app)
register_admin(app)
