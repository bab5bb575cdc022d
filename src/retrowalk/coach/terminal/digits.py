"""A block font for the countdown, five rows tall, so it can be read from the far end of a
treadmill."""

from __future__ import annotations

_GLYPHS = {
    "0": ("█████", "█   █", "█   █", "█   █", "█████"),
    "1": ("  █  ", " ██  ", "  █  ", "  █  ", " ███ "),
    "2": ("█████", "    █", "█████", "█    ", "█████"),
    "3": ("█████", "    █", " ████", "    █", "█████"),
    "4": ("█   █", "█   █", "█████", "    █", "    █"),
    "5": ("█████", "█    ", "█████", "    █", "█████"),
    "6": ("█████", "█    ", "█████", "█   █", "█████"),
    "7": ("█████", "    █", "   █ ", "  █  ", "  █  "),
    "8": ("█████", "█   █", "█████", "█   █", "█████"),
    "9": ("█████", "█   █", "█████", "    █", "█████"),
    ":": ("   ", " █ ", "   ", " █ ", "   "),
}


def big(text: str) -> str:
    """`text` (digits and colons) in the block font, as five lines."""
    rows = zip(*(_GLYPHS[char] for char in text), strict=True)
    return "\n".join("  ".join(row) for row in rows)


def clock_face(seconds: float, count_down: bool = True) -> str:
    """'4:05' for 245 s. Counting down, a second partly gone still shows, so the count ends on
    0:00 exactly when time is up; counting up, only whole seconds show."""
    whole = max(0, int(-(-seconds // 1) if count_down else seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"
