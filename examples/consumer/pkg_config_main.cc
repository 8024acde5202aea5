// Compiled with nothing but `pkg-config --cflags --libs opentok` by the install test.
#include <opentok/opentok.h>

#include <iostream>

int main() {
  opentok::OpenTok client(123456, "0123456789abcdef");
  std::string token =
      client.GenerateToken("1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
                           opentok::TokenOptions{.format = opentok::TokenFormat::kT1});
  bool ok = token.rfind("T1==", 0) == 0;
  std::cout << "pkg-config consumer" << (ok ? " ok" : " FAILED") << "\n";
  return ok ? 0 : 1;
}
