"""How the progress page frames a chart so that its text is legible on a phone and never
clipped: the viewBox reaches a little left of the plot (room for the value labels), and the
text size is worked out in viewBox units from the width the chart is drawn at on a 390 px phone.
The plot's own geometry (scale.py) is the one the report's charts share."""

from __future__ import annotations

import math

from retrowalk.web.charts.scale import BOTTOM, HEIGHT, LEFT, WIDTH

# The narrowest phone we design for, and what is left of it for the drawing: the page's side
# padding (.75rem) and the chart card's border and padding (1px + .75rem), each side, with
# app.css's root font size of 112.5 % (1rem = 18 px).
PHONE_PX = 390
REM_PX = 18
PHONE_CHART_PX = PHONE_PX - 2 * 0.75 * REM_PX - 2 * (1 + 0.75 * REM_PX)
# The smallest chart text a walker should have to read, in CSS pixels as rendered.
MIN_TEXT_PX = 14
# Extra room left of the plot, so that a label such as "12.5" is drawn inside the viewBox.
PAD_LEFT = 14.0
VIEW_X = -PAD_LEFT
VIEW_WIDTH = WIDTH + PAD_LEFT
TEXT = math.ceil(MIN_TEXT_PX * VIEW_WIDTH / PHONE_CHART_PX)

PAGE_BOX = {
    "x": VIEW_X,
    "width": VIEW_WIDTH,
    "height": HEIGHT,
    "text": TEXT,
    # A value label's baseline sits this far below its tick, centring it on the line.
    "tick_text_drop": round(TEXT * 0.35, 1),
    "y_label_x": LEFT - 5,
    "x_label_y": HEIGHT - BOTTOM + TEXT + 2,
}
