"""Tests of the category-mismatch rule on small hand-built snapshots (and real listing items)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from portal_lint.rules.base import load_all
from portal_lint.rules.category_mismatch import CategoryMismatch
from portal_lint.snapshot import Article, FetchRecord, History, RunContext, Snapshot

AS_OF = date(2026, 7, 15)
# (site category label, title, body) — each correctly filed.
CORRECT: list[tuple[str, str, str]] = [
    (
        "Tin hoạt động",
        "BHXH tỉnh Hà Giang tổ chức hội nghị sơ kết công tác quý III",
        "Chiều 5/10, BHXH tỉnh đã tổ chức hội nghị sơ kết. Giám đốc BHXH tỉnh chủ trì, lãnh đạo các phòng nghiệp vụ và BHXH các huyện tham dự. Hội nghị đánh giá kết quả thu, giảm nợ đóng và giao nhiệm vụ quý IV.",
    ),
    (
        "Tin hoạt động",
        "Đoàn kiểm tra BHXH Việt Nam làm việc tại BHXH huyện Mèo Vạc",
        "Đoàn đã kiểm tra hồ sơ tại bộ phận một cửa và công tác thu, cấp sổ BHXH, thẻ BHYT. Trưởng đoàn ghi nhận kết quả và đề nghị đơn vị khắc phục các tồn tại được chỉ ra.",
    ),
    (
        "Tin hoạt động",
        "Công đoàn BHXH tỉnh tổ chức giải bóng chuyền chào mừng ngày truyền thống",
        "Giải đấu có 8 đội đến từ các phòng và BHXH cấp huyện tham gia. Ban tổ chức đã trao giải cho các đội đạt thành tích cao trong không khí đoàn kết.",
    ),
    (
        "Chính sách BHYT",
        "Người bệnh có thẻ BHYT khám trái tuyến tại bệnh viện tỉnh được hưởng thế nào",
        "Người tham gia BHYT điều trị nội trú tại bệnh viện tuyến tỉnh được quỹ BHYT thanh toán theo mức hưởng ghi trên thẻ. Khi đi khám cần mang theo thẻ BHYT và giấy tờ tùy thân có ảnh.",
    ),
    (
        "Chính sách BHYT",
        "Mức đóng BHYT hộ gia đình và mức giảm cho thành viên thứ hai",
        "Người thứ nhất đóng 4,5% mức tham chiếu; từ người thứ hai mức đóng giảm dần. Tham gia BHYT hộ gia đình giúp cả nhà được quỹ chi trả chi phí khám chữa bệnh.",
    ),
    (
        "Chính sách BHXH",
        "Điều kiện hưởng lương hưu theo Luật BHXH năm 2024",
        "Người lao động đủ tuổi nghỉ hưu và có từ đủ 15 năm đóng BHXH trở lên được hưởng lương hưu hằng tháng. Mức lương hưu tính theo tỷ lệ hưởng và bình quân tiền lương đóng BHXH.",
    ),
    (
        "Chính sách BHXH",
        "BHXH tự nguyện: Nhà nước hỗ trợ tiền đóng cho người thu nhập thấp",
        "Người tham gia BHXH tự nguyện thuộc hộ nghèo được hỗ trợ 30% mức đóng, hộ cận nghèo 25%. Đóng đủ 15 năm, người tham gia được hưởng lương hưu và thẻ BHYT.",
    ),
    (
        "Bảo hiểm thất nghiệp",
        "Điều kiện hưởng trợ cấp thất nghiệp khi nghỉ việc",
        "Người lao động đóng bảo hiểm thất nghiệp đủ 12 tháng trong 24 tháng trước khi chấm dứt hợp đồng được hưởng trợ cấp. Hồ sơ nộp tại Trung tâm Dịch vụ việc làm trong 3 tháng.",
    ),
    (
        "Chuyển đổi số",
        "Dùng căn cước gắn chip thay thẻ BHYT khi đi khám chữa bệnh",
        "Người dân chỉ cần xuất trình căn cước hoặc tài khoản định danh điện tử VNeID. Ứng dụng VssID cũng hiển thị hình ảnh thẻ BHYT để sử dụng khi khám bệnh.",
    ),
    (
        "Hỏi - Đáp",
        "Đóng BHXH tự nguyện bao lâu thì được nhận lương hưu?",
        "Bà Nguyễn Thị Hạnh (Nghệ An) hỏi: Tôi 50 tuổi, đóng BHXH tự nguyện đến bao giờ thì được hưởng lương hưu? BHXH tỉnh trả lời: bà cần đủ tuổi nghỉ hưu và có đủ 15 năm đóng BHXH.",
    ),
    (
        "Gương điển hình",
        "Nữ nhân viên thu bền bỉ mang thẻ BHYT đến từng bản vùng cao",
        "Hơn mười năm qua, chị Lò Thị Hương lặn lội đến từng bản để vận động bà con tham gia. Nhờ sự tận tụy của chị, hàng trăm hộ đã có thẻ BHYT, chị được nhận Bằng khen của Tổng Giám đốc.",
    ),
]

# A health-insurance policy explainer, which belongs to "Chính sách BHYT".
MISFILED_BHYT = (
    "Quỹ BHYT thanh toán chi phí khám chữa bệnh đúng tuyến và cùng chi trả 20%",
    (
        "Người tham gia BHYT đi khám chữa bệnh đúng tuyến được quỹ BHYT thanh toán 80% chi phí trong "
        "phạm vi quyền lợi, người bệnh cùng chi trả 20%. Trẻ em dưới 6 tuổi, người có công được quỹ "
        "BHYT chi trả 100%. Người có thời gian tham gia BHYT 5 năm liên tục được miễn cùng chi trả."
    ),
)

# More misfiled policy posts (for the fail case).
MISFILED_MORE: list[tuple[str, str]] = [
    (
        "Mức hưởng trợ cấp thất nghiệp hằng tháng và thời gian hưởng",
        (
            "Mức hưởng trợ cấp thất nghiệp bằng 60% bình quân tiền lương tháng đóng bảo hiểm thất nghiệp "
            "của 6 tháng liền kề. Đóng đủ 12 đến 36 tháng được hưởng 3 tháng trợ cấp thất nghiệp."
        ),
    ),
    (
        "Cài đặt ứng dụng VssID và đăng ký tài khoản định danh điện tử",
        (
            "Người dân tải ứng dụng VssID từ kho ứng dụng, đăng nhập bằng tài khoản định danh điện tử VNeID "
            "mức độ 2 để tra cứu quá trình đóng BHXH và sử dụng hình ảnh thẻ BHYT."
        ),
    ),
]


def art(
    i: int, label: str | None, title: str, body: str, days_ago: int = 10, **kw: object
) -> Article:
    published = datetime.combine(AS_OF - timedelta(days=days_ago), datetime.min.time()).replace(
        hour=9
    )
    return Article(
        url=f"https://bhxh.example.gov.vn/tin-tuc/bai-{i}.html",
        title=title,
        published=published,
        category_label=label,
        body_text=body,
        word_count=len(body.split()),
        **kw,  # type: ignore[arg-type]
    )


def correct_articles() -> list[Article]:
    return [art(i, lab, t, b, days_ago=3 + i) for i, (lab, t, b) in enumerate(CORRECT)]


def snap_of(articles: list[Article], home_ok: bool = True) -> Snapshot:
    return Snapshot(
        site_id="demo",
        base_url="https://bhxh.example.gov.vn/",
        started_at=datetime(2026, 7, 15, 8, 0),
        home_ok=home_ok,
        articles=articles,
    )


def run(snap: Snapshot, **params: object):
    rule = CategoryMismatch()
    findings = rule.check(
        snap, History(), RunContext(as_of=AS_OF), CategoryMismatch.Params(**params)
    )
    assert len(findings) == 1
    return findings[0]


def test_registered_with_stable_id_and_doc() -> None:
    rules = load_all()
    assert rules["category-mismatch"] is CategoryMismatch
    doc = CategoryMismatch.doc()
    for section in ("**What it checks**", "**Why**", "**Example**", "**Parameters**"):
        assert section in doc
    assert "phân loại sai chuyên mục" in doc


def test_params_refuse_unknown_names() -> None:
    with pytest.raises(ValidationError):
        CategoryMismatch.Params(window=30)  # type: ignore[call-arg]


def test_correctly_filed_posts_pass() -> None:
    f = run(snap_of(correct_articles()))
    assert f.status == "pass"
    assert f.value["judged"] == len(CORRECT)
    assert f.value["misfiled"] == []
    assert f.evidence == []


def test_misfiled_bhyt_story_under_guong_dien_hinh_is_flagged() -> None:
    bad = art(99, "Gương điển hình", *MISFILED_BHYT, days_ago=2)
    f = run(snap_of([*correct_articles(), bad]))
    assert f.value["judged"] == len(CORRECT) + 1
    assert [m["url"] for m in f.value["misfiled"]] == [bad.url]
    entry = f.value["misfiled"][0]
    assert entry["filed_under"] == "guong-dien-hinh"
    assert entry["predicted"] == "bhyt"
    assert entry["confidence"] >= CategoryMismatch.Params().min_confidence
    assert f.evidence == [bad.url]
    # 1/12 = 8.3 %: above the 2 % noise allowance, below the 10 % fail line.
    assert f.status == "warn"
    assert "1/12 bài (8,3%)" in f.message
    assert "«Gương điển hình»" in f.message and "«Chính sách BHYT»" in f.message
    assert "Health insurance policy" in f.message_en


def test_a_title_that_names_the_filed_category_spares_the_post() -> None:
    """The VssID how-to is digital transformation; under "Chính sách BHYT" it is accused only
    while its title does not name health insurance."""
    title, body = MISFILED_MORE[1]
    plain = art(95, "Chính sách BHYT", title, body, days_ago=2)
    f = run(snap_of([*correct_articles(), plain]))
    assert [m["url"] for m in f.value["misfiled"]] == [plain.url]
    assert f.value["spared_by_title"] == []

    named = art(95, "Chính sách BHYT", title + " để dùng thẻ BHYT", body, days_ago=2)
    f = run(snap_of([*correct_articles(), named]))
    assert f.value["misfiled"] == []
    assert [m["url"] for m in f.value["spared_by_title"]] == [named.url]
    assert f.value["spared_by_title"][0]["predicted"] == "chuyen-doi-so"
    assert f.status == "pass"


def test_many_misfiled_posts_fail() -> None:
    bads = [art(90, "Gương điển hình", *MISFILED_BHYT)] + [
        art(91 + i, "Tin hoạt động", t, b) for i, (t, b) in enumerate(MISFILED_MORE)
    ]
    f = run(snap_of([*correct_articles(), *bads]))
    assert f.status == "fail"
    assert {m["url"] for m in f.value["misfiled"]} == {a.url for a in bads}
    assert {m["predicted"] for m in f.value["misfiled"]} == {"bhyt", "bhtn", "chuyen-doi-so"}
    assert "3/14 bài (21,4%)" in f.message


def test_noise_allowance_passes_a_single_slip_in_many_posts() -> None:
    many = [
        art(200 + i, lab, t, b, days_ago=1 + i % 80) for i, (lab, t, b) in enumerate(CORRECT * 5)
    ]
    bad = art(99, "Gương điển hình", *MISFILED_BHYT, days_ago=2)
    f = run(snap_of([*many, bad]), allowed_noise_share=0.02)
    assert f.value["judged"] == 56
    assert len(f.value["misfiled"]) == 1
    assert f.status == "pass"  # 1/56 = 1.8 % <= 2 %
    assert f.evidence == [bad.url]  # still pointed out


def test_unmapped_labels_are_not_judged() -> None:
    generic = [
        art(100 + i, label, *MISFILED_BHYT)
        for i, label in enumerate(["Tin tức", "Tin tổng hợp", "Thông báo", None])
    ]
    f = run(snap_of([*correct_articles(), *generic]))
    assert f.status == "pass"
    assert f.value["judged"] == len(CORRECT)
    only_generic = run(snap_of(generic + [art(110, "Tin tức", *MISFILED_BHYT)]))
    assert only_generic.status == "unknown"
    assert "không đối chiếu được" in only_generic.message
    # Each unmapped label is named once, with its count, and kept in the value.
    assert only_generic.message.count("«Tin tức»") == 1
    assert only_generic.value["unmapped_labels"]["Tin tức"] == 2


def test_category_map_from_site_config_wins() -> None:
    bad = art(99, "Tin nổi bật", *MISFILED_BHYT)
    unmapped = run(snap_of([*correct_articles(), bad]))
    assert unmapped.value["judged"] == len(CORRECT)
    mapped = run(
        snap_of([*correct_articles(), bad]), category_map={"Tin nổi bật": "guong-dien-hinh"}
    )
    assert [m["url"] for m in mapped.value["misfiled"]] == [bad.url]
    # A map value that is not a slug switches judging off for a label keywords would match.
    off = run(
        snap_of([*correct_articles(), art(98, "Gương điển hình", *MISFILED_BHYT)]),
        category_map={"Gương điển hình": "none"},
    )
    assert off.value["misfiled"] == []


def test_breadcrumb_used_when_no_category_label() -> None:
    bad = art(
        99, None, *MISFILED_BHYT, breadcrumb=["Trang chủ", "Gương điển hình", MISFILED_BHYT[0]]
    )
    f = run(snap_of([*correct_articles(), bad]))
    assert [m["url"] for m in f.value["misfiled"]] == [bad.url]


def test_fetch_failure_is_unknown_with_reason() -> None:
    snap = snap_of([], home_ok=False)
    snap.fetch_log.append(
        FetchRecord(url="https://bhxh.example.gov.vn/", outcome="timeout", purpose="home")
    )
    f = run(snap)
    assert f.status == "unknown"
    assert "không tải được" in f.message
    assert f.evidence == ["https://bhxh.example.gov.vn/"]
    assert f.value is None


def test_too_few_posts_is_unknown() -> None:
    f = run(snap_of(correct_articles()[:3]))
    assert f.status == "unknown"
    assert "3 bài" in f.message


def test_as_of_window_respected() -> None:
    old = art(97, "Gương điển hình", *MISFILED_BHYT, days_ago=91)  # one day too old
    future = art(98, "Gương điển hình", *MISFILED_BHYT, days_ago=-1)  # after the audit date
    edge = art(99, "Gương điển hình", *MISFILED_BHYT, days_ago=90)  # first day of the window
    f = run(snap_of([*correct_articles(), old, future]))
    assert f.status == "pass"
    assert f.value["judged"] == len(CORRECT)
    f_edge = run(snap_of([*correct_articles(), old, future, edge]))
    assert [m["url"] for m in f_edge.value["misfiled"]] == [edge.url]
    narrow = run(snap_of([*correct_articles(), edge]), window_days=30)
    assert narrow.value["misfiled"] == []


def test_posts_without_body_or_date_are_skipped() -> None:
    no_body = art(97, "Gương điển hình", MISFILED_BHYT[0], "", fetched=False)
    no_date = art(98, "Gương điển hình", *MISFILED_BHYT)
    no_date.published = None
    f = run(snap_of([*correct_articles(), no_body, no_date]))
    assert f.value["judged"] == len(CORRECT)
    assert f.value["misfiled"] == []


def test_real_bhxh_listing_items_are_not_accused(real_pages: Path) -> None:
    """Real, correctly filed items of baohiemxahoi.gov.vn (title only) must not be accused."""
    rows = [
        json.loads(line)
        for line in (real_pages / "real_listing_items_bhxh.jsonl").open(encoding="utf-8")
    ]
    articles = []
    for i, r in enumerate(rows):
        label = r["category"].split("(")[0].strip()  # "TIN HOẠT ĐỘNG NGÀNH (CateID=52)"
        articles.append(art(300 + i, label, r["title"], r.get("text") or r["title"], days_ago=5))
    f = run(snap_of(articles))
    assert f.value["judged"] == len(rows)
    assert f.value["misfiled"] == []
    assert f.status == "pass"


def test_flagged_post_carries_everything_an_editor_needs() -> None:
    bad = art(99, "Gương điển hình", *MISFILED_BHYT, days_ago=2)
    f = run(snap_of([*correct_articles(), bad]))
    (entry,) = f.value["misfiled"]
    assert entry["url"] == bad.url and entry["title"] == bad.title
    assert entry["site_label"] == "Gương điển hình"
    assert (entry["filed_under"], entry["predicted"]) == ("guong-dien-hinh", "bhyt")
    assert entry["confidence"] > entry["filed_probability"]
    # The words that drove the prediction come from the post itself.
    assert entry["evidence"], entry
    assert any("BHYT" in w or "chi trả" in w or "KCB" in w for w in entry["evidence"]), entry
    assert "từ khóa:" in f.message and "words:" in f.message_en
