"""Benchmarks; each module runs as `python -m bench.<name>` and can write its docs section."""
