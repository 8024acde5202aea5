# Entry points. The README's quick start is `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test run conformance bench bench-compare sanitize clean

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

clean:
	rm -rf $(BUILD_DIR)
