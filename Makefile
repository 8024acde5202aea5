# Entry points. The README's quick start is `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test run conformance readme-matrix bench bench-compare bench-build clean

all: build

deps:
	scripts/install-deps bench node python
	@# The official-SDK interoperability test (ctest label interop) needs the pinned opentok
	@# npm package; install it from the committed lock file once.
	@[ -d tests/interop/node/node_modules/opentok ] || (cd tests/interop/node && npm ci --no-audit --no-fund)
	@# The Vonage-application runs need @vonage/video and opentok, pinned in vonage-node's lock
	@# file; npm ci runs again when the lock file changes (node_modules keeps a copy of it).
	@cmp -s tests/interop/vonage-node/package-lock.json tests/interop/vonage-node/node_modules/.interop-lock.json || (cd tests/interop/vonage-node && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.interop-lock.json)
	@# The Python ones need the pinned opentok (python/) and vonage (vonage-python/) PyPI
	@# packages, each in its own venv; a venv is made again only when its requirements.txt
	@# changes (the venv keeps a copy of the file it was made from).
	@for dir in tests/interop/python tests/interop/vonage-python; do \
	  cmp -s $$dir/requirements.txt $$dir/.venv/requirements.txt || (cd $$dir && rm -rf .venv && /usr/bin/python3 -m venv .venv && .venv/bin/pip install --disable-pip-version-check --no-input -q -r requirements.txt && cp requirements.txt .venv/requirements.txt) || exit 1; \
	done

configure: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Every ctest test: unit, integration, conformance (in-process and against the standalone
# mock), the install round trip, the official-SDK interoperability check and benchmark
# smoke runs. Non-zero exit on any failure.
test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# Command one of the quick start: the mock server on a fixed port, in the foreground; it
# prints its URL, the generated project's credentials and a curl example. Ctrl-C stops it.
MOCK_PORT ?= 4010
run: build
	$(BUILD_DIR)/bin/opentok-mock --port $(MOCK_PORT)

# The conformance suite. Without OPENTOK_API_URL it checks an in-process mock; with
# OPENTOK_API_URL (+ OPENTOK_API_KEY, OPENTOK_API_SECRET) it checks that endpoint, a
# standalone mock or the live service. Extra flags: CONFORMANCE_FLAGS="--gtest_filter=...".
CONFORMANCE_FLAGS ?=
conformance: build
	$(BUILD_DIR)/bin/opentok-conformance $(CONFORMANCE_FLAGS)

# Regenerates README.md's archive transition matrix from a run against the in-process mock.
readme-matrix: build
	env -u OPENTOK_API_URL -u OPENTOK_API_KEY -u OPENTOK_API_SECRET \
	  $(BUILD_DIR)/bin/opentok-conformance --gtest_brief=1 --matrix-out=$(BUILD_DIR)/conformance-matrix.md
	scripts/readme-matrix --update $(BUILD_DIR)/conformance-matrix.md README.md

# Benchmarks (README.md, "Benchmarks") in a Release build of their own. -O2 rather than CMake's
# -O3: GCC 12 at -O3 reports false -Wrestrict positives in std::string code, fatal under
# -Werror. `bench` runs everything and writes benchmarks/RESULTS.md; `bench-compare` only
# times client tokens against the official Node SDK (skipped without Node.js).
BENCH_BUILD_DIR ?= build-bench
BENCH_TARGETS = bench_tokens bench_sdk_internals bench_sdk_mock bench_mock_core bench_mock_server_start \
                bench_mock_memory bench_bare_server opentok-mock opentok_cli
bench-build: deps
	cmake -S . -B $(BENCH_BUILD_DIR) -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" $(CMAKE_FLAGS)
	cmake --build $(BENCH_BUILD_DIR) -j $(JOBS) --target $(BENCH_TARGETS)

# The raw reports stay in $(BENCH_BUILD_DIR)/bench-work (benchmarks/run --report-only).
bench: bench-build
	benchmarks/run --bin-dir $(BENCH_BUILD_DIR)/bin --work $(BENCH_BUILD_DIR)/bench-work

# Exit status 77 is the script's "skipped" (no Node.js): a message, not a failure.
bench-compare: bench-build
	benchmarks/peers/run --bin-dir $(BENCH_BUILD_DIR)/bin || [ $$? -eq 77 ]

clean:
	rm -rf $(BUILD_DIR)
