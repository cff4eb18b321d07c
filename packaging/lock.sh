#!/usr/bin/env bash
# Refresh constraints.txt, the lock of the exact versions the test suite ran with.
#
#   packaging/lock.sh            add pins for new dependencies in pyproject.toml, keep the others
#   packaging/lock.sh --upgrade  move every pin to the newest version pyproject.toml allows
#
# Then run the README's test command; commit constraints.txt with the change that needed it.
#
# Why uv: `uv pip compile --universal` resolves once for Windows, macOS and Linux and every
# Python the project supports, writing environment markers where they differ (colorama on
# Windows); pip-compile only resolves for the machine it runs on, so a lock made on Linux would
# leave the students' Windows laptops unpinned. uv is needed only here, to write the file:
# installing from it is plain pip (`pip install -c constraints.txt -e ".[test]"`).
# `--fork-strategy fewest` keeps one version of a package for every Python where one fits, so
# the pins are the versions that were tested, not newer ones chosen for newer Pythons.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION="0.13.9"
tools="build/lock-tools"
if [ ! -x "$tools/bin/uv" ] || [ "$("$tools/bin/uv" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
    python3 -m venv "$tools"
    "$tools/bin/pip" install -q "uv==$UV_VERSION"
fi
[ -f constraints.txt ] && cp constraints.txt constraints.txt.new  # existing pins are kept
"$tools/bin/uv" pip compile pyproject.toml --all-extras --universal --python-version 3.11 \
    --fork-strategy fewest --no-header --quiet "$@" -o constraints.txt.new
{
    echo "# The exact versions the test suite was run with (a pip constraints file)."
    echo "# Install:  pip install -c constraints.txt -e \".[test]\""
    echo "# Refresh:  packaging/lock.sh   (or packaging/lock.sh --upgrade); see the comments there."
    cat constraints.txt.new
} > constraints.txt
rm -f constraints.txt.new
echo "constraints.txt: $(grep -c '==' constraints.txt) pins"
