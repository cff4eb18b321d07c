"""What a format library prints while a file is read is caught for that reading thread only:
another thread's output (the GUI's, a command's ``--json``) still reaches the real stdout."""

from __future__ import annotations

import io
import sys
import threading

import pytest

from importers.quiet import captured_stdout


def test_only_the_reading_thread_is_captured(capsys: pytest.CaptureFixture[str]) -> None:
    reading, printed = threading.Event(), threading.Event()
    caught = io.StringIO()

    def reader() -> None:
        with captured_stdout(caught):
            print("99 is out of range")  # what a library says about a damaged file
            reading.set()
            printed.wait(5)

    worker = threading.Thread(target=reader)
    worker.start()
    assert reading.wait(5)
    print("CLOSE 1")  # the GUI thread, while the reader still captures
    printed.set()
    worker.join(5)
    assert caught.getvalue() == "99 is out of range\n"
    assert capsys.readouterr().out == "CLOSE 1\n"


def test_nested_and_finished_captures_leave_stdout_as_it_was() -> None:
    before = sys.stdout
    outer, inner = io.StringIO(), io.StringIO()
    with captured_stdout(outer):
        print("a")
        with captured_stdout(inner):
            print("b")
        print("c")
    assert (outer.getvalue(), inner.getvalue()) == ("a\nc\n", "b\n")
    assert sys.stdout is before
