"""The device thread: bleak is asyncio, the coach's runner is a plain thread, so the clients
live on an event loop of their own and the runner calls into it and waits for the answer.

The pacer calls a session's heartbeat about once a second of the session's clock (which may run
faster than the wall's, in a demonstration); tests call the heartbeat themselves instead.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

Result = TypeVar("Result")

# A call into the device thread waits at most this long: longer than a command's own timeout.
CALL_SECONDS = 30.0
# However fast the session's clock runs, the pacer wakes at most this often (wall seconds).
SHORTEST_BEAT_SECONDS = 0.02


class DeviceThread:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="devices", daemon=True)

    def __enter__(self) -> DeviceThread:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.run(_cancel_the_rest())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(CALL_SECONDS)
        self._loop.close()

    def run(self, work: Coroutine[Any, Any, Result], timeout: float = CALL_SECONDS) -> Result:
        """Run `work` on the device thread and wait for its result (or its exception)."""
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout)

    def pace(self, beat: Callable[[], Awaitable[None]], wall_seconds: float) -> None:
        """Call `beat` every `wall_seconds` (at least SHORTEST_BEAT_SECONDS) until the exit."""
        every = max(wall_seconds, SHORTEST_BEAT_SECONDS)

        async def pacer() -> None:
            while True:
                await asyncio.sleep(every)
                await beat()

        self._loop.call_soon_threadsafe(self._loop.create_task, pacer())


async def _cancel_the_rest() -> None:
    current = asyncio.current_task()
    others = [task for task in asyncio.all_tasks() if task is not current]
    for task in others:
        task.cancel()
    await asyncio.gather(*others, return_exceptions=True)
