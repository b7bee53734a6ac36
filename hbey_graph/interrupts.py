"""Stop signals that are never lost: Ctrl-C, SIGTERM and SIGHUP end a command, and say so.

Python turns Ctrl-C into a ``KeyboardInterrupt`` raised wherever the program happens to be. Raised
inside a finaliser or a library's clean-up code it can be printed as "Exception ignored" and
swallowed, and the command would go on to finish as if nothing had happened. The handlers here
also *remember* the signal, so that the last step before anything is written in place
(:func:`raise_if_stopped`) and the command's exit status still see it.

Examples
--------
>>> raise_if_stopped()  # no signal received: nothing happens
>>> stop_signal() is None
True
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

__all__ = [
    "Terminated",
    "handle_stop_signals",
    "raise_if_stopped",
    "start_worker",
    "stop_handled",
    "stop_signal",
]

#: The signals that stop a command, besides Ctrl-C (SIGINT).
TERMINATION_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGHUP)

_received: list[int] = []


class Terminated(BaseException):
    """The command received a termination signal (SIGTERM, SIGHUP); raised so that cleanup runs.

    A ``BaseException``, like ``KeyboardInterrupt``, so that no ``except Exception`` swallows it.
    """


def stop_signal() -> int | None:
    """Return the first stop signal received while the handlers were installed, or None."""
    return _received[0] if _received else None


def stop_handled() -> None:
    """Forget the stop signals received so far: the command has acted on them and ends normally.

    For a command whose normal end is Ctrl-C (a server that runs until stopped).
    """
    _received.clear()


def raise_if_stopped() -> None:
    """Raise ``KeyboardInterrupt`` or :class:`Terminated` if a stop signal has been received.

    Called before a result is moved into place, so that an interrupt swallowed on the way (by a
    finaliser, say) still stops the command before it writes.
    """
    signum = stop_signal()
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    if signum is not None:
        raise Terminated(signum)


def _on_signal(signum: int, frame: object) -> None:
    _received.append(signum)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


@contextlib.contextmanager
def handle_stop_signals() -> Iterator[None]:
    """Within the block, remember every stop signal and raise it as an exception.

    What is remembered is forgotten when the block ends.

    Outside the main thread (where Python allows no signal handlers) the block runs unchanged. A
    SIGINT that is ignored when the block starts (a job started in the background) stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _received.clear()
    signals = list(TERMINATION_SIGNALS)
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signals.append(signal.SIGINT)
    previous = {signum: signal.signal(signum, _on_signal) for signum in signals}
    unraisable_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_about_stops(unraisable_hook)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        sys.unraisablehook = unraisable_hook
        _received.clear()


def _quiet_about_stops(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """`hook`, except for a stop the handlers raised where Python can only print it.

    A signal arriving while a finaliser or a weak reference's callback runs is raised there, and
    Python prints it as "Exception ignored … Traceback" to stderr. It is remembered, and raised
    again where the command can act on it, so the traceback would only alarm the user.
    """

    def quiet(unraisable: Any) -> object:
        if _received and isinstance(unraisable.exc_value, (KeyboardInterrupt, Terminated)):
            return None
        return hook(unraisable)

    return quiet


def start_worker() -> None:
    """Set up a worker process of a command: Ctrl-C ignored, and ended with its parent.

    Ctrl-C reaches every process of the terminal's group: the worker ignores it and leaves the
    parent to end the pool (so no worker prints a traceback). Pass this function as a pool's
    initializer: this module imports nothing heavy, so a worker runs it a moment after it starts.
    On Linux the kernel also sends the worker SIGTERM when its parent dies, however it dies
    (``prctl(PR_SET_PDEATHSIG)``).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before the request was made
            os._exit(1)
