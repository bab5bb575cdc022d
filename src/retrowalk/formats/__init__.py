"""Readers and writers of the files other tools use: FIT and TCX activities, CSV sessions and the
iCalendar plan. They know the domain's types (`domain/activity.py`, the plan) and bytes, never the
store or a face; the faces hand them what a service produced, or hand a service what they read."""
