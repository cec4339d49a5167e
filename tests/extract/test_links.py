"""Links, department hosts and social presence."""

from __future__ import annotations

from pathlib import Path

from portal_lint.extract.links import (
    department_hosts,
    extract_contact_links,
    extract_links,
    find_social,
)
from portal_lint.snapshot import Link


def test_real_sharepoint_2010_dropdown(real_pages: Path) -> None:
    html = (
        real_pages / "thanhtra.daknong.gov.vn/Pages_default_wayback_20170614025039.html"
    ).read_text(encoding="utf-8")
    links = extract_links(html, "http://thanhtra.daknong.gov.vn/Pages/default.aspx")
    opts = [l for l in links if l.where == "option"]
    assert len(opts) == 8  # 9 options minus the "-- Liên kết web --" placeholder
    assert any(
        l.href == "http://sct.daknong.gov.vn/Pages/default.aspx" and l.text == "Sở Công Thương"
        for l in opts
    )
    hosts = department_hosts(links, ["daknong.gov.vn"], "thanhtra.daknong.gov.vn")
    assert {
        "sct.daknong.gov.vn",
        "stp.daknong.gov.vn",
        "sgtvt.daknong.gov.vn",
        "sxd.daknong.gov.vn",
    } <= set(hosts)
    assert "thanhtra.daknong.gov.vn" not in hosts and "thanhtra.gov.vn" not in hosts


def test_real_liferay_select_weblink(real_pages: Path) -> None:
    html = (real_pages / "sotttt.hanoi.gov.vn/index.html").read_text(encoding="utf-8")
    links = extract_links(html, "https://sotttt.hanoi.gov.vn/")
    opts = [l for l in links if l.where == "option"]
    assert len(opts) >= 5
    assert all(l.href.startswith("http") for l in links)


def test_inline_styles_and_skips() -> None:
    html = """<base href="https://bhxh.tinh.gov.vn/sub/"><a href="page.html">Trang</a>
    <a href="javascript:void(0)">JS</a><a href="mailto:a@vss.gov.vn">Mail</a><a href="tel:02393855123">Gọi</a>
    <map><area href="https://soyte.tinh.gov.vn/" alt="Sở Y tế"></map>
    <select onchange="window.open(this.value)"><option value="">-- Chọn --</option>
    <option value="www.sotc.tinh.gov.vn">Sở Tài chính</option><option value="12">Mã</option></select>
    <a href="https://www.facebook.com/BHXHtinh"><img alt="Fanpage"></a>"""
    links = extract_links(html, "https://bhxh.tinh.gov.vn/")
    got = {(l.href, l.where) for l in links}
    assert ("https://bhxh.tinh.gov.vn/sub/page.html", "a") in got
    assert ("https://soyte.tinh.gov.vn/", "area") in got
    assert ("http://www.sotc.tinh.gov.vn", "option") in got
    assert not any(h.startswith(("javascript", "mailto", "tel")) for h, _ in got)
    assert any(l.text == "Fanpage" for l in links)
    assert extract_contact_links(html) == {"mailto": ["a@vss.gov.vn"], "tel": ["02393855123"]}
    hosts = department_hosts(links, ["tinh.gov.vn"], "bhxh.tinh.gov.vn")
    assert set(hosts) == {"soyte.tinh.gov.vn", "sotc.tinh.gov.vn"}


def test_find_social() -> None:
    links = [
        Link("https://www.facebook.com/baohiemxahoitinh"),
        Link("https://www.facebook.com/sharer/sharer.php?u=x"),
        Link("https://zalo.me/123456789"),
        Link("https://www.youtube.com/@bhxhvn"),
        Link("https://apps.apple.com/vn/app/vssid/id1521647127", "Tải VssID"),
    ]
    html = '<img src="/img/banner-vssid.png" alt="Ứng dụng"><p>Hướng dẫn cài đặt ứng dụng VssID trên điện thoại.</p>'
    s = find_social(links, html)
    assert s["fanpage"] == ["https://www.facebook.com/baohiemxahoitinh"]
    assert s["zalo"] == ["https://zalo.me/123456789"] and len(s["youtube"]) == 1
    assert "https://apps.apple.com/vn/app/vssid/id1521647127" in s["vssid"]
    assert any(v.startswith("img:") for v in s["vssid"]) and any(
        v.startswith("text:") for v in s["vssid"]
    )
    assert find_social([Link("https://example.com")], "<p>Tin tức</p>")["vssid"] == []
