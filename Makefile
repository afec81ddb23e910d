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

# Release build of the two programs, the Swift runtime linked in statically (quicker start-up).
RELEASE := -c release --static-swift-stdlib
build: deps
	$(SWIFT) build $(RELEASE) --product maalplan
	$(SWIFT) build $(RELEASE) --product maalplan-store
	$(SWIFT) build $(RELEASE) --product make-plans

# The main job on a folder like a municipality's (scripts/make-plans --demo: sixteen plans by
# department, 2024 and 2025 layouts, every phase, a copy, a draft, a lock file, a damaged copy,
# a PDF): import it into a fresh database, print the report, write the HTML status report.
DEMO_DB     := demo.sqlite
DEMO_FOLDER := demo/Målplaner
DEMO_HTML   := demo/status.html
demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@.build/release/make-plans --demo $(DEMO_FOLDER)
	@echo "== $(BIN) import $(DEMO_FOLDER) --db $(DEMO_DB)"
	@$(BIN) import $(DEMO_FOLDER) --db $(DEMO_DB); s=$$?; [ $$s -le 1 ]
	@echo
	@echo "== $(BIN) report --db $(DEMO_DB)"
	@$(BIN) report --db $(DEMO_DB)
	@echo
	@echo "== $(BIN) report --db $(DEMO_DB) --format html -o $(DEMO_HTML)"
	@$(BIN) report --db $(DEMO_DB) --format html -o $(DEMO_HTML)
	@echo "(open $(CURDIR)/$(DEMO_HTML) in a browser; the database: $(DEMO_DB); try: sqlite3 $(DEMO_DB) 'SELECT title, phase_reached FROM plans')"

# The import tests start the built binary: build it first (swift test builds it too, this is belt and braces).
test: deps
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing

bench: deps
	bash bench/run.sh
	bash bench/import.sh
	bash bench/html.sh
	bash bench/hostile.sh
	bash bench/legacy.sh

fuzz: deps
	bash fuzz/run.sh

# LeakSanitizer stays on; scripts/lsan.supp lists the toolchain's own leaks (XCTest, Foundation).
asan: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0 \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan

clean:
	rm -rf .build .build-asan .build-fuzz
