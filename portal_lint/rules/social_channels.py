"""The portal links to its official fanpage and promotes the VssID app.

**What it checks** The links of the home page and its footer-like blocks (`snap.outbound_links`).
A fanpage link is a link to a Facebook page (facebook.com/<page>, fb.com/…, fb.me/…), not a share
button, plugin, dialog or login link, or to a Zalo Official Account (zalo.me/<oa>). VssID
promotion is a link to the VssID app in an app store (apps.apple.com/…vssid…, play.google.com
with an id containing "vssid" or starting "com.bhxh"), or a link/banner whose text, alt, title or
URL mentions VssID. Pass with both, warn with one (the message says which is missing), fail with
neither. Unknown when the home page could not be fetched.

**Why** CV 2071/BHXH-TT ngày 07/7/2023 (đẩy mạnh truyền thông trên Fanpage ngành BHXH Việt Nam):
mục 1 "Chú trọng truyền thông, vận động người dân cài đặt ứng dụng VssID- BHXH số" and
"cảnh báo về các trường hợp mạo danh trang Fanpage" (a link from the official portal is how
readers tell the real fanpage from fakes); mục 3.1 "theo dõi, chia sẻ, giới thiệu về trang
Fanpage"; mục 3.5 "trang Fanpage của BHXH các địa phương".

**Example** pass: footer icon to https://www.facebook.com/bhxhdaknong and a "Tải ứng dụng VssID"
banner to play.google.com. warn: only the fanpage. fail: only a Facebook "Chia sẻ" button.

**Parameters** none.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from portal_lint.extract.links import fold_text, host_of, unwrap_archive
from portal_lint.rules.base import Rule, register
from portal_lint.snapshot import Finding, Link

# First path segments of facebook.com that are buttons, tools or other things than a page.
_FB_NOT_PAGE = frozenset(
    "sharer sharer.php share share.php dialog plugins login login.php logout.php tr l.php "
    "hashtag help policies privacy legal watch search home.php photo.php story.php "
    "permalink.php v2.0 v3.0 recover r.php".split()
)
_FB_HOSTS = ("facebook.com", "fb.com", "fb.me")
_ZALO_HOSTS = ("zalo.me", "oa.zalo.me")
_ZALO_NOT_OA = frozenset("share share_inline plugins sdk".split())
# "VssID", "VSS ID", "vss-id" in folded text or URLs.
_VSSID = re.compile(r"vss[\s_-]?id", re.I)


def _segments(url: str) -> list[str]:
    try:
        return [s for s in urlsplit(url).path.split("/") if s]
    except ValueError:
        return []


def is_fanpage(url: str) -> bool:
    """A link to a Facebook page or a Zalo Official Account (not a share/plugin button)."""
    h = host_of(url)
    segs = _segments(url)
    if not segs:
        # facebook.com/profile.php?id=… has a segment; a bare host is the network, not a page.
        return False
    first = segs[0].lower()
    if h in _FB_HOSTS or any(h.endswith("." + d) for d in _FB_HOSTS):
        if h.startswith(("developers.", "business.", "l.", "lm.")):
            return False
        return first not in _FB_NOT_PAGE and not first.startswith(("sharer", "dialog"))
    if h in _ZALO_HOSTS:
        return first not in _ZALO_NOT_OA
    return False


def is_vssid(link: Link) -> bool:
    """A link to the VssID app, or whose text/alt/title/URL mentions VssID."""
    url = link.href
    if _VSSID.search(fold_text(link.text)) or _VSSID.search(url.lower()):
        return True
    h = host_of(url)
    if h == "play.google.com":
        try:
            app_ids = parse_qs(urlsplit(url).query).get("id", [])
        except ValueError:
            app_ids = []
        return any(i.lower().startswith("com.bhxh") or "vssid" in i.lower() for i in app_ids)
    return False


@register
class SocialChannels(Rule):
    id = "social-channels"
    title_vi = "Liên kết Fanpage và quảng bá ứng dụng VssID"
    title_en = "Official fanpage link and VssID promotion"
    clause = (
        'CV 2071/BHXH-TT ngày 07/7/2023, mục 1 ("vận động người dân cài đặt ứng dụng VssID- BHXH '
        'số", "cảnh báo … mạo danh trang Fanpage"), mục 3.1 và 3.5 ("giới thiệu về trang '
        'Fanpage")'
    )

    def check(self, snap, history, ctx, params) -> list[Finding]:  # type: ignore[no-untyped-def]
        home = snap.home_url or snap.base_url
        if not snap.home_ok:
            return [
                self.unknown(
                    "không tải được trang chủ nên chưa xem được liên kết Fanpage, VssID",
                    "the home page could not be fetched, so its links were not seen",
                    [home],
                )
            ]
        fanpages: list[str] = []
        vssid: list[str] = []
        for link in snap.outbound_links:
            plain = Link(href=unwrap_archive(link.href), text=link.text, where=link.where)
            if is_fanpage(plain.href) and plain.href not in fanpages:
                fanpages.append(plain.href)
            if is_vssid(plain) and plain.href not in vssid:
                vssid.append(plain.href)
        value: dict[str, Any] = {"fanpage": fanpages[:10], "vssid": vssid[:10]}
        evidence = [home, *fanpages[:5], *vssid[:5]]
        if fanpages and vssid:
            return [
                self.finding(
                    "pass",
                    f"Trang chủ có liên kết đến Fanpage ({fanpages[0]}) và quảng bá ứng dụng VssID "
                    f"({vssid[0]}).",
                    "The home page links to the official fanpage and promotes the VssID app.",
                    evidence,
                    value,
                )
            ]
        if fanpages:
            return [
                self.finding(
                    "warn",
                    f"Trang chủ có liên kết đến Fanpage ({fanpages[0]}) nhưng chưa quảng bá ứng "
                    "dụng VssID - BHXH số: bổ sung banner hoặc liên kết tải ứng dụng VssID "
                    "(App Store, Google Play).",
                    "The fanpage is linked, but the VssID app is not promoted: add a banner or "
                    "links to download VssID.",
                    evidence,
                    value,
                )
            ]
        if vssid:
            return [
                self.finding(
                    "warn",
                    f"Trang chủ có quảng bá ứng dụng VssID ({vssid[0]}) nhưng chưa có liên kết đến "
                    "Fanpage chính thức của BHXH tỉnh: bổ sung liên kết để người dân phân biệt với "
                    "các fanpage giả mạo.",
                    "VssID is promoted, but there is no link to the official fanpage: add one so "
                    "readers can tell it from fake pages.",
                    evidence,
                    value,
                )
            ]
        return [
            self.finding(
                "fail",
                "Trang chủ chưa có liên kết đến Fanpage chính thức của BHXH tỉnh và chưa quảng bá "
                "ứng dụng VssID - BHXH số: bổ sung liên kết Fanpage (Facebook/Zalo) và banner "
                "hoặc liên kết tải ứng dụng VssID.",
                "The home page neither links to the official fanpage nor promotes the VssID app.",
                evidence,
                value,
            )
        ]
