"""SIGTERM and SIGHUP handled like Ctrl-C, so that a cancelled CI job, ``timeout`` or a
closed terminal leaves nothing half-done.

While :func:`handled` is active, each of SIGINT, SIGTERM and SIGHUP raises
:class:`Interrupted` (a :class:`KeyboardInterrupt`) in the main thread, so every
``except BaseException`` that undoes a half-done write runs for all three. Undo code runs
inside :func:`deferred`: a signal arriving then is held back until the undo is complete.
The command line turns the exception into one line and exit status 128 + the signal
number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Iterator
    from types import FrameType

#: The signals that stop specdiff cleanly (SIGHUP does not exist on Windows).
SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(KeyboardInterrupt):
    """A stop signal arrived; raised where the program was, so cleanup code runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal number."""
        return 128 + self.signum


class _State(threading.local):
    depth = 0
    pending: int | None = None
    received: int | None = None
    """The first stop signal of the run (click turns KeyboardInterrupt into Abort)."""


def received() -> Interrupted | None:
    """The first stop signal received under :func:`handled`, as an exception, or None."""
    return Interrupted(_state.received) if _state.received else None


_state = _State()


def _handler(signum: int, _frame: FrameType | None) -> None:
    _state.received = _state.received or signum
    if _state.depth:
        _state.pending = _state.pending or signum
        return
    raise Interrupted(signum)


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Turn the stop signals into :class:`Interrupted` for the duration (main thread only);
    the previous handlers come back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    _state.received = None
    for sig in SIGNALS:
        if previous[sig] is not signal.SIG_IGN:  # nohup'ed: stay deaf to SIGHUP
            signal.signal(sig, _handler)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold stop signals back while undoing (or finishing) a write; one that arrived
    meanwhile is raised at the end, unless an exception is already on its way."""
    _state.depth += 1
    try:
        yield
    except BaseException:
        _state.depth -= 1
        if _state.depth == 0:
            _state.pending = None  # the exception on its way ends the command anyway
        raise
    _state.depth -= 1
    if _state.depth == 0 and _state.pending is not None:
        signum, _state.pending = _state.pending, None
        raise Interrupted(signum)


def run_process(
    args: list[str], *, cwd: str, env: dict[str, str] | None = None
) -> tuple[int, bytes, bytes]:
    """Run a child (git) to the end; if we are interrupted meanwhile, stop it and the
    processes it started (a hook) before going on, so no git command still runs while we
    undo what it did."""
    import subprocess  # not at import time: `specdiff --help` stays fast

    options: dict[str, object] = {}
    if os.name == "posix":
        # Its own process group, so that one kill reaches its hooks too.
        if sys.version_info >= (3, 11):
            options["process_group"] = 0
        else:  # pragma: no cover - Python 3.10
            options["preexec_fn"] = os.setpgrp
    process = subprocess.Popen(
        args,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **options,  # type: ignore[call-overload]
    )
    try:
        out, err = process.communicate()
    except BaseException:
        with deferred():
            _stop(process)
        raise
    return process.returncode, out, err


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the child's process group, SIGKILL if it is still there after 10 s."""
    import subprocess

    for sig, wait in ((signal.SIGTERM, 10.0), (getattr(signal, "SIGKILL", signal.SIGTERM), 10.0)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            if os.name == "posix":
                os.killpg(process.pid, sig)
            else:
                process.send_signal(sig)
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        break
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
