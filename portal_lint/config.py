"""sites.yaml: schema (pydantic) and a loader whose errors name file, line and field.

The shape of `defaults`, `sites[*].{id,name,url,province_domains,category_map,rules,disable}`
is a public interface (see README); new keys are added, never renamed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")


class ConfigError(Exception):
    """A config file could not be used. `str()` is a message fit for the terminal."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CrawlSettings(_Strict):
    max_pages: int = Field(400, ge=1, description="page budget per site and audit")
    max_seconds: float = Field(600, gt=0, description="time budget per site and audit")
    concurrency: int = Field(2, ge=1, le=32, description="parallel requests per host")
    rate_per_second: float = Field(2.0, gt=0, description="requests per second per host")
    timeout: float = Field(20.0, gt=0)
    retries: int = Field(2, ge=0, le=10)
    max_body_mb: float = Field(10.0, gt=0, description="cap on a decompressed body")
    user_agent: str = "portal-lint/0.1 (+https://github.com/portal-lint/portal-lint; content-quality audit of BHXH portals)"
    obey_robots: bool = True
    window_days: int = Field(200, ge=1, description="how far back article discovery reaches")
    counter_readings: int = Field(3, ge=2, le=10, description="counter readings taken per audit")


class SiteHints(_Strict):
    """Optional per-site hints where structure alone is not enough (kept out of code)."""

    search_url: str | None = None  # e.g. "/tim-kiem?q={query}"
    document_search_url: str | None = None
    spokesperson_url: str | None = None
    listing_urls: list[str] = Field(default_factory=list)
    documents_url: str | None = None


class Site(_Strict):
    id: str
    name: str = ""
    url: str
    province_domains: list[str] = Field(default_factory=list)
    category_map: dict[str, str] = Field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    disable: list[str] = Field(default_factory=list)
    check_links: bool = True
    hints: SiteHints = Field(default_factory=SiteHints)
    crawl: dict[str, Any] = Field(default_factory=dict)  # overrides of CrawlSettings

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not SLUG.match(v):
            raise ValueError(
                "must be a slug: lowercase letters, digits and '-' (e.g. bhxh-ha-tinh)"
            )
        return v

    @field_validator("url")
    @classmethod
    def _http(cls, v: str) -> str:
        if not re.match(r"^https?://[^/\s]+", v):
            raise ValueError(
                "must be an absolute http(s) URL, e.g. https://hatinh.baohiemxahoi.gov.vn/"
            )
        return v if v.endswith("/") or "?" in v else v + "/"

    @field_validator("province_domains")
    @classmethod
    def _domains(cls, v: list[str]) -> list[str]:
        out = []
        for d in v:
            d = d.strip().lower().removeprefix("www.")
            if not re.match(r"^[a-z0-9.-]+\.[a-z]{2,}$|^[0-9.]+$", d):
                raise ValueError(f"{d!r} is not a host name such as hatinh.gov.vn")
            out.append(d)
        return out


class Defaults(_Strict):
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)


class EmailSettings(_Strict):
    smtp_host: str = "localhost"
    smtp_port: int = 25
    security: Literal["none", "starttls", "ssl"] = "none"
    username: str | None = None
    password_env: str = "PORTAL_LINT_SMTP_PASSWORD"  # the password is read from this variable only
    sender: str = "portal-lint <portal-lint@localhost>"
    recipients: list[str] = Field(default_factory=list)
    subject_prefix: str = "[portal-lint]"
    retries: int = Field(3, ge=0, le=10)
    timeout: float = Field(30.0, gt=0)

    @model_validator(mode="before")
    @classmethod
    def _no_password(cls, data: Any) -> Any:
        if isinstance(data, dict) and "password" in data:
            raise ValueError(
                "the SMTP password must not be written in the config: set it in the environment "
                "variable named by password_env"
            )
        return data


