"""The pure domain core: the protocol's ideas as typed values and functions.

Nothing here does I/O or imports a framework; everything imports only the standard library and
its siblings (a test walks the imports to keep it so).
"""
