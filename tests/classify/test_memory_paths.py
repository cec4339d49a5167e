"""The memory-saving paths of the classifier give the results of the plain ones."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from scipy.sparse import csr_matrix, vstack
from scipy.sparse import random as sparse_random

from portal_lint.classify import features as features_mod
from portal_lint.classify.features import Featurizer
from portal_lint.classify.model import compact_rows, fit_svm
from portal_lint.memory import tune_malloc


def _rows(n: int, width: int, seed: int) -> csr_matrix:
    return sparse_random(n, width, density=0.02, format="csr", random_state=seed, dtype=np.float32)


def test_compact_rows_equals_stack_then_column_slice() -> None:
    a, b = _rows(30, 500, 1), _rows(12, 500, 2)
    b = b[3:9]  # a row slice: its indptr need not start where its data does
    columns = np.union1d(a.indices, b.indices).astype(np.int32)
    expected = vstack([a, b], format="csr")[:, columns].astype(np.float64)
    got = compact_rows([a, b], columns)
    assert got.dtype == np.float64 and got.shape == expected.shape
    assert abs(got - expected).max() == 0


def test_fit_on_parts_equals_fit_on_the_stacked_matrix() -> None:
    a, b = _rows(60, 400, 3), _rows(20, 400, 4)
    y = np.array(["x", "y", "z"] * 26 + ["x", "y"])
    whole = fit_svm(7, vstack([a, b], format="csr"), y)
    parts = fit_svm(7, [a, b], y)
    probe = _rows(10, 400, 5)
    assert np.array_equal(whole.columns, parts.columns)
    assert np.allclose(whole.decision_function(probe), parts.decision_function(probe))


def test_chunked_hashing_gives_the_same_features(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"Bảo hiểm xã hội tỉnh số {i}: chi trả lương hưu tháng {i % 12}" for i in range(150)]
    featurizer = Featurizer()
    whole = featurizer.transform(texts)
    monkeypatch.setattr(features_mod, "TRANSFORM_CHUNK", 16)
    chunked = featurizer.transform(texts)
    assert chunked.shape == whole.shape and (chunked != whole).nnz == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")
def test_malloc_settings_apply_on_glibc() -> None:
    assert tune_malloc() is True
    assert tune_malloc() is True  # idempotent
