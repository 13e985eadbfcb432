"""A progress bar on standard error for the command line (stdout stays for --json)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Redraws one line on a terminal; prints a line every few seconds elsewhere."""

    def __init__(self, stage: str, *, stream: TextIO | None = None, width: int = 30) -> None:
        self.stage = stage
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = self.stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        finished = total and done >= total
        if not finished and now - self._last < (0.1 if self.tty else 2.0):
            return
        self._last = now
        if total:
            filled = int(self.width * done / total)
            line = f"{self.stage:<9} [{'#' * filled + '-' * (self.width - filled)}] {done}/{total} {label[-50:]}"
        else:  # a count whose end is not known yet (items of files still being read)
            line = f"{self.stage:<9} {done:,} so far {label[-50:]}"
        if self.tty:
            self.stream.write("\r\x1b[K" + line + ("\n" if finished else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
