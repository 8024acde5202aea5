# Entry points. The README's quick start is `make run` and `make test`; docs/development.md
# describes the others.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# Every build directory: Ninja when installed (scripts/install-deps installs it), ccache when
# present, warnings as errors. An existing build directory keeps the generator it was made with.
# ccache caches files compiled with a precompiled header (most of the project's, see
# OPENTOK_PCH in docs/development.md) only with these sloppiness settings.
GENERATOR ?= $(if $(shell command -v ninja),Ninja,Unix Makefiles)
CCACHE := $(shell command -v ccache)
CCACHE_LAUNCHER = env;CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime;$(CCACHE)
configure_flags = $(if $(wildcard $(1)/CMakeCache.txt),,-G "$(GENERATOR)") \
  $(if $(CCACHE),"-DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE_LAUNCHER)") -DOPENTOK_WERROR=ON

.PHONY: all deps configure build test run conformance doc-matrix bench bench-compare bench-build clean
.PHONY: soak check-asan check-tsan

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
	cmake -S . -B $(BUILD_DIR) $(call configure_flags,$(BUILD_DIR)) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

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

# Regenerates the archive and broadcast transition matrices of docs/conformance.md from a run
# against the in-process mock.
doc-matrix: build
	env -u OPENTOK_API_URL -u OPENTOK_API_KEY -u OPENTOK_API_SECRET \
	  $(BUILD_DIR)/bin/opentok-conformance --gtest_brief=1 --matrix-out=$(BUILD_DIR)/conformance-matrix.md
	scripts/doc-matrix --update $(BUILD_DIR)/conformance-matrix.md docs/conformance.md

# Benchmarks (docs/benchmarks.md) in a Release build of their own. -O2 rather than CMake's
# -O3: GCC 12 at -O3 reports false -Wrestrict positives in std::string code, fatal under
# -Werror. `bench` runs everything and writes benchmarks/RESULTS.md; `bench-compare` only
# times client tokens against the official Node SDK (skipped without Node.js).
BENCH_BUILD_DIR ?= build-bench
BENCH_TARGETS = bench_tokens bench_sdk_internals bench_sdk_mock bench_mock_core bench_mock_server_start \
                bench_mock_memory bench_bare_server opentok-mock opentok_cli
bench-build: deps
	cmake -S . -B $(BENCH_BUILD_DIR) $(call configure_flags,$(BENCH_BUILD_DIR)) -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" $(CMAKE_FLAGS)
	cmake --build $(BENCH_BUILD_DIR) -j $(JOBS) --target $(BENCH_TARGETS)

# The raw reports stay in $(BENCH_BUILD_DIR)/bench-work (benchmarks/run --report-only).
bench: bench-build
	benchmarks/run --bin-dir $(BENCH_BUILD_DIR)/bin --work $(BENCH_BUILD_DIR)/bench-work

# Exit status 77 is the script's "skipped" (no Node.js): a message, not a failure.
bench-compare: bench-build
	benchmarks/peers/run --bin-dir $(BENCH_BUILD_DIR)/bin || [ $$? -eq 77 ]

# Soak (docs/development.md, "Soak"): the standalone mock under a mixed workload of every REST
# family and the control plane from several keep-alive clients for SOAK_SECONDS, with resets,
# checking state invariants, 5xx, dropped requests and the mock's resident memory. Non-zero
# exit on any violation. Extra flags: SOAK_FLAGS="--workers 8 --seed 1".
SOAK_SECONDS ?= 120
SOAK_BUILD_DIR ?= build-soak
SOAK_FLAGS ?=
soak: deps
	cmake -S . -B $(SOAK_BUILD_DIR) $(call configure_flags,$(SOAK_BUILD_DIR)) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(SOAK_BUILD_DIR) -j $(JOBS) --target opentok-mock opentok_soak
	$(SOAK_BUILD_DIR)/bin/opentok_soak --mock $(SOAK_BUILD_DIR)/bin/opentok-mock --seconds $(SOAK_SECONDS) $(SOAK_FLAGS)

