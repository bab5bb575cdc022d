"""The terminal face of retrowalk (Typer + Rich): parse, call one service, render."""
