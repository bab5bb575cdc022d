"""The live session in a terminal: a full-screen Rich display, single-key controls and the
check-in prompts."""
