"""`sitegen serve` end to end: a real process on 127.0.0.1, edited while a browser-like client
listens to its live-reload stream."""
import http.client
import os
import queue
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import REPO, sitegen_binary

DEADLINE = 10


class Server:
    """A `sitegen serve --port 0` process over a copy of a fixture site."""

    def __init__(self, site, *extra):
        self.process = subprocess.Popen([str(sitegen_binary()), "serve", "--source", str(site), "--port", "0", *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        assert line.startswith("Serving at http://127.0.0.1:"), line + self.process.stderr.read()
        self.url = line.split("Serving at ", 1)[1].strip()
        self.host_port = self.url.split("/")[2]
        self.base = "/" + self.url.split("/", 3)[3]

    def get(self, path, raw=False):
        connection = http.client.HTTPConnection(self.host_port, timeout=DEADLINE)
        connection.putrequest("GET", path if raw else self.base + path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, response.getheader("Content-Type"), response.getheader("Location"), body

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=DEADLINE)


class EventStream:
    """Reads Server-Sent Events on a thread into a queue of (event, data, arrival time)."""

    def __init__(self, server):
        self.events = queue.Queue()
        self.response = urllib.request.urlopen(server.url + "__sitegen/events", timeout=60)
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        name, data = None, []
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
                elif line == "" and name:
                    self.events.put((name, "\n".join(data), time.time()))
                    name, data = None, []
        except Exception:
            pass
        self.events.put(("closed", "", time.time()))

    def next(self, wanted):
        deadline = time.time() + DEADLINE
        while time.time() < deadline:
            try:
                event = self.events.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if event[0] == wanted:
                return event
        raise AssertionError(f"no '{wanted}' event within {DEADLINE} s")


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "basic"
    shutil.copytree(REPO / "Tests/SitegenCoreTests/Fixtures/basic", target)
    return target


def test_serves_the_built_site_with_live_reload_and_error_overlay(site, tmp_path):
    server = Server(site)
    try:
        assert server.base == "/docs/"
        status, ctype, _, body = server.get("guide/setup/")
        assert status == 200 and ctype.startswith("text/html")
        assert b"/docs/__sitegen/live.js" in body
        built = tmp_path / "built"
        subprocess.run([str(sitegen_binary()), "build", "--source", str(site), "--output", str(built), "--quiet"], check=True)
        injected = b'<script src="/docs/__sitegen/live.js" defer></script>\n'
        assert body.replace(injected, b"") == (built / "guide/setup/index.html").read_bytes()
        for path in sorted(p for p in built.rglob("*") if p.is_file() and p.name != ".sitegen-output"):
            relative = path.relative_to(built).as_posix()
            url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
            status, _, _, served = server.get(url)
            assert injected not in path.read_bytes(), relative
            assert (status, served.replace(injected, b"")) == (200, path.read_bytes()), relative

        stream = EventStream(server)
        stream.next("hello")
        note = site / "content/guide/setup.md"
        original = note.read_text()
        written = time.time()
        note.write_text(original.replace("Back to the", "Now back to the"))
        _, _, arrived = stream.next("reload")
        print(f"\nserve: one-line edit to reload event in {arrived - written:.3f} s (fixture site)")
        assert b"Now back to the" in server.get("guide/setup/")[3]

        note.write_text("---\ntitle: [broken\n---\nBody\n")
        _, data, _ = stream.next("errors")
        assert "content/guide/setup.md:2:8" in data
        assert b"Now back to the" in server.get("guide/setup/")[3], "the last good site keeps being served"
        late = EventStream(server)
        late.next("hello")
        assert "content/guide/setup.md:2:8" in late.next("errors")[1], "a page opened later sees the overlay too"

        note.write_text(original)
        stream.next("reload")
        assert b"Back to the" in server.get("guide/setup/")[3]

        (site / "content/guide/new-folder").mkdir()
        (site / "content/guide/new-folder/fresh.md").write_text("# Fresh page\n\nHello.\n")
        stream.next("reload")
        (site / "content/guide/new-folder/fresh.md").write_text("# Fresh page\n\nHello again.\n")
        stream.next("reload")
        assert b"Hello again." in server.get("guide/new-folder/fresh/")[3]

        temp = site / "content/guide/.setup.md.swp"
        temp.write_text("editor noise")
        (site / "content/guide/setup.md~").write_text("backup")
        time.sleep(0.5)
        assert all(event[0] != "reload" for event in list(stream.events.queue))

        moved = site / "content/guide/setup.md.tmp"
        moved.write_text(original.replace("Back to the", "Saved by rename, back to the"))
        os.replace(moved, note)
        stream.next("reload")
        assert b"Saved by rename" in server.get("guide/setup/")[3]
    finally:
        assert server.stop() == 0


def test_paths_redirects_404_and_content_types(site):
    server = Server(site)
    try:
        assert server.get("guide")[0:3:2] == (301, "/docs/guide/")
        status, ctype, _, body = server.get("no/such/page/")
        assert status == 404 and b"Page not found" in body and ctype.startswith("text/html")
        status, ctype, _, _ = server.get("feed.xml")
        assert status == 200 and ctype == "application/xml"
        assert server.get("search.json")[1] == "application/json"
        assert server.get("guide/diagram.svg")[1] == "image/svg+xml"
        assert server.get("assets/")[0] == 404, "no directory listings"
        for raw in ["/docs/../etc/passwd", "/docs/%2e%2e/%2e%2e/etc/passwd", "/docs/guide%2fintro/",
                    "/docs/guide\\intro/", "/docs/%00", "/docs/" + "a" * 5000, "/etc/passwd", "//etc/passwd"]:
            status = server.get(raw, raw=True)[0]
            assert status in (400, 404), (raw, status)
    finally:
        server.stop()


def test_bounded_load_finishes_without_errors(site):
    server = Server(site)
    errors, done = [], []
    paths = ["", "guide/intro/", "guide/setup/", "search.json", "topics/", "no-such/"]

    def worker(seconds=3.0):
        connection = http.client.HTTPConnection(server.host_port, timeout=DEADLINE)
        end, count = time.time() + seconds, 0
        while time.time() < end and count < 20000:
            path = server.base + paths[count % len(paths)]
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status not in (200, 404):
                errors.append((path, response.status))
            count += 1
        connection.close()
        done.append(count)

    try:
        start = time.time()
        threads = [threading.Thread(target=worker) for _ in range(4)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        elapsed = time.time() - start
        print(f"\nserve: {sum(done)} requests in {elapsed:.2f} s = {sum(done) / elapsed:.0f} requests/s, {len(errors)} errors")
        assert errors == [] and sum(done) > 100
    finally:
        server.stop()


def test_port_in_use_is_a_clear_error(site):
    server = Server(site)
    try:
        port = server.host_port.split(":")[1]
        second = subprocess.run([str(sitegen_binary()), "serve", "--source", str(site), "--port", port],
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 1
        assert f"port {port}" in second.stderr and "in use" in second.stderr
    finally:
        server.stop()


def test_sigterm_closes_live_reload_streams_and_exits_cleanly(site):
    server = Server(site)
    stream = EventStream(server)
    stream.next("hello")
    started = time.time()
    assert server.stop() == 0
    stream.next("closed")
    print(f"\nserve: stopped {time.time() - started:.2f} s after SIGTERM with a stream open")


def test_another_host_must_be_asked_for_and_is_announced_with_a_warning(site):
    process = subprocess.Popen([str(sitegen_binary()), "serve", "--source", str(site), "--port", "0",
                                "--host", "127.0.0.2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("Serving at http://127.0.0.2:"), line
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=DEADLINE)
    assert "warning: serving on 127.0.0.2" in errors
    default = Server(site)
    try:
        assert default.url.startswith("http://127.0.0.1:")
    finally:
        default.stop()
