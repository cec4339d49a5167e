"""E-mail the weekly scorecard to Trung tâm Truyền thông.

Message: multipart/mixed(
    multipart/related(multipart/alternative(text/plain, text/html), image/png…),
    the .xlsx attachment)
The HTML part refers to the charts as cid: images. The password is read only from the
environment variable named by `EmailSettings.password_env`, never from the config.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import Literal

from portal_lint.config import EmailSettings
from portal_lint.report.i18n import labels
from portal_lint.report.scorecard import ScorecardResult, render_html, render_text

log = logging.getLogger(__name__)

Outcome = Literal["sent", "already-sent", "dry-run", "failed"]
XLSX_TYPE = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class SendOutcome:
    outcome: Outcome
    week: str
    recipients: list[str] = field(default_factory=list)
    attempts: int = 0
    message_id: str = ""
    eml_path: Path | None = None
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.outcome != "failed"


class SendFailed(Exception):
    """Delivery gave up: a permanent (5xx, login) error, or transient errors past the retries."""

    def __init__(self, attempts: int, reason: str, permanent: bool) -> None:
        super().__init__(reason)
        self.attempts, self.permanent = attempts, permanent


def subject_for(settings: EmailSettings, result: ScorecardResult) -> str:
    title = labels(result.lang)["title"].format(week=result.week)
    return f"{settings.subject_prefix} {title}".strip()


def build_message(
    settings: EmailSettings, result: ScorecardResult, *, now: datetime
) -> MIMEMultipart:
    """The complete message (headers included); pure apart from reading result's files."""
    if result.model is None:
        raise ValueError("the ScorecardResult has no model: build it with write_scorecard()")
    domain = parseaddr(settings.sender)[1].rpartition("@")[2] or "portal-lint.local"
    cids = {name: f"chart-{name}-{result.week}@{domain}" for name in result.charts}
    html = render_html(result.model, {name: f"cid:{cid}" for name, cid in cids.items()})
    text = render_text(result.model)

    smtp_policy = policy.SMTP  # RFC 2047 for the Vietnamese subject, CRLF line ends
    root = MIMEMultipart("mixed", policy=smtp_policy)
    root["Subject"] = subject_for(settings, result)
    root["From"] = settings.sender
    root["To"] = ", ".join(settings.recipients)
    root["Date"] = formatdate(now.timestamp(), localtime=True)
    root["Message-ID"] = make_msgid(idstring=f"scorecard-{result.week}", domain=domain)

    related = MIMEMultipart("related", type="multipart/alternative", policy=smtp_policy)
    alt = MIMEMultipart("alternative", policy=smtp_policy)
    alt.attach(MIMEText(text, "plain", "utf-8", policy=smtp_policy))
    alt.attach(MIMEText(html, "html", "utf-8", policy=smtp_policy))
    related.attach(alt)
    for name, png in result.charts.items():
        img = MIMEImage(png, "png", policy=smtp_policy)
        img["Content-ID"] = f"<{cids[name]}>"
        img.add_header("Content-Disposition", "inline", filename=f"{name}.png")
        related.attach(img)
    root.attach(related)

    xlsx = MIMEApplication(Path(result.xlsx_path).read_bytes(), XLSX_TYPE, policy=smtp_policy)
    xlsx.add_header("Content-Disposition", "attachment", filename=Path(result.xlsx_path).name)
    root.attach(xlsx)
    return root


