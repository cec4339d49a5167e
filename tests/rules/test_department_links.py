"""department-links: distinct hosts under the province's domains; dead links only warn."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from portal_lint.extract.links import extract_links
from portal_lint.rules.department_links import DepartmentLinks
from portal_lint.snapshot import History, Link, LinkCheck, RunContext, Snapshot

BASE = "https://bhxh.daknong.gov.vn/"
CTX = RunContext(as_of=date(2024, 6, 15))
DEPTS = ["stp", "stc", "thanhtra", "stttt", "syt", "sldtbxh"]


def _links(*hosts: str) -> list[Link]:
    return [Link(href=f"http://{h}/Pages/default.aspx", text=h, where="option") for h in hosts]


def _check(
    links: list[Link],
    checks: list[LinkCheck] | None = None,
    home_ok: bool = True,
    domains: list[str] | None = None,
    **params,
):
    snap = Snapshot(
        site_id="t",
        base_url=BASE,
        started_at=datetime(2024, 6, 15, 8),
        home_ok=home_ok,
        home_url=BASE,
        outbound_links=links,
        link_checks=checks or [],
    )
    rule = DepartmentLinks()
    p = rule.Params(
        province_domains=["daknong.gov.vn"] if domains is None else domains, site_url=BASE, **params
    )
    (f,) = rule.check(snap, History(), CTX, p)
    return f


def test_pass_with_five_distinct_hosts() -> None:
    hosts = [f"{d}.daknong.gov.vn" for d in DEPTS[:5]]
    links = _links(*hosts) + _links("www.stp.daknong.gov.vn")  # www. is the same host
    f = _check(links)
    assert f.status == "pass"
    assert f.value["count"] == 5 and f.value["hosts"] == sorted(hosts)


def test_fail_lists_hosts_and_how_many_more() -> None:
    links = _links(
        "stp.daknong.gov.vn",
        "daknong.gov.vn",
        "moj.gov.vn",
        "baohiemxahoi.gov.vn",
        "bhxh.daknong.gov.vn",
        "qlvb.bhxh.daknong.gov.vn",
        "daknong.gov.vn.evil.com",
    )
    f = _check(links)
    assert f.status == "fail"
    assert f.value["hosts"] == ["daknong.gov.vn", "stp.daknong.gov.vn"]  # own host & sub-hosts out
    assert f.value["missing"] == 3
    assert "mới có 2 liên kết" in f.message and "cần thêm ít nhất 3" in f.message
    assert "stp.daknong.gov.vn" in f.message


def test_dead_link_turns_pass_into_warn_only() -> None:
    hosts = [f"{d}.daknong.gov.vn" for d in DEPTS[:5]]
    checks = [
        LinkCheck(
            url="http://stp.daknong.gov.vn/Pages/default.aspx",
            alive=False,
            status=None,
            reason="connect_error",
        ),
        LinkCheck(url="http://stc.daknong.gov.vn/Pages/default.aspx", alive=True, status=200),
        LinkCheck(url="http://syt.daknong.gov.vn/Pages/default.aspx", alive=None),
    ]
    f = _check(_links(*hosts), checks)
    assert f.status == "warn"
    assert list(f.value["dead"]) == ["stp.daknong.gov.vn"]
    assert "connect_error" in f.message
    assert "syt.daknong.gov.vn" in f.value["unchecked"]
    # A host with one live link is alive; unchecked links change nothing.
    checks.append(LinkCheck(url="https://stp.daknong.gov.vn/", alive=True, status=200))
    assert _check(_links(*hosts), checks).status == "pass"


def test_dead_links_never_make_a_fail_worse_or_better() -> None:
    checks = [
        LinkCheck(url="http://stp.daknong.gov.vn/Pages/default.aspx", alive=False, status=404)
    ]
    f = _check(_links("stp.daknong.gov.vn"), checks)
    assert f.status == "fail" and f.value["count"] == 1  # still counted; dead only mentioned
    assert "HTTP 404" in f.message


def test_min_links_param_and_domain_normalisation() -> None:
    links = _links("stp.daknong.gov.vn", "stc.daknong.gov.vn")
    assert _check(links, min_links=2).status == "pass"
    assert _check(links, domains=["https://www.daknong.gov.vn/"], min_links=2).status == "pass"


def test_unknown_without_domains_or_home() -> None:
    f = _check(_links("stp.daknong.gov.vn"), domains=[])
    assert f.status == "unknown" and "province_domains" in f.message
    assert _check(_links(), home_ok=False).status == "unknown"


def test_real_links_dropdown_of_dakrlap(real_pages: Path) -> None:
    """The 26-option "Liên kết website" dropdown of a real Đắk Nông district portal."""
    page = real_pages / "dakrlap.daknong.gov.vn" / "Pages_default_wayback_20180903114337.html"
    url = "http://dakrlap.daknong.gov.vn/Pages/default.aspx"
    links = extract_links(page.read_text(encoding="utf-8"), url)
    snap = Snapshot(
        site_id="dakrlap",
        base_url="http://dakrlap.daknong.gov.vn/",
        started_at=datetime(2018, 9, 3),
        home_ok=True,
        home_url=url,
        outbound_links=links,
    )
    rule = DepartmentLinks()
    (f,) = rule.check(snap, History(), CTX, rule.Params(province_domains=["daknong.gov.vn"]))
    assert f.status == "pass"
    hosts = f.value["hosts"]
    assert {"stp.daknong.gov.vn", "stc.daknong.gov.vn", "thanhtra.daknong.gov.vn"} <= set(hosts)
    assert "dakrlap.daknong.gov.vn" not in hosts and "qlvb.dakrlap.daknong.gov.vn" not in hosts
    assert f.value["count"] >= 15
