"""The favicon: an SVG in web/static, linked from every page (base.html)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.builders import onboard


def test_every_page_links_the_svg_favicon_and_it_is_served(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)

    html = sqlite_client.get("/").text
    icon = sqlite_client.get("/static/favicon.svg")

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert icon.status_code == 200 and icon.text.lstrip().startswith("<svg")
