"""Entry point of the frozen app (both executables): the same `duiding` as `pip install` gives.

No argument, a project file, `--demo` or `--lang` open the workbench; a command name runs the
command line. The windowed executable (Duiding / Duiding.exe / Duiding.app) is what people
double-click; `duiding-cli` is the console one for scripts (on Windows a windowed program has no
console to print to).
"""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows child process must not start the GUI
    sys.exit(main())
