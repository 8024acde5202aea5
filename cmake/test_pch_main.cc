// The target that owns the precompiled header test executables reuse
// (cmake/OpenTokHelpers.cmake); it has no code of its own.
int main() { return 0; }
