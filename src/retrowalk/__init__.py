"""retrowalk: coaching for backward (retro) treadmill walking, for knee health."""

__version__ = "0.1.0"
