# SafaBot — every set-up step a fresh Debian machine needs lives here.
SHELL := /bin/bash
DEBIAN_PACKAGES := libsqlite3-dev libcurl4-openssl-dev libmicrohttpd-dev libssl-dev pkg-config tzdata
SWIFT ?= swift
BIN := .build/debug/safa-bot

BROWSER_PACKAGES := chromium fonts-noto-color-emoji

.PHONY: deps browser-deps build release run test test-browser fuzz bench check clean

# Installs only what is missing, non-interactively; a no-op on a machine that has it all.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Debian's headless Chromium (and an emoji font for the screenshots), for the web chat's browser test.
browser-deps:
	@$(MAKE) --no-print-directory deps DEBIAN_PACKAGES="$(BROWSER_PACKAGES)"

build: deps
	$(SWIFT) build

# With TELEGRAM_BOT_TOKEN set it serves Telegram; otherwise it talks to you in this terminal.
run: build
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then exec $(BIN) run; else exec $(BIN) chat; fi

check: build
	$(BIN) check dialogs

test: deps browser-deps
	$(SWIFT) build --build-tests
	$(BIN) check dialogs
	$(BIN) test dialogs/tests
	$(SWIFT) test --skip-build --parallel

# The fuzz tests of every parser that reads network bodies, far longer than in `make test` and with a fresh
# seed (printed; SAFA_FUZZ_SEED=N repeats a run, SAFA_FUZZ_ITERATIONS=N changes its length).
fuzz: deps
	$(SWIFT) build --build-tests
	@seed=$${SAFA_FUZZ_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; echo "fuzz seed $$seed"; \
	SAFA_FUZZ_SEED=$$seed SAFA_FUZZ_ITERATIONS=$${SAFA_FUZZ_ITERATIONS:-50000} \
	  $(SWIFT) test --skip-build --filter 'Fuzz'

# The web chat's browser test alone (it also runs in `make test`, about 6 s), leaving screenshots at phone
# and desktop widths in docs/.
test-browser: deps browser-deps
	$(SWIFT) build --build-tests
	SAFA_SCREENSHOTS_DIR=docs $(SWIFT) test --skip-build --filter WebChatBrowserTests

# Each part runs in its own process so peak memory is per part; `telegram` runs the release safa-bot as a child.
# Release binaries link the Swift runtime statically, as a deployed bot should: a self-contained binary
# that needs no Swift toolchain on the server, and 6 MiB less resident memory than the shared libraries.
RELEASE := $(SWIFT) build -c release --static-swift-stdlib

release: deps
	$(RELEASE) --product safa-bot

bench: deps
	$(RELEASE) --product safa-bot
	$(RELEASE) --product safa-bench
	$(RELEASE) --product safa-engine-bench
	.build/release/safa-engine-bench
	.build/release/safa-bench store
	.build/release/safa-bench telegram
	.build/release/safa-bench whatsapp
	.build/release/safa-bench web

clean:
	rm -rf .build
