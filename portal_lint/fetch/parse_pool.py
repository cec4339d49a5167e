"""Where pages are parsed: inline, or in worker processes while the crawl goes on.

Extraction is pure CPU and holds the GIL; run inline, it stalls the event loop, so a
many-site audit on loopback was bound to one core (the auditing process at 100 %, the
other core mostly idle). `ParsePool` runs `decode_html` + `extract_article` and
`extract_listing` in worker processes instead: bytes go in, dataclasses come back.

A worker that dies (a parser crash on hostile markup, the OOM killer) breaks the pool;
the pool is rebuilt and the page tried once more, then given up as unreadable. A crash
therefore costs one page, never the audit.

`InlineParser` has the same interface and parses in the calling thread: the default for
one-site checks, tests, and audits of real portals, where the network is the bottleneck.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from portal_lint.extract.article import extract_article
from portal_lint.extract.listing import Listing, extract_listing
from portal_lint.extract.text import decode_html
from portal_lint.memory import tune_malloc
from portal_lint.snapshot import Article

log = logging.getLogger(__name__)


class ParseFailed(Exception):
    """The page could not be parsed (its parser process died): unreadable, not absent."""


def exit_with_parent(parent: int) -> None:
    """Worker initializer: end when the auditing process is gone. A worker blocks on its
    task queue, whose write end it holds itself, so a parent killed with SIGKILL would
    leave it waiting forever (seen: orphans after `kill -9` of an audit)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def init_worker(parent: int) -> None:
    """Initializer of the audit's worker processes (parsers, analysis)."""
    tune_malloc()
    exit_with_parent(parent)


def parse_article(body: bytes, content_type: str | None, url: str) -> Article | None:
    return extract_article(decode_html(body, content_type), url)


def parse_listing(html: str, url: str) -> Listing:
    return extract_listing(html, url)


class InlineParser:
    """Parses in the calling thread."""

    workers = 0

    async def article(self, body: bytes, content_type: str | None, url: str) -> Article | None:
        return parse_article(body, content_type, url)

    async def listing(self, html: str, url: str) -> Listing:
        return parse_listing(html, url)

    def close(self) -> None:
        pass


class ParsePool:
    """Parses in `workers` spawned processes (spawn: the parent has threads and an event
    loop, which fork would copy half-alive)."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self.crashes = 0  # pools rebuilt after a worker died
        self._executor: ProcessPoolExecutor | None = None
        self._generation = 0

    def _pool(self) -> tuple[ProcessPoolExecutor, int]:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=mp.get_context("spawn"),
                initializer=init_worker,
                initargs=(os.getpid(),),
            )
        return self._executor, self._generation

    def _rebuild(self, generation: int) -> None:
        """Replace the broken pool once, however many calls saw it break."""
        if generation != self._generation:
            return
        self.crashes += 1
        self._generation += 1
        broken, self._executor = self._executor, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)

    async def _run(self, fn: Any, *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            executor, generation = self._pool()
            try:
                return await loop.run_in_executor(executor, fn, *args)
            except BrokenProcessPool:
                log.warning("a parser process died (attempt %d) on %s", attempt, args[-1])
                self._rebuild(generation)
        raise ParseFailed(f"the parser process died twice on {args[-1]}")

    async def article(self, body: bytes, content_type: str | None, url: str) -> Article | None:
        return await self._run(parse_article, body, content_type, url)

    async def listing(self, html: str, url: str) -> Listing:
        return await self._run(parse_listing, html, url)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


Parser = InlineParser | ParsePool
