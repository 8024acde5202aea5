int main() {
  //! [body]
  int x = 1;

  return x - 1;
  //! [body]
}
