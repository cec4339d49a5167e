"""Vietnamese phrase banks and the composer of synthetic BHXH articles and documents.

Pure: everything is drawn from a `random.Random` handed in by the caller, so the same seed
always gives the same text. Campaign keywords (Đề án 06, chuyển đổi số, VssID, dịch vụ công
trực tuyến) appear ONLY in the chuyen-doi-so bank: the ground truth of campaign-coverage is
then a plain count of those posts, and a misfiled post never changes it.

Bodies are composed sentence by sentence from per-category banks, with per-article facts,
per-site and per-article wording (see `_Filler`), so distinct articles share few word 5-grams
(measured by tests/demo/test_text_similarity.py: mean Jaccard ~0.03, p99 ~0.25 over random
pairs) while a central re-post, composed from the same seeded `rng`, is identical everywhere.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

CATEGORIES: tuple[str, ...] = (
    "hoat-dong",
    "bhxh",
    "bhyt",
    "bhtn",
    "chuyen-doi-so",
    "guong-dien-hinh",
    "hoi-dap",
)
CATEGORY_LABELS: dict[str, str] = {
    "hoat-dong": "Tin hoạt động",
    "bhxh": "Chính sách BHXH",
    "bhyt": "Chính sách BHYT",
    "bhtn": "Bảo hiểm thất nghiệp",
    "chuyen-doi-so": "Chuyển đổi số",
    "guong-dien-hinh": "Gương điển hình",
    "hoi-dap": "Hỏi đáp",
}
# How often each category is posted (a provincial portal is mostly activity news).
CATEGORY_WEIGHTS: dict[str, int] = {
    "hoat-dong": 34,
    "bhxh": 18,
    "bhyt": 18,
    "bhtn": 7,
    "chuyen-doi-so": 9,
    "guong-dien-hinh": 7,
    "hoi-dap": 7,
}
# Where a misfiled post is listed: clearly another topic (a BHYT card story under
# "Gương điển hình", a pension story under "Hỏi đáp" ...).
MISFILE_TARGET: dict[str, tuple[str, ...]] = {
    "hoat-dong": ("hoi-dap", "bhtn"),
    "bhxh": ("guong-dien-hinh", "bhtn"),
    "bhyt": ("guong-dien-hinh", "bhtn"),
    "bhtn": ("bhyt", "guong-dien-hinh"),
    "chuyen-doi-so": ("guong-dien-hinh", "hoi-dap"),
    "guong-dien-hinh": ("bhtn", "hoi-dap"),
    "hoi-dap": ("hoat-dong", "guong-dien-hinh"),
}
CAMPAIGN_KEYWORDS: tuple[str, ...] = (
    "đề án 06",
    "chuyển đổi số",
    "vssid",
    "dịch vụ công trực tuyến",
)

PERSON_NAMES = (
    "Nguyễn Thị Hương",
    "Trần Văn Minh",
    "Lê Thị Lan",
    "Phạm Văn Hùng",
    "Hoàng Thị Mai",
    "Võ Văn Thắng",
    "Đặng Thị Thu",
    "Bùi Văn Long",
    "Đỗ Thị Hạnh",
    "Ngô Văn Sơn",
    "Phan Thị Nga",
    "Dương Văn Tùng",
    "Lý Thị Bích",
    "Hồ Văn Phúc",
    "Trịnh Thị Yến",
)
AUTHORS = (
    "Minh Anh",
    "Thu Hà",
    "Phương Thảo",
    "Hoàng Long",
    "Ngọc Yến",
    "Trung Kiên",
    "Quỳnh Như",
    "Đức Thịnh",
    "Hải Yến",
    "Thanh Tùng",
    "Bảo Ngọc",
    "Văn Quyết",
)
COMPANIES = (
    "Công ty TNHH May mặc Hòa Thọ",
    "Công ty CP Xây dựng Thành Đạt",
    "Công ty TNHH Giày da Phú Hưng",
    "Công ty CP Chế biến gỗ An Khang",
    "Công ty TNHH Điện tử Tân Việt",
    "Hợp tác xã Nông nghiệp Đồng Xanh",
    "Công ty CP Thủy sản Biển Đông",
    "Công ty TNHH Cơ khí Minh Phát",
)
ROLES = (
    "Giám đốc BHXH tỉnh",
    "Phó Giám đốc BHXH tỉnh",
    "Trưởng phòng Truyền thông và Phát triển người tham gia",
    "Trưởng phòng Thu - Sổ, thẻ",
    "Trưởng phòng Chế độ BHXH",
    "Trưởng phòng Giám định BHYT",
)

# --------------------------------------------------------------------------- text banks
# Template mini-language (see `_Filler`): "[a|b|c]" picks one alternative per occurrence;
# "{key}" is a slot. Lower-case voice keys ({dan}, {cq} ...) are synonyms fixed for the whole
# article (a site has a house style, an article its own wording); number keys ({n}, {k}, {ty},
# {p} ...) draw a fresh value at every occurrence; a capitalised key ({Dan}) capitalises the
# value. Why: distinct articles built from one bank must share almost no word 5-grams (the
# re-post detector compares them), so nearly every sentence carries variation every few words.

VOICE: dict[str, tuple[str, ...]] = {
    "dan": ("người dân", "bà con", "nhân dân", "người dân trên địa bàn"),
    "nld": ("người lao động", "lao động", "công nhân, người lao động"),
    "dn": ("doanh nghiệp", "đơn vị sử dụng lao động", "chủ sử dụng lao động"),
    "cq": ("cơ quan BHXH", "ngành BHXH", "BHXH tỉnh", "BHXH tỉnh {tinh}"),
    "tt": ("tuyên truyền", "thông tin, tuyên truyền", "truyền thông", "tuyên truyền, vận động"),
    "kcb": ("khám chữa bệnh", "khám bệnh, chữa bệnh", "khám, chữa bệnh"),
    "ngh": ("người hưởng", "đối tượng hưởng", "người thụ hưởng"),
    "tg": ("người tham gia", "đối tượng tham gia"),
    "qd": ("quy định", "quy định hiện hành", "quy định của pháp luật"),
    "vq": ("vừa qua", "mới đây", "thời gian qua"),
    "ld": ("lãnh đạo", "Ban Giám đốc"),
    "cs": ("chính sách", "chế độ, chính sách"),
}

_SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Phan",
    "Trịnh",
    "Đinh",
    "Lương",
    "Mai",
    "Cao",
    "Tạ",
    "Hà",
    "Lưu",
    "Chu",
)
_MIDDLE_F = ("Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim")
_MIDDLE_M = ("Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Công", "Đình")
_GIVEN_F = (
    "Hương",
    "Lan",
    "Mai",
    "Thu",
    "Hạnh",
    "Nga",
    "Bích",
    "Yến",
    "Hoa",
    "Loan",
    "Hằng",
    "Dung",
    "Phượng",
    "Thảo",
    "Trang",
    "Huyền",
    "Oanh",
    "Nhung",
    "Liên",
    "Tuyết",
    "Vân",
    "Hiền",
)
_GIVEN_M = (
    "Minh",
    "Hùng",
    "Thắng",
    "Long",
    "Sơn",
    "Tùng",
    "Phúc",
    "Dũng",
    "Hải",
    "Nam",
    "Quân",
    "Tuấn",
    "Bình",
    "Toàn",
    "Cường",
    "Khánh",
    "Lợi",
    "Trung",
    "Hiếu",
    "Thành",
    "Vinh",
    "Đạt",
)
_PLACE_NAMES = (
    "Tân Lập",
    "Bắc Hà",
    "Hương Sơn",
    "Phú Lộc",
    "Đồng Tâm",
    "Trần Phú",
    "Kỳ Anh",
    "Thạch Hà",
    "Nam Hồng",
    "Cẩm Bình",
    "Quang Trung",
    "Hưng Dũng",
    "Nghĩa Đàn",
    "Yên Thành",
    "Tân Phú",
    "Hòa Bình",
    "Thuận An",
    "Phước Long",
    "Long Hưng",
    "Vĩnh Phúc",
    "An Thạnh",
    "Đông Hòa",
    "Tây Sơn",
    "Hòa Khánh",
    "Thạnh Lợi",
    "Mỹ Xuyên",
    "Xuân Lộc",
    "Phong Điền",
    "Ea Tling",
    "Đắk Mil",
    "Krông Nô",
    "Liên Nghĩa",
    "Di Linh",
    "Bảo Lâm",
    "Cái Răng",
    "Ninh Kiều",
    "Hạ Long",
    "Cẩm Phả",
    "Móng Cái",
    "Đông Triều",
    "Diễn Châu",
    "Quỳnh Lưu",
    "Đô Lương",
    "Hưng Nguyên",
    "Can Lộc",
    "Đức Thọ",
    "Vũ Quang",
    "Lộc Hà",
    "Hồng Lĩnh",
    "Cửa Lò",
)
PLACES: tuple[str, ...] = tuple(
    f"{kind} {name}"
    for i, name in enumerate(_PLACE_NAMES)
    for kind in (("xã", "phường", "xã", "thị trấn")[i % 4],)
)
_COMPANY_KIND = ("Công ty TNHH", "Công ty CP", "Công ty TNHH MTV", "Hợp tác xã")
_COMPANY_TRADE = (
    "May mặc",
    "Xây dựng",
    "Giày da",
    "Chế biến gỗ",
    "Điện tử",
    "Thủy sản",
    "Cơ khí",
    "Vận tải",
    "Thực phẩm",
    "Dệt may",
    "Bao bì",
    "Nông sản",
    "Dịch vụ du lịch",
    "Vật liệu xây dựng",
)
_COMPANY_BRAND = (
    "Hòa Thọ",
    "Thành Đạt",
    "Phú Hưng",
    "An Khang",
    "Tân Việt",
    "Đồng Xanh",
    "Biển Đông",
    "Minh Phát",
    "Hưng Thịnh",
    "Sao Mai",
    "Việt Thắng",
    "Phúc Lộc",
    "Trường Sơn",
    "Hồng Hà",
    "Thái Bình Dương",
    "Kim Long",
    "Đại Nam",
    "Quốc Bảo",
    "Nam Việt",
    "Hoàng Gia",
)
HOSPITALS = (
    "Bệnh viện Đa khoa tỉnh {tinh}",
    "Bệnh viện Sản - Nhi tỉnh {tinh}",
    "Bệnh viện Y học cổ truyền tỉnh {tinh}",
    "Trung tâm Y tế khu vực {place2}",
    "Bệnh viện Phục hồi chức năng tỉnh {tinh}",
    "Trạm Y tế {place2}",
)
ROLE_BANK = (
    "Giám đốc BHXH tỉnh {tinh}",
    "Phó Giám đốc BHXH tỉnh {tinh}",
    "Trưởng phòng Truyền thông và Phát triển người tham gia",
    "Trưởng phòng Thu - Sổ, thẻ",
    "Trưởng phòng Chế độ BHXH",
    "Trưởng phòng Giám định BHYT",
    "Phó Trưởng phòng Quản lý thu",
    "Giám đốc BHXH cơ sở {place2}",
)

TITLES: dict[str, tuple[str, ...]] = {
    "hoat-dong": (
        "BHXH tỉnh {tinh} [tổ chức|triển khai] hội nghị giao ban công tác tháng {m}/{y}",
        "Đoàn công tác BHXH Việt Nam làm việc với BHXH tỉnh {tinh} về [công tác thu|giải quyết chế độ|quản lý quỹ BHYT] {ngay}",
        "BHXH tỉnh {tinh} ký kết quy chế phối hợp với [Sở Y tế|Liên đoàn Lao động tỉnh|Hội Nông dân tỉnh|Hội Liên hiệp Phụ nữ tỉnh] giai đoạn {y}-{y3}",
        "Kiểm tra việc chấp hành pháp luật về BHXH, BHYT tại {n} đơn vị [trên địa bàn|ở] {place}",
        "Tập huấn nghiệp vụ cho {n} nhân viên đại lý thu tại {place}",
        "BHXH tỉnh {tinh} phát động [phong trào|đợt] thi đua [nước rút|cao điểm] hoàn thành chỉ tiêu năm {y}",
        "Đối thoại chính sách BHXH, BHYT với {n} [công nhân|người lao động] {company}",
        "Công đoàn BHXH tỉnh {tinh} trao {n} suất quà cho đoàn viên [khó khăn|có hoàn cảnh khó khăn] tại {place}",
        "Hội nghị [tuyên truyền|đối thoại] chính sách BHXH, BHYT cho hội viên [nông dân|phụ nữ|cựu chiến binh] {place}",
        "Lãnh đạo BHXH tỉnh {tinh} [tiếp và làm việc với|làm việc với] Ủy ban Mặt trận Tổ quốc tỉnh {ngay}",
        "Thanh tra chuyên ngành việc đóng BHXH, BHTN, BHYT tại {company}",
        "BHXH tỉnh {tinh} sơ kết công tác thu [tháng {m}|{q}] năm {y}: số thu đạt {p2}% kế hoạch",
        "Giao ban công tác thu với {n} đại lý tại {place} [tháng {m}/{y}|{ngay}]",
        "Tọa đàm [nâng cao chất lượng|đổi mới] công tác phát triển người tham gia tại {place}",
    ),
    "bhxh": (
        "Những điểm mới về lương hưu theo Luật BHXH năm 2024 [người lao động|{nld}] cần biết",
        "Chi trả lương hưu, trợ cấp BHXH tháng {m}/{y} cho hơn {k} người hưởng [ở|tại] {tinh}",
        "[Tăng cường|Đẩy mạnh] phát triển người tham gia BHXH tự nguyện tại {place}",
        "Chế độ thai sản [khi tham gia BHXH bắt buộc|theo Luật BHXH năm 2024]: quyền lợi của lao động nữ",
        "[Khuyến cáo|Lời khuyên cho] người lao động trước khi hưởng BHXH một lần: {n} trường hợp ở {place} đã cân nhắc lại",
        "Trợ cấp hưu trí xã hội cho người từ đủ 75 tuổi: {tinh} [rà soát|lập danh sách] {k} người",
        "Chế độ ốm đau [theo Luật BHXH năm 2024|năm {y}]: mức hưởng và thời gian hưởng",
        "Hơn {n} người tham gia BHXH tự nguyện tại {place} được hỗ trợ tiền đóng",
        "[Điều kiện|Quy định về điều kiện] hưởng lương hưu khi đóng đủ 15 năm BHXH",
        "Đóng BHXH tự nguyện: [chỗ dựa|điểm tựa] an sinh cho lao động tự do ở {place}",
        "{tinh} [giải quyết|xét duyệt] {k} hồ sơ hưởng chế độ BHXH trong [tháng {m}/{y}|{q} năm {y}]",
        "[Lan tỏa|Phát triển] BHXH tự nguyện [từ|qua] các hội nghị ở thôn, xóm tại {place}",
    ),
    "bhyt": (
        "Mở rộng quyền lợi BHYT khi [khám chữa bệnh|điều trị] [trái tuyến|tại tuyến tỉnh] từ {ngay}",
        "Cấp thẻ BHYT cho {k} học sinh, sinh viên [ở|tại] {tinh} năm học {y}-{y1}",
        "Tỷ lệ bao phủ BHYT toàn tỉnh {tinh} đạt {p}% dân số [tính đến tháng {m}|năm {y}]",
        "[Tăng cường|Siết chặt] kiểm soát chi phí {kcb} BHYT tại {hospital}",
        "BHYT hộ gia đình [ở|tại] {place}: giảm trừ mức đóng từ người thứ hai trong hộ",
        "Quỹ BHYT chi trả {ty} điều trị cho người bệnh tại {hospital}",
        "Thông tuyến {kcb} BHYT: [quyền lợi người bệnh|quyền lợi người có thẻ] được mở rộng",
        "Ký hợp đồng {kcb} BHYT năm {y1} với {n} cơ sở y tế",
        "Người có thẻ BHYT được hưởng quyền lợi gì khi [đi khám ngoài giờ hành chính|khám vào ngày nghỉ]?",
        "Thẻ BHYT giúp [người bệnh nghèo|gia đình {ong} {person}] ở {place} vượt qua gánh nặng viện phí",
        "Giám định BHYT [tháng {m}/{y}|{q} năm {y}]: từ chối thanh toán {n} hồ sơ chưa hợp lý",
    ),
    "bhtn": (
        "{k} người lao động được giải quyết hưởng trợ cấp thất nghiệp trong tháng {m}/{y}",
        "Hỗ trợ học nghề cho {n} người lao động đang hưởng trợ cấp thất nghiệp [ở|tại] {tinh}",
        "Những điểm mới về bảo hiểm thất nghiệp trong Luật Việc làm năm 2025",
        "Thủ tục hưởng trợ cấp thất nghiệp: [người lao động|{nld}] cần lưu ý gì?",
        "Phối hợp chi trả trợ cấp thất nghiệp đúng người, đúng chế độ tại {tinh} [tháng {m}|{q} năm {y}]",
        "Bảo hiểm thất nghiệp: điểm tựa cho {n} [người lao động|công nhân] mất việc ở {company}",
        "[Rà soát|Thu hồi] {n} trường hợp hưởng trợ cấp thất nghiệp sai quy định tại {tinh}",
        "Trợ cấp thất nghiệp [giúp|tiếp sức cho] lao động {place} tìm việc làm mới",
    ),
    "chuyen-doi-so": (
        "Đẩy mạnh triển khai Đề án 06 trong lĩnh vực BHXH, BHYT tại {tinh} [{q} năm {y}|năm {y}]",
        "Hướng dẫn cài đặt và sử dụng ứng dụng VssID [trên điện thoại|cho người dân {place}]",
        "Tích hợp thẻ BHYT trên VNeID: người dân {place} khám bệnh thuận tiện hơn",
        "Tỷ lệ hồ sơ giải quyết qua dịch vụ công trực tuyến [tại {tinh}|của BHXH tỉnh {tinh}] đạt {p2}%",
        "Chi trả lương hưu qua tài khoản ngân hàng ở {tinh}: bước tiến [trong|của] chuyển đổi số",
        "Ngày Chuyển đổi số quốc gia 10/10: BHXH tỉnh {tinh} [đồng hành cùng|hỗ trợ] người dân",
        "Khám chữa bệnh BHYT bằng căn cước gắn chip tại {n} cơ sở y tế [ở|tại] {tinh}",
        "Chuyển đổi số trong giao dịch điện tử BHXH: {n} doanh nghiệp [ở|tại] {tinh} tiết kiệm thời gian",
        "Ra quân hướng dẫn người dân cài đặt VssID tại {place}",
        "Làm sạch dữ liệu theo Đề án 06: {tinh} [xác thực|đối chiếu] {k} hồ sơ người tham gia",
    ),
    "guong-dien-hinh": (
        "{Ong} {person_f}: người nhân viên đại lý thu tận tụy ở {place}",
        "{company}: đơn vị tiêu biểu trong thực hiện chính sách BHXH, BHYT [năm {y}|tại {tinh}]",
        "Gương sáng cán bộ BHXH [{place}|tỉnh {tinh}] hết lòng vì người tham gia",
        "Từ người bán hàng rong đến người hưởng lương hưu: câu chuyện của bà {person_f} ở {place}",
        "Ông {person_m} và hành trình vận động [bà con|người dân] {place} tham gia BHXH tự nguyện",
        "Tập thể [Phòng Chế độ BHXH|Phòng Thu - Sổ, thẻ|BHXH cơ sở {place2}]: điểm sáng trong phong trào thi đua năm {y}",
        "[Người|Cán bộ] {n} năm gắn bó với [thôn, xóm|từng hộ dân] ở {place}",
        "Trưởng thôn {person_m} [góp công|giúp] {n} hộ [ở|tại] {place} tham gia BHYT",
    ),
}

# Hỏi đáp: each question comes with its own answer (a reader's question must be answered).
QUESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Đóng BHXH tự nguyện bao nhiêu năm thì được hưởng lương hưu?",
        (
            "Căn cứ Luật BHXH năm 2024, người tham gia BHXH tự nguyện khi đủ tuổi nghỉ hưu và có từ đủ 15 năm đóng BHXH trở lên thì được hưởng lương hưu hằng tháng.",
            "Như vậy, trường hợp của {ong} [đã đóng|đã tham gia] {n2} năm thì [cần tiếp tục đóng thêm|còn phải đóng] cho đủ 15 năm để [đủ điều kiện|được] hưởng lương hưu.",
            "{Ong} cũng có thể đóng một lần cho những năm còn thiếu nếu [đã đủ tuổi nghỉ hưu|đến tuổi nghỉ hưu] mà thời gian đóng còn thiếu không quá 5 năm.",
        ),
    ),
    (
        "Thẻ BHYT hết hạn [có được|còn được] khám chữa bệnh không?",
        (
            "Trường hợp thẻ BHYT đã hết hạn sử dụng, người bệnh sẽ không được quỹ BHYT thanh toán chi phí {kcb}.",
            "Vì vậy, {ong} cần gia hạn thẻ [trước ngày hết hạn|trước khi thẻ hết giá trị sử dụng] để bảo đảm quyền lợi [liên tục|không bị gián đoạn].",
            "Việc gia hạn có thể thực hiện tại [đại lý thu|điểm thu] gần nhất ở {place} hoặc tại BHXH cơ sở nơi cư trú.",
        ),
    ),
    (
        "Nghỉ việc bao lâu thì được hưởng BHXH một lần?",
        (
            "Theo Luật BHXH năm 2024, người lao động sau 12 tháng không tiếp tục đóng BHXH, chưa đủ 20 năm đóng và có yêu cầu thì được hưởng BHXH một lần theo quy định chuyển tiếp.",
            "Tuy nhiên, {cq} khuyến cáo {ong} [nên cân nhắc kỹ|cần cân nhắc], bởi khi nhận BHXH một lần sẽ mất quyền lợi lương hưu và thẻ BHYT do quỹ BHXH đóng khi về già.",
            "Thời gian đã đóng {n2} năm của {ong} được [bảo lưu|cộng nối] để tiếp tục tham gia khi có việc làm mới hoặc chuyển sang BHXH tự nguyện.",
        ),
    ),
    (
        "Lao động nữ sinh con được nghỉ hưởng chế độ thai sản mấy tháng?",
        (
            "Lao động nữ sinh con được nghỉ việc hưởng chế độ thai sản 6 tháng; thời gian nghỉ trước khi sinh tối đa không quá 2 tháng.",
            "Mức hưởng một tháng bằng 100% mức bình quân tiền lương tháng đóng BHXH của 6 tháng liền kề trước khi nghỉ.",
            "Trường hợp sinh đôi trở lên thì [từ con thứ hai|tính từ con thứ hai] trở đi, cứ mỗi con người mẹ được nghỉ thêm 1 tháng.",
        ),
    ),
    (
        "Đang mang thai có được hưởng trợ cấp thất nghiệp không?",
        (
            "Người lao động đang mang thai nếu đáp ứng đủ điều kiện về thời gian đóng bảo hiểm thất nghiệp và nộp hồ sơ đúng hạn thì vẫn được giải quyết hưởng trợ cấp thất nghiệp.",
            "Hồ sơ cần nộp tại Trung tâm Dịch vụ việc làm trong thời hạn 3 tháng kể từ ngày chấm dứt hợp đồng lao động.",
            "Trong thời gian hưởng, nếu {ong} [sinh con|nghỉ sinh] và đủ điều kiện thì được hưởng chế độ thai sản, thời gian này không bị trừ vào thời gian hưởng trợ cấp thất nghiệp.",
        ),
    ),
    (
        "Đi khám bệnh ở tỉnh khác [có được|có được quỹ] BHYT thanh toán?",
        (
            "Người có thẻ BHYT đi {kcb} ngoại trú tại trạm y tế xã hoặc phòng khám đa khoa ở tỉnh khác được quỹ BHYT thanh toán theo mức hưởng ghi trên thẻ.",
            "Đối với điều trị nội trú tại bệnh viện tuyến tỉnh, quỹ BHYT thanh toán theo mức hưởng như đúng tuyến.",
            "{Ong} cần xuất trình thẻ BHYT hoặc giấy tờ tùy thân có ảnh khi làm thủ tục {kcb} để được hưởng đầy đủ quyền lợi.",
        ),
    ),
    (
        "Người lao động làm việc theo hợp đồng 1 tháng có phải đóng BHXH?",
        (
            "Người lao động làm việc theo hợp đồng lao động có thời hạn từ đủ 01 tháng trở lên thuộc đối tượng tham gia BHXH bắt buộc.",
            "Người sử dụng lao động có trách nhiệm đăng ký tham gia và đóng BHXH cho người lao động [trong thời hạn 30 ngày|trong vòng 30 ngày] kể từ ngày hợp đồng có hiệu lực.",
            "Nếu đơn vị [không đóng|chậm đóng], {ong} có quyền phản ánh tới {cq} hoặc Thanh tra lao động để được bảo vệ quyền lợi.",
        ),
    ),
    (
        "Mức hưởng chế độ ốm đau khi con dưới 7 tuổi bị ốm được tính thế nào?",
        (
            "Người lao động có con dưới 7 tuổi bị ốm đau phải nghỉ việc để chăm sóc con được hưởng chế độ ốm đau.",
            "Mức hưởng bằng 75% mức tiền lương đóng BHXH của tháng gần nhất trước khi nghỉ; thời gian hưởng tối đa 20 ngày làm việc với con dưới 3 tuổi và 15 ngày với con từ đủ 3 tuổi đến dưới 7 tuổi.",
            "Hồ sơ gồm giấy ra viện hoặc giấy chứng nhận nghỉ việc hưởng BHXH của con, nộp cho đơn vị [trong vòng 45 ngày|trong thời hạn 45 ngày] kể từ ngày trở lại làm việc.",
        ),
    ),
)
TITLES["hoi-dap"] = tuple(q for q, _ in QUESTIONS)

SAPOS: dict[str, tuple[str, ...]] = {
    "hoat-dong": (
        "Ngày {d}/{m}, BHXH tỉnh {tinh} đã tổ chức hội nghị [nhằm đánh giá|để đánh giá] kết quả thực hiện nhiệm vụ và [triển khai|bàn] các giải pháp trọng tâm [thời gian tới|những tháng cuối năm].",
        "Nhằm nâng cao hiệu quả thực hiện {cs} BHXH, BHYT [trên địa bàn|tại địa phương], sáng {d}/{m}, BHXH tỉnh {tinh} đã có buổi làm việc với {n2} [đơn vị|cơ quan] liên quan.",
        "Thực hiện kế hoạch công tác năm {y}, {vq}, BHXH tỉnh {tinh} phối hợp với [các sở, ngành|chính quyền địa phương] tổ chức [hoạt động|chương trình] tại {place}.",
        "[Chiều|Sáng] {d}/{m}/{y}, tại {place}, {ld} BHXH tỉnh {tinh} [đã chủ trì|chủ trì] [buổi làm việc|hội nghị] với sự tham dự của {n} đại biểu.",
    ),
    "bhxh": (
        "Luật BHXH năm 2024 có hiệu lực từ ngày 01/7/2025 với nhiều điểm mới [có lợi cho|bảo vệ tốt hơn] {nld}, [đặc biệt là|nhất là] các {qd} về lương hưu và BHXH tự nguyện.",
        "Chính sách BHXH là trụ cột của hệ thống an sinh xã hội, giúp {nld} có thu nhập [ổn định|thường xuyên] khi về già hoặc khi gặp rủi ro; tại {tinh}, {k} người đang hưởng lương hưu hằng tháng.",
        "Trong tháng {m}/{y}, BHXH tỉnh {tinh} tiếp tục [thực hiện tốt|làm tốt] việc giải quyết và chi trả các chế độ BHXH cho {k} {ngh} trên địa bàn.",
        "{Vq}, {cq} đã [tổ chức|phối hợp tổ chức] {n} hội nghị [tư vấn|tuyên truyền] về BHXH tự nguyện tại {place}, thu hút [hàng trăm|đông đảo] {dan} tham dự.",
    ),
    "bhyt": (
        "BHYT là chính sách xã hội lớn, [mang ý nghĩa|giàu ý nghĩa] nhân đạo và chia sẻ cộng đồng; năm {y}, quỹ BHYT đã chi {ty} cho người bệnh ở {tinh}.",
        "{Vq}, BHXH tỉnh {tinh} đã phối hợp [chặt chẽ|thường xuyên] với ngành y tế bảo đảm quyền lợi {kcb} cho {k} lượt người có thẻ BHYT.",
        "Tính đến hết tháng {m}/{y}, toàn tỉnh {tinh} có {k} người tham gia BHYT, đạt tỷ lệ bao phủ {p}% dân số.",
        "Tại {hospital}, [mỗi ngày|bình quân mỗi ngày] có khoảng {n} lượt người bệnh đến {kcb} bằng thẻ BHYT.",
    ),
    "bhtn": (
        "Bảo hiểm thất nghiệp giúp bù đắp một phần thu nhập cho {nld} bị mất việc làm và hỗ trợ họ sớm quay lại thị trường lao động; tháng {m}/{y}, {tinh} có {n} hồ sơ mới.",
        "Trong tháng {m}, BHXH tỉnh {tinh} phối hợp với Trung tâm Dịch vụ việc làm giải quyết [kịp thời|nhanh chóng] chế độ cho {n} {nld} mất việc.",
        "Trước tình trạng [nhiều|một số] {dn} [thu hẹp sản xuất|cắt giảm lao động], {cq} đã chủ động phối hợp bảo đảm quyền lợi bảo hiểm thất nghiệp cho {nld} tại {place}.",
    ),
    "chuyen-doi-so": (
        "Thực hiện Đề án 06 của Chính phủ, BHXH tỉnh {tinh} đã đẩy mạnh chuyển đổi số, [mang lại|đem lại] nhiều tiện ích cho {k} người tham gia BHXH, BHYT.",
        "Chuyển đổi số giúp {dan} giao dịch với {cq} nhanh chóng, minh bạch; {p2}% hồ sơ [tại|của] {tinh} đã được tiếp nhận qua dịch vụ công trực tuyến.",
        "Hưởng ứng Ngày Chuyển đổi số quốc gia, BHXH tỉnh {tinh} triển khai [nhiều|{n}] hoạt động hướng dẫn {dan} sử dụng dịch vụ công trực tuyến và ứng dụng VssID.",
    ),
    "guong-dien-hinh": (
        "Với tinh thần trách nhiệm và sự tận tụy, {ong} {person} đã trở thành tấm gương sáng trong công tác vận động {dan} {place} tham gia BHXH, BHYT.",
        "Câu chuyện [giản dị|bình dị] nhưng giàu ý nghĩa về những con người bình thường ở {place} đã góp phần lan tỏa {cs} BHXH, BHYT trong cộng đồng.",
        "{n} năm [gắn bó|miệt mài] với [công việc|nghề], {ong} {person} đã vận động được {k} lượt {dan} tham gia BHXH, BHYT.",
    ),
    "hoi-dap": (
        "Bạn đọc {person} ở {place} hỏi: {question} BHXH tỉnh {tinh} trả lời như sau.",
        "Nhiều bạn đọc gửi câu hỏi đến Ban biên tập: {question} Vấn đề này được giải đáp như sau.",
        "{Ong} {person} ({place}) [gửi câu hỏi|hỏi]: {question} [Về vấn đề này|Về nội dung này], BHXH tỉnh {tinh} trả lời như sau.",
    ),
}

# Body sentences by role: "a" opens the story with its facts, "b" develops it, "q" quotes
# someone, "c" closes. A paragraph is two or three sentences of one role.
SENTENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "hoat-dong": {
        "a": (
            "Theo báo cáo [tại hội nghị|của Văn phòng], đến hết tháng {m}/{y}, toàn tỉnh có {k} người tham gia BHXH bắt buộc, tăng {pct}% so với cùng kỳ năm trước.",
            "Số người tham gia BHXH tự nguyện đạt {k} người, [tăng|cao hơn] {n} người so với [đầu năm|tháng trước] nhờ công tác {tt} được đổi mới [về nội dung và hình thức|cả nội dung lẫn hình thức].",
            "Tổng số thu BHXH, BHYT, BHTN [lũy kế|từ đầu năm] đạt {ty}, bằng {p2}% kế hoạch BHXH Việt Nam giao.",
            "Tỷ lệ nợ đóng [hiện ở mức|còn] {pct}% so với số phải thu, [giảm|thấp hơn] so với cùng kỳ; riêng tại {place} còn {n} đơn vị [chậm đóng|nợ kéo dài].",
            "Tham dự [hội nghị|buổi làm việc] có {ld} BHXH tỉnh, đại diện {n2} sở, ngành và [lãnh đạo|đại diện] BHXH cơ sở {place2}.",
            "Đoàn kiểm tra đã làm việc trực tiếp với {n} {dn}, đối chiếu danh sách lao động, bảng lương và hồ sơ đóng BHXH [của {n2} lao động|trong {n2} tháng gần nhất].",
            "[Trong {q} năm {y}|Từ đầu năm {y}], {cq} đã [giải quyết|xét duyệt] {k} hồ sơ hưởng các chế độ, [không để tồn đọng|bảo đảm đúng thời hạn].",
            "Tại {place}, {n} đại lý thu [đang hoạt động|duy trì hoạt động] với {k} người tham gia BHYT hộ gia đình, [chiếm|bằng] {pct}% số người tham gia toàn khu vực.",
        ),
        "b": (
            "Các đại biểu đã thảo luận, chỉ ra những khó khăn, vướng mắc [trong quá trình|khi] thực hiện {cs}, nhất là tình trạng chậm đóng, trốn đóng BHXH tại một số {dn} ngoài nhà nước.",
            "Qua kiểm tra, đoàn yêu cầu {n} đơn vị còn nợ đóng [khẩn trương khắc phục|nộp đủ số tiền còn nợ] [trong thời hạn {qd}|trước ngày {d2}/{m2}].",
            "Hội nghị [cũng đã dành thời gian|đã dành nhiều thời gian] để các đại lý thu chia sẻ kinh nghiệm vận động {dan} tham gia BHXH tự nguyện, BHYT hộ gia đình.",
            "Nhiều cách làm hay như tư vấn tại nhà, tổ chức hội nghị ở thôn, xóm [đã mang lại hiệu quả rõ rệt|được nhân rộng] tại {place2}.",
            "Dịp này, BHXH tỉnh {tinh} [đã trao tặng|trao] {n} sổ BHXH và thẻ BHYT cho {dan} có hoàn cảnh khó khăn tại {place}.",
            "Các đại biểu thống nhất [cao|] về việc tăng cường phối hợp giữa các cơ quan trong {tt}, kiểm tra, giám sát, đồng thời kiến nghị xử lý nghiêm [các trường hợp vi phạm|các đơn vị cố tình trốn đóng].",
            "Đại diện [Sở Y tế|Liên đoàn Lao động tỉnh|Sở Tài chính] [cho biết|thông tin] sẽ phối hợp với {cq} [rà soát|đối chiếu] dữ liệu {n2} {dn} trên địa bàn trong tháng {m2}.",
            "[Với|Đối với] {company}, đoàn ghi nhận đơn vị đã đóng đủ cho {n} {nld} nhưng còn chậm [điều chỉnh mức đóng|báo tăng lao động mới].",
            "Ngay sau [hội nghị|buổi làm việc], {n2} tổ công tác [được thành lập|sẽ được cử] xuống {place2} để đôn đốc thu nợ và [hướng dẫn|hỗ trợ] {dn} hoàn thiện hồ sơ.",
            "[Phần lớn|Đa số] ý kiến [cho rằng|đề nghị] cần [đổi mới|tăng cường] hình thức {tt} để {dan} ở vùng sâu, vùng xa như {place2} [tiếp cận|hiểu rõ] {cs}.",
            "Kết quả này [góp phần|đã góp phần] đưa tỷ lệ bao phủ BHYT toàn tỉnh lên {p}% dân số, [vượt|cao hơn] chỉ tiêu Nghị quyết của Tỉnh ủy.",
            "[Bên cạnh đó|Cùng với đó], công tác cải cách thủ tục hành chính tiếp tục được [chú trọng|quan tâm], {k} hồ sơ được trả kết quả [đúng hẹn|trước hẹn].",
        ),
        "q": (
            '"[Chúng tôi|Ngành] [xác định|coi] phát triển người tham gia là nhiệm vụ [trọng tâm|hàng đầu], phải bám sát từng thôn, từng {dn}", {ong2} {person2}, {role}, [nhấn mạnh|khẳng định].',
            "Phát biểu [tại hội nghị|kết luận], {ong2} {person2}, {role}, đánh giá cao sự nỗ lực của [toàn thể|] công chức, viên chức [và người lao động|] trong [ngành|đơn vị] [thời gian qua|{q} năm {y}].",
            "{Ong2} {person2}, {role}, [đề nghị|yêu cầu] các phòng nghiệp vụ và BHXH cơ sở tập trung [đôn đốc thu nợ|thu hồi nợ đóng], [phấn đấu|quyết tâm] hoàn thành chỉ tiêu năm {y}.",
            '"Mỗi sổ BHXH, mỗi thẻ BHYT trao tận tay {dan} là một [sự bảo đảm|điểm tựa] cho cuộc sống của họ", {ong} {person} chia sẻ [tại buổi lễ|với các đại biểu].',
        ),
        "c": (
            "Kết thúc chương trình, {ld} BHXH tỉnh đề nghị [các đơn vị|các phòng nghiệp vụ] tiếp tục bám sát địa bàn, phối hợp với cấp ủy, chính quyền để phát triển người tham gia.",
            "[Những tháng cuối năm|Thời gian tới], {cq} [đặt mục tiêu|phấn đấu] tăng thêm {k} người tham gia BHXH tự nguyện và [giảm|kéo giảm] tỷ lệ nợ đóng xuống dưới {pct}%.",
            "[Hội nghị|Chương trình] kết thúc [trong không khí|với tinh thần] [phấn khởi|quyết tâm cao], [hứa hẹn|tạo đà] hoàn thành [thắng lợi|toàn diện] nhiệm vụ năm {y}.",
            "Dự kiến trong tháng {m2}, {cq} sẽ [tổ chức|tiếp tục tổ chức] thêm {n2} [hội nghị|buổi đối thoại] tương tự tại các xã, phường [còn lại|trên địa bàn].",
        ),
    },
    "bhxh": {
        "a": (
            "Theo Luật BHXH năm 2024, {nld} đủ tuổi nghỉ hưu và có từ đủ 15 năm đóng BHXH trở lên thì được hưởng lương hưu [hằng tháng|], thay vì 20 năm như trước.",
            "Trong tháng {m}/{y}, BHXH tỉnh {tinh} đã chi trả lương hưu và trợ cấp BHXH cho {k} {ngh} với tổng số tiền {ty}, [bảo đảm|đảm bảo] đầy đủ, kịp thời.",
            "Tại {place}, {vq} có thêm {n} người [đăng ký|tham gia] BHXH tự nguyện, [nâng tổng số|đưa tổng số] người tham gia lên {k} người.",
            "Từ đầu năm {y}, {cq} đã giải quyết {k} hồ sơ hưởng chế độ ốm đau, thai sản [với số tiền|tổng kinh phí] {ty}.",
            "Theo [thống kê|số liệu] của {cq}, trong {q} năm {y} có {n} người [nộp hồ sơ|đề nghị] hưởng BHXH một lần, [giảm|thấp hơn] {pct}% so với cùng kỳ.",
            "Toàn tỉnh {tinh} hiện có {k} người hưởng trợ cấp hưu trí xã hội, [trong đó|riêng] {place} có {n} người [từ đủ 75 tuổi|cao tuổi].",
        ),
        "b": (
            "Mức lương hưu hằng tháng được tính bằng tỷ lệ hưởng nhân với mức bình quân tiền lương làm căn cứ đóng BHXH [của cả quá trình|].",
            "Với lao động nữ, tỷ lệ hưởng là 45% tương ứng 15 năm đóng, sau đó [mỗi năm|cứ thêm mỗi năm] tăng thêm 2%, tối đa 75%.",
            "{Cq} khuyến cáo {nld} không nên vội vàng hưởng BHXH một lần, bởi khi đó sẽ mất quyền lợi lương hưu và thẻ BHYT do quỹ BHXH [đóng|chi trả] [khi về già|trong suốt thời gian nghỉ hưu].",
            "Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ [một phần|] tiền đóng theo tỷ lệ trên chuẩn hộ nghèo khu vực nông thôn; [riêng|tại] {tinh}, ngân sách tỉnh hỗ trợ thêm {pct}%.",
            "Lao động nữ khi sinh con được nghỉ việc hưởng chế độ thai sản 6 tháng; [mức hưởng bằng|được hưởng] 100% mức bình quân tiền lương tháng đóng BHXH.",
            "Người lao động bị ốm đau phải nghỉ việc được hưởng trợ cấp bằng 75% mức tiền lương đóng BHXH của tháng gần nhất trước khi nghỉ.",
            "Luật mới [lần đầu tiên|cũng] quy định trợ cấp hưu trí xã hội cho người từ đủ 75 tuổi không có lương hưu, [là tầng|tạo thành tầng] bảo vệ cơ bản của hệ thống an sinh.",
            "Những điểm mới của pháp luật về BHXH thể hiện rõ chủ trương mở rộng diện bao phủ, tăng quyền lợi cho {tg}, [đồng thời|và] bảo đảm sự bền vững của quỹ [trong dài hạn|].",
            "[Chủ hộ kinh doanh|Người quản lý doanh nghiệp] và người làm việc không trọn thời gian [từ ngày 01/7/2025|theo luật mới] cũng thuộc đối tượng tham gia BHXH bắt buộc.",
            "[Để thuận tiện cho|Nhằm tạo thuận lợi cho] {ngh}, {cq} bố trí {n} điểm chi trả tại {place} và [các xã lân cận|{place2}], [mở cửa|làm việc] cả ngày thứ Bảy.",
            "{Ong} {person}, {age} tuổi, ở {place}, [cho biết|kể] nhờ đóng BHXH tự nguyện đủ 15 năm, nay {ong} đã nhận lương hưu [hơn|khoảng] {tr} mỗi tháng.",
            "Người hưởng lương hưu còn được cấp thẻ BHYT [do quỹ BHXH đóng|miễn phí], [nhờ đó|giúp] yên tâm {kcb} khi tuổi cao sức yếu.",
        ),
        "q": (
            '"Lương hưu là [nguồn thu nhập|khoản thu nhập] ổn định để {nld} chủ động cuộc sống khi về già", {ong2} {person2}, {role}, [nhấn mạnh|cho biết].',
            "{Ong2} {person2}, {role}, cho biết {cq} [đã|sẽ] phối hợp với Bưu điện tỉnh [rà soát|cập nhật] thông tin của {k} {ngh} để chi trả [đúng người|chính xác].",
            '"Nhiều người [chỉ vì|vì] cần một khoản tiền trước mắt mà nhận BHXH một lần, rồi [về già|lúc về già] không có lương hưu", {ong} {person} [chia sẻ|trăn trở].',
        ),
        "c": (
            "{Cq} đề nghị {nld} [chủ động|thường xuyên] kiểm tra quá trình đóng BHXH của mình [để kịp thời phản ánh|và phản ánh kịp thời] khi phát hiện sai sót.",
            "Mọi thắc mắc về {cs} BHXH, {dan} có thể liên hệ tổng đài 1900 9068 hoặc BHXH cơ sở [nơi cư trú|gần nhất] để được [hướng dẫn|tư vấn].",
            "[Thời gian tới|Trong tháng {m2}], {cq} [tiếp tục|sẽ tiếp tục] tổ chức {n2} hội nghị tư vấn tại {place2} nhằm [lan tỏa|phổ biến] các điểm mới của Luật BHXH.",
        ),
    },
    "bhyt": {
        "a": (
            "Năm {y}, quỹ BHYT đã thanh toán cho {k} lượt {kcb} của {dan} {tinh} với tổng chi phí {ty}.",
            "Tại {hospital}, {n} người bệnh [ung thư|chạy thận nhân tạo|phẫu thuật tim mạch] được quỹ BHYT chi trả [hàng trăm triệu đồng|{tr}] mỗi người.",
            "Toàn tỉnh {tinh} hiện có {k} học sinh, sinh viên tham gia BHYT, [đạt|bằng] {p}% tổng số học sinh, sinh viên.",
            "Tính đến hết tháng {m}/{y}, tỷ lệ bao phủ BHYT của tỉnh {tinh} đạt {p}% dân số, [trong đó|riêng] {place} đạt {p}%.",
            "Trong {q} năm {y}, công tác giám định [đã phát hiện|phát hiện] {n} hồ sơ chỉ định chưa hợp lý, từ chối thanh toán {tr} [chi phí|].",
            "{Cq} đã ký hợp đồng {kcb} BHYT với {n} cơ sở y tế, trong đó có {n2} cơ sở [tư nhân|ngoài công lập].",
        ),
        "b": (
            "Đối với BHYT hộ gia đình, người thứ nhất đóng bằng 4,5% mức lương cơ sở; người thứ hai, thứ ba, thứ tư đóng lần lượt bằng 70%, 60%, 50% mức đóng của người thứ nhất.",
            "Học sinh, sinh viên tham gia BHYT được ngân sách nhà nước hỗ trợ [tối thiểu|ít nhất] 30% mức đóng [và được chăm sóc sức khỏe ban đầu ngay tại trường|].",
            "Công tác giám định BHYT [được tăng cường|tiếp tục được siết chặt] nhằm kiểm soát chi phí, bảo đảm quỹ BHYT được sử dụng đúng mục đích, [hiệu quả|tiết kiệm].",
            "Người bệnh khi {kcb} cần mang theo thẻ BHYT hoặc giấy tờ tùy thân có ảnh; trường hợp cấp cứu được {kcb} tại bất kỳ cơ sở y tế nào.",
            "Thời gian tham gia BHYT liên tục từ đủ 5 năm trở lên [giúp người bệnh|cho phép người bệnh] được miễn cùng chi trả trong nhiều trường hợp.",
            "Từ ngày 01/7/2025, người có thẻ BHYT điều trị [nội trú|] tại cơ sở tuyến tỉnh được thanh toán như đúng tuyến với [một số|nhiều] bệnh hiếm, bệnh hiểm nghèo.",
            "[Đáng chú ý|Đặc biệt], tại {place}, {n} hộ gia đình [làm nông, lâm, ngư nghiệp|có mức sống trung bình] đã được vận động tham gia BHYT [trong tháng {m}|{vq}].",
            "{Cq} phối hợp với {hospital} [rà soát|kiểm tra] chỉ định xét nghiệm, chẩn đoán hình ảnh để [hạn chế|ngăn chặn] lạm dụng quỹ BHYT.",
            "Người có thẻ BHYT [đi khám|khám bệnh] ngoài giờ hành chính [vẫn được|được] quỹ BHYT thanh toán chi phí trong phạm vi quyền lợi, trừ phần dịch vụ theo yêu cầu.",
            "Để được hưởng quyền lợi liên tục, {dan} cần gia hạn thẻ BHYT [trước khi hết hạn|trước ngày thẻ hết giá trị sử dụng].",
            "Chị {person_x} ở {place2} [kể|chia sẻ], chồng chị [điều trị|mổ] tại {hospital} hết {tr}, nhờ có thẻ BHYT gia đình chỉ phải [chi trả|đóng] một phần nhỏ.",
            "[Tổng|Tổng số] chi {kcb} BHYT [trong tháng {m}|{q} năm {y}] tăng {pct}% so với cùng kỳ, [chủ yếu|phần lớn] ở nhóm thuốc và vật tư y tế.",
        ),
        "q": (
            '"BHYT [thực sự là|là] chỗ dựa của người bệnh, nhất là với những gia đình [khó khăn|thu nhập thấp]", {ong2} {person2}, {role}, [khẳng định|nhấn mạnh].',
            "{Ong2} {person2}, {role}, [cho biết|thông tin] {cq} sẽ [cử giám định viên|tăng cường giám định viên] thường trực tại {hospital} để [giải quyết ngay|kịp thời giải quyết] vướng mắc của người bệnh.",
            '"Không có thẻ BHYT, [chắc gia đình tôi không lo nổi|gia đình tôi khó xoay xở nổi] [tiền viện phí|chi phí điều trị]", {ong} {person} ở {place} [xúc động|tâm sự].',
        ),
        "c": (
            "{Cq} khuyến cáo {dan} tham gia BHYT [liên tục|đều đặn] để được bảo vệ khi ốm đau, [tránh|không để] gián đoạn quyền lợi.",
            "[Thời gian tới|Trong tháng {m2}], {cq} đặt mục tiêu [nâng tỷ lệ bao phủ|đưa tỷ lệ bao phủ] BHYT lên {p}% dân số, [nhất là|tập trung vào] nhóm hộ gia đình.",
            "Mọi vướng mắc [khi {kcb} BHYT|về quyền lợi BHYT], người bệnh có thể [phản ánh|liên hệ] qua số điện thoại đường dây nóng [in trên|niêm yết tại] cơ sở y tế.",
        ),
    },
    "bhtn": {
        "a": (
            "Trong tháng {m}/{y}, {tinh} có {n} {nld} nộp hồ sơ đề nghị hưởng trợ cấp thất nghiệp, [tăng|giảm] {pct}% so với tháng trước.",
            "Cơ quan BHXH đã chi trả trợ cấp thất nghiệp cho {k} lượt {nld} với tổng số tiền {ty}, [đồng thời|và] phối hợp rà soát để thu hồi [các trường hợp|{n2} trường hợp] hưởng sai.",
            "Tại {company}, {n} {nld} [bị mất việc|nghỉ việc] do đơn vị [thu hẹp sản xuất|thiếu đơn hàng] đã được hướng dẫn làm hồ sơ hưởng trợ cấp thất nghiệp.",
            "[Từ đầu năm|Trong {q} năm {y}], {n} người đang hưởng trợ cấp thất nghiệp được hỗ trợ học nghề [với kinh phí|tổng kinh phí] {tr}.",
        ),
        "b": (
            "Người lao động đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong 24 tháng trước khi chấm dứt hợp đồng lao động thì [đủ điều kiện|được xét] hưởng trợ cấp thất nghiệp.",
            "Mức hưởng trợ cấp thất nghiệp hằng tháng bằng 60% mức bình quân tiền lương tháng đóng bảo hiểm thất nghiệp của 6 tháng liền kề trước khi thất nghiệp.",
            "Bên cạnh trợ cấp bằng tiền, {nld} còn được tư vấn, giới thiệu việc làm miễn phí và hỗ trợ học nghề [để chuyển đổi công việc|nhằm sớm quay lại thị trường lao động].",
            "Trong thời hạn 3 tháng kể từ ngày chấm dứt hợp đồng lao động, {nld} cần nộp hồ sơ tại Trung tâm Dịch vụ việc làm để không bị mất quyền lợi.",
            "Luật Việc làm năm 2025 [mở rộng|tiếp tục mở rộng] đối tượng tham gia bảo hiểm thất nghiệp, bổ sung hỗ trợ đào tạo, bồi dưỡng kỹ năng nghề để duy trì việc làm.",
            "Hằng tháng, người đang hưởng trợ cấp thất nghiệp phải [thông báo|trực tiếp thông báo] về việc tìm kiếm việc làm với Trung tâm Dịch vụ việc làm [theo lịch hẹn|theo quy định].",
            "{Anh} {person}, [công nhân|lao động] {company}, cho biết sau khi nghỉ việc đã nhận trợ cấp thất nghiệp {n2} tháng, [mỗi tháng|bình quân mỗi tháng] {tr}.",
            "{Cq} [phối hợp|đã phối hợp] với [Sở Nội vụ|Trung tâm Dịch vụ việc làm] đối chiếu dữ liệu, [phát hiện|xác định] {n2} trường hợp vừa hưởng trợ cấp vừa có việc làm mới.",
            "Người sử dụng lao động cũng được hỗ trợ kinh phí đào tạo, bồi dưỡng kỹ năng nghề [để duy trì việc làm|nhằm giữ chân] cho {nld} khi gặp khó khăn [do suy giảm kinh tế|vì thiếu đơn hàng].",
        ),
        "q": (
            '"Bảo hiểm thất nghiệp [đã giúp tôi|giúp tôi] có khoản thu nhập để [trang trải|lo] cuộc sống trong lúc tìm việc mới", {anh} {person} ở {place} chia sẻ.',
            "{Ong2} {person2}, {role}, [cho biết|nhấn mạnh] việc chi trả trợ cấp thất nghiệp [luôn được thực hiện|được thực hiện] đúng người, đúng chế độ, [không để chậm trễ|kịp thời].",
        ),
        "c": (
            "{Cq} khuyến cáo {nld} [giữ lại|lưu giữ] quyết định nghỉ việc và sổ BHXH để làm hồ sơ hưởng trợ cấp thất nghiệp [nhanh chóng|thuận lợi].",
            "[Thời gian tới|Trong tháng {m2}], {cq} tiếp tục [phối hợp|phối hợp chặt chẽ] với Trung tâm Dịch vụ việc làm tổ chức {n2} phiên giao dịch việc làm tại {place2}.",
        ),
    },
    "chuyen-doi-so": {
        "a": (
            "Thực hiện Đề án 06, đến nay {cq} đã [xác thực|đối chiếu] {k} hồ sơ người tham gia với cơ sở dữ liệu quốc gia về dân cư, [đạt|bằng] {p}% tổng số.",
            "Toàn tỉnh {tinh} có {k} người đã cài đặt ứng dụng VssID, [tăng|cao hơn] {n} người so với [tháng trước|đầu năm].",
            "Trong tháng {m}/{y}, {p2}% hồ sơ [của {tinh}|trên địa bàn] được tiếp nhận qua dịch vụ công trực tuyến, [rút ngắn|giảm] {n2} ngày so với làm thủ tục trực tiếp.",
            "{k} người hưởng lương hưu, trợ cấp BHXH [ở|tại] {tinh} đã nhận tiền qua tài khoản cá nhân, [chiếm|đạt] {p2}% tổng số {ngh}.",
            "Tại {hospital}, {n} lượt người bệnh {vq} đã khám chữa bệnh BHYT bằng căn cước gắn chip [hoặc|và] ứng dụng VNeID.",
        ),
        "b": (
            "Ứng dụng VssID - BHXH số cho phép {tg} tra cứu quá trình đóng, hưởng, sử dụng hình ảnh thẻ BHYT [để đi khám chữa bệnh|khi khám chữa bệnh].",
            "{Dan} có thể [thực hiện|làm] nhiều thủ tục qua dịch vụ công trực tuyến như gia hạn thẻ BHYT, đóng BHXH tự nguyện mà không phải đến trực tiếp {cq}.",
            "Việc khám chữa bệnh bằng căn cước gắn chip [giúp người bệnh|cho phép người bệnh] không phải mang theo thẻ BHYT giấy, giảm thủ tục tại cơ sở y tế.",
            "Các tổ công tác đã đến tận thôn, xóm ở {place} để hướng dẫn {dan} cài đặt VssID, kích hoạt tài khoản định danh điện tử [mức 2|].",
            "Chi trả không dùng tiền mặt [góp phần|giúp] thúc đẩy chuyển đổi số trong ngành, [đồng thời|và] giảm rủi ro khi {ngh} phải mang theo tiền mặt.",
            "Giao dịch điện tử giúp {n} {dn} [ở|tại] {tinh} [nộp hồ sơ|kê khai] BHXH [bất kể ngày đêm|mọi lúc, mọi nơi], [tiết kiệm|giảm] chi phí đi lại.",
            "{Ong} {person} ở {place2} cho biết từ khi dùng VssID, {ong} [tra cứu|theo dõi] được quá trình đóng BHXH [ngay trên điện thoại|mà không phải đến cơ quan].",
            "[Nhờ dữ liệu được làm sạch|Khi dữ liệu đã được làm sạch], việc cấp thẻ BHYT cho trẻ em dưới 6 tuổi qua dịch vụ công liên thông [chỉ còn|rút xuống còn] vài ngày.",
        ),
        "q": (
            '"Chuyển đổi số [không chỉ là|không đơn thuần là] công nghệ mà là thay đổi cách phục vụ {dan}", {ong2} {person2}, {role}, [nhấn mạnh|khẳng định].',
            "{Ong2} {person2}, {role}, cho biết {cq} [phấn đấu|đặt mục tiêu] 100% hồ sơ được tiếp nhận và trả kết quả qua môi trường điện tử [trong năm {y1}|trước tháng {m2}/{y1}].",
        ),
        "c": (
            "Theo kế hoạch, BHXH tỉnh {tinh} tiếp tục hoàn thiện dữ liệu, nâng cao chất lượng dịch vụ công trực tuyến [trong thời gian tới|những tháng tới].",
            "{Cq} [khuyến khích|đề nghị] {dan} cài đặt VssID để [chủ động|tự] theo dõi quyền lợi của mình, [tránh|phòng] bị lợi dụng thông tin.",
        ),
    },
    "guong-dien-hinh": {
        "a": (
            "Hơn {n2} năm gắn bó với [công việc|nghề], ngày nào {ong} {ten} cũng [đều đặn|] đến từng nhà ở {place} để [tuyên truyền|giải thích] cho bà con về quyền lợi khi tham gia BHXH, BHYT.",
            "Nhờ sự kiên trì [của {ong} {ten}|ấy], đến nay đã có {k} {dan} ở {place} tham gia BHXH tự nguyện, BHYT hộ gia đình.",
            "{Company} hiện có {n} {nld}, [năm nào|nhiều năm liền] cũng đóng đủ BHXH, BHYT, BHTN [đúng hạn|không để nợ một ngày].",
            "[Ở tuổi|Năm nay] {age} tuổi, {ong} {person} vẫn [hăng hái|miệt mài] [đi từng ngõ, gõ từng nhà|đến từng thôn] [ở {place}|] vận động {dan} tham gia BHXH tự nguyện.",
        ),
        "b": (
            "Nhiều người [từ chỗ e ngại|từng nghi ngại] đã trở thành người vận động chính người thân [của mình|] tham gia [BHXH, BHYT|BHYT hộ gia đình].",
            "Khi [chồng|con trai] [bà|chị] {person_x} ở {place2} phát hiện bệnh hiểm nghèo, gia đình tưởng như không xoay xở nổi; nhờ thẻ BHYT, quỹ đã chi trả {tr}.",
            "Ban lãnh đạo đơn vị luôn xác định đóng BHXH đầy đủ cho {nld} là trách nhiệm và cũng là cách giữ chân {nld} gắn bó lâu dài.",
            "[Với|Nhờ] những đóng góp đó, {ong} {ten} đã [nhiều năm liền|{n2} năm liền] được tặng danh hiệu Lao động tiên tiến và nhận Bằng khen của Tổng Giám đốc BHXH Việt Nam.",
            "[Chiếc|Cuốn] sổ tay của {ong} {ten} [ghi kín|chi chít] tên, số điện thoại [của|] {n} hộ [đến hạn|sắp đến hạn] gia hạn thẻ BHYT.",
            "[Có những hôm|Nhiều hôm], {ong} {ten} phải [quay lại|đến] một nhà [ba, bốn lần|đến {n2} lần] mới thuyết phục được [chủ hộ|cả gia đình] tham gia.",
            "[Tập thể|Đơn vị] [đã|] giải quyết {k} hồ sơ [đúng hạn|trước hạn], không để xảy ra sai sót, được {dan} [ghi nhận|đánh giá cao].",
        ),
        "q": (
            '"[Thấy bà con|Nhìn bà con] có thẻ BHYT đi khám, có lương hưu lúc về già là tôi [vui rồi|thấy mình làm được việc có ích]", {ong} {ten} [tâm sự|cười nói].',
            "{Ong2} {person2}, {role}, [đánh giá|nhận xét] đây là [tấm gương|điển hình] tiêu biểu, cần được nhân rộng trong toàn tỉnh {tinh}.",
        ),
        "c": (
            "Câu chuyện của {ong} {ten} là minh chứng sinh động cho ý nghĩa nhân văn của {cs} BHXH, BHYT, [tiếp thêm động lực|tạo động lực] cho nhiều người [tham gia|cùng tham gia].",
            "[Những việc làm|Những đóng góp] [thầm lặng|bình dị] ấy đang góp phần [đưa|giúp] {cs} an sinh [đến gần hơn với|lan tỏa tới] {dan} {place}.",
        ),
    },
}

# Hỏi đáp: the reader's question is answered by its own sentences (QUESTIONS) and these.
HOI_DAP_SENTENCES: tuple[str, ...] = (
    "[Căn cứ|Theo] {qd}, [nội dung|vấn đề] {ong} hỏi được [hướng dẫn|quy định] cụ thể [tại Luật BHXH năm 2024 và các văn bản hướng dẫn|tại các văn bản hướng dẫn thi hành].",
    "Để được [hướng dẫn|giải đáp] cụ thể theo hồ sơ của mình, {ong} [nên mang theo|cần chuẩn bị] giấy tờ tùy thân và [sổ BHXH|mã số BHXH] khi đến BHXH cơ sở [nơi cư trú|gần nhất].",
    "Nếu còn vướng mắc, bạn đọc có thể liên hệ tổng đài 1900 9068 hoặc đến {cq} [nơi cư trú|gần nhất] để được hướng dẫn [cụ thể|chi tiết].",
    "Ban biên tập [đã nhận được|nhận được] {n} câu hỏi [tương tự|cùng nội dung] từ bạn đọc [trong tháng {m}|{vq}], [vì vậy|do đó] xin [giải đáp|trả lời] chung [để|cho] bạn đọc [cùng tham khảo|được biết].",
    "Bạn đọc [lưu ý|cần lưu ý] mỗi trường hợp [có thể|sẽ] có [điểm khác biệt|đặc thù riêng] tùy [thời gian|quá trình] đóng và [hồ sơ|giấy tờ] thực tế.",
    "[Trường hợp|Nếu] [đã nộp hồ sơ|hồ sơ đã nộp] quá {n2} ngày mà chưa [có kết quả|được giải quyết], {ong} có thể [phản ánh|gửi phản ánh] qua Bộ phận một cửa của {cq}.",
    "Câu hỏi [gửi về|xin gửi về] chuyên mục Hỏi đáp [cần|nên] ghi rõ họ tên, địa chỉ và [số điện thoại|cách liên lạc] để [được trả lời|Ban biên tập phản hồi] [sớm|nhanh nhất].",
    "[Thông tin thêm|Ngoài ra], các {qd} mới về {cs} BHXH, BHYT [được cập nhật|luôn được cập nhật] [thường xuyên|kịp thời] trên [Cổng|Trang] thông tin điện tử của {cq}.",
)

HOI_DAP_LEAD = "Về [câu hỏi|thắc mắc] của {ong}, BHXH tỉnh {tinh} [trả lời|giải đáp] như sau."
HOI_DAP_CLOSE = (
    "[Trên đây là|Đó là] [giải đáp|câu trả lời] [của BHXH tỉnh {tinh}|của {cq}] "
    "[về nội dung {ong} {ten} hỏi|cho câu hỏi của bạn đọc ở {place}]."
)

IMAGE_CAPTIONS: dict[str, tuple[str, ...]] = {
    "hoat-dong": (
        "Quang cảnh hội nghị [tại {place}|ngày {d}/{m}]",
        "{Ong2} {person2}, {role}, phát biểu tại [buổi làm việc|hội nghị]",
        "Các đại biểu tham dự chương trình [tại {place}|]",
        "Đoàn kiểm tra làm việc tại {company}",
    ),
    "bhxh": (
        "Người hưởng lương hưu nhận tiền tại điểm chi trả {place}",
        "Cán bộ BHXH tư vấn chính sách cho {dan} {place}",
        "{Dan} tìm hiểu về BHXH tự nguyện [tại hội nghị|]",
    ),
    "bhyt": (
        "Người bệnh làm thủ tục khám chữa bệnh BHYT tại {hospital}",
        "Học sinh được cấp thẻ BHYT tại trường [ở {place}|]",
        "Khám bệnh tại {hospital}",
    ),
    "bhtn": (
        "Người lao động làm thủ tục hưởng trợ cấp thất nghiệp",
        "Phiên giao dịch việc làm tại {place}",
    ),
    "chuyen-doi-so": (
        "Cán bộ BHXH hướng dẫn {dan} {place} cài đặt ứng dụng",
        "Người dân làm thủ tục trên dịch vụ công trực tuyến",
        "Xác thực căn cước gắn chip tại {hospital}",
    ),
    "guong-dien-hinh": (
        "{Ong} {person} trong một buổi tuyên truyền [tại {place}|]",
        "Nhân vật trao đổi với phóng viên",
    ),
    "hoi-dap": ("Ảnh minh họa", "Cán bộ BHXH giải đáp thắc mắc cho {dan}"),
}

REPOST_SOURCES = (
    "Nguồn: baohiemxahoi.gov.vn",
    "Nguồn: Cổng TTĐT BHXH Việt Nam",
    "Nguồn: Tạp chí Bảo hiểm xã hội",
)


@dataclass
class ArticleText:
    category: str
    title: str
    sapo: str
    paragraphs: list[str]
    captions: list[str]
    author: str
    source: str | None = None


@dataclass
class Slots:
    tinh: str
    y: int
    m: int
    d: int
    extras: dict[str, str] = field(default_factory=dict)


_ALT = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")
_ROMAN = ("I", "II", "III", "IV")


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _decimal(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _person(rng: random.Random, female: bool) -> str:
    mids, given = (_MIDDLE_F, _GIVEN_F) if female else (_MIDDLE_M, _GIVEN_M)
    return f"{rng.choice(_SURNAMES)} {rng.choice(mids)} {rng.choice(given)}"


def _company(rng: random.Random) -> str:
    kind = rng.choice(_COMPANY_KIND)
    trade = "Nông nghiệp" if kind == "Hợp tác xã" else rng.choice(_COMPANY_TRADE)
    return f"{kind} {trade} {rng.choice(_COMPANY_BRAND)}"


def _house_style(tinh: str) -> dict[str, str]:
    """A site's preferred wording: the same for every article of the province."""
    r = random.Random(f"style:{tinh}")
    return {k: r.choice(v) for k, v in VOICE.items()}


