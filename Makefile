# heed: the two commands of the README, and a few more for developers.
#   make run    build heed and run it (sample checks, then the milter on inet:8891@127.0.0.1)
#   make test   install what is missing, build once, run every test (unit, real SQLite, real
#               Postfix integration) and a benchmark smoke run
SHELL := /bin/bash
SHARED ?= ../shared
HEED_RELEASE := .build/release/heed

.PHONY: deps build test integration run bench milter-bench leakcheck clean install

deps:
	@scripts/install-deps.sh

build: deps
	swift build -c release --product heed

# One debug build serves the tests and the benchmark smoke run (CI time).
test: deps
	@test -d "$(SHARED)/corpus" || { echo "make test: $(SHARED)/corpus is missing (the shared test data sits beside the repository; set SHARED=...)"; exit 1; }
	swift build --build-tests
	HEED_SHARED="$(abspath $(SHARED))" swift test --skip-build
	HEED_BIN_DIR="$$(swift build --show-bin-path)" scripts/milter-integration.sh
	HEED_BIN="$$(swift build --show-bin-path)/heed" scripts/verify-units.sh
	.build/debug/heed-bench --corpus "$(SHARED)/corpus/mime" --rounds 1 --min-seconds 0

# heed's milter against a real Postfix on loopback (needs root; see the script's header).
integration: deps
	scripts/milter-integration.sh

# Installs heed for systemd (README, "Operator's guide"): the binary, the templates, an example
# configuration (never overwriting one that exists), the heed user and the units.
PREFIX ?= /usr/local
install: build
	install -D -m 0755 $(HEED_RELEASE) $(DESTDIR)$(PREFIX)/bin/heed
	mkdir -p $(DESTDIR)/usr/share/heed/templates
	cp -R Templates/. $(DESTDIR)/usr/share/heed/templates/
	test -e $(DESTDIR)/etc/heed/heed.yaml || install -D -m 0644 Deploy/heed.yaml $(DESTDIR)/etc/heed/heed.yaml
	install -D -m 0644 -t $(DESTDIR)/etc/systemd/system Deploy/systemd/*.service Deploy/systemd/*.timer
	install -D -m 0644 Deploy/systemd/heed.sysusers $(DESTDIR)/usr/lib/sysusers.d/heed.conf

run: build
	$(HEED_RELEASE) check Deploy/samples/*.eml
	$(HEED_RELEASE) serve

# Figures, not tests: heed's MIME model against bare libetpan on the shared corpus.
bench: deps
	swift build -c release --product heed-bench
	.build/release/heed-bench --corpus "$(SHARED)/corpus/mime"

# Milter figures: heed against a C no-op milter on libmilter, at concurrency 1, 8 and 64.
milter-bench: deps
	scripts/milter-bench.sh

# Every corpus message through heed check under valgrind: fails on any definite or indirect leak
# or memory error (libetpan's structures and heed's own buffers alike). Valgrind 3.19 cannot read
# the DWARF 5 that Swift 6 writes, so it runs on a copy without debug information.
leakcheck: deps
	@command -v valgrind >/dev/null || { echo "make leakcheck: apt-get install valgrind"; exit 1; }
	swift build -c release --product heed
	strip -g -o .build/heed-nodebug $(HEED_RELEASE)
	find "$(SHARED)/corpus/mime" -type f ! -path '*.expected/*' ! -path '*/LICENSES/*' ! -name '.*' ! -name SOURCES.md ! -name SHA256SUMS -print0 \
	  | xargs -0 valgrind -q --suppressions=scripts/valgrind.supp --leak-check=full --errors-for-leak-kinds=definite,indirect \
	      --show-leak-kinds=definite,indirect --error-exitcode=3 .build/heed-nodebug check --format json >/dev/null
	@echo "leakcheck: no leak and no memory error"

clean:
	rm -rf .build
