# Entry points. The README's quick start is `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test run conformance bench bench-compare sanitize clean

all: build

deps:
	scripts/install-deps bench node

configure: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Every ctest test: unit, integration, conformance (in-process and against the standalone
# mock), the install round trip, the official-SDK interoperability check and benchmark
# smoke runs. Non-zero exit on any failure.
test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR)
