# maalplan: the two commands a new machine needs are `make demo` and `make test`.
SWIFT     ?= swift
APT_PKGS  := pkg-config libzip-dev libxml2-dev libsqlite3-dev
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN       := .build/release/maalplan

.PHONY: deps build demo test bench fuzz asan clean

# Installs the C libraries that are missing (Debian/Ubuntu), nothing when all are there.
deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installerer:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product maalplan

# The main job on the project's own fixtures.
demo: build
	@for f in Fixtures/*.docx; do echo "== $$f"; $(BIN) inspect "$$f" | head -n 12; done

test: deps
	$(SWIFT) test

bench: deps
	bash bench/run.sh

fuzz: deps
	bash fuzz/run.sh

asan: deps
	$(SWIFT) test --sanitize=address --scratch-path .build-asan

clean:
	rm -rf .build .build-asan .build-fuzz
