"""Tests of the category classifier and the site-label mapping."""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

import pytest

from portal_lint.classify import OTHER, TAXONOMY, CategoryClassifier, load_rows, prepare_text
from portal_lint.classify import model as model_mod
from portal_lint.classify.labels import fold, slugs_for_article, slugs_for_label
from portal_lint.rules.category_mismatch import CategoryMismatch


@pytest.fixture(scope="module")
def clf() -> CategoryClassifier:
    return CategoryClassifier.default()


@pytest.fixture(scope="module")
def held_out_clf() -> CategoryClassifier:
    """A model that never saw test.jsonl (the default model trains on everything shipped)."""
    from portal_lint.classify.corpus import shipped_docs

    return CategoryClassifier.fit([d for d in shipped_docs() if d.source != "test"])


def test_shipped_data_covers_the_taxonomy() -> None:
    train = load_rows(model_mod.TRAIN_PATH)
    test = load_rows(model_mod.TEST_PATH)
    for slug in TAXONOMY:
        assert sum(r["label"] == slug for r in train) >= 60, slug
        assert sum(r["label"] == slug for r in test) >= 15, slug
    assert {r["label"] for r in train} == {*TAXONOMY, OTHER}
    # Held-out texts are written separately, never copies of training texts.
    assert not {r["text"] for r in train} & {r["text"] for r in test}


def test_held_out_accuracy(held_out_clf: CategoryClassifier) -> None:
    from sklearn.metrics import accuracy_score, f1_score

    rows = load_rows(model_mod.TEST_PATH)
    gold = [r["label"] for r in rows]
    pred = [p.label for p in held_out_clf.predict_many([(r["text"], "") for r in rows])]
    assert accuracy_score(gold, pred) >= 0.80
    assert f1_score(gold, pred, average="macro") >= 0.80


def test_confident_predictions_are_precise(held_out_clf: CategoryClassifier) -> None:
    """What the rule relies on: above min_confidence the label is (almost) always right."""
    thr = CategoryMismatch.Params().min_confidence
    rows = [r for r in load_rows(model_mod.TEST_PATH) if r["label"] != OTHER]
    preds = held_out_clf.predict_many([(r["text"], "") for r in rows])
    confident = [(r, p) for r, p in zip(rows, preds) if p.label != OTHER and p.confidence >= thr]
    assert len(confident) >= len(rows) // 2
    wrong = sum(r["label"] != p.label for r, p in confident)
    assert wrong / len(confident) <= 0.05


def test_prediction_shape(clf: CategoryClassifier) -> None:
    p = clf.predict(
        "Mức hưởng trợ cấp thất nghiệp hằng tháng",
        "Người lao động được hưởng 60% bình quân tiền lương.",
    )
    assert p.label == "bhtn"
    assert set(p.scores) == {*TAXONOMY, OTHER}
    assert abs(sum(p.scores.values()) - 1.0) < 1e-6
    assert p.confidence == max(p.scores.values()) == p.scores[p.label]
    assert clf.predict_many([]) == []
    batch = clf.predict_many(
        [("Hỏi: thẻ BHYT hết hạn có được khám không?", ""), ("Tin hoạt động", "")]
    )
    assert len(batch) == 2 and batch[0].label == "hoi-dap"


def test_unicode_forms_and_case_do_not_matter(clf: CategoryClassifier) -> None:
    title = "Gia hạn thẻ BHYT hộ gia đình qua dịch vụ công trực tuyến"
    nfd = unicodedata.normalize("NFD", title.upper())
    assert prepare_text(nfd) == prepare_text(title)
    assert clf.predict(nfd).scores == pytest.approx(clf.predict(title).scores)


def test_default_is_cached_per_process() -> None:
    assert CategoryClassifier.default() is CategoryClassifier.default()


def test_pickle_cache_dir_roundtrip(tmp_path: Path) -> None:
    first = CategoryClassifier.default(cache_dir=tmp_path)
    files = list(tmp_path.glob("category-clf-*.pkl"))
    assert len(files) == 1
    model_mod._default_model.cache_clear()  # simulate a new process
    again = CategoryClassifier.default(cache_dir=tmp_path)
    assert again is not first
    text = ("Ứng dụng VssID hiển thị thẻ BHYT", "Người dân cài đặt VssID trên điện thoại.")
    assert again.predict(*text).scores == pytest.approx(first.predict(*text).scores)
    files[0].write_bytes(b"not a pickle")  # a damaged cache is retrained, not fatal
    model_mod._default_model.cache_clear()
    assert CategoryClassifier.default(cache_dir=tmp_path).predict(*text).label == "chuyen-doi-so"


