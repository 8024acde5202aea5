"""The check runner of the Python interop runs (python/ and vonage-python/): each check runs
at once under its name, prints "ok - NAME", and the first failure prints its traceback and
ends the run with status 1."""

import sys
import traceback

_passed = 0


def check(name):
    """Decorator: runs the function at once as a named check; a failure ends the run."""
    def run(fn):
        global _passed
        try:
            fn()
        except Exception:  # noqa: BLE001  (report any failure, then stop)
            print(f"not ok - {name}")
            traceback.print_exc()
            print(f"{_passed} passed, 1 failed")
            sys.exit(1)
        _passed += 1
        print(f"ok - {name}", flush=True)
        return fn
    return run


def passed_count():
    return _passed
