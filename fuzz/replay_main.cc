// A main for the fuzz targets in builds without libFuzzer (GCC): runs every file of the
// given directories (or the given files) through LLVMFuzzerTestOneInput once, in name
// order, so the committed corpora and crash reproducers are a regression test of the normal
// build. A missing directory counts as empty (a target may have no reproducers yet).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> InputsOf(fs::path const& path) {
  std::vector<fs::path> inputs;
  if (fs::is_regular_file(path)) {
    inputs.push_back(path);
  } else if (fs::is_directory(path)) {
    for (auto const& entry : fs::directory_iterator(path)) {
      // README files and dotfiles describe a directory; they are not inputs.
      auto name = entry.path().filename().string();
      if (entry.is_regular_file() && name.front() != '.' && name.rfind("README", 0) != 0) {
        inputs.push_back(entry.path());
      }
    }
    std::sort(inputs.begin(), inputs.end());
  }
  return inputs;
}

void Run(fs::path const& file) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A buffer of exactly the input's size, as libFuzzer passes it, so a read past the end
  // is caught by the sanitizers of a sanitizer build.
  auto buffer = std::make_unique<std::uint8_t[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), buffer.get());
  LLVMFuzzerTestOneInput(buffer.get(), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  std::size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    auto inputs = InputsOf(argv[i]);
    // The name goes out before the run: when an input aborts, the last line names it.
    for (auto const& input : inputs) {
      std::fprintf(stderr, "replaying %s\n", input.c_str());
      Run(input);
    }
    std::printf("%zu inputs from %s\n", inputs.size(), argv[i]);
    total += inputs.size();
  }
  std::printf("replayed %zu inputs, no invariant broken\n", total);
  return 0;
}