class ScheduleSettings(_Strict):
    timezone: str = "Asia/Ho_Chi_Minh"
    audit_cron: str = "30 1 * * *"  # nightly audit, 01:30
    scorecard_cron: str = "30 7 * * mon"  # weekly e-mail, Monday 07:30
    misfire_grace_seconds: int = 3600


class Config(_Strict):
    defaults: Defaults = Field(default_factory=Defaults)
    sites: list[Site] = Field(default_factory=list)
    email: EmailSettings | None = None
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    path: Path | None = Field(None, exclude=True)

    def site(self, site_id: str) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    def crawl_for(self, site: Site) -> CrawlSettings:
        merged = self.defaults.crawl.model_dump() | site.crawl
        return CrawlSettings.model_validate(merged)


# ----------------------------------------------------------------------------- loading
class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping key and sequence item."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = {}
    lines: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    loader._lines[id(mapping)] = (mapping, lines)  # type: ignore[attr-defined]
    return mapping


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> list[Any]:
    seq = [loader.construct_object(n, deep=True) for n in node.value]
    loader._lines[id(seq)] = (seq, {i: n.start_mark.line + 1 for i, n in enumerate(node.value)})  # type: ignore[attr-defined]
    return seq


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def load_yaml_with_lines(text: str) -> tuple[Any, dict[int, tuple[Any, dict[Any, int]]]]:
    loader = _LineLoader(text)
    loader._lines = {}  # type: ignore[attr-defined]
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return data, loader._lines  # type: ignore[attr-defined]


def _line_of(data: Any, lines: dict[int, Any], loc: tuple[Any, ...]) -> int | None:
    """Line of the deepest existing element on the error's path."""
    node, best = data, None
    for part in loc:
        entry = lines.get(id(node))
        if entry is None:
            break
        _, keys = entry
        if part in keys:
            best = keys[part]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return best


_HINTS = {
    "extra_forbidden": "unknown key: check its spelling against README 'sites.yaml'",
    "missing": "this key is required",
}


def _field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_config(text: str, path: Path | str = "<string>") -> Config:
    path = Path(path)
    try:
        data, lines = load_yaml_with_lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(
            f"{path}{line}: invalid YAML: {exc.problem or exc}\n"
            "  hint: check indentation and that every 'key: value' has a space after the colon"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: the file must be a mapping with 'defaults' and 'sites'")
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        msgs = []
        for err in exc.errors():
            loc = tuple(
                p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))
            )
            line = _line_of(data, lines, loc)
            where = f"{path}:{line}" if line else str(path)
            field = _field_path(loc) or "(top level)"
            site_id = None
            if len(loc) >= 2 and loc[0] == "sites" and isinstance(loc[1], int):
                try:
                    site_id = data["sites"][loc[1]].get("id")
                except Exception:  # noqa: BLE001 - best effort for the message only
                    site_id = None
            hint = _HINTS.get(err["type"], "")
            msg = err["msg"].removeprefix("Value error, ")
            msgs.append(
                f"{where}: field '{field}'"
                + (f" (site {site_id})" if site_id else "")
                + f": {msg}"
                + (f"\n  hint: {hint}" if hint else "")
            )
        raise ConfigError("\n".join(msgs)) from None
    seen: set[str] = set()
    for i, site in enumerate(cfg.sites):
        if site.id in seen:
            line = _line_of(data, lines, ("sites", i, "id"))
            raise ConfigError(
                f"{path}:{line}: field 'sites[{i}].id': site id {site.id!r} appears twice\n"
                "  hint: ids are used on the command line and in the database; make each unique"
            )
        seen.add(site.id)
    cfg.path = path
    return cfg


def load_config(path: Path | str) -> Config:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: file not found\n  hint: pass --config PATH, or run 'portal-lint demo' to see an example"
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_config(text, path)


def site_from_url(url: str) -> Site:
    """`portal-lint check https://…` without a config entry."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or "site"
    slug = re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-")[:100] or "site"
    return Site(id=slug, name=host, url=url)