def test_general_news_is_rarely_labelled_confidently(
    clf: CategoryClassifier, shared_dir: Path
) -> None:
    """VNTC general news (no insurance mention) must not be forced into portal categories."""
    thr = CategoryMismatch.Params().min_confidence
    path = shared_dir / "corpora" / "vntc-sample-10k.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(1500), fh)]
    items = [(r["text"].partition("\n")[0], r["text"].partition("\n")[2]) for r in rows]
    preds = clf.predict_many(items)
    confident = sum(p.label != OTHER and p.confidence >= thr for p in preds)
    assert confident / len(rows) <= 0.02
    assert sum(p.label == OTHER for p in preds) / len(rows) >= 0.7


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Chính sách BHYT", {"bhyt"}),
        ("Bảo hiểm y tế", {"bhyt"}),
        ("BHYT", {"bhyt"}),
        ("Lĩnh Vực Bảo Hiểm Y Tế", {"bhyt"}),
        ("Chính sách BHXH, BHYT", {"bhxh", "bhyt"}),
        ("Bảo hiểm xã hội", {"bhxh"}),
        ("BHXH tự nguyện", {"bhxh"}),
        ("Bảo hiểm thất nghiệp", {"bhtn"}),
        ("Tin hoạt động BHXH tỉnh", {"hoat-dong"}),
        ("TIN HOẠT ĐỘNG NGÀNH", {"hoat-dong"}),
        ("Chuyển đổi số", {"chuyen-doi-so"}),
        ("Gương điển hình", {"guong-dien-hinh"}),
        ("Người tốt - việc tốt", {"guong-dien-hinh"}),
        ("Hỏi - Đáp", {"hoi-dap"}),
        ("Tin tức", set()),
        ("Tin tổng hợp", set()),
        ("Thông báo", set()),
        ("Văn bản", set()),
        ("Tin BHXH", set()),
        ("", set()),
        (None, set()),
    ],
)
def test_label_keywords(label: str | None, expected: set[str]) -> None:
    assert slugs_for_label(label) == expected


def test_category_map_precedence() -> None:
    cmap = {
        "Tin nổi bật": "guong-dien-hinh",
        "Gương điển hình": "none",
        "Tin chính sách": "bhxh,bhyt,bhtn",
    }
    assert slugs_for_label("Tin nổi bật", cmap) == {"guong-dien-hinh"}
    assert slugs_for_label("TIN NỔI BẬT", cmap) == {"guong-dien-hinh"}  # folded match
    assert slugs_for_label("Gương điển hình", cmap) == set()  # explicitly not judged
    assert slugs_for_label("Tin chính sách", cmap) == {"bhxh", "bhyt", "bhtn"}
    assert slugs_for_label("Chính sách BHYT", cmap) == {"bhyt"}  # not in the map: keywords


def test_slugs_for_article_breadcrumb() -> None:
    title = "Quỹ BHYT chi trả chi phí chạy thận"
    crumbs = ["Trang chủ", "Tin tức", "Gương điển hình", title]
    assert slugs_for_article(None, crumbs, title=title) == ({"guong-dien-hinh"}, "Gương điển hình")
    assert slugs_for_article("Tin tức", crumbs, title=title)[0] == {"guong-dien-hinh"}
    assert slugs_for_article("Tin tức", crumbs, {"Tin tức": "none"}, title=title)[0] == set()
    assert slugs_for_article(None, ["Trang chủ", "Tin tức"], title=title) == (frozenset(), None)


def test_fold() -> None:
    assert fold("Đắk Nông – Hỏi & Đáp") == "dak nong hoi dap"


def test_taxonomy_aliases_extend_the_automatic_mapping() -> None:
    from portal_lint.classify.labels import aliases_from_taxonomy
    from portal_lint.rulepack import load_rulepack

    shipped = aliases_from_taxonomy(load_rulepack().taxonomy)
    assert set(shipped) == set(TAXONOMY)
    assert slugs_for_label("Điển hình tiên tiến", aliases=shipped) == {"guong-dien-hinh"}
    # An editor adds a wording to rules/taxonomy.yaml: the label maps without code changes.
    custom = aliases_from_taxonomy(
        {"categories": {"bhtn": {"vi": "Bảo hiểm thất nghiệp", "aliases": ["Việc làm"]}}}
    )
    assert slugs_for_label("VIỆC LÀM", aliases=custom) == {"bhtn"}
    assert slugs_for_label("Việc làm") == frozenset()  # without the alias: not guessed
