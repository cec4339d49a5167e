from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from portal_lint.rules.campaign_coverage import CampaignCoverage, parse_campaigns
from portal_lint.snapshot import Article, Coverage, History, RunContext, Snapshot, StoredArticle

REPO = Path(__file__).resolve().parents[2]
CAMPAIGNS = yaml.safe_load((REPO / "rules" / "campaigns.yaml").read_text(encoding="utf-8"))[
    "campaigns"
]


def art(
    i: int,
    d: date,
    title: str = "Tin hoạt động",
    body: str = "",
    fetched: bool = True,
    sapo: str | None = None,
) -> Article:
    return Article(
        url=f"https://bhxh.example/bai-{i}",
        title=title,
        published=datetime(d.year, d.month, d.day, 9),
        body_text=body,
        sapo=sapo,
        fetched=fetched,
    )


def run(
    arts,
    as_of: date,
    cs: date | None = date(2024, 1, 1),
    history: History | None = None,
    campaigns=None,
):
    r = CampaignCoverage()
    s = Snapshot(
        site_id="x",
        base_url="https://bhxh.example/",
        started_at=datetime(2026, 1, 1),
        home_ok=True,
        articles=arts,
        coverage=Coverage(complete_since=cs),
    )
    return r.check(
        s,
        history or History(),
        RunContext(as_of=as_of),
        r.Params(campaigns=CAMPAIGNS if campaigns is None else campaigns),
    )


def test_shipped_yaml_is_valid_and_matches_directives():
    camps = {c.id: c for c in parse_campaigns(CAMPAIGNS)}
    kh = camps["ky-hop-7-qh15"]
    assert kh.window is not None and (kh.window.start, kh.window.end) == (
        date(2024, 5, 20),
        date(2024, 6, 28),
    )
    assert kh.min_posts == 5 and "1455/BHXH-TT" in kh.source
    cds = camps["chuyen-doi-so-10-10"]
    assert (
        cds.yearly is not None
        and (cds.yearly.start, cds.yearly.end) == ("10-01", "10-31")
        and cds.min_posts == 3
    )
    assert "2728/KH-BHXH" in cds.source


KY_HOP = [c for c in CAMPAIGNS if c["id"] == "ky-hop-7-qh15"]
CDS = [c for c in CAMPAIGNS if c["id"] == "chuyen-doi-so-10-10"]


def ky_hop_posts() -> list[Article]:
    return [
        art(0, date(2024, 5, 20), title="Kỳ họp thứ 7 Quốc hội khóa XV khai mạc"),
        art(
            1,
            date(2024, 5, 27),
            title="Thảo luận",
            body="Quốc hội thảo luận dự thảo Luật BHXH (sửa đổi) tại hội trường",
        ),
        art(
            2, date(2024, 6, 1), title="Tin", sapo="Cử tri quan tâm Luat Bao hiem xa hoi (sua doi)"
        ),
        art(3, date(2024, 6, 25), title="QUỐC HỘI KHOÁ XV thông qua Luật BHXH sửa đổi"),
        art(4, date(2024, 6, 28), title="Đại biểu Quốc hội tiếp xúc cử tri"),
        art(5, date(2024, 6, 29), title="Kỳ họp thứ 7 bế mạc"),  # after the window
        art(6, date(2024, 6, 10), title="Hội nghị tập huấn nghiệp vụ"),  # no keyword
    ]


def test_ky_hop_pass_diacritics_insensitive_in_title_sapo_body():
    (f,) = run(ky_hop_posts(), as_of=date(2024, 7, 15), campaigns=KY_HOP)
    assert f.status == "pass"
    v = f.value["ky-hop-7-qh15"]
    assert v["posts"] == 5 and v["min"] == 5 and v["window"] == ["2024-05-20", "2024-06-28"]
    assert v["urls"] == [f"https://bhxh.example/bai-{i}" for i in range(5)]


def test_ky_hop_fail_and_both_campaigns_judged():
    arts = ky_hop_posts()[1:]  # 4 posts in the window
    arts += [
        art(10, date(2023, 10, 10), title="Ngày Chuyển đổi số quốc gia 10/10"),
        art(11, date(2023, 10, 20), title="Cài đặt VssID"),
        art(12, date(2023, 10, 31), title="Đề án 06/CP"),
    ]
    (f,) = run(arts, as_of=date(2024, 7, 15), cs=date(2023, 1, 1))
    assert f.status == "fail"
    assert f.value["ky-hop-7-qh15"]["posts"] == 4 and f.value["ky-hop-7-qh15"]["status"] == "fail"
    assert (
        f.value["chuyen-doi-so-10-10"]["posts"] == 3
        and f.value["chuyen-doi-so-10-10"]["status"] == "pass"
    )
    assert f.value["chuyen-doi-so-10-10"]["window"] == ["2023-10-01", "2023-10-31"]
    assert "4/5" in f.message and "Kỳ họp thứ 7" in f.message
    assert "https://bhxh.example/bai-1" in f.evidence


