"""Work the controller starts from a notification (which cannot wait for it), kept so that it is
never lost: a failure is reported, and `settle` waits until all of it is done."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any


class Tasks:
    def __init__(self, on_failure: Callable[[Exception], Awaitable[None]]) -> None:
        self._on_failure = on_failure
        self._running: set[asyncio.Task[None]] = set()

    def start(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(self._guarded(work))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def settle(self) -> None:
        await asyncio.sleep(0)
        while self._running:
            await asyncio.gather(*tuple(self._running))
            await asyncio.sleep(0)

    async def _guarded(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception as error:  # a bug must not leave the belt running unwatched
            await self._on_failure(error)
