"""The patient page's charts: session pain and minutes walked, and the KOOS and WOMAC scores,
each on its own dates, drawn side by side with the app's own SVG line charts."""

from __future__ import annotations

from retrowalk.domain.outcome_measures import SUBSCALES, Instrument
from retrowalk.services.desk_records import PatientPage
from retrowalk.web.charts.line import LineChart, Series, line_chart

PAIN_TOP = 10.0


def patient_charts(page: PatientPage) -> list[LineChart]:
    charts = []
    walked = [f for f in page.sessions if f.done]
    if walked:
        dates = [f.on for f in walked]
        worst = [
            max((p for p in (f.pain_during, f.pain_after) if p is not None), default=None)
            for f in walked
        ]
        morning = [f.pain_next_morning for f in walked]
        pain = [Series("during or after", "solid", worst)]
        if any(m is not None for m in morning):
            pain.append(Series("next morning", "dashed", morning))
        charts.append(line_chart("pain", "Session pain (0 to 10)", "", dates, pain, top=PAIN_TOP))
        minutes = [f.minutes_done if f.minutes_done is not None else f.dose.minutes for f in walked]
        dose = [Series("minutes", "solid", minutes)]
        charts.append(line_chart("dose", "Minutes walked", "min", dates, dose))
    for instrument in Instrument:
        mine = [s.measure for s in page.measures if s.measure.instrument is instrument]
        if not mine:
            continue
        dates = [m.on for m in mine]
        series = [
            Series(scale.label, "solid", [m.score(scale.name) for m in mine])
            for scale in SUBSCALES[instrument]
        ]
        top = max(scale.high for scale in SUBSCALES[instrument])
        direction = "higher is better" if instrument is Instrument.KOOS else "higher is worse"
        title = f"{instrument.label} ({direction})"
        charts.append(line_chart(instrument.value, title, "", dates, series, top=top))
    return charts
