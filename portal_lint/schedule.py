"""The nightly audit and the weekly scorecard e-mail, on APScheduler 3.11.

Jobs live in the same database as the audits (SQLAlchemyJobStore), so a restart keeps
them and a missed run within `misfire_grace_seconds` still fires (once: coalesce).
Job functions are module-level so the job store can pickle references to them.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import signal
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from portal_lint.config import ScheduleSettings

log = logging.getLogger(__name__)

AUDIT_JOB_ID = "nightly-audit"
SCORECARD_JOB_ID = "weekly-scorecard"
JOBS_TABLE = "apscheduler_jobs"

Scheduler = BaseScheduler


# ----------------------------------------------------------------------------- the lock
def lock_path(db_url: str) -> Path:
    """A lock file next to an SQLite database, else in the temp dir keyed by the URL."""
    if db_url.startswith("sqlite:///") and ":memory:" not in db_url:
        db = Path(db_url.removeprefix("sqlite:///"))
        return db.with_name(db.name + ".audit.lock")
    digest = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"portal-lint-{digest}.audit.lock"


@contextlib.contextmanager
def audit_lock(db_url: str) -> Iterator[bool]:
    """Hold the audit lock while the block runs; yields False (at once) if another
    process or thread holds it. An OS file lock: released even if the holder crashes."""
    import fcntl

    path = lock_path(db_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# ----------------------------------------------------------------------------- jobs
def guarded_audit(config_path: str, db_url: str) -> int | None:
    """Run `portal_lint.runner.audit_from_config` under the audit lock.

    Returns its exit code, or None when skipped because another audit holds the lock.
    The CLI's manual `portal-lint audit` should call this too, so the two never overlap.
    """
    with audit_lock(db_url) as acquired:
        if not acquired:
            log.warning("audit skipped: another audit is running (lock %s)", lock_path(db_url))
            return None
        from portal_lint import runner  # lazy: the runner pulls in the whole crawler

        started = time.monotonic()
        log.info("audit started (config %s)", config_path)
        outcome = "error"
        try:
            code = runner.audit_from_config(config_path, db_url)
            outcome = f"exit {code}"
            return code
        finally:
            log.info("audit finished: %s in %.1f s", outcome, time.monotonic() - started)


def nightly_audit_job(config_path: str, db_url: str) -> int | None:
    return guarded_audit(config_path, db_url)


def weekly_scorecard_job(config_path: str, db_url: str, out_dir: str | None = None) -> str:
    """Write the scorecard of the week just ended and e-mail it. Returns the outcome."""
    from datetime import timedelta

    from portal_lint.config import load_config
    from portal_lint.mailer import send_scorecard
    from portal_lint.report.scorecard import write_scorecard

    started = time.monotonic()
    cfg = load_config(config_path)
    tz = ZoneInfo(cfg.schedule.timezone)
    now = datetime.now(tz).replace(tzinfo=None)  # IO edge: the job is where the clock is read
    # Monday morning: report the previous ISO week, which is complete.
    last_week_day = (now - timedelta(days=7)).date()
    folder = Path(out_dir) if out_dir else lock_path(db_url).parent / "scorecards"
    log.info("scorecard job started")
    result = write_scorecard(db_url, folder, as_of=last_week_day, config=cfg)
    if cfg.email is None or not cfg.email.recipients:
        outcome = "written (no e-mail settings)"
    else:
        outcome = send_scorecard(db_url, cfg.email, result, now=now).outcome
    log.info(
        "scorecard job %s finished: %s in %.1f s", result.week, outcome, time.monotonic() - started
    )
    return outcome


# ----------------------------------------------------------------------------- scheduler
def triggers(settings: ScheduleSettings) -> tuple[CronTrigger, CronTrigger]:
    tz = ZoneInfo(settings.timezone)
    return (
        CronTrigger.from_crontab(settings.audit_cron, timezone=tz),
        CronTrigger.from_crontab(settings.scorecard_cron, timezone=tz),
    )


def build_scheduler(
    config_path: Path, db_url: str, settings: ScheduleSettings, *, blocking: bool = True
) -> Scheduler:
    """A scheduler (not started) with both jobs, persisted in `db_url`."""
    tz = ZoneInfo(settings.timezone)
    cls = BlockingScheduler if blocking else BackgroundScheduler
    sched = cls(
        jobstores={"default": SQLAlchemyJobStore(url=db_url, tablename=JOBS_TABLE)},
        executors={"default": {"type": "threadpool", "max_workers": 2}},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": settings.misfire_grace_seconds,
        },
        timezone=tz,
    )
    audit_trigger, scorecard_trigger = triggers(settings)
    args = [str(config_path), db_url]
    common = {
        "coalesce": True,
        "max_instances": 1,
        "misfire_grace_time": settings.misfire_grace_seconds,
        "replace_existing": True,
    }
    sched.add_job(
        nightly_audit_job,
        audit_trigger,
        args=args,
        id=AUDIT_JOB_ID,
        name="Kiểm tra hằng đêm",
        **common,
    )
    sched.add_job(
        weekly_scorecard_job,
        scorecard_trigger,
        args=args,
        id=SCORECARD_JOB_ID,
        name="Bảng điểm hằng tuần",
        **common,
    )
    return sched


def run_scheduler(config_path: Path, db_url: str, settings: ScheduleSettings) -> None:
    """Run in the foreground until SIGTERM/SIGINT; a running job is allowed to finish."""
    sched = build_scheduler(config_path, db_url, settings, blocking=True)

    def _stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s received: stopping the scheduler", signal.Signals(signum).name)
        sched.shutdown(wait=False)

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    for job in sched.get_jobs():
        log.info("job %s scheduled: %s", job.id, job.trigger)
    log.info("scheduler started (timezone %s, jobs in %s)", settings.timezone, JOBS_TABLE)
    sched.start()  # blocks until shutdown
    log.info("scheduler stopped")
