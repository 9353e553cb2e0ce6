# sitegen: `make site` builds the Nexus hub into public/, `make test` runs every test.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm pkg-config python3 time
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site deps apt-deps test build bench theme format serve clean

## Install the Debian packages sitegen needs, only those missing (sudo when not root).
apt-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq || true; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## Everything the tests need; safe to run again.
deps: apt-deps

## Build the hub into public/.
site: apt-deps
	$(SWIFT) run sitegen build

build: apt-deps
	$(SWIFT) build

## Run every test: unit, fixtures, conformance, hub checks.
test: deps
	$(SWIFT) build
	$(SWIFT) test

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