def _transient(exc: BaseException) -> bool:
    """Worth another try: network trouble or a 4xx reply."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(400 <= c < 500 for c in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError))


def _deliver(settings: EmailSettings, msg: MIMEMultipart, password: str | None) -> None:
    ctx = ssl.create_default_context()
    smtp: smtplib.SMTP
    if settings.security == "ssl":
        smtp = smtplib.SMTP_SSL(
            settings.smtp_host, settings.smtp_port, timeout=settings.timeout, context=ctx
        )
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout)
    with smtp:
        smtp.ehlo()
        if settings.security == "starttls":
            smtp.starttls(context=ctx)
            smtp.ehlo()
        if settings.username:
            smtp.login(settings.username, password or "")
        refused = smtp.send_message(
            msg, from_addr=parseaddr(settings.sender)[1], to_addrs=list(settings.recipients)
        )
        if refused:
            log.warning("some recipients were refused: %s", refused)


def send_with_retries(
    settings: EmailSettings,
    msg: MIMEMultipart,
    password: str | None,
    *,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Deliver; retry transient failures up to settings.retries times. Returns attempts made."""
    attempt = 0
    while True:
        attempt += 1
        try:
            _deliver(settings, msg, password)
            return attempt
        except smtplib.SMTPAuthenticationError as exc:
            raise SendFailed(attempt, f"SMTP login refused ({exc.smtp_code})", True) from exc
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            if not _transient(exc):
                raise SendFailed(attempt, reason, True) from exc
            if attempt > settings.retries:
                raise SendFailed(attempt, reason, False) from exc
            delay = backoff * (2 ** (attempt - 1))
            log.warning(
                "SMTP attempt %d failed (%s: %s); retrying in %.1f s",
                attempt,
                type(exc).__name__,
                exc,
                delay,
            )
            sleep(delay)


def send_scorecard(
    db_url: str,
    settings: EmailSettings,
    result: ScorecardResult,
    *,
    force: bool = False,
    dry_run: bool = False,
    eml_dir: Path | None = None,
    now: datetime,
    backoff: float = 2.0,
) -> SendOutcome:
    """Send the scorecard of `result.week` once. `now` is the send time (recorded)."""
    from portal_lint.store.models import EmailSendRow
    from portal_lint.store.queries import read_engine, week_sent

    recipients = list(settings.recipients)
    msg = build_message(settings, result, now=now)
    message_id = str(msg["Message-ID"])

    if dry_run:
        folder = Path(eml_dir or result.html_path.parent)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"scorecard-{result.week}.eml"
        path.write_bytes(msg.as_bytes())
        return SendOutcome("dry-run", result.week, recipients, 0, message_id, eml_path=path)

    if not recipients:
        return SendOutcome(
            "failed", result.week, error="no recipients: set email.recipients in the config"
        )

    engine = read_engine(db_url)
    try:
        previous = week_sent(engine, result.week)
    finally:
        engine.dispose()
    if previous is not None and not force:
        return SendOutcome(
            "already-sent", result.week, list(previous.recipients), 0, previous.message_id
        )

    password = None
    if settings.username:
        password = os.environ.get(settings.password_env)
        if not password:
            return SendOutcome(
                "failed",
                result.week,
                recipients,
                error=f"SMTP username is set but the environment variable {settings.password_env} is empty",
            )

    started = time.monotonic()
    try:
        attempts = send_with_retries(settings, msg, password, backoff=backoff)
    except SendFailed as exc:
        log.error("scorecard %s not sent after %d attempt(s): %s", result.week, exc.attempts, exc)
        return SendOutcome(
            "failed",
            result.week,
            recipients,
            exc.attempts,
            message_id,
            error=str(exc),
            seconds=time.monotonic() - started,
        )
    seconds = time.monotonic() - started

    from portal_lint.store.repo import Store

    store = Store(db_url)
    try:
        with store.session() as s:
            s.add(
                EmailSendRow(
                    week=result.week,
                    sent_at=now,
                    recipients=recipients,
                    message_id=message_id,
                    seconds=round(seconds, 3),
                )
            )
    finally:
        store.close()
    log.info(
        "scorecard %s sent to %s in %d attempt(s)", result.week, ", ".join(recipients), attempts
    )
    return SendOutcome("sent", result.week, recipients, attempts, message_id, seconds=seconds)


__all__ = ["SendFailed", "SendOutcome", "build_message", "send_scorecard"]
