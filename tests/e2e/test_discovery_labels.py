"""Discovery details of the crawler that decide which category an article is filed under."""

from __future__ import annotations

import pytest

from portal_lint.fetch.crawler import _is_home_seed

SITE = "https://bhxh.thunghiem.gov.vn/"


@pytest.mark.parametrize(
    "url,label,expected",
    [
        (SITE, "Trang chủ", True),
        (SITE + "index.html", "", True),  # the logo link
        (SITE + "trang-chu", "Trang chủ", True),
        (SITE + "category/hoi-dap/", "Hỏi đáp", False),
        (SITE + "tin-tuc/danh-muc/11/hoat-dong-nganh.html", "Hoạt động ngành", False),
        (SITE + "?page=2", "", False),  # a listing page, not the home page itself
    ],
)
def test_home_menu_link_gives_no_category_label(url: str, label: str, expected: bool) -> None:
    # A WordPress home page paginates through every post: walked first, its menu label
    # "Trang chủ" would be taken as the category of all of them.
    assert _is_home_seed(url, label, SITE) is expected