class _Filler:
    """Fills templates for one article: fixed facts and wording, fresh numbers per slot."""

    def __init__(self, rng: random.Random, s: Slots, female: bool | None = None) -> None:
        self.rng = rng
        female = rng.random() < 0.5 if female is None else female
        style = _house_style(s.tinh)
        # Per article: mostly the site's house style, sometimes another wording.
        voice = {k: style[k] if rng.random() < 0.55 else rng.choice(v) for k, v in VOICE.items()}
        person = _person(rng, female)
        female2 = rng.random() < 0.4
        person2 = _person(rng, female2)  # the official quoted, not the story's own person
        m2 = s.m % 12 + 1
        self.fixed: dict[str, str] = {
            **voice,
            "tinh": s.tinh,
            "y": str(s.y),
            "y1": str(s.y + 1),
            "y3": str(s.y + 3),
            "m": str(s.m),
            "d": str(s.d),
            "m2": str(m2),
            "d2": str(rng.randint(1, 28)),
            "ngay": f"ngày {s.d}/{s.m}",
            "person": person,
            "ten": person.split()[-1],
            "person_f": person if female else _person(rng, True),
            "person_m": _person(rng, False) if female else person,
            "person_x": _person(rng, True),
            "person2": person2,
            "ong2": "bà" if female2 else "ông",
            "ong": rng.choice(("bà", "chị")) if female else rng.choice(("ông", "anh")),
            "anh": "chị" if female else "anh",
            "place": rng.choice(PLACES),
            "place2": rng.choice(PLACES),
            "company": _company(rng),
            "role": rng.choice(ROLE_BANK),
            "hospital": rng.choice(HOSPITALS),
            "question": "",
            **s.extras,
        }

    def number(self, key: str) -> str | None:
        r = self.rng
        if key == "n":
            return str(r.randint(12, 480))
        if key == "n2":
            return str(r.randint(2, 15))
        if key == "k":
            return _thousands(r.randint(1_200, 98_000))
        if key == "ty":
            return f"{_decimal(r.uniform(1.2, 480))} tỷ đồng"
        if key == "tr":
            return f"{r.randint(2, 350)} triệu đồng"
        if key == "p":
            return _decimal(r.uniform(90, 97.9))
        if key == "p2":
            return _decimal(r.uniform(60, 99.5))
        if key == "pct":
            return _decimal(r.uniform(1.2, 25.8))
        if key == "age":
            return str(r.randint(58, 82))
        if key == "q":
            return f"quý {r.choice(_ROMAN)}"
        return None

    def _slot(self, m: re.Match[str]) -> str:
        key = m.group(1)
        low = key[0].lower() + key[1:]
        val = self.fixed.get(low)
        if val is None:
            val = self.number(low)
        if val is None:
            raise KeyError(key)
        return val[:1].upper() + val[1:] if key[0].isupper() else val

    def __call__(self, template: str) -> str:
        text = _ALT.sub(lambda m: self.rng.choice(m.group(1).split("|")), template)
        for _ in range(3):  # voice values may hold slots ("BHXH tỉnh {tinh}")
            if "{" not in text:
                break
            text = _SLOT.sub(self._slot, text)
        text = re.sub(r"\s+", " ", text)
        text = re.sub(r"\s+([,.;:?])", r"\1", text)
        return text.strip()


