from __future__ import annotations

from datetime import datetime

import pytest

from portal_lint.extract.urls import canonicalize, date_from_url, same_site


def test_canonicalize_basics() -> None:
    url = "HTTPS://BaoHiemXaHoi.gov.vn:443/TinTuc/Pages/A.aspx?b=2&utm_source=fb&a=1&fbclid=x#top"
    assert canonicalize(url) == "https://baohiemxahoi.gov.vn/TinTuc/Pages/A.aspx?a=1&b=2"


def test_canonicalize_relative_and_tracking() -> None:
    assert (
        canonicalize("../tin/b.html?zarsrc=1&gclid=2&_ga=3&id=5", "http://x.gov.vn/a/c/d.html")
        == "http://x.gov.vn/a/tin/b.html?id=5"
    )
    assert canonicalize("http://x.gov.vn") == "http://x.gov.vn/"
    assert canonicalize("http://x.gov.vn:8080/p") == "http://x.gov.vn:8080/p"


def test_canonicalize_leaves_non_http() -> None:
    assert canonicalize("mailto:a@b.vn") == "mailto:a@b.vn"
    assert canonicalize("javascript:void(0)") == "javascript:void(0)"


def test_same_site() -> None:
    assert same_site("https://www.x.gov.vn/a", "http://x.gov.vn/")
    assert not same_site("https://y.gov.vn/a", "https://x.gov.vn/")
    assert not same_site("https://x.gov.vn:8443/a", "https://x.gov.vn/")
    assert not same_site("https://sub.x.gov.vn/a", "https://x.gov.vn/")


@pytest.mark.parametrize(
    "url,expected",
    [
        (
            "http://stc.daknong.gov.vn/TinTuc/tintuc/Lists/Posts/Post.aspx?CategoryId=1&ItemId=222"
            "&PublishedDate=2017-01-06T15:40:00Z",
            datetime(2017, 1, 6, 15, 40),
        ),
        ("https://x.vn/2024/05/20/slug/", datetime(2024, 5, 20)),
        ("https://x.vn/tin/20240520-bhxh-tinh.html", datetime(2024, 5, 20)),
        ("https://x.vn/tin/bai-viet-2024-05-20.html", datetime(2024, 5, 20)),
        ("https://x.vn/tin-tuc/slug-123456.html", None),
        ("https://x.vn/2024/13/40/slug", None),
        # A Web Archive capture stamp is not a publication date.
        ("http://web.archive.org/web/20180312211947/http://x.gov.vn/Pages/a.aspx", None),
    ],
)
def test_date_from_url(url: str, expected: datetime | None) -> None:
    assert date_from_url(url) == expected
