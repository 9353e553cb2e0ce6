"""The hub published under a sub-path (/nexus/) and served by nginx, checked like a crawler would."""
import re
import shutil
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import BASE_URL, REPO, run_sitegen
from site_crawler import crawl, fetch

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def local(server, url):
    """Maps an absolute URL of the published site to the local server."""
    assert url.startswith(BASE_URL), url
    return server.root + url[len(BASE_URL):]


def test_crawl_finds_no_broken_link_anchor_or_request_outside_the_base(served_hub):
    report = crawl(served_hub.root)
    print(f"\ncrawl: {report['pages']} pages, {report['links']} links, {report['urls']} URLs, "
          f"{report['anchors']} anchors checked, {len(report['external'])} external not fetched")
    assert report["pages"] >= 40
    assert report["broken"] == []
    assert report["missing_fragments"] == []
    assert report["outside_base"] == []
    assert all(path.startswith("/nexus/") for path in served_hub.requested_paths())


def test_missing_pages_get_the_404_page(served_hub):
    code, _, _ = fetch(served_hub.root + "no/such/page/")
    assert code == 404
    with urllib.request.urlopen(served_hub.root + "404.html") as response:
        body = response.read().decode()
    assert "Page not found" in body and 'href="/nexus/' in body


def test_sitemap_lists_every_page_with_valid_elements(served_hub, hub_site):
    robots = (hub_site / "robots.txt").read_text()
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots
    root = ET.parse(hub_site / "sitemap.xml").getroot()
    assert root.tag == SITEMAP + "urlset"
    urls = root.findall(SITEMAP + "url")
    pages = [p for p in hub_site.rglob("index.html") if "topics" not in p.parts and p.parent.name != "search"]
    redirects = [p for p in pages if 'http-equiv="refresh"' in p.read_text()]
    assert len(urls) == len(pages) - len(redirects)
    for url in urls:
        loc = url.find(SITEMAP + "loc").text
        assert fetch(local(served_hub, loc))[0] == 200, loc
        lastmod = url.find(SITEMAP + "lastmod")
        assert lastmod is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod.text)


def test_feed_is_valid_atom(served_hub, hub_site):
    feed = ET.parse(hub_site / "feed.xml").getroot()
    assert feed.tag == ATOM + "feed"
    for element in ("id", "title", "updated"):
        assert feed.find(ATOM + element) is not None and feed.find(ATOM + element).text
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Nexus maintainers"
    assert feed.find(ATOM + "link[@rel='self']").get("href") == BASE_URL + "feed.xml"
    entries = feed.findall(ATOM + "entry")
    assert 1 <= len(entries) <= 20
    stamps = [e.find(ATOM + "updated").text for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    for entry in entries:
        for element in ("id", "title", "updated", "summary"):
            assert entry.find(ATOM + element) is not None
        assert fetch(local(served_hub, entry.find(ATOM + "link").get("href")))[0] == 200


def test_pages_carry_canonical_and_open_graph_tags(hub_site):
    html = (hub_site / "concepts" / "celery-tasks" / "index.html").read_text()
    assert f'<link rel="canonical" href="{BASE_URL}concepts/celery-tasks/">' in html
    for prop in ("og:title", "og:url", "og:description", "og:type"):
        assert f'property="{prop}"' in html
    assert '<meta name="description"' in html


def test_an_alias_redirects_to_its_page(served_hub):
    code, _, body = fetch(served_hub.root + "celery/")
    assert code == 200
    assert b'http-equiv="refresh" content="0; url=/nexus/concepts/celery-tasks/"' in body
    assert fetch(served_hub.root + "concepts/celery-tasks/")[0] == 200


def test_changing_a_stylesheet_changes_its_hashed_name_and_nothing_else(tmp_path):
    site = tmp_path / "site"
    for part in ("content", "templates", "sitegen.yml"):
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, site / part if source.is_dir() else site)
    first = run_sitegen("build", "--source", str(site), "--output", str(tmp_path / "one"), "--quiet")
    assert first.returncode == 0, first.stderr
    style = REPO / "Sources/SitegenCore/Theme/default/assets/style.css"
    (site / "templates" / "assets").mkdir(parents=True)
    (site / "templates" / "assets" / "style.css").write_text(style.read_text() + "\n/* changed */\n")
    second = run_sitegen("build", "--source", str(site), "--output", str(tmp_path / "two"), "--quiet")
    assert second.returncode == 0, second.stderr
    one = {p.relative_to(tmp_path / "one").as_posix(): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two").as_posix(): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    old_names = set(one) - set(two)
    new_names = set(two) - set(one)
    assert len(old_names) == 1 and len(new_names) == 1
    old, new = old_names.pop(), new_names.pop()
    assert re.fullmatch(r"assets/style\.[0-9a-f]{10}\.css", old) and re.fullmatch(r"assets/style\.[0-9a-f]{10}\.css", new)
    for path, data in one.items():
        if path == old:
            continue
        assert data.replace(old.encode(), new.encode()) == two[path], path


def test_a_broken_link_and_anchor_fail_strict_with_both_listed(tmp_path):
    fixture = REPO / "Tests/SitegenCoreTests/Fixtures/broken-links"
    result = run_sitegen("build", "--source", str(fixture), "--output", str(tmp_path / "out"), "--strict")
    assert result.returncode == 1
    assert "content/index.md:5:1: warning: broken link 'nope.md': no such page" in result.stderr
    assert "content/index.md:5:29: warning: broken link 'other.md#nowhere': no heading '#nowhere'" in result.stderr
    assert not (tmp_path / "out").exists()