def _paragraphs(rng: random.Random, fill: _Filler, category: str, thin: bool) -> list[str]:
    """Two or three sentences per paragraph; the roles run a, b.., q, b, c."""
    bank = SENTENCES[category]
    pools = {role: rng.sample(list(xs), len(xs)) for role, xs in bank.items()}

    def take(role: str, k: int) -> list[str]:
        out = []
        for _ in range(k):
            if pools[role]:
                out.append(fill(pools[role].pop()))
        return out

    first = take("a", rng.choice((2, 3)))
    if thin:
        return [" ".join(first)]
    plan = [take("b", rng.choice((2, 3))), take("q", 1) + take("b", rng.choice((1, 2)))]
    plan += [take("b", 2) for _ in range(rng.choice((0, 1, 1, 2)))]
    rng.shuffle(plan)
    paras = [first, *plan, take("c", rng.choice((1, 2)))]
    out = [" ".join(p) for p in paras if p]
    while sum(len(p.split()) for p in out) < 200:
        more = take("b", 2) or take("a", 2)
        if not more:
            break
        out.insert(-1, " ".join(more))
    return out


def _hoi_dap(rng: random.Random, fill: _Filler, answers: tuple[str, ...], thin: bool) -> list[str]:
    """The answer to the reader's own question first, then the usual Q&A guidance."""
    extra = rng.sample(HOI_DAP_SENTENCES, len(HOI_DAP_SENTENCES))
    lead = [fill(a) for a in answers]
    if rng.random() < 0.5:
        lead.insert(0, fill(HOI_DAP_LEAD))
    if thin:
        return [" ".join(lead[:3])]
    split = rng.choice((1, 2))
    paras = [" ".join(lead[:split]), " ".join(lead[split:])]
    while sum(len(p.split()) for p in paras) < 200 and len(extra) >= 2:
        paras.append(" ".join(fill(extra.pop()) for _ in range(rng.choice((1, 2)))))
    if rng.random() < 0.5:
        paras.append(fill(HOI_DAP_CLOSE))
    return [p for p in paras if p]


