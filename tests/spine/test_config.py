"""sites.yaml: the documented shape loads; mistakes name the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_lint.config import ConfigError, load_config, parse_config

GOOD = """\
defaults:
  rules:
    post-quota: {min_posts_per_month: 20}
sites:
  - id: bhxh-ha-tinh
    name: BHXH tỉnh Hà Tĩnh
    url: https://hatinh.baohiemxahoi.gov.vn/
    province_domains: [hatinh.gov.vn]
    category_map: {"Tin hoạt động": hoat-dong, "Chính sách BHYT": bhyt}
    rules: {department-links: {min_links: 5}}
    disable: [modern-media]
"""


def test_documented_shape_loads() -> None:
    cfg = parse_config(GOOD, "sites.yaml")
    site = cfg.site("bhxh-ha-tinh")
    assert site is not None
    assert site.province_domains == ["hatinh.gov.vn"]
    assert site.category_map["Chính sách BHYT"] == "bhyt"
    assert site.rules["department-links"] == {"min_links": 5}
    assert site.disable == ["modern-media"]
    assert cfg.defaults.rules["post-quota"]["min_posts_per_month"] == 20


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        (
            GOOD.replace("    province_domains", "    provnce_domains"),
            8,
            "sites[0].provnce_domains",
        ),
        (
            GOOD.replace("url: https://hatinh.baohiemxahoi.gov.vn/", "url: hatinh"),
            7,
            "sites[0].url",
        ),
        (GOOD.replace("id: bhxh-ha-tinh", "id: BHXH Hà Tĩnh"), 5, "sites[0].id"),
        (GOOD.replace("[hatinh.gov.vn]", "[hatinh]"), 8, "sites[0].province_domains"),
        (GOOD + "  - id: bhxh-ha-tinh\n    url: https://x.vn/\n", 12, "sites[1].id"),
    ],
)
def test_errors_name_line_and_field(text: str, line: int, field: str) -> None:
    with pytest.raises(ConfigError) as exc:
        parse_config(text, "conf/sites.yaml")
    msg = str(exc.value)
    assert f"conf/sites.yaml:{line}" in msg, msg
    assert field in msg


def test_yaml_syntax_error_has_line_and_hint() -> None:
    with pytest.raises(ConfigError) as exc:
        parse_config("sites:\n  - id: a\n   url: x\n", "s.yaml")
    assert "s.yaml:3" in str(exc.value) and "hint" in str(exc.value)


def test_password_in_config_is_refused() -> None:
    text = GOOD + "email:\n  smtp_host: mail.local\n  password: secret\n"
    with pytest.raises(ConfigError, match="environment"):
        parse_config(text, "s.yaml")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")


def test_shipped_sites_yaml_is_valid() -> None:
    cfg = load_config(Path(__file__).resolve().parents[2] / "sites.yaml")
    assert cfg.sites, "the example sites.yaml lists provincial portals"
