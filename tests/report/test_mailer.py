from __future__ import annotations

import email
import io
import socket
from datetime import datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from openpyxl import load_workbook

from portal_lint.config import EmailSettings
from portal_lint.mailer import send_scorecard
from portal_lint.store.queries import read_engine, week_sent

from .conftest import WEEK

NOW = datetime(2026, 11, 30, 7, 30)
SUBJECT = "[portal-lint] Bảng điểm Cổng TTĐT BHXH các tỉnh — Tuần 2026-W48"


def free_port() -> int:
    # aiosmtpd's Controller cannot bind port 0: find a free port first.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    """aiosmtpd handler keeping messages; answers 421 to the first `fail_first` DATA."""

    def __init__(self, fail_first: int = 0, permanent: bool = False) -> None:
        self.messages: list[tuple[list[str], bytes]] = []
        self.fail_first = fail_first
        self.permanent = permanent
        self.calls = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        self.calls += 1
        if self.permanent:
            return "554 5.7.1 Message rejected"
        if self.calls <= self.fail_first:
            return "421 4.3.2 Service not available, try again later"
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


@pytest.fixture
def smtp():
    servers = []

    def start(handler: Recorder) -> int:
        port = free_port()
        ctl = Controller(handler, hostname="127.0.0.1", port=port)
        ctl.start()
        servers.append(ctl)
        return port

    yield start
    for ctl in servers:
        ctl.stop()


@pytest.fixture
def result(scorecard_w48):
    return scorecard_w48


@pytest.fixture
def audit_db(empty_db: str) -> str:
    # sends are recorded per test in a fresh database; the scorecard itself is shared
    return empty_db


def settings(port: int, **kw) -> EmailSettings:
    return EmailSettings(
        smtp_host="127.0.0.1",
        smtp_port=port,
        sender="portal-lint <lint@bhxh.example.vn>",
        recipients=["tttt@vss.example.vn", "lanhdao@vss.example.vn"],
        timeout=5,
        **kw,
    )


def parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def test_send_full_message(smtp, result, audit_db: str) -> None:
    rec = Recorder()
    port = smtp(rec)
    out = send_scorecard(audit_db, settings(port), result, now=NOW, backoff=0.01)
    assert out.outcome == "sent" and out.attempts == 1
    assert len(rec.messages) == 1
    rcpts, raw = rec.messages[0]
    assert sorted(rcpts) == ["lanhdao@vss.example.vn", "tttt@vss.example.vn"]
    assert b"=?utf-8?" in raw.split(b"\r\n\r\n", 1)[0]  # RFC 2047 encoded subject
    msg = parse(raw)
    assert msg["Subject"] == SUBJECT
    assert msg.get_content_type() == "multipart/mixed"
    related, attachment = msg.get_payload()
    assert related.get_content_type() == "multipart/related"
    alt, *images = related.get_payload()
    assert alt.get_content_type() == "multipart/alternative"
    plain, html = alt.get_payload()
    assert plain.get_content_type() == "text/plain" and "BHXH tỉnh Hà Tĩnh" in plain.get_content()
    html_text = html.get_content()
    assert html.get_content_type() == "text/html" and "Xếp hạng" in html_text
    assert "data:image/png" not in html_text
    assert len(images) == 3
    for img in images:
        assert img.get_content_type() == "image/png"
        cid = img["Content-ID"].strip("<>")
        assert f'src="cid:{cid}"' in html_text
        assert img.get_content()[:4] == b"\x89PNG"
    assert attachment.get_filename() == f"scorecard-{WEEK}.xlsx"
    wb = load_workbook(io.BytesIO(attachment.get_content()))
    assert "Tổng hợp" in wb.sheetnames
    engine = read_engine(audit_db)
    sent = week_sent(engine, WEEK)
    engine.dispose()
    assert sent is not None and sent.sent_at == NOW and len(sent.recipients) == 2


def test_no_double_send_unless_forced(smtp, result, audit_db: str) -> None:
    rec = Recorder()
    port = smtp(rec)
    assert send_scorecard(audit_db, settings(port), result, now=NOW).outcome == "sent"
    again = send_scorecard(audit_db, settings(port), result, now=NOW)
    assert again.outcome == "already-sent"
    assert len(rec.messages) == 1
    forced = send_scorecard(audit_db, settings(port), result, now=NOW, force=True)
    assert forced.outcome == "sent"
    assert len(rec.messages) == 2


def test_dry_run_writes_eml_only(smtp, result, audit_db: str, tmp_path: Path) -> None:
    rec = Recorder()
    port = smtp(rec)
    out = send_scorecard(
        audit_db, settings(port), result, now=NOW, dry_run=True, eml_dir=tmp_path / "eml"
    )
    assert out.outcome == "dry-run"
    assert out.eml_path == tmp_path / "eml" / f"scorecard-{WEEK}.eml"
    assert parse(out.eml_path.read_bytes())["Subject"] == SUBJECT
    assert rec.messages == [] and rec.calls == 0
    engine = read_engine(audit_db)
    assert week_sent(engine, WEEK) is None  # nothing recorded
    engine.dispose()


def test_retry_then_success(smtp, result, audit_db: str) -> None:
    rec = Recorder(fail_first=1)
    port = smtp(rec)
    out = send_scorecard(audit_db, settings(port, retries=3), result, now=NOW, backoff=0.01)
    assert out.outcome == "sent" and out.attempts == 2
    assert rec.calls == 2 and len(rec.messages) == 1


def test_no_retry_on_permanent_error(smtp, result, audit_db: str) -> None:
    rec = Recorder(permanent=True)
    port = smtp(rec)
    out = send_scorecard(audit_db, settings(port, retries=3), result, now=NOW, backoff=0.01)
    assert out.outcome == "failed" and out.attempts == 1 and "554" in out.error
    assert rec.calls == 1
    engine = read_engine(audit_db)
    assert week_sent(engine, WEEK) is None
    engine.dispose()


def test_connection_refused_is_retried_then_fails(result, audit_db: str) -> None:
    port = free_port()  # nothing listens here
    out = send_scorecard(audit_db, settings(port, retries=2), result, now=NOW, backoff=0.01)
    assert out.outcome == "failed" and out.attempts == 3
    assert "ConnectionRefused" in out.error


def test_password_only_from_environment(
    result, audit_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PL_TEST_SMTP_PW", raising=False)
    s = settings(free_port(), username="lint", password_env="PL_TEST_SMTP_PW")
    out = send_scorecard(audit_db, s, result, now=NOW, backoff=0.01)
    assert out.outcome == "failed" and "PL_TEST_SMTP_PW" in out.error and out.attempts == 0
