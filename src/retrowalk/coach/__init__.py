"""The live guided session: a timeline from today's dose, a runner that plays it on an injected
clock, and the ports it talks through (cue output, the belt, the check-in, the logger).

Nothing here reads the wall clock except the clocks in `clock.py`; the terminal face lives in
`coach.terminal` and the `retrowalk go` command wires it up.
"""