def compose(
    rng: random.Random,
    category: str,
    s: Slots,
    *,
    thin: bool = False,
    allow_vssid_title: bool = True,
) -> ArticleText:
    """One article of `category`; thin articles get a single short paragraph.

    Every sentence is drawn from a large bank with per-article facts and wording, so two
    distinct articles share few word 5-grams, while the same `rng` state reproduces the
    same article word for word (central re-posts rely on that)."""
    titles = [t for t in TITLES[category] if allow_vssid_title or "VssID" not in t]
    title_t = rng.choice(titles)
    answers: tuple[str, ...] = ()
    if category == "hoi-dap":
        answers = dict(QUESTIONS)[title_t]
    female: bool | None = None
    if "{person_f}" in title_t or "mang thai" in title_t or "sinh con" in title_t:
        female = True
    elif "{person_m}" in title_t:
        female = False
    fill = _Filler(rng, s, female)
    title = fill(title_t)
    if category == "hoi-dap":
        fill.fixed["question"] = title
    sapo = fill(rng.choice(SAPOS[category]))
    if category == "hoi-dap":
        paras = _hoi_dap(rng, fill, answers, thin)
    else:
        paras = _paragraphs(rng, fill, category, thin)
    caps_t = IMAGE_CAPTIONS[category]
    caps = [fill(c) for c in rng.sample(caps_t, k=min(2, len(caps_t)))]
    return ArticleText(category, title, sapo, paras, caps, rng.choice(AUTHORS))