def test_uncovered_window_is_unknown():
    (f,) = run(ky_hop_posts()[:2], as_of=date(2024, 7, 15), cs=date(2024, 6, 1), campaigns=KY_HOP)
    assert f.status == "unknown" and f.value["ky-hop-7-qh15"]["complete"] is False
    (f,) = run(ky_hop_posts()[:2], as_of=date(2024, 7, 15), cs=None, campaigns=KY_HOP)
    assert f.status == "unknown"
    # month of the window start exactly at complete_since: covered
    (f,) = run(ky_hop_posts()[:2], as_of=date(2024, 7, 15), cs=date(2024, 5, 1), campaigns=KY_HOP)
    assert f.status == "fail"


def test_unread_posts_could_make_up_the_shortfall():
    arts = ky_hop_posts()[:3] + [
        art(20 + i, date(2024, 6, 5), title="Tin hoạt động", fetched=False) for i in range(2)
    ]
    (f,) = run(arts, as_of=date(2024, 7, 15), campaigns=KY_HOP)
    assert f.status == "unknown" and f.value["ky-hop-7-qh15"]["unread"] == 2
    # a history-only post matching on its title counts
    stored = [
        StoredArticle(
            url="https://bhxh.example/h",
            title="Luật Bảo hiểm xã hội năm 2024 được thông qua",
            published=datetime(2024, 6, 28),
            category_label=None,
            word_count=300,
            first_seen=datetime(2024, 6, 28),
        )
    ]
    (f,) = run(arts, as_of=date(2024, 7, 15), history=History(articles=stored), campaigns=KY_HOP)
    assert f.value["ky-hop-7-qh15"]["posts"] == 4 and f.status == "unknown"


def test_applicability_window_end_and_lookback():
    # window still open on its last day minus one: not judged; judged from its last day
    assert run(ky_hop_posts(), as_of=date(2024, 6, 27), campaigns=KY_HOP) == []
    (f,) = run(ky_hop_posts(), as_of=date(2024, 6, 28), campaigns=KY_HOP)
    assert f.status == "pass"
    # lookback: 365 days after the end still judged, 366 not
    assert run(ky_hop_posts(), as_of=date(2025, 6, 28), campaigns=KY_HOP)
    assert run(ky_hop_posts(), as_of=date(2025, 6, 29), campaigns=KY_HOP) == []
    assert run([], as_of=date(2026, 9, 1), campaigns=[]) == []


def test_yearly_window_latest_occurrence():
    arts = [
        art(i, date(2025, 10, 5 + i), title="Hướng dẫn sử dụng dịch vụ công trực tuyến")
        for i in range(2)
    ]
    arts += [art(9, date(2024, 10, 10), title="Chuyển đổi số")]  # the previous year's window
    (f,) = run(arts, as_of=date(2026, 9, 30), cs=date(2024, 1, 1), campaigns=CDS)
    assert f.status == "fail" and f.value["chuyen-doi-so-10-10"]["window"] == [
        "2025-10-01",
        "2025-10-31",
    ]
    assert f.value["chuyen-doi-so-10-10"]["posts"] == 2
    (f,) = run(arts, as_of=date(2025, 10, 31), cs=date(2024, 1, 1), campaigns=CDS)
    assert f.value["chuyen-doi-so-10-10"]["window"] == ["2025-10-01", "2025-10-31"]
    (f,) = run(arts, as_of=date(2025, 10, 30), cs=date(2024, 1, 1), campaigns=CDS)
    assert f.value["chuyen-doi-so-10-10"]["window"] == ["2024-10-01", "2024-10-31"]
    assert f.value["chuyen-doi-so-10-10"]["posts"] == 1


def test_yearly_window_across_new_year():
    camp = dict(CDS[0], id="tet", yearly={"start": "12-20", "end": "01-10"})
    arts = [
        art(i, d, title="VssID")
        for i, d in enumerate([date(2025, 12, 20), date(2026, 1, 2), date(2026, 1, 10)])
    ]
    (f,) = run(arts, as_of=date(2026, 3, 1), cs=date(2025, 1, 1), campaigns=[camp])
    assert f.value["tet"]["window"] == ["2025-12-20", "2026-01-10"] and f.status == "pass"


@pytest.mark.parametrize(
    "patch, fragment",
    [
        ({"window": None, "yearly": None}, "exactly one"),
        ({"yearly": {"start": "10-01", "end": "10-31"}}, "exactly one"),
        ({"min_posts": 0}, "min_posts"),
        ({"keywords": []}, "keywords"),
        ({"window": {"start": "2024-06-28", "end": "2024-05-20"}}, "before start"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_entries_are_refused_clearly(patch, fragment):
    bad = {k: v for k, v in dict(KY_HOP[0], **patch).items() if v is not None}
    with pytest.raises(ValueError, match=fragment) as exc:
        parse_campaigns([bad])
    assert "ky-hop-7-qh15" in str(exc.value)
    with pytest.raises(ValidationError):
        CampaignCoverage.Params(campaigns=[bad])


def test_bad_yearly_day_and_duplicate_id():
    with pytest.raises(ValueError, match="02-30"):
        parse_campaigns([dict(CDS[0], yearly={"start": "02-30", "end": "03-01"})])
    with pytest.raises(ValueError, match="used twice"):
        parse_campaigns(CDS + CDS)
