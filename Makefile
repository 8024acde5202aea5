# Entry points. The README's quick start is `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test run conformance readme-matrix bench bench-compare clean

all: build

deps:
	scripts/install-deps bench node
	@# The official-SDK interoperability test (ctest label interop) needs the pinned opentok
	@# npm package; install it from the committed lock file once.
	@[ -d tests/interop/node/node_modules/opentok ] || (cd tests/interop/node && npm ci --no-audit --no-fund)

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

clean:
	rm -rf $(BUILD_DIR)