def word_count(text: str) -> int:
    return len(text.split())


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ -> d), collapse spaces: for search matching."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().casefold()


def slugify(text: str, max_len: int = 80) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s[:max_len].rstrip("-")


def mentions_campaign(text: str) -> bool:
    low = unicodedata.normalize("NFC", text).casefold()
    return any(k in low for k in CAMPAIGN_KEYWORDS)


DOC_KINDS = (
    (
        "QĐ-BHXH",
        "Quyết định",
        (
            "Về việc ban hành Quy chế làm việc của BHXH tỉnh {tinh}",
            "Về việc giao dự toán thu, chi BHXH, BHYT, BHTN năm {y}",
            "Về việc kiện toàn Ban biên tập Trang thông tin điện tử BHXH tỉnh {tinh}",
            "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc năm {y}",
        ),
    ),
    (
        "KH-BHXH",
        "Kế hoạch",
        (
            "Kế hoạch thông tin, truyền thông về chính sách BHXH, BHYT năm {y}",
            "Kế hoạch kiểm tra, thanh tra chuyên ngành đóng BHXH, BHTN, BHYT năm {y}",
            "Kế hoạch tổ chức cao điểm vận động người dân tham gia BHXH tự nguyện, BHYT hộ gia đình",
        ),
    ),
    (
        "BHXH-TTPT",
        "Công văn",
        (
            "V/v đẩy mạnh công tác phát triển người tham gia BHXH tự nguyện",
            "V/v cấp thẻ BHYT cho học sinh, sinh viên năm học {y}-{y1}",
            "V/v hướng dẫn thực hiện chế độ BHXH theo Luật BHXH năm 2024",
        ),
    ),
    (
        "TB-BHXH",
        "Thông báo",
        (
            "Thông báo lịch tiếp công dân của Lãnh đạo BHXH tỉnh {tinh} tháng {m}/{y}",
            "Thông báo kết quả lựa chọn nhà thầu gói thầu mua sắm thiết bị năm {y}",
        ),
    ),
)


@dataclass
class DocText:
    number: str
    kind: str
    summary: str


def compose_document(rng: random.Random, s: Slots, serial: int) -> DocText:
    suffix, kind, summaries = rng.choice(DOC_KINDS)
    summary = _Filler(rng, s)(rng.choice(summaries))
    return DocText(f"{serial}/{suffix}", kind, summary)


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese text as windows-1258.

    Python's cp1258 codec maps code points 1:1 and does not compose: precomposed letters
    with a tone mark (ạ, ế...) are not in the code page, so they are split into a base
    letter that is (a, â, ê, ơ...) plus a combining tone mark, as legacy Windows did.
    """
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize(
            "NFC", parts[0] + "".join(c for c in parts[1:] if c not in tones)
        )
        marks = "".join(c for c in parts[1:] if c in tones)
        out += (base + marks).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)
