"""The split search index in a real browser: the hub built with `search: {split: always}` next to
the normal (single search.json) hub, both under /nexus/ on nginx."""
import os
import shutil

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE_URL, REPO, Nginx, run_sitegen
from test_browser import make_driver, severe_logs

DEADLINE = 30
# Every query's lists are complete in the hub (or its posting lists are fetched), so the split
# client must find exactly what the whole-index search finds, in the same order.
QUERIES = ["celery", "redis cache", "post", "the", "c", "cache invalidation", "celery ta", "zzzz"]


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    """A copy of the hub whose sitegen.yml forces the split index."""
    root = tmp_path_factory.mktemp("split-hub")
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, root / name)
    config = (REPO / "sitegen.yml").read_text()
    (root / "sitegen.yml").write_text(config + "\nsearch:\n  split: always\n")
    out = root / "public"
    result = run_sitegen("build", "--source", str(root), "--output", str(out), "--base-url", BASE_URL, "--strict")
    assert result.returncode == 0, result.stderr
    os.chmod(root, 0o755)
    os.chmod(out, 0o755)
    return out


@pytest.fixture(scope="module")
def served_split(split_site):
    with Nginx(split_site) as server:
        yield server


@pytest.fixture(scope="module")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


def wait(driver):
    return WebDriverWait(driver, DEADLINE)


def test_split_build_replaces_search_json_and_points_pages_at_the_manifest(split_site, hub_site):
    assert not (split_site / "search.json").exists()
    assert (hub_site / "search.json").is_file()
    assert (split_site / "search" / "manifest.json").is_file()
    assert 'data-index="/nexus/search/manifest.json"' in (split_site / "index.html").read_text()
    assert 'data-index="/nexus/search.json"' in (hub_site / "index.html").read_text()
    assert not (hub_site / "search" / "manifest.json").exists()


def test_header_search_loads_only_the_split_files_it_needs(served_split, driver):
    driver.get_log("browser")
    driver.get(served_split.root + "concepts/")
    box = driver.find_element(By.ID, "sg-search-input")
    box.click()
    wait(driver).until(lambda d: d.execute_script("return document.documentElement.hasAttribute('data-search-ready')"))
    box.send_keys("celery")
    wait(driver).until(EC.visibility_of_element_located(
        (By.CSS_SELECTOR, "#sg-search-list a[href^='/nexus/concepts/celery-tasks/']")))
    first = driver.find_element(By.CSS_SELECTOR, "#sg-search-list [role=option] a")
    assert first.get_attribute("href").endswith("/nexus/concepts/celery-tasks/")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#sg-search-list [role=option]")) == 8
    assert "<mark>" in driver.find_element(By.ID, "sg-search-list").get_attribute("innerHTML").lower()
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)
    wait(driver).until(EC.url_to_be(served_split.root + "concepts/celery-tasks/"))
    requested = served_split.requested_paths()
    assert "/nexus/search.json" not in requested
    assert "/nexus/search/manifest.json" in requested
    loaded = [p for p in requested if p.startswith("/nexus/search/") and p.endswith(".json")]
    assert any("/search/t-" in p for p in loaded) and any("/search/d-" in p for p in loaded)
    assert severe_logs(driver) == []


def results(driver, root, query):
    """Status text and (href, title, section) of each result on the search page."""
    driver.get(root + "search/?q=" + query.replace(" ", "+"))
    wait(driver).until(lambda d: d.find_element(By.ID, "sg-search-status").text != "")
    items = driver.find_elements(By.CSS_SELECTOR, "#sg-search-results li")
    return driver.find_element(By.ID, "sg-search-status").text, [
        (item.find_element(By.TAG_NAME, "a").get_attribute("href").removeprefix(root),
         item.find_element(By.CLASS_NAME, "sg-result-title").text,
         item.find_element(By.TAG_NAME, "a").text.split("\n")[0]) for item in items]


@pytest.mark.parametrize("query", QUERIES)
def test_search_page_finds_what_the_whole_index_finds(served_split, served_hub, driver, query):
    driver.get_log("browser")
    split_status, split_hits = results(driver, served_split.root, query)
    assert severe_logs(driver) == []
    single_status, single_hits = results(driver, served_hub.root, query)
    assert split_status == single_status
    assert split_hits == single_hits
    if query != "zzzz":
        assert split_hits


def test_search_page_in_split_mode_never_fetches_search_json(served_split, driver):
    driver.get(served_split.root + "search/?q=redis")
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#sg-search-results li")))
    assert "/nexus/search.json" not in served_split.requested_paths()
