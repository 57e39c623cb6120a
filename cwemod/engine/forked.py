"""Calls run side by side in forked processes, where the platform forks."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from cwemod.runtime import frozen_for_fork

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

T = TypeVar("T")


def side_by_side(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Each call's result, in order: the first called here, the others in forked children.

    A forked child shares what this process has read and imported and sends
    its result back pickled. Off Linux (macOS's system libraries make a
    forked child unsafe), with one CPU, or away from the main thread (a child
    would inherit locks other threads hold), every call runs here, one after
    the other; a call whose child fails (an exception, a result that cannot
    be pickled, a death) runs here again.
    """
    can_fork = (
        sys.platform.startswith("linux")
        and (os.cpu_count() or 1) > 1
        and threading.current_thread() is threading.main_thread()
    )
    if len(calls) < 2 or not can_fork:
        return [call() for call in calls]
    import multiprocessing  # here: a rerun from the cache never forks

    context = multiprocessing.get_context("fork")
    with frozen_for_fork():
        children = [_start(context, call) for call in calls[1:]]
    first = calls[0]()
    return [first, *(_result(child, call) for child, call in zip(children, calls[1:]))]


def _start(context: Any, call: Callable[[], Any]) -> tuple[BaseProcess, Connection]:
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send, args=(call, sender), daemon=True)
    process.start()
    sender.close()
    return process, receiver


def _send(call: Callable[[], Any], sender: Connection) -> None:
    try:
        sender.send((True, call()))
    except BaseException:  # the parent runs the call again and meets the error there
        sender.send((False, None))


def _result(child: tuple[BaseProcess, Connection], call: Callable[[], T]) -> T:
    process, receiver = child
    try:
        ok, value = receiver.recv()
    except (EOFError, OSError):  # the child died before sending
        ok, value = False, None
    finally:
        receiver.close()
        process.join()
    return value if ok else call()
