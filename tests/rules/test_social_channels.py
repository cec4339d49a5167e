"""social-channels: official fanpage link + VssID promotion (CV 2071/BHXH-TT)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from portal_lint.extract.links import extract_links
from portal_lint.rules.social_channels import SocialChannels, is_fanpage, is_vssid
from portal_lint.snapshot import History, Link, RunContext, Snapshot

BASE = "https://bhxh-tinh.test/"
CTX = RunContext(as_of=date(2024, 6, 15))
FB = Link(href="https://www.facebook.com/bhxhtinh", text="Fanpage BHXH tỉnh")
VSS = Link(href="https://play.google.com/store/apps/details?id=com.bhxhapp", text="")


def _check(links: list[Link], home_ok: bool = True, home_url: str = BASE):
    snap = Snapshot(
        site_id="t",
        base_url=BASE,
        started_at=datetime(2024, 6, 15, 8),
        home_ok=home_ok,
        home_url=home_url,
        outbound_links=links,
    )
    rule = SocialChannels()
    (f,) = rule.check(snap, History(), CTX, rule.Params())
    return f


def test_pass_with_both() -> None:
    f = _check([FB, VSS])
    assert f.status == "pass"
    assert f.value == {"fanpage": [FB.href], "vssid": [VSS.href]}


def test_warn_names_what_is_missing() -> None:
    f = _check([FB])
    assert f.status == "warn" and "chưa quảng bá ứng dụng VssID" in f.message
    f = _check([VSS])
    assert f.status == "warn" and "chưa có liên kết đến Fanpage" in f.message


def test_fail_with_share_buttons_only() -> None:
    links = [
        Link(href="https://www.facebook.com/sharer/sharer.php?u=https://bhxh-tinh.test/a"),
        Link(href="https://www.facebook.com/plugins/like.php?href=x"),
        Link(href="https://www.facebook.com/dialog/share?app_id=1"),
        Link(href="https://sp.zalo.me/share_inline?url=x"),
        Link(href="https://zalo.me/share?u=x"),
        Link(href="https://www.facebook.com/"),
    ]
    f = _check(links)
    assert f.status == "fail"
    assert f.value == {"fanpage": [], "vssid": []}


def test_unknown_when_home_not_fetched() -> None:
    assert _check([FB, VSS], home_ok=False).status == "unknown"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.facebook.com/baohiemxahoi.gov.vn/", True),
        ("https://m.facebook.com/profile.php?id=100064", True),
        ("https://fb.com/bhxhdaknong", True),
        ("https://zalo.me/1234567890123", True),
        (
            "https://web.archive.org/web/2023/https://www.facebook.com/bhxhtinh",
            False,
        ),  # unwrapped by caller
        ("https://www.facebook.com/share.php?u=x", False),
        ("https://developers.facebook.com/docs", False),
        ("https://bhxh-tinh.test/facebook", False),
    ],
)
def test_is_fanpage(url: str, ok: bool) -> None:
    assert is_fanpage(url) is ok


@pytest.mark.parametrize(
    ("link", "ok"),
    [
        (Link(href="https://apps.apple.com/vn/app/vssid-bảo-hiểm-xã-hội-số/id1521647932"), True),
        (Link(href="https://play.google.com/store/apps/details?id=com.bhxhapp"), True),
        (Link(href="https://play.google.com/store/apps/details?id=com.zing.zalo"), False),
        (Link(href="https://bhxh-tinh.test/gioi-thieu/ung-dung", text="Tải ứng dụng VSS ID"), True),
        (Link(href="https://bhxh-tinh.test/banner.aspx", text="Cài đặt VssID - BHXH số"), True),
        (Link(href="https://vss.gov.vn/", text="BHXH Việt Nam"), False),
    ],
)
def test_is_vssid(link: Link, ok: bool) -> None:
    assert is_vssid(link) is ok


def test_archived_links_are_unwrapped() -> None:
    fb = Link(href="https://web.archive.org/web/20230801000000/https://www.facebook.com/bhxhtinh")
    assert _check([fb, VSS]).status == "pass"


def test_real_bhxh_page(real_pages: Path) -> None:
    """The real BHXH Việt Nam page links its fanpage and a "Tải ứng dụng VSSID" page."""
    page = (
        real_pages
        / "baohiemxahoi.gov.vn"
        / "tintuc_linh-vuc-bao-hiem-y-te_CateID169_ItemID26712.html"
    )
    url = "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx?CateID=169&ItemID=26712"
    links = extract_links(page.read_text(encoding="utf-8"), url)
    f = _check(links, home_url=url)
    assert f.status == "pass"
    assert any("facebook.com/baohiemxahoi.gov.vn" in u for u in f.value["fanpage"])
    assert any("vssid" in u.lower() for u in f.value["vssid"])


def test_real_department_page_without_social(real_pages: Path) -> None:
    page = real_pages / "sotttt.hanoi.gov.vn" / "index.html"
    links = extract_links(page.read_text(encoding="utf-8"), "https://sotttt.hanoi.gov.vn/")
    # An article title mentioning "facebook" is not a fanpage link.
    assert any("facebook" in l.href for l in links)
    f = _check(links, home_url="https://sotttt.hanoi.gov.vn/")
    assert f.status == "fail"
