"""Text from pages and data, safe in a GitHub Actions log (issue 20; the pull-request check uses it).

A log line that starts with ``::`` is a workflow command (``::notice::``, ``::add-mask::``...), and the
runner also ends a line at a carriage return: a title holding "\\n::notice::x" would give an order.

    python3 tools/ci_log.py run CMD...    run CMD with workflow commands stopped (its exit code)
    python3 tools/ci_log.py line          standard input as one line, control characters shown

``run`` stops the commands with a random token (GitHub's ``::stop-commands::``) and starts them
again after CMD, so nothing CMD prints is obeyed; ``line`` shows a newline as \\n, a carriage return
as \\r, a bidi control as U+202E (guide.errors.visible), for the one line echoed as an annotation.
Standard library only: it runs on the runner's Python, also when the project's install failed.
"""

from __future__ import annotations

import secrets
import subprocess
import sys

from guide.errors import visible


def run(cmd: list[str]) -> int:
    """Run ``cmd`` with GitHub's workflow commands stopped; its exit code."""
    token = secrets.token_hex(16)
    print(f"::stop-commands::{token}", flush=True)
    try:
        return subprocess.run(cmd).returncode
    finally:
        print(f"::{token}::", flush=True)


def line(text: str) -> str:
    """``text`` (its final newline dropped) as one line with every control character shown."""
    return visible(text.removesuffix("\n"))


def main(argv: list[str]) -> int:
    if argv[:1] == ["run"] and len(argv) > 1:
        return run(argv[1:])
    if argv == ["line"]:
        text = sys.stdin.buffer.read().decode("utf-8", "replace")  # bytes: text mode would turn \r into \n
        sys.stdout.buffer.write((line(text) + "\n").encode("utf-8"))
        return 0
    print(__doc__.split("\n\n")[2], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
