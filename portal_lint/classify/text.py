"""Text preparation for the category classifier: NFC, lower case, abbreviations unified.

Portal editors write "BHXH" in one post and "bảo hiểm xã hội" in the next; "NLĐ", "người lao
động" and "người lao đông" (a typo) all occur. Spelled-out forms are folded into the
abbreviation token before features are computed, so both spellings of a term are one
feature and a model trained mostly on one form reads the other alike.
"""

from __future__ import annotations

import re
import unicodedata

#: Only the head of a post is classified: portal editors put the topic in the title and the
#: lead; the tail is boilerplate, and the cut keeps the cost flat on long articles.
MAX_CHARS = 600

# (pattern over NFC lower-case text, abbreviation token). Longer phrases first.
_EXPANSIONS: tuple[tuple[str, str], ...] = (
    (r"bảo hiểm xã hội tự nguyện", "bhxh tự nguyện"),
    (r"bảo hiểm xã hội", "bhxh"),
    (r"bảo hiểm y tế", "bhyt"),
    (r"bảo hiểm thất nghiệp", "bhtn"),
    (r"học sinh[,\s-]+sinh viên", "hssv"),
    (r"người sử dụng lao động", "nsdlđ"),
    (r"người lao động", "nlđ"),
    (r"doanh nghiệp", "dn"),
    (r"khám[,\s]+chữa bệnh", "kcb"),
    (r"căn cước công dân", "cccd"),
    (r"ủy ban nhân dân|uỷ ban nhân dân", "ubnd"),
    (r"lao động[\s,–-]+thương binh và xã hội", "lđtbxh"),
    (r"lđtb\s*&\s*xh|lđ-tb&xh|lđtb&xh", "lđtbxh"),
    (r"tai nạn lao động", "tnlđ"),
    (r"bệnh nghề nghiệp", "bnn"),
    (r"dịch vụ công", "dvc"),
    (r"trung tâm dịch vụ việc làm", "ttdvvl"),
)
# One scan for all of them: each phrase a named group, tried in the order above at every
# position (17 separate passes over each text were most of the classifier's text work).
_EXPAND = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<e{i}>{p})" for i, (p, _) in enumerate(_EXPANSIONS)) + r")(?!\w)"
)
_EXPAND_TOKENS = {f"e{i}": tok for i, (_, tok) in enumerate(_EXPANSIONS)}
# "Đề án 06" is the name of the national digital-ID programme, a topic; the number of any
# other legal document ("Thông tư 06/2023/TT-BCA", "Nghị định số 115") says nothing about its
# topic and, left as a token, made "Thông tư 06" read as Đề án 06.
_DE_AN_06 = re.compile(r"(?<!\w)đề án (?:số )?06(?!\w)")
_DOC_NUMBER = re.compile(
    r"(?<!\w)(thông tư|nghị định|quyết định|nghị quyết|công văn|chỉ thị|kế hoạch|đề án|luật|"
    r"hướng dẫn|tt|nđ|qđ|nq|cv|kh)(?: liên tịch)?(?: số)?\s*\d+[\w/.-]*"
)
_QMARK = re.compile(r"\?")
_SPACE = re.compile(r"\s+")
# Old-style tone placement ("hoà", "thuỷ") vs new ("hòa", "thủy"): one spelling for features.
_OLD_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "uỳ": "ùy",
              "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy", "oè": "òe", "oé": "óe",
              "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe"}  # fmt: skip
# Only at the end of a syllable ("hoà" -> "hòa", "thuỷ" -> "thủy"); "toán", "ngoại", "quỹ"
# are already right and must not be touched ("qu" is a consonant, its "u" carries no tone).
_OLD_TONE_RE = re.compile("(?<!q)(?:" + "|".join(_OLD_TONES) + r")(?!\w)")


def normalize(text: str) -> str:
    """NFC, lower case, one tone-placement style, abbreviations unified, "?" as a token.

    "?" becomes a token because question form is the strongest cue for Hỏi đáp and the
    word tokenizer drops punctuation.
    """
    text = unicodedata.normalize("NFC", text).lower()
    text = _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(0)], text)
    text = _EXPAND.sub(lambda m: _EXPAND_TOKENS[m.lastgroup or ""], text)
    text = _DE_AN_06.sub("đềán06", text)
    text = _DOC_NUMBER.sub(r"\1", text)
    text = _QMARK.sub(" qqmark ", text)
    return _SPACE.sub(" ", text).strip()


def prepare_text(title: str, text: str = "", max_chars: int = MAX_CHARS) -> str:
    """Title + head of the body (sapo first when the caller joins it in), normalised."""
    title = (title or "").strip()
    body = (text or "").strip()
    if title and body.startswith(title):
        body = body[len(title) :]  # some extractors repeat the title in the body
    joined = f"{title}. {body}" if body else title
    # Cut after normalising, so "bảo hiểm xã hội" and "BHXH" leave the same amount of text;
    # the rough pre-cut keeps the regexes off the tail of long articles.
    if len(joined) <= max_chars:
        return normalize(joined)
    head = normalize(joined[: 4 * max_chars])[:max_chars]  # spelled-out text shrinks ~2.5x
    return head.rsplit(" ", 1)[0]  # no half word at the cut
