"""Theme budget and self-containment, measured on the built hub."""
import re

CONTENT = re.compile(r'<div class="sg-content">.*?</div><!-- /sg-content -->', re.S)


def test_theme_weight_per_page_stays_under_60_kb(hub_site):
    assets = sum(p.stat().st_size for p in (hub_site / "assets").iterdir() if p.suffix in (".css", ".js"))
    weights = {}
    for page in hub_site.rglob("*.html"):
        html = page.read_text()
        weights[page.relative_to(hub_site).as_posix()] = len(CONTENT.sub("", html).encode()) + assets
    heaviest = max(weights, key=weights.get)
    print(f"\ntheme weight: heaviest page {heaviest} = {weights[heaviest]} bytes (CSS+JS {assets} bytes)")
    assert weights[heaviest] < 60 * 1024


def test_no_request_leaves_the_site(hub_site):
    loads = re.compile(r'<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\brel="(?:stylesheet|icon|preload|modulepreload)"[^>]*\bhref="([^"]+)"')
    for page in hub_site.rglob("*.html"):
        for match in loads.finditer(page.read_text()):
            url = match.group(1) or match.group(2)
            assert url.startswith("/nexus/"), f"{page}: {url}"
    for sheet in (hub_site / "assets").glob("*.css"):
        assert "url(" not in sheet.read_text() and "@import" not in sheet.read_text()
