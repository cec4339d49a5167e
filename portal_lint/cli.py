"""Command line: thin wrappers that parse options, call the pieces, set the exit code.

Exit codes: 0 no failing finding, 1 at least one failing finding, 2 usage/config/tool error.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from portal_lint.config import Config, ConfigError, Site, load_config, site_from_url
from portal_lint.memory import tune_malloc

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

STATUS_VI = {"pass": "Đạt", "warn": "Cảnh báo", "fail": "Không đạt", "unknown": "Không xác định"}
STATUS_EN = {"pass": "pass", "warn": "warn", "fail": "FAIL", "unknown": "unknown"}
MARK = {"pass": "✔", "warn": "!", "fail": "✘", "unknown": "?"}


def _as_of(value: str | None) -> date:
    from portal_lint.runner import vn_now

    if value is None:
        return vn_now().date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date YYYY-MM-DD", param_hint="--as-of"
        ) from None


def _split_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def _load(config_path: str, required: bool) -> Config:
    path = Path(config_path)
    if not path.exists() and not required:
        return Config()
    return load_config(path)


def _fail(msg: str) -> None:
    click.echo(f"portal-lint: error: {msg}", err=True)
    sys.exit(EXIT_ERROR)


class _Main(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:  # usage errors exit 2 (click's default)
        return super().main(*args, **kwargs)


@click.group(cls=_Main)
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
@click.version_option(package_name="portal-lint")
def main(verbose: int) -> None:
    """portal-lint: kiểm tra chất lượng Cổng TTĐT BHXH các tỉnh."""
    tune_malloc()  # before any thread allocates (see portal_lint/memory.py)
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _common(f: Any) -> Any:
    opts = [
        click.option(
            "--config",
            "config_path",
            default="sites.yaml",
            show_default=True,
            help="sites.yaml to read",
        ),
        click.option(
            "--db",
            "db_url",
            envvar="PORTAL_LINT_DB",
            default=None,
            help="database URL (env PORTAL_LINT_DB; default: SQLite in the user data dir)",
        ),
        click.option("--as-of", "as_of", default=None, help="judge as if today were YYYY-MM-DD"),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["text", "json"]),
            default="text",
            show_default=True,
        ),
        click.option(
            "--select", multiple=True, help="only these rule ids (repeat or comma-separate)"
        ),
        click.option("--ignore", multiple=True, help="skip these rule ids"),
        click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True),
        click.option(
            "--cache-dir",
            type=click.Path(path_type=Path),
            default=None,
            envvar="PORTAL_LINT_CACHE",
            help="HTTP cache folder (env PORTAL_LINT_CACHE)",
        ),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _render_text(results: list[Any], lang: str) -> str:
    from portal_lint.rules.base import load_all

    registry = load_all()
    words = STATUS_VI if lang == "vi" else STATUS_EN
    lines: list[str] = []
    for res in results:
        lines.append(
            f"{res.site.name or res.site.id} ({res.site.url}) — "
            + ("ngày kiểm tra " if lang == "vi" else "as of ")
            + res.ctx.as_of.isoformat()
        )
        if res.error:
            lines.append(("  Lỗi công cụ: " if lang == "vi" else "  Tool error: ") + res.error)
        for f in res.findings:
            title = (
                registry[f.rule].title_vi
                if lang == "vi" and f.rule in registry
                else (registry[f.rule].title_en if f.rule in registry else f.rule)
            )
            msg = f.message_en if lang == "en" and f.message_en else f.message
            lines.append(f"  {MARK[f.status]} {words[f.status]:<15} {f.rule:<22} {title}")
            lines.append(f"      {msg}")
            for url in f.evidence[:3]:
                lines.append(f"      - {url}")
        snap = res.snapshot
        failures = snap.failed_fetches() if snap else []
        if failures:
            lines.append(
                ("  Không tải được (" if lang == "vi" else "  Could not fetch (")
                + f"{len(failures)}):"
            )
            for r in failures[:10]:
                lines.append(f"      - {r.url}: {r.outcome} {r.reason}".rstrip())
        counts = {
            s: sum(f.status == s for f in res.findings) for s in ("pass", "warn", "fail", "unknown")
        }
        lines.append(
            "  "
            + ", ".join(f"{words[s]}: {n}" for s, n in counts.items())
            + (f" — {res.requests} " + ("yêu cầu HTTP" if lang == "vi" else "HTTP requests"))
        )
        lines.append("")
    return "\n".join(lines)


def _run(
    sites: list[Site],
    cfg: Config,
    db_url: str | None,
    as_of: str | None,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lang: str,
    cache_dir: Path | None,
    single: bool,
    progress: bool,
) -> None:
    from portal_lint.engine import select_rules, validate_config_rules
    from portal_lint.rulepack import load_rulepack
    from portal_lint.runner import audit_many, default_cache_dir
    from portal_lint.snapshot import RunContext
    from portal_lint.store.repo import Store, default_db_url

    try:
        pack = load_rulepack()
        select, ignore = _split_ids(select), _split_ids(ignore)
        select_rules(select, ignore)  # validates the ids
        validate_config_rules(cfg, pack)
        ctx = RunContext(as_of=_as_of(as_of), lang=lang)
        store = Store(db_url or default_db_url())
    except ConfigError as exc:
        _fail(str(exc))
        return
    except Exception as exc:  # noqa: BLE001 - database unreachable, bad URL...
        _fail(f"{type(exc).__name__}: {exc}")
        return
    bar = None
    done: list[Any] = []

    def on_done(res: Any) -> None:
        done.append(res)
        if bar is not None:
            bar.update(1, res.site.id)

    try:
        kwargs = dict(
            pack=pack,
            select=select,
            ignore=ignore,
            cache_dir=cache_dir or default_cache_dir(),
            keep_snapshots=False,  # reports show only the failed fetches
        )
        if progress and not single and sys.stderr.isatty():
            with click.progressbar(
                length=len(sites),
                label="Đang kiểm tra" if lang == "vi" else "Auditing",
                file=sys.stderr,
                item_show_func=lambda s: s or "",
            ) as bar:
                results = asyncio.run(audit_many(sites, cfg, store, ctx, on_done=on_done, **kwargs))
        else:

            def log_done(res: Any) -> None:
                if not single:
                    click.echo(
                        f"[{len(done) + 1}/{len(sites)}] {res.site.id}: "
                        + ("error" if res.error else f"{len(res.findings)} findings")
                        + f" ({res.seconds:.1f}s)",
                        err=True,
                    )
                done.append(res)

            results = asyncio.run(audit_many(sites, cfg, store, ctx, on_done=log_done, **kwargs))
    finally:
        store.close()
    if fmt == "json":
        payload: Any = results[0].as_json() if single else [r.as_json() for r in results]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(_render_text(results, lang))
    if any(r.error for r in results) and single:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(r.failing for r in results) else EXIT_OK)


@main.command()
@click.argument("site")
@_common
def check(
    site: str,
    config_path: str,
    db_url: str | None,
    as_of: str | None,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lang: str,
    cache_dir: Path | None,
) -> None:
    """Check one SITE now (an id from the config, or a bare URL)."""
    try:
        is_url = site.startswith(("http://", "https://"))
        cfg = _load(config_path, required=not is_url)
        chosen = cfg.site(site)
        if chosen is None:
            if not is_url:
                ids = ", ".join(s.id for s in cfg.sites) or "(none)"
                _fail(f"no site {site!r} in {config_path}; known ids: {ids}")
            chosen = next(
                (s for s in cfg.sites if s.url.rstrip("/") == site.rstrip("/")), None
            ) or site_from_url(site)
    except ConfigError as exc:
        _fail(str(exc))
        return
    _run(
        [chosen],
        cfg,
        db_url,
        as_of,
        fmt,
        select,
        ignore,
        lang,
        cache_dir,
        single=True,
        progress=False,
    )


@main.command()
@_common
def audit(
    config_path: str,
    db_url: str | None,
    as_of: str | None,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lang: str,
    cache_dir: Path | None,
) -> None:
    """Audit every site in the config, concurrently."""
    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        _fail(str(exc))
        return
    if not cfg.sites:
        _fail(f"{config_path}: no sites to audit")
    from portal_lint.schedule import audit_lock, lock_path
    from portal_lint.store.repo import default_db_url

    db_url = db_url or default_db_url()
    with audit_lock(db_url) as acquired:  # never two audits of one database at once
        if not acquired:
            _fail(
                f"another audit is running on this database (lock {lock_path(db_url)}); try again later"
            )
        _run(
            cfg.sites,
            cfg,
            db_url,
            as_of,
            fmt,
            select,
            ignore,
            lang,
            cache_dir,
            single=False,
            progress=True,
        )


@main.command("rules")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(lang: str, fmt: str) -> None:
    """List every rule: id, what it checks, why (the directive clause), parameters."""
    from portal_lint.rulepack import load_rulepack
    from portal_lint.rules.base import load_all

    pack = load_rulepack()
    out = []
    for rid, rule in load_all().items():
        params = {}
        for name, fld in rule.Params.model_fields.items():
            default = pack.params.get(rid, {}).get(name, fld.default)
            params[name] = {"type": str(fld.annotation).replace("typing.", ""), "default": default}
        out.append(
            {
                "id": rid,
                "title": rule.title_vi if lang == "vi" else rule.title_en,
                "clause": rule.clause,
                "source": pack.sources.get(rid, ""),
                "note": pack.notes.get(rid, ""),
                "params": params,
                "doc": rule.doc(),
            }
        )
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    for r in out:
        click.echo(click.style(f"{r['id']}", bold=True) + f" — {r['title']}")
        click.echo(f"  Căn cứ / clause: {r['clause']}")
        if r["source"] and r["source"] != r["clause"]:
            click.echo(f"  Nguồn / source: {r['source']}")
        if r["note"]:
            click.echo(f"  Ghi chú / note: {r['note']}")
        for name, p in r["params"].items():
            if name in ("category_map", "province_domains", "site_url", "campaigns", "taxonomy"):
                continue
            click.echo(f"  param {name} = {p['default']!r}")
        click.echo("\n".join("    " + line for line in r["doc"].splitlines()))
        click.echo()


@main.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@click.option("--db", "db_url", envvar="PORTAL_LINT_DB", default=None)
def db_upgrade(db_url: str | None) -> None:
    """Run the Alembic migrations up to the latest schema."""
    from portal_lint.store.repo import default_db_url, upgrade

    url = db_url or default_db_url()
    try:
        upgrade(url)
    except Exception as exc:  # noqa: BLE001
        _fail(f"migration failed on {url}: {type(exc).__name__}: {exc}")
    click.echo(f"database at head: {url}")


@main.command()
@click.option(
    "--as-of", "as_of", default=None, help="generate and judge as if today were YYYY-MM-DD"
)
@click.option("--db", "db_url", envvar="PORTAL_LINT_DB", default=None)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("portal-lint-demo"),
    show_default=True,
    help="folder for sites.yaml, ground truth and the scorecard",
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def demo(as_of: str | None, db_url: str | None, out_dir: Path, lang: str, fmt: str) -> None:
    """Serve the demo portal farm on 127.0.0.1, audit it, and write the scorecard."""
    from portal_lint.demo_run import run_demo

    sys.exit(run_demo(_as_of(as_of), db_url, out_dir, lang, fmt))


@main.command()
@click.option("--config", "config_path", default="sites.yaml", show_default=True)
@click.option("--db", "db_url", envvar="PORTAL_LINT_DB", default=None)
@click.option("--week", default=None, help="ISO week YYYY-Www (default: the current one)")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("scorecard"),
    show_default=True,
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@click.option("--email", "email", is_flag=True, help="send it to the recipients in the config")
@click.option("--force", is_flag=True, help="send even if this week was already sent")
@click.option("--dry-run", is_flag=True, help="write the .eml instead of sending")
def scorecard(
    config_path: str,
    db_url: str | None,
    week: str | None,
    out_dir: Path,
    lang: str,
    email: bool,
    force: bool,
    dry_run: bool,
) -> None:
    """Write the weekly scorecard (HTML + Excel + charts); optionally e-mail it."""
    from portal_lint.report.scorecard import write_scorecard
    from portal_lint.runner import vn_now
    from portal_lint.store.repo import default_db_url

    try:
        cfg = _load(config_path, required=email)
    except ConfigError as exc:
        _fail(str(exc))
        return
    url = db_url or default_db_url()
    now = vn_now()
    try:
        result = write_scorecard(url, out_dir, week=week, lang=lang, config=cfg, as_of=now.date())
    except ValueError as exc:
        _fail(str(exc))
        return
    click.echo(f"{result.html_path}\n{result.xlsx_path}")
    if email or dry_run:
        from portal_lint.mailer import send_scorecard

        if cfg.email is None:
            _fail(f"{config_path}: no 'email:' section (smtp_host, recipients…)")
            return
        outcome = send_scorecard(
            url, cfg.email, result, force=force, dry_run=dry_run, eml_dir=out_dir, now=now
        )
        detail = outcome.eml_path or outcome.message_id or outcome.error or ""
        click.echo(f"e-mail: {outcome.outcome} {detail}".rstrip())
        if not outcome.ok:
            sys.exit(EXIT_ERROR)


@main.command()
@click.option("--config", "config_path", default="sites.yaml", show_default=True)
@click.option("--db", "db_url", envvar="PORTAL_LINT_DB", default=None)
def schedule(config_path: str, db_url: str | None) -> None:
    """Run the nightly audit and the weekly e-mail in the foreground (APScheduler)."""
    from portal_lint.schedule import run_scheduler
    from portal_lint.store.repo import default_db_url

    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        _fail(str(exc))
        return
    run_scheduler(Path(config_path), db_url or default_db_url(), cfg.schedule)


def _page_text(url: str) -> tuple[str, str]:
    """Title and body of an article page, for `classify URL` (one polite GET, capped)."""
    import httpx

    from portal_lint.extract.article import extract_article

    limit = 5_000_000
    with httpx.Client(
        follow_redirects=True, timeout=20.0, headers={"User-Agent": "portal-lint"}
    ) as c:
        with c.stream("GET", url) as resp:
            resp.raise_for_status()
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    break
            raw = b"".join(chunks)
            encoding = resp.encoding or "utf-8"
    html = raw.decode(encoding, errors="replace")
    art = extract_article(html, url)
    if art is not None and art.title:
        return art.title, "\n".join(x for x in (art.sapo or "", art.body_text) if x)
    # Not recognised as a dated article: classify the page's heading and visible text.
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for junk in tree.css("script, style, nav, header, footer, noscript"):
        junk.decompose()
    heading = tree.css_first("h1") or tree.css_first("title")
    title = heading.text(strip=True) if heading else ""
    body = tree.body.text(separator=" ", strip=True) if tree.body else ""
    if not (title or body):
        raise ValueError("the page has no text")
    return title, body


def _classification(pred: Any) -> dict[str, Any]:
    # The stable JSON shape of `classify --format json` (one object per text).
    probs = dict(sorted(pred.scores.items(), key=lambda kv: -kv[1]))
    return {
        "category": pred.label,
        "probabilities": {k: round(v, 4) for k, v in probs.items()},
        "evidence": list(pred.evidence),
    }


@main.command("classify")
@click.argument("text_or_url", required=False)
@click.option(
    "--file",
    "file_path",
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    help="classify one text per line (a title, or a title and its sapo); '-' reads stdin",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@click.option("--top", default=3, show_default=True, help="categories shown in text output")
def classify_cmd(
    text_or_url: str | None, file_path: Path | None, fmt: str, lang: str, top: int
) -> None:
    """Say which category (chuyên mục) a post belongs to, with probabilities and evidence words.

    TEXT_OR_URL is a title, a title and its sapo, a whole article, or the URL of an article
    page. Categories: hoat-dong, bhxh, bhyt, bhtn, chuyen-doi-so, guong-dien-hinh, hoi-dap,
    and khac (general news that belongs to none of them).
    """
    from portal_lint.classify.labels import LABELS_EN, LABELS_VI
    from portal_lint.classify.model import OTHER, CategoryClassifier

    if (text_or_url is None) == (file_path is None):
        _fail("give exactly one of TEXT_OR_URL or --file PATH")
        return
    items: list[tuple[str, str]] = []
    if file_path is not None:
        try:
            stream = sys.stdin if str(file_path) == "-" else file_path.open(encoding="utf-8")
            with stream:
                lines = [ln.rstrip("\r\n") for ln in stream]
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"{file_path}: cannot read: {exc}")
            return
        items = [(ln.strip(), "") for ln in lines]
    elif text_or_url.startswith(("http://", "https://")):
        try:
            items = [_page_text(text_or_url)]
        except Exception as exc:  # noqa: BLE001 - any fetch/parse problem is a clear error
            _fail(f"{text_or_url}: {type(exc).__name__}: {exc}")
            return
    else:
        items = [(text_or_url, "")]
    model = CategoryClassifier.default()
    nonblank = [i for i, (t, _) in enumerate(items) if t.strip()]
    preds = model.predict_many([items[i] for i in nonblank], evidence=6)
    by_index = dict(zip(nonblank, preds))
    names = LABELS_VI if lang == "vi" else LABELS_EN
    other = "Khác (không thuộc chuyên mục nào)" if lang == "vi" else "Other (no category)"
    for i in range(len(items)):
        pred = by_index.get(i)
        if fmt == "json":
            if pred is None:
                click.echo(json.dumps({"category": None, "probabilities": {}, "evidence": []}))
            else:
                click.echo(json.dumps(_classification(pred), ensure_ascii=False))
            continue
        if pred is None:
            click.echo("(dòng trống)" if lang == "vi" else "(blank line)")
            continue
        ranked = sorted(pred.scores.items(), key=lambda kv: -kv[1])[:top]
        shown = ", ".join(
            f"{names.get(k, other) if k != OTHER else other} ({k}) {100 * v:.0f}%"
            for k, v in ranked
        )
        head = "Chuyên mục" if lang == "vi" else "Category"
        words = "Từ khóa" if lang == "vi" else "Evidence"
        if len(items) > 1:
            click.echo(f"[{i + 1}] {items[i][0][:80]}")
        click.echo(f"{head}: {shown}")
        click.echo(f"{words}: {', '.join(pred.evidence) or '-'}")


@main.command("classify-eval")
@click.option(
    "--news",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="real general-news articles (JSONL.gz, VNTC rows); default ../shared/corpora/vntc-sample-10k.jsonl.gz",
)
@click.option("--limit", type=int, default=None, help="use only the first N news articles")
@click.option(
    "--compare-segmentation",
    "segment_n",
    type=int,
    default=0,
    help="also compare underthesea word segmentation with syllables (speed on N news articles)",
)
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None)
def classify_eval(
    news: Path | None, limit: int | None, segment_n: int, json_out: Path | None
) -> None:
    """Measure the classifier on held-out data: macro-F1, mislabel detection, speed, restraint."""
    from portal_lint.classify import evaluate

    news_path = news or (
        Path(__file__).resolve().parents[1].parent / "shared/corpora/vntc-sample-10k.jsonl.gz"
    )
    if not news_path.is_file():
        click.echo(
            f"note: {news_path} not found; throughput and restraint are not measured", err=True
        )
    report = evaluate.run_all(
        news_path=news_path,
        news_limit=limit,
        segment_compare=segment_n,
        progress=lambda msg: click.echo(f"... {msg}", err=True),
    )
    click.echo(evaluate.format_report(report))
    if json_out is not None:
        json_out.write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
