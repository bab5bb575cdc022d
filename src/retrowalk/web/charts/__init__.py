"""Server-rendered SVG charts: pure functions from numbers to shapes; the templates draw them.
The same shapes serve the page and (later) the clinician's PDF, with no JavaScript or canvas."""
