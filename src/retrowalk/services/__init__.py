"""Use cases the faces call. They take plain data or commands, never a request or a terminal."""
