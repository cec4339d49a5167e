"""Data model of a generated demo site, the generator, and the ground truth computed from it.

Pure: `generate_site(spec, as_of)` depends only on the spec (with its seed) and `as_of`.
The ground truth is *computed* from the generated articles with the same definitions the
rules use, never typed in, so a defect spec can never disagree with what is served.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from portal_lint.demo import content as C

RULE_IDS: tuple[str, ...] = (
    "post-quota",
    "freshness",
    "thin-content",
    "post-format",
    "modern-media",
    "category-mismatch",
    "campaign-coverage",
    "search-articles",
    "search-documents",
    "spokesperson-contact",
    "visitor-counter",
    "department-links",
    "social-channels",
)
SPOKES_FIELDS: tuple[str, ...] = ("name", "title", "phone", "email")


@dataclass(frozen=True)
class Fault:
    """A misbehaviour of a whole site (or of paths under `path_prefix`).

    kind: slow | 5xx | reset | truncated | redirect-loop | huge | gzip-bomb |
          malformed-feed | foreign-redirect | down
    """

    kind: str
    delay_s: float = 2.0  # slow
    status: int = 503  # 5xx
    path_prefix: str | None = None  # None = every path
    size_mb: int = 30  # huge / gzip-bomb (decompressed size)


FAULT_KINDS: tuple[str, ...] = (
    "slow",
    "5xx",
    "reset",
    "truncated",
    "redirect-loop",
    "huge",
    "gzip-bomb",
    "malformed-feed",
    "foreign-redirect",
    "down",
)


@dataclass(frozen=True)
class Defects:
    """What is wrong with a site. Defaults describe a compliant site."""

    short_months: tuple[int, ...] = ()  # 1 = last full month before as_of, 2 = the one before, 3
    misfiled_share: float = 0.0  # of posts in the last 90 days
    thin_share: float = 0.0
    deficient_share: float = 0.0  # post-format
    stale_days: int = 0  # no post in the last N days (0 = posts up to the day before as_of)
    gap_days: int = 0  # one stretch of N days without posts inside the last 90 days
    spokesperson_missing: tuple[str, ...] = ()  # subset of name/title/phone/email
    counter: str = "increments"  # increments | frozen | missing
    department_links: int = 6  # distinct department hosts linked from the home page
    fanpage: bool = True
    vssid: bool = True
    modern_media: bool = True
    campaign_posts: int = 5  # chuyen-doi-so posts in October of the as_of year
    search_articles: str = "works"  # works | broken-500 | broken-empty | absent
    search_documents: str = "works"
    feed: str = "ok"  # ok | missing | malformed (where the CMS has one)
    sitemap: str = "ok"  # ok | missing | malformed


@dataclass(frozen=True)
class SiteSpec:
    site_id: str
    name: str  # "BHXH tỉnh Hà Tĩnh"
    province: str  # "Hà Tĩnh"
    domain: str  # province domain, "hatinh.gov.vn"
    cms: str  # sp2013 | liferay6 | dnn | wordpress | modern | sp2010
    seed: int
    defects: Defects = field(default_factory=Defects)
    posts_per_month: tuple[int, int] = (22, 30)
    months: int = 7  # months of history before as_of's month
    total_articles: int | None = None  # bench: exact total, history lengthened to fit
    nfd: bool = False  # serve all text in Unicode NFD
    charset: str = "utf-8"  # or "windows-1258"
    fault: Fault | None = None  # fault active from the start


@dataclass
class GenImage:
    src: str  # site-relative path
    caption: str | None
    alt: str


@dataclass
class GenArticle:
    id: int
    slug: str
    title: str
    sapo: str | None
    paragraphs: list[str]
    published: datetime
    category: str  # what the content is about
    listed_under: str  # where the site files it
    author: str | None
    source: str | None
    images: list[GenImage]
    video: str | None = None  # youtube id or mp4 path
    infographic: bool = False
    repost: bool = False

    @property
    def body_text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return C.word_count(self.body_text)

    @property
    def thin(self) -> bool:
        return self.words < 150 or not self.images or not self.paragraphs

    @property
    def deficient(self) -> bool:
        return (
            not self.title
            or not self.sapo
            or not self.paragraphs
            or not (self.author or self.source)
            or any(not im.caption for im in self.images)
        )

    @property
    def misfiled(self) -> bool:
        return self.category != self.listed_under

    @property
    def campaign(self) -> bool:
        return C.mentions_campaign(" ".join([self.title, self.sapo or "", self.body_text]))


@dataclass
class GenDocument:
    id: int
    number: str
    kind: str
    summary: str
    issued: date
    signer: str


@dataclass
class SiteData:
    spec: SiteSpec
    as_of: date
    articles: list[GenArticle]  # newest first
    documents: list[GenDocument]  # newest first
    spokesperson: dict[str, str | None]
    department_links: list[tuple[str, str]]  # (label, url) under the province domain
    national_links: list[tuple[str, str]]
    fanpage_url: str | None
    zalo_url: str | None
    counter_start: int
    by_id: dict[int, GenArticle] = field(default_factory=dict)
    by_listing: dict[str, list[GenArticle]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {a.id: a for a in self.articles}
        self.by_listing = {
            c: [a for a in self.articles if a.listed_under == c] for c in C.CATEGORIES
        }


DEPARTMENTS: tuple[tuple[str, str], ...] = (
    ("Sở Y tế", "soyte"),
    ("Sở Tài chính", "stc"),
    ("Sở Nội vụ", "snv"),
    ("Sở Giáo dục và Đào tạo", "sgddt"),
    ("Sở Khoa học và Công nghệ", "skhcn"),
    ("Sở Tư pháp", "stp"),
    ("Sở Công Thương", "sct"),
    ("Sở Xây dựng", "sxd"),
    ("Trung tâm Phục vụ hành chính công tỉnh", "dichvucong"),
    ("Ủy ban nhân dân tỉnh", "ubnd"),
)
NATIONAL_LINKS: tuple[tuple[str, str], ...] = (
    ("Cổng TTĐT Chính phủ", "https://chinhphu.vn/"),
    ("BHXH Việt Nam", "https://baohiemxahoi.gov.vn/"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ("Bộ Tài chính", "https://mof.gov.vn/"),
)


def _month_add(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def last_full_months(as_of: date, n: int = 3) -> list[date]:
    """First days of the n full calendar months before as_of, oldest first."""
    first = as_of.replace(day=1)
    return [_month_add(first, -k) for k in range(n, 0, -1)]


def _ascii_name(name: str) -> str:
    parts = C.fold(name).split()
    return parts[-1] + "".join(p[0] for p in parts[:-1])


def generate_site(spec: SiteSpec, as_of: date) -> SiteData:
    rng = random.Random(f"{spec.seed}:{spec.site_id}:{as_of.isoformat()}")
    d = spec.defects
    first_as_of = as_of.replace(day=1)
    months = spec.months
    if spec.total_articles:
        months = max(months, -(-spec.total_articles // 60))
    month_starts = [_month_add(first_as_of, -k) for k in range(months, -1, -1)]
    end = as_of - timedelta(days=max(1, d.stale_days))
    window_start = as_of - timedelta(days=90)
    gap: set[date] = set()
    if d.gap_days:
        g0 = as_of - timedelta(days=62)
        gap = {g0 + timedelta(days=i) for i in range(d.gap_days)}

    # --- how many posts each month gets
    counts: list[int] = []
    for ms in month_starts:
        dim = calendar.monthrange(ms.year, ms.month)[1]
        rel = (first_as_of.year * 12 + first_as_of.month) - (ms.year * 12 + ms.month)
        n = rng.randint(*spec.posts_per_month)
        if rel in d.short_months:
            n = rng.randint(9, 15)
        if ms == first_as_of:
            n = max(1, n * (as_of.day - 1) // dim)
        counts.append(n)
    if spec.total_articles:
        total = sum(counts)
        counts = [max(1, c * spec.total_articles // total) for c in counts]
        counts[-2] += spec.total_articles - sum(counts)

    # --- dates
    dated: list[datetime] = []
    for ms, n in zip(month_starts, counts):
        dim = calendar.monthrange(ms.year, ms.month)[1]
        days = [ms + timedelta(days=i) for i in range(dim)]
        days = [x for x in days if x <= end and x not in gap]
        if not days:
            continue
        picks = [rng.choice(days) for _ in range(n)]
        if end in days:
            picks[-1] = end  # freshness is exact: the last post is on `end`
        if gap:
            for edge in (min(gap) - timedelta(days=1), max(gap) + timedelta(days=1)):
                if edge in days:
                    picks[0 if edge < max(gap) else min(1, n - 1)] = edge
        for day in picks:
            minute = rng.randint(7 * 60, 17 * 60 + 30)
            dated.append(datetime.combine(day, time(minute // 60, minute % 60)))
    dated.sort()

    # --- categories (October of as_of's year carries the 10/10 campaign)
    cats = list(C.CATEGORY_WEIGHTS)
    weights = list(C.CATEGORY_WEIGHTS.values())
    non_cds = [c for c in cats if c != "chuyen-doi-so"]
    non_cds_w = [C.CATEGORY_WEIGHTS[c] for c in non_cds]
    october = [i for i, t in enumerate(dated) if t.year == as_of.year and t.month == 10]
    campaign_idx = (
        set(rng.sample(october, k=min(d.campaign_posts, len(october)))) if october else set()
    )
    categories: list[str] = []
    for i, t in enumerate(dated):
        if i in campaign_idx:
            categories.append("chuyen-doi-so")
        elif october and i in october:
            categories.append(rng.choices(non_cds, non_cds_w)[0])
        else:
            categories.append(rng.choices(cats, weights)[0])

    # --- compose
    articles: list[GenArticle] = []
    seen_titles: set[str] = set()
    for i, (t, cat) in enumerate(zip(dated, categories)):
        aid = 1000 + i * 3 + rng.randint(0, 2)
        slots = C.Slots(spec.province, t.year, t.month, t.day)
        repost = cat in ("bhxh", "bhyt", "chuyen-doi-so") and rng.random() < 0.12
        if repost:
            ci = (t.year * 12 + t.month) * 3 + rng.randint(0, 2)
            crng = random.Random(f"central:{cat}:{ci}")
            text = C.compose(
                crng, cat, C.Slots("Hà Nội", t.year, t.month, 10), allow_vssid_title=d.vssid
            )
            # Hà Nội is a city: the central story says so everywhere, identically on every site.
            city = "thành phố Hà Nội"
            text.title = text.title.replace("tỉnh Hà Nội", city)
            text.sapo = text.sapo.replace("tỉnh Hà Nội", city)
            text.paragraphs = [p.replace("tỉnh Hà Nội", city) for p in text.paragraphs]
            text.captions = [c.replace("tỉnh Hà Nội", city) for c in text.captions]
            author, source = None, crng.choice(C.REPOST_SOURCES)
        else:
            text = C.compose(rng, cat, slots, allow_vssid_title=d.vssid)
            author, source = text.author, None
        title = text.title
        if title in seen_titles:
            title = f"{title} ({rng.choice(C.PLACES)})" if not repost else title
        seen_titles.add(title)
        imgs = [
            GenImage(f"/Uploads/tin-tuc/{t.year}/{t.month:02d}/{aid}-{k + 1}.jpg", cap, cap)
            for k, cap in enumerate(text.captions[: rng.choice((1, 1, 2))])
        ]
        articles.append(
            GenArticle(
                id=aid,
                slug=C.slugify(title),
                title=title,
                sapo=text.sapo,
                paragraphs=text.paragraphs,
                published=t,
                category=cat,
                listed_under=cat,
                author=author,
                source=source,
                images=imgs,
                repost=repost,
            )
        )

    # --- defects and media inside the 90-day window
    window = [a for a in articles if a.published.date() >= window_start]
    older = [a for a in articles if a.published.date() < window_start]
    pool = list(window)
    rng.shuffle(pool)

    def take(share: float) -> list[GenArticle]:
        k = round(share * len(window))
        out, rest = pool[:k], pool[k:]
        pool[:] = rest
        return out

    for a in take(d.misfiled_share):
        a.listed_under = rng.choice(C.MISFILE_TARGET[a.category])
    for j, a in enumerate(take(d.thin_share)):
        if j % 2 == 0:
            a.paragraphs = a.paragraphs[:1]
        else:
            a.images = []
    for j, a in enumerate(take(d.deficient_share)):
        kind = j % 3
        if kind == 0:
            a.sapo = None
        elif kind == 1:
            a.author = a.source = None
        elif a.images:
            a.images[0].caption = None
        else:
            a.sapo = None
    media_pool = (window if d.modern_media else []) + older
    media_k = max(2, len(media_pool) // 15) if d.modern_media else max(1, len(older) // 20)
    media_from = window if d.modern_media else older
    for j, a in enumerate(rng.sample(media_from, k=min(media_k, len(media_from)))):
        if a.thin:
            continue
        if j % 2 == 0:
            a.video = "".join(
                rng.choice("abcdefghijkLMNOPQRSTuvwxyz0123456789_-") for _ in range(11)
            )
        else:
            a.infographic = True
            a.title = f"[Infographic] {a.title}"
            a.slug = C.slugify(a.title)
            a.images.append(
                GenImage(
                    f"/Uploads/infographic/{a.id}.png",
                    f"Infographic: {a.title[15:]}",
                    f"Infographic {a.title[15:]}",
                )
            )
    articles.reverse()

    # --- documents
    documents: list[GenDocument] = []
    n_docs = max(24, len(articles) // 6)
    span = (end - month_starts[0]).days
    for k in range(n_docs):
        issued = month_starts[0] + timedelta(days=span * k // n_docs)
        dt = C.compose_document(
            rng,
            C.Slots(spec.province, issued.year, issued.month, issued.day),
            100 + k * 7 + rng.randint(0, 5),
        )
        documents.append(
            GenDocument(500 + k, dt.number, dt.kind, dt.summary, issued, rng.choice(C.PERSON_NAMES))
        )
    documents.reverse()

    # --- site features
    sp_name = rng.choice(C.PERSON_NAMES)
    spokes: dict[str, str | None] = {
        "name": sp_name,
        "title": f"Phó Giám đốc BHXH tỉnh {spec.province}",
        "phone": f"0{rng.randint(203, 299)}.{rng.randint(3800, 3899)}.{rng.randint(100, 999)}",
        "email": f"{_ascii_name(sp_name)}.{spec.domain.split('.')[0]}@vss.gov.vn",
    }
    for f_ in d.spokesperson_missing:
        spokes[f_] = None
    depts = rng.sample(DEPARTMENTS, k=min(d.department_links, len(DEPARTMENTS)))
    dept_links = [
        (label + " " + spec.province, f"https://{sub}.{spec.domain}/") for label, sub in depts
    ]
    slug = spec.domain.split(".")[0]
    return SiteData(
        spec=spec,
        as_of=as_of,
        articles=articles,
        documents=documents,
        spokesperson=spokes,
        department_links=dept_links,
        national_links=list(NATIONAL_LINKS),
        fanpage_url=f"https://www.facebook.com/bhxh{slug}" if d.fanpage else None,
        zalo_url=f"https://zalo.me/bhxh{slug}" if d.fanpage and rng.random() < 0.5 else None,
        counter_start=rng.randint(200_000, 4_900_000),
    )


# --------------------------------------------------------------------------- ground truth
def _share_status(share: float, warn_max: float, pass_max: float = 0.0) -> str:
    if share <= pass_max:
        return "pass"
    return "warn" if share <= warn_max else "fail"


def ground_truth(
    site: SiteData,
    article_url: Any,
) -> dict[str, Any]:
    """The verdict of every rule, computed from the generated content.

    `article_url(a)` gives the canonical absolute URL of an article on the running farm.
    """
    spec, d, as_of = site.spec, site.spec.defects, site.as_of
    arts = sorted(site.articles, key=lambda a: a.published)
    window_start = as_of - timedelta(days=90)
    window = [a for a in arts if window_start <= a.published.date() < as_of]
    rules: dict[str, dict[str, Any]] = {}

    months = last_full_months(as_of)
    mc = {
        f"{m.year}-{m.month:02d}": sum(
            1 for a in arts if (a.published.year, a.published.month) == (m.year, m.month)
        )
        for m in months
    }
    rules["post-quota"] = {
        "status": "fail" if any(v < 20 for v in mc.values()) else "pass",
        "details": {"monthly_counts": mc, "min_posts_per_month": 20},
    }

    last = arts[-1].published.date() if arts else None
    days_since = (as_of - last).days if last else None
    wdates = sorted({a.published.date() for a in window})
    longest = max((b - a_).days for a_, b in zip(wdates, wdates[1:])) if len(wdates) > 1 else 0
    if days_since is None or days_since > 14:
        fr = "fail"
    elif days_since > 7:
        fr = "warn"
    else:
        fr = "warn" if longest > 14 else "pass"
    rules["freshness"] = {
        "status": fr,
        "details": {
            "last_post": last.isoformat() if last else None,
            "days_since_last": days_since,
            "longest_gap_days": longest,
        },
    }

    n = len(window) or 1
    thin = [a for a in window if a.thin]
    rules["thin-content"] = {
        "status": _share_status(len(thin) / n, 0.20),
        "details": {"thin": len(thin), "posts": len(window), "share": round(len(thin) / n, 4)},
    }
    bad = [a for a in window if a.deficient]
    rules["post-format"] = {
        "status": _share_status(len(bad) / n, 0.20),
        "details": {"deficient": len(bad), "posts": len(window), "share": round(len(bad) / n, 4)},
    }
    media = [a for a in window if a.video or a.infographic]
    rules["modern-media"] = {
        "status": "pass" if media else "fail",
        "details": {"posts_with_media": len(media)},
    }
    mis = [a for a in window if a.misfiled]
    rules["category-mismatch"] = {
        "status": _share_status(len(mis) / n, 0.10, 0.02),
        "details": {"misfiled": len(mis), "posts": len(window), "share": round(len(mis) / n, 4)},
    }
    oct_end = date(as_of.year, 10, 31)
    if oct_end < as_of:
        camp = [
            a
            for a in arts
            if a.published.date() >= date(as_of.year, 10, 1)
            and a.published.date() <= oct_end
            and a.campaign
        ]
        rules["campaign-coverage"] = {
            "status": "pass" if len(camp) >= 3 else "fail",
            "details": {"campaign": "chuyen-doi-so-10-10", "posts": len(camp), "min_posts": 3},
        }
    else:
        rules["campaign-coverage"] = {
            "status": "unknown",
            "details": {"reason": "campaign window not over"},
        }
    for kind in ("articles", "documents"):
        mode = getattr(d, f"search_{kind}")
        rules[f"search-{kind}"] = {
            "status": "pass" if mode == "works" else "fail",
            "details": {"mode": mode},
        }
    missing = [f_ for f_ in SPOKES_FIELDS if not site.spokesperson.get(f_)]
    rules["spokesperson-contact"] = {
        "status": "fail" if missing else "pass",
        "details": {"missing": missing},
    }
    rules["visitor-counter"] = {
        "status": {"increments": "pass", "frozen": "warn", "missing": "fail"}[d.counter],
        "details": {"counter": d.counter},
    }
    hosts = sorted({u.split("/")[2] for _, u in site.department_links})
    rules["department-links"] = {
        "status": "pass" if len(hosts) >= 5 else "fail",
        "details": {"hosts": len(hosts), "min_links": 5},
    }
    fan = bool(site.fanpage_url or site.zalo_url)
    n_ok = int(fan) + int(d.vssid)
    rules["social-channels"] = {
        "status": ("fail", "warn", "pass")[n_ok],
        "details": {"fanpage": fan, "vssid": d.vssid},
    }
    assert set(rules) == set(RULE_IDS)

    search = {
        k: ("works" if m == "works" else "absent" if m == "absent" else "broken")
        for k, m in (("articles", d.search_articles), ("documents", d.search_documents))
    }
    return {
        "site": spec.site_id,
        "as_of": as_of.isoformat(),
        "rules": rules,
        "articles": [
            {
                "url": article_url(a),
                "title": a.title,
                "published": a.published.isoformat(),
                "category": a.category,
                "site_label": None,
                "listed_under": a.listed_under,
                "misfiled": a.misfiled,
                "thin": a.thin,
                "deficient": a.deficient,
                "repost": a.repost,
                "has_video": bool(a.video),
                "has_infographic": a.infographic,
                "words": a.words,
                "campaign": a.campaign,
            }
            for a in site.articles
        ],
        "documents": [
            {"number": x.number, "summary": x.summary, "issued": x.issued.isoformat()}
            for x in site.documents
        ],
        "spokesperson": dict(site.spokesperson),
        "department_hosts": hosts,
        "counter": d.counter,
        "search": search,
    }