# Sanitizer builds: every target (the C++17 WebSocket library included) with
# OPENTOK_SANITIZE, at -O1 -g1 (line tables for the reports, quicker to compile than -O2 -g,
# and the sanitizers' usual optimisation level). Reports go to files under the build
# directory (sanitizer-logs/) so that none is lost in a child process's hidden output (a mock
# that a script starts); any file there fails the target after the run, which prints them.
SANITIZER_CONFIGURE = -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" $(CMAKE_FLAGS)
# $(call sanitizer_logs_clean,DIR): prints every report under DIR/sanitizer-logs, false if any.
sanitizer_logs_clean = (if ls $(1)/sanitizer-logs/* >/dev/null 2>&1; then \
  echo "sanitizer reports in $(1)/sanitizer-logs:"; cat $(1)/sanitizer-logs/*; false; \
  else echo "no sanitizer reports"; fi)

# ASan + UBSan (any UBSan finding fatal; LeakSanitizer at every exit), the whole ctest suite.
# Nothing is excluded: timings never fail a benchmark smoke test, so they run as well.
ASAN_BUILD_DIR ?= build-asan
check-asan: deps
	cmake -S . -B $(ASAN_BUILD_DIR) $(call configure_flags,$(ASAN_BUILD_DIR)) -DOPENTOK_SANITIZE=address $(SANITIZER_CONFIGURE)
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	rm -rf $(ASAN_BUILD_DIR)/sanitizer-logs && mkdir -p $(ASAN_BUILD_DIR)/sanitizer-logs
	@status=0; export ASAN_OPTIONS=log_path=$(CURDIR)/$(ASAN_BUILD_DIR)/sanitizer-logs/asan:detect_leaks=1 \
	  UBSAN_OPTIONS=log_path=$(CURDIR)/$(ASAN_BUILD_DIR)/sanitizer-logs/ubsan:print_stacktrace=1:halt_on_error=1; \
	ctest --test-dir $(ASAN_BUILD_DIR) --output-on-failure -j $(JOBS) || status=1; \
	$(call sanitizer_logs_clean,$(ASAN_BUILD_DIR)) || status=1; exit $$status

# TSan: the mock under load (the wrk smoke load and a 60 s soak against the TSan binary),
# the SDK's thread-safety tests (sdk_integration_test) and the mock's tests that run threads
# against it (the HTTP layer with its parallel starts and stops, the serving layer's I/O
# thread and workers, the core, callback delivery, the WebSocket client and Audio Connector). Not the whole suite: the unit tests run one
# thread, and the interop and conformance runs drive the mock from one client at a time.
# The soak's memory check is off: TSan's shadow memory is not the mock's. The only
# suppressions (benchmarks/soak/tsan.supp) are for Debian's uninstrumented cpp-httplib.
TSAN_BUILD_DIR ?= build-tsan
TSAN_TESTS = sdk_integration_test mock_http_test mock_serving_test mock_core_test mock_websocket_test
TSAN_TARGETS = $(TSAN_TESTS) opentok-mock opentok opentok_soak bench_bare_server
check-tsan: deps
	cmake -S . -B $(TSAN_BUILD_DIR) $(call configure_flags,$(TSAN_BUILD_DIR)) -DOPENTOK_SANITIZE=thread $(SANITIZER_CONFIGURE)
	cmake --build $(TSAN_BUILD_DIR) -j $(JOBS) --target $(TSAN_TARGETS)
	rm -rf $(TSAN_BUILD_DIR)/sanitizer-logs && mkdir -p $(TSAN_BUILD_DIR)/sanitizer-logs
	@status=0; export TSAN_OPTIONS=log_path=$(CURDIR)/$(TSAN_BUILD_DIR)/sanitizer-logs/tsan:second_deadlock_stack=1:suppressions=$(CURDIR)/benchmarks/soak/tsan.supp; \
	for test in $(TSAN_TESTS); do echo "== $$test"; $(TSAN_BUILD_DIR)/bin/$$test --gtest_brief=1 || status=1; done; \
	echo "== load smoke"; benchmarks/load/run --smoke --bin-dir $(TSAN_BUILD_DIR)/bin || status=1; \
	echo "== soak"; $(TSAN_BUILD_DIR)/bin/opentok_soak --mock $(TSAN_BUILD_DIR)/bin/opentok-mock --seconds 60 --no-memory-check || status=1; \
	$(call sanitizer_logs_clean,$(TSAN_BUILD_DIR)) || status=1; exit $$status

clean:
	rm -rf $(BUILD_DIR)

# libFuzzer (docs/development.md, "Fuzzing"): configures $(FUZZ_BUILD_DIR) with clang 14 and
# OPENTOK_FUZZ, builds only the fuzz binaries and the libraries they link, runs each target
# for FUZZ_SECONDS (one after the other, at nice 10) and prints executions per target and in
# total. FUZZ_TARGETS="rest_auth mock_request" runs only those. Non-zero exit on a crash.
.PHONY: fuzz
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz:
	scripts/install-deps fuzz
	cmake -S . -B $(FUZZ_BUILD_DIR) $(call configure_flags,$(FUZZ_BUILD_DIR)) -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOPENTOK_FUZZ=ON $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target opentok_fuzz_targets
	fuzz/run-all $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
