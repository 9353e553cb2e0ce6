"""Shared fixtures: the sitegen binary, a built hub under /nexus/, and nginx on 127.0.0.1."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BASE_URL = "https://example.org/nexus/"


def sitegen_binary():
    """The debug build `make test` made, or the one SwiftPM reports."""
    path = REPO / ".build" / "debug" / "sitegen"
    if not path.exists():
        subprocess.run(["swift", "build", "--product", "sitegen"], cwd=REPO, check=True)
    return path


def run_sitegen(*args, cwd=None):
    """Runs sitegen; returns the completed process (never raises on a non-zero exit)."""
    return subprocess.run([str(sitegen_binary()), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Nginx:
    """Debian's nginx serving a folder under a sub-path on 127.0.0.1, stopped by PID."""

    def __init__(self, site, base="/nexus/"):
        self.site, self.base, self.port = Path(site), base, free_port()
        self.state = Path(tempfile.mkdtemp(prefix="sitegen-nginx-"))
        self.process = None

    @property
    def root(self):
        return f"http://127.0.0.1:{self.port}{self.base}"

    def config(self):
        s = self.state
        return f"""
user root;
worker_processes 1;
daemon off;
pid {s}/nginx.pid;
error_log {s}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log {s}/access.log;
  client_body_temp_path {s}/body; proxy_temp_path {s}/proxy; fastcgi_temp_path {s}/fastcgi;
  uwsgi_temp_path {s}/uwsgi; scgi_temp_path {s}/scgi;
  server {{
    listen 127.0.0.1:{self.port};
    location {self.base} {{
      alias {self.site}/;
      index index.html;
      try_files $uri $uri/ =404;
      error_page 404 {self.base}404.html;
    }}
    location / {{ return 404; }}
  }}
}}
"""

    def __enter__(self):
        (self.state / "nginx.conf").write_text(self.config())
        self.process = subprocess.Popen(
            ["nginx", "-e", str(self.state / "error.log"), "-c", str(self.state / "nginx.conf")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.root, timeout=2)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("nginx did not start: " + (self.state / "error.log").read_text())

    def requested_paths(self):
        lines = (self.state / "access.log").read_text().splitlines()
        return [line.split('"')[1].split(" ")[1] for line in lines if '"' in line]

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.state, ignore_errors=True)


@pytest.fixture(scope="session")
def hub_site(tmp_path_factory):
    """The hub built with a sub-path base URL."""
    out = tmp_path_factory.mktemp("hub") / "public"
    result = run_sitegen("build", "--source", str(REPO), "--output", str(out), "--base-url", BASE_URL, "--strict")
    assert result.returncode == 0, result.stderr
    os.chmod(out, 0o755)
    return out


@pytest.fixture(scope="session")
def served_hub(hub_site):
    with Nginx(hub_site) as server:
        yield server
