"""The demo farm served from separate processes, so the server's CPU never shares the
auditor's GIL (benchmarks; `RunningFarm` serves from threads of the calling process).

    with ProcessFarm(bench_specs(63, 1500), as_of, processes=1) as farm:
        farm.urls, farm.request_count(site_id), farm.ground_truth(site_id) ...

Each server process generates its share of the sites itself (generation is deterministic),
so the calling process never holds the farm's content: its memory is the auditor's own.
Sites are dealt to processes round-robin. Commands go over a pipe per process.
"""

from __future__ import annotations

import multiprocessing as mp
from datetime import date
from pathlib import Path
from typing import Any

from portal_lint.demo.farm import Farm, RunningFarm, SiteSpec


def _serve(conn: Any, specs: list[SiteSpec], as_of: date) -> None:
    """Body of one server process: build its sites, serve them, answer commands."""
    try:
        farm = Farm(specs, as_of)
        running = RunningFarm(farm)
        running.start()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", running.urls, {sid: farm.category_map(sid) for sid in farm.sites}))
    try:
        while True:
            try:
                cmd, arg = conn.recv()
            except EOFError:
                break
            if cmd == "stop":
                break
            if cmd == "counts":
                conn.send({sid: running.request_count(sid) for sid in farm.sites})
            elif cmd == "truth":
                conn.send(running.ground_truth(arg))
            else:
                conn.send(None)
    finally:
        running.stop()
        conn.close()


class ProcessFarm:
    """A farm whose sites are served by `processes` child processes on 127.0.0.1."""

    def __init__(self, specs: list[SiteSpec], as_of: date, processes: int = 1) -> None:
        self.specs = list(specs)
        self.as_of = as_of
        self.processes = max(1, min(processes, len(self.specs)))
        self.urls: dict[str, str] = {}
        self._cmaps: dict[str, dict[str, str]] = {}
        self._owner: dict[str, int] = {}
        self._procs: list[Any] = []
        self._conns: list[Any] = []
        self._names = {s.site_id: s.name for s in self.specs}
        self._domains = {s.site_id: s.domain for s in self.specs}

    def __enter__(self) -> ProcessFarm:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self._procs]

    def start(self) -> None:
        # spawn: a clean interpreter (no inherited threads, locks or parent memory).
        ctx = mp.get_context("spawn")
        shards = [self.specs[i :: self.processes] for i in range(self.processes)]
        for shard in shards:
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(child, shard, self.as_of), daemon=True)
            proc.start()
            child.close()
            self._procs.append(proc)
            self._conns.append(parent)
        order = [s.site_id for s in self.specs]
        for i, conn in enumerate(self._conns):
            msg = conn.recv()
            if msg[0] != "ready":
                self.stop()
                raise RuntimeError(f"farm server process failed: {msg[1]}")
            _, urls, cmaps = msg
            for sid in urls:
                self._owner[sid] = i
            self._cmaps.update(cmaps)
            self.urls.update(urls)
        self.urls = {sid: self.urls[sid] for sid in order if sid in self.urls}

    def stop(self) -> None:
        for conn in self._conns:
            try:
                conn.send(("stop", None))
            except (OSError, EOFError):
                pass
        for proc in self._procs:
            proc.join(timeout=10)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)
        for conn in self._conns:
            conn.close()
        self._procs, self._conns = [], []

    def _ask(self, i: int, cmd: str, arg: Any = None) -> Any:
        self._conns[i].send((cmd, arg))
        return self._conns[i].recv()

    # ---- the RunningFarm API the auditor side uses
    def base(self, sid: str) -> str:
        return self.urls[sid].rstrip("/")

    def request_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(len(self._conns)):
            out.update(self._ask(i, "counts"))
        return out

    def request_count(self, site_id: str) -> int:
        return self._ask(self._owner[site_id], "counts")[site_id]

    def total_requests(self) -> int:
        return sum(self.request_counts().values())

    def ground_truth(self, site_id: str) -> dict[str, Any]:
        return self._ask(self._owner[site_id], "truth", site_id)

    def sites_yaml(self) -> dict[str, Any]:
        sites = [
            {
                "id": sid,
                "name": self._names[sid],
                "url": url,
                "province_domains": [self._domains[sid]],
                "category_map": self._cmaps[sid],
                "rules": {"department-links": {"min_links": 5}},
                "disable": [],
                "check_links": False,
            }
            for sid, url in self.urls.items()
        ]
        return {"defaults": {"rules": {"post-quota": {"min_posts_per_month": 20}}}, "sites": sites}

    def write_sites_yaml(self, path: str | Path) -> Path:
        import yaml

        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(
            yaml.safe_dump(self.sites_yaml(), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        return p
