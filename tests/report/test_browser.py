from __future__ import annotations

import re
import subprocess
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def test_scorecard_renders_in_headless_chromium(
    chromium: str, scorecard_w48, tmp_path: Path
) -> None:
    res = scorecard_w48
    url = res.html_path.resolve().as_uri()
    dom = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={tmp_path / 'ud'}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    rows = re.findall(r'<tr class="rank-row" data-site="([^"]+)">', dom)
    assert rows == ["bhxh-ha-tinh", "bhxh-dak-nong", "bhxh-lao-cai"]
    assert "BHXH tỉnh Hà Tĩnh" in dom and "Bảng điểm Cổng TTĐT BHXH các tỉnh" in dom
    # the crawled <script> never became a script element
    assert "<script>alert(1)</script>" not in dom
    shot = tmp_path / "scorecard.png"
    subprocess.run(
        [
            chromium,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'ud2'}",
            "--window-size=1400,2000",
            f"--screenshot={shot}",
            url,
        ],
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
