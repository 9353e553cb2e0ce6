# sitegen: `make site` builds the Nexus hub into public/, `make test` runs every test.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
TEST_APT_PACKAGES := cmark-gfm python3 python3-pip time nginx curl chromium chromium-driver \
  default-jre-headless
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site deps apt-deps apt-install test build bench theme format serve clean

## Install the Debian packages sitegen needs, only those missing (sudo when not root).
apt-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

apt-install:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq || true; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## Everything the tests need; safe to run again.
deps: apt-deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"
	@python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
	  -r Tests/requirements.txt
	@python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
	  --no-deps axe-playwright-python==0.1.8

## Build the hub into public/.
site: apt-deps
	$(SWIFT) run sitegen build

build: apt-deps
	$(SWIFT) build

## Preview the hub with live reload on http://127.0.0.1:8000/nexus/.
serve: apt-deps
	$(SWIFT) run sitegen serve

## Run every test: Swift unit, fixture, conformance and CLI tests, then hosting checks
## (the hub under /nexus/ on nginx, crawled) with pytest.
test: deps
	$(SWIFT) build
	$(SWIFT) test
	python3 -m pytest -q Tests/Hosting

## Build a 1,000-page synthetic site in release mode and print pages, seconds and peak memory.
bench: apt-deps
	bash Benchmarks/bench.sh

## Regenerate Sources/SitegenCore/Theme/BuiltinTheme.swift from Theme/default/.
theme:
	-SITEGEN_RECORD=1 $(SWIFT) test --filter BuiltinThemeTests >/dev/null 2>&1
	$(SWIFT) test --filter BuiltinThemeTests

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build public .bench
