"""The portal links to the portals of the province's departments (sở, ban, ngành).

**What it checks** The links of the home page and its footer-like blocks, including "Liên kết
website" dropdowns (`snap.outbound_links`). Counts distinct hosts (a leading "www." ignored)
equal to or under one of the province's domains (`province_domains`, e.g. "daknong.gov.vn"),
leaving out the site's own host and its sub-hosts. Pass with at least `min_links` such hosts, fail with fewer (the
message lists the hosts found and how many more are needed). A department link that was checked
and found dead or unreachable turns a pass into a warn, never into a fail; links not checked
change nothing. Unknown when the home page could not be fetched or `province_domains` is not
configured for the site.

**Why** CV 2023 (Cổng TTĐT BHXH tỉnh), mục 1.3: "đặt đường link với Cổng TTĐT của các sở, ban,
ngành tại địa phương để tạo hiệu ứng lan tỏa các thông điệp truyền thông"; mục 2.2 repeats it.

**Example** pass: the "Liên kết website" dropdown lists stp.daknong.gov.vn, stc.daknong.gov.vn,
thanhtra.daknong.gov.vn, sotttt.daknong.gov.vn and daknong.gov.vn. fail: only "Bộ Tư pháp" and
the national BHXH portal are linked.

**Parameters** min_links (5): distinct department hosts needed; province_domains ([], injected
from the site's config): the province's domains; site_url ("", injected): the site's own URL.
"""

from __future__ import annotations

from typing import Any

from portal_lint.extract.links import department_hosts, host_of, unwrap_archive
from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Finding, Link, LinkCheck


def _domain(d: str) -> str:
    """'https://www.daknong.gov.vn/', '*.daknong.gov.vn' -> 'daknong.gov.vn'."""
    d = d.strip().lower()
    if "://" in d:
        d = host_of(d)
    d = d.split("/", 1)[0].lstrip("*").strip(".")
    return d[4:] if d.startswith("www.") else d


def dead_hosts(checks: list[LinkCheck], hosts: set[str]) -> dict[str, list[LinkCheck]]:
    """Hosts among `hosts` whose every checked link failed (alive False) and none answered.

    A host with one live link is alive; unchecked links (alive None) say nothing."""
    by_host: dict[str, list[LinkCheck]] = {}
    for c in checks:
        if c.alive is None:
            continue
        h = host_of(unwrap_archive(c.url))
        if h in hosts:
            by_host.setdefault(h, []).append(c)
    return {h: cs for h, cs in by_host.items() if cs and all(c.alive is False for c in cs)}


@register
class DepartmentLinks(Rule):
    id = "department-links"
    title_vi = "Liên kết Cổng TTĐT các sở, ban, ngành"
    title_en = "Links to provincial department portals"
    clause = (
        'CV 2023 BHXH-TT (Cổng TTĐT BHXH tỉnh), mục 1.3 ("đặt đường link với Cổng TTĐT của các '
        'sở, ban, ngành tại địa phương")'
    )

    class Params(Params):
        min_links: int = 5
        province_domains: list[str] = []
        site_url: str = ""

    def check(self, snap, history, ctx, params) -> list[Finding]:  # type: ignore[no-untyped-def]
        home = snap.home_url or snap.base_url
        if not snap.home_ok:
            return [
                self.unknown(
                    "không tải được trang chủ nên chưa xem được các liên kết website",
                    "the home page could not be fetched, so its links were not seen",
                    [home],
                )
            ]
        domains = sorted({_domain(d) for d in params.province_domains if d and _domain(d)})
        if not domains:
            return [
                self.unknown(
                    "chưa cấu hình province_domains (tên miền của tỉnh) cho trang này",
                    "province_domains is not configured for this site",
                    [home],
                )
            ]
        own = host_of(params.site_url or snap.base_url or home or "")
        # Sub-hosts of the site itself (qlvb.<own>, mail.<own>) are its own systems, not a sở.
        links = [
            Link(href=unwrap_archive(link.href), text=link.text, where=link.where)
            for link in snap.outbound_links
            if not (own and host_of(unwrap_archive(link.href)).endswith("." + own))
        ]
        found = department_hosts(links, domains, own)
        hosts = sorted(found)
        dead = dead_hosts(snap.link_checks, set(hosts))
        unchecked = [
            h
            for h in hosts
            if not any(
                c.alive is not None and host_of(unwrap_archive(c.url)) == h
                for c in snap.link_checks
            )
        ]
        value: dict[str, Any] = {
            "hosts": hosts,
            "count": len(hosts),
            "min_links": params.min_links,
            "province_domains": domains,
            "dead": {h: [c.url for c in cs] for h, cs in sorted(dead.items())},
            "unchecked": unchecked,
            "links": {h: found[h][:3] for h in hosts},
        }
        evidence = [home, *(found[h][0] for h in hosts)]
        listed = ", ".join(hosts) if hosts else "không có"
        dead_vi = ""
        if dead:
            dead_vi = (
                " Các liên kết không truy cập được: "
                + "; ".join(
                    f"{cs[0].url} ({cs[0].reason or (f'HTTP {cs[0].status}' if cs[0].status else 'lỗi')})"
                    for _, cs in sorted(dead.items())
                )
                + "."
            )
        if len(hosts) < params.min_links:
            need = params.min_links - len(hosts)
            value["missing"] = need
            return [
                self.finding(
                    "fail",
                    f"Trang chủ mới có {len(hosts)} liên kết đến Cổng TTĐT các sở, ban, ngành tại "
                    f"địa phương ({listed}); cần thêm ít nhất {need} liên kết (tối thiểu "
                    f'{params.min_links}), ví dụ trong mục "Liên kết website".{dead_vi}',
                    f"The home page links to {len(hosts)} provincial department portal(s) "
                    f"({', '.join(hosts) or 'none'}); add at least {need} more "
                    f"(minimum {params.min_links}).",
                    evidence,
                    value,
                )
            ]
        if dead:
            return [
                self.finding(
                    "warn",
                    f"Trang chủ có {len(hosts)} liên kết đến Cổng TTĐT các sở, ban, ngành "
                    f"({listed}), nhưng có {len(dead)} liên kết không truy cập được; cập nhật lại "
                    f"địa chỉ.{dead_vi}",
                    f"{len(hosts)} department portals linked, but {len(dead)} of them could not be "
                    f"reached: {', '.join(sorted(dead))}.",
                    evidence + [cs[0].url for cs in dead.values()],
                    value,
                )
            ]
        return [
            self.finding(
                "pass",
                f"Trang chủ có {len(hosts)} liên kết đến Cổng TTĐT các sở, ban, ngành tại địa "
                f"phương ({listed}).",
                f"The home page links to {len(hosts)} provincial department portals.",
                evidence,
                value,
            )
        ]
