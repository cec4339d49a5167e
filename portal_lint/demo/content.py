"""Vietnamese phrase banks and the composer of synthetic BHXH articles and documents.

Pure: everything is drawn from a `random.Random` handed in by the caller, so the same seed
always gives the same text. Campaign keywords (Đề án 06, chuyển đổi số, VssID, dịch vụ công
trực tuyến) appear ONLY in the chuyen-doi-so bank: the ground truth of campaign-coverage is
then a plain count of those posts, and a misfiled post never changes it.
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
PLACES = (
    "xã Tân Lập",
    "phường Bắc Hà",
    "xã Hương Sơn",
    "thị trấn Phú Lộc",
    "xã Đồng Tâm",
    "phường Trần Phú",
    "xã Kỳ Anh",
    "xã Thạch Hà",
    "phường Nam Hồng",
    "xã Cẩm Bình",
    "xã Quang Trung",
    "phường Hưng Dũng",
    "xã Nghĩa Đàn",
    "xã Yên Thành",
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

TITLES: dict[str, tuple[str, ...]] = {
    "hoat-dong": (
        "BHXH tỉnh {tinh} tổ chức hội nghị giao ban công tác tháng {m}/{y}",
        "Đoàn công tác BHXH Việt Nam làm việc với BHXH tỉnh {tinh}",
        "BHXH tỉnh {tinh} ký kết quy chế phối hợp với Sở Y tế về thực hiện chính sách BHYT",
        "Kiểm tra việc chấp hành pháp luật về BHXH, BHYT tại {n} đơn vị trên địa bàn {place}",
        "Tập huấn nghiệp vụ thu, cấp sổ BHXH, thẻ BHYT cho nhân viên đại lý thu tại {place}",
        "BHXH tỉnh {tinh} phát động phong trào thi đua hoàn thành chỉ tiêu năm {y}",
        "Đối thoại chính sách BHXH, BHYT với người lao động tại {company}",
        "Công đoàn BHXH tỉnh {tinh} trao {n} suất quà cho đoàn viên có hoàn cảnh khó khăn",
        "Hội nghị tuyên truyền chính sách BHXH, BHYT cho hội viên nông dân {place}",
        "Lãnh đạo BHXH tỉnh {tinh} tiếp và làm việc với Ủy ban Mặt trận Tổ quốc tỉnh",
        "Thanh tra chuyên ngành việc đóng BHXH, BHTN, BHYT tại {company}",
        "BHXH tỉnh {tinh} sơ kết công tác thu và phát triển người tham gia tháng {m}/{y}",
    ),
    "bhxh": (
        "Những điểm mới về lương hưu theo Luật BHXH năm 2024 người lao động cần biết",
        "Chi trả lương hưu, trợ cấp BHXH tháng {m}/{y} cho hơn {n} người hưởng",
        "Tăng cường phát triển người tham gia BHXH tự nguyện tại {place}",
        "Chế độ thai sản khi tham gia BHXH bắt buộc: quyền lợi của lao động nữ",
        "Khuyến cáo người lao động cân nhắc trước khi hưởng BHXH một lần",
        "Trợ cấp hưu trí xã hội cho người từ đủ 75 tuổi: những điều cần biết",
        "Chế độ ốm đau theo Luật BHXH năm 2024: mức hưởng và thời gian hưởng",
        "Hơn {n} người tham gia BHXH tự nguyện tại {place} được hỗ trợ tiền đóng",
        "Điều kiện hưởng lương hưu khi đóng đủ 15 năm BHXH từ ngày 01/7/2025",
        "Đóng BHXH tự nguyện: chỗ dựa an sinh cho lao động tự do ở {place}",
    ),
    "bhyt": (
        "Mở rộng quyền lợi BHYT khi khám chữa bệnh trái tuyến",
        "Cấp thẻ BHYT cho học sinh, sinh viên năm học {y}-{y1}",
        "Tỷ lệ bao phủ BHYT toàn tỉnh {tinh} đạt {p}% dân số",
        "Tăng cường kiểm soát chi phí khám chữa bệnh BHYT tại các cơ sở y tế",
        "BHYT hộ gia đình: giảm trừ mức đóng từ người thứ hai trong hộ",
        "Quỹ BHYT chi trả hơn {n} tỷ đồng điều trị cho người bệnh tại Bệnh viện Đa khoa tỉnh {tinh}",
        "Thông tuyến khám chữa bệnh BHYT: quyền lợi người bệnh được mở rộng",
        "Ký hợp đồng khám chữa bệnh BHYT năm {y} với {n} cơ sở y tế",
        "Người có thẻ BHYT được hưởng quyền lợi gì khi đi khám ngoài giờ hành chính?",
        "Thẻ BHYT giúp người bệnh nghèo ở {place} vượt qua gánh nặng viện phí",
    ),
    "bhtn": (
        "{n} người lao động được giải quyết hưởng trợ cấp thất nghiệp trong tháng {m}",
        "Hỗ trợ học nghề cho người lao động đang hưởng trợ cấp thất nghiệp",
        "Những điểm mới về bảo hiểm thất nghiệp trong Luật Việc làm năm 2025",
        "Thủ tục hưởng trợ cấp thất nghiệp: người lao động cần lưu ý gì?",
        "Phối hợp chi trả trợ cấp thất nghiệp đúng người, đúng chế độ tại {tinh}",
        "Bảo hiểm thất nghiệp: điểm tựa cho người lao động mất việc ở {company}",
    ),
    "chuyen-doi-so": (
        "Đẩy mạnh triển khai Đề án 06 trong lĩnh vực BHXH, BHYT tại {tinh}",
        "Hướng dẫn cài đặt và sử dụng ứng dụng VssID trên điện thoại",
        "Tích hợp thẻ BHYT trên VNeID: người dân khám bệnh thuận tiện hơn",
        "Tỷ lệ hồ sơ giải quyết qua dịch vụ công trực tuyến đạt {p}%",
        "Chi trả lương hưu qua tài khoản ngân hàng: bước tiến trong chuyển đổi số",
        "Ngày Chuyển đổi số quốc gia 10/10: BHXH tỉnh {tinh} đồng hành cùng người dân",
        "Khám chữa bệnh BHYT bằng căn cước gắn chip tại {n} cơ sở y tế",
        "Chuyển đổi số trong giao dịch điện tử BHXH: doanh nghiệp tiết kiệm thời gian",
        "Ra quân hướng dẫn người dân cài đặt VssID tại {place}",
    ),
    "guong-dien-hinh": (
        "Chị {person}: người nhân viên đại lý thu tận tụy ở {place}",
        "{company}: đơn vị tiêu biểu trong thực hiện chính sách BHXH, BHYT",
        "Gương sáng cán bộ BHXH hết lòng vì người tham gia",
        "Từ người bán hàng rong đến người hưởng lương hưu: câu chuyện của bà {person}",
        "Ông {person} và hành trình vận động bà con tham gia BHXH tự nguyện",
        "Tập thể Phòng Chế độ BHXH: điểm sáng trong phong trào thi đua năm {y}",
    ),
    "hoi-dap": (
        "Đóng BHXH tự nguyện bao nhiêu năm thì được hưởng lương hưu?",
        "Thẻ BHYT hết hạn có được khám chữa bệnh không?",
        "Nghỉ việc bao lâu thì được hưởng BHXH một lần?",
        "Lao động nữ sinh con được nghỉ hưởng chế độ thai sản mấy tháng?",
        "Đang mang thai có được hưởng trợ cấp thất nghiệp không?",
        "Đi khám bệnh ở tỉnh khác có được quỹ BHYT thanh toán?",
        "Người lao động làm việc theo hợp đồng 1 tháng có phải đóng BHXH?",
        "Mức hưởng chế độ ốm đau khi con dưới 7 tuổi bị ốm được tính thế nào?",
    ),
}

SAPOS: dict[str, tuple[str, ...]] = {
    "hoat-dong": (
        "Ngày {d}/{m}, BHXH tỉnh {tinh} đã tổ chức hội nghị nhằm đánh giá kết quả thực hiện nhiệm vụ và triển khai các giải pháp trọng tâm thời gian tới.",
        "Nhằm nâng cao hiệu quả công tác thực hiện chính sách BHXH, BHYT trên địa bàn, sáng {d}/{m}, BHXH tỉnh {tinh} đã có buổi làm việc với các đơn vị liên quan.",
        "Thực hiện kế hoạch công tác năm {y}, vừa qua, BHXH tỉnh {tinh} phối hợp với các sở, ngành tổ chức hoạt động tại {place}.",
    ),
    "bhxh": (
        "Luật BHXH năm 2024 có hiệu lực từ ngày 01/7/2025 với nhiều điểm mới có lợi cho người lao động, đặc biệt là các quy định về lương hưu và BHXH tự nguyện.",
        "Chính sách BHXH là trụ cột của hệ thống an sinh xã hội, giúp người lao động có thu nhập ổn định khi về già hoặc khi gặp rủi ro.",
        "Trong tháng {m}/{y}, BHXH tỉnh {tinh} tiếp tục thực hiện tốt việc giải quyết và chi trả các chế độ BHXH cho người hưởng trên địa bàn.",
    ),
    "bhyt": (
        "BHYT là chính sách xã hội lớn, mang ý nghĩa nhân đạo và chia sẻ cộng đồng, giúp người dân giảm bớt gánh nặng chi phí khi ốm đau.",
        "Thời gian qua, BHXH tỉnh {tinh} đã phối hợp chặt chẽ với ngành y tế bảo đảm quyền lợi khám chữa bệnh cho người có thẻ BHYT.",
        "Tính đến hết tháng {m}/{y}, toàn tỉnh {tinh} có hơn {n} nghìn người tham gia BHYT, đạt tỷ lệ bao phủ cao so với cùng kỳ.",
    ),
    "bhtn": (
        "Bảo hiểm thất nghiệp giúp bù đắp một phần thu nhập cho người lao động bị mất việc làm và hỗ trợ họ sớm quay lại thị trường lao động.",
        "Trong tháng {m}, BHXH tỉnh {tinh} phối hợp với Trung tâm Dịch vụ việc làm giải quyết kịp thời chế độ cho người lao động mất việc.",
    ),
    "chuyen-doi-so": (
        "Thực hiện Đề án 06 của Chính phủ, BHXH tỉnh {tinh} đã đẩy mạnh chuyển đổi số, mang lại nhiều tiện ích cho người tham gia BHXH, BHYT.",
        "Chuyển đổi số giúp người dân giao dịch với cơ quan BHXH nhanh chóng, minh bạch, tiết kiệm thời gian và chi phí đi lại.",
        "Hưởng ứng Ngày Chuyển đổi số quốc gia, BHXH tỉnh {tinh} triển khai nhiều hoạt động hướng dẫn người dân sử dụng dịch vụ công trực tuyến.",
    ),
    "guong-dien-hinh": (
        "Với tinh thần trách nhiệm và sự tận tụy, {person} đã trở thành tấm gương sáng trong công tác vận động người dân tham gia BHXH, BHYT.",
        "Câu chuyện giản dị nhưng giàu ý nghĩa về những con người bình thường đã góp phần lan tỏa chính sách BHXH, BHYT trong cộng đồng.",
    ),
    "hoi-dap": (
        "Bạn đọc {person} ở {place} hỏi: {question} BHXH tỉnh {tinh} trả lời như sau.",
        "Nhiều bạn đọc gửi câu hỏi đến Ban biên tập: {question} Vấn đề này được giải đáp như sau.",
    ),
}

PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "hoat-dong": (
        "Phát biểu tại hội nghị, đồng chí Giám đốc BHXH tỉnh {tinh} đánh giá cao sự nỗ lực của toàn thể công chức, viên chức và người lao động trong ngành. Kết quả đạt được là tiền đề quan trọng để hoàn thành thắng lợi các chỉ tiêu được giao trong năm {y}.",
        "Theo báo cáo, đến hết tháng {m}/{y}, toàn tỉnh có hơn {n} nghìn người tham gia BHXH bắt buộc, tăng so với cùng kỳ năm trước. Số người tham gia BHXH tự nguyện cũng tăng mạnh nhờ công tác tuyên truyền được đổi mới về nội dung và hình thức.",
        "Tại buổi làm việc, các đại biểu đã thảo luận, chỉ ra những khó khăn, vướng mắc trong quá trình thực hiện chính sách, nhất là tình trạng chậm đóng, trốn đóng BHXH, BHTN, BHYT tại một số doanh nghiệp ngoài nhà nước.",
        "Đoàn kiểm tra đã làm việc trực tiếp với {n} đơn vị sử dụng lao động, đối chiếu danh sách lao động, bảng lương và hồ sơ đóng BHXH. Qua kiểm tra, đoàn yêu cầu các đơn vị còn nợ đóng khẩn trương khắc phục trong thời hạn quy định.",
        "Kết thúc chương trình, lãnh đạo BHXH tỉnh đề nghị các phòng nghiệp vụ và BHXH cơ sở tiếp tục bám sát địa bàn, phối hợp với cấp ủy, chính quyền địa phương để phát triển người tham gia, bảo đảm quyền lợi cho người lao động.",
        "Hội nghị cũng đã dành thời gian để các đại lý thu chia sẻ kinh nghiệm vận động người dân tham gia BHXH tự nguyện, BHYT hộ gia đình. Nhiều cách làm hay như tư vấn tại nhà, tổ chức hội nghị ở thôn, xóm đã mang lại hiệu quả rõ rệt.",
        "Dịp này, BHXH tỉnh {tinh} đã trao tặng {n} sổ BHXH và thẻ BHYT cho người có hoàn cảnh khó khăn tại {place}, góp phần giúp họ yên tâm hơn trong cuộc sống.",
        "Các đại biểu thống nhất cao về việc tăng cường phối hợp giữa các cơ quan, đơn vị trong tuyên truyền, kiểm tra, giám sát thực hiện chính sách, đồng thời kiến nghị cơ quan có thẩm quyền xử lý nghiêm các trường hợp vi phạm.",
    ),
    "bhxh": (
        "Theo quy định của Luật BHXH năm 2024, người lao động đủ tuổi nghỉ hưu và có từ đủ 15 năm đóng BHXH trở lên thì được hưởng lương hưu. Quy định này giúp nhiều người lớn tuổi có cơ hội nhận lương hưu hằng tháng.",
        "Mức lương hưu hằng tháng được tính bằng tỷ lệ hưởng nhân với mức bình quân tiền lương làm căn cứ đóng BHXH. Với lao động nữ, tỷ lệ hưởng là 45% tương ứng 15 năm đóng, sau đó mỗi năm tăng thêm 2%, tối đa 75%.",
        "Cơ quan BHXH khuyến cáo người lao động không nên vội vàng hưởng BHXH một lần, bởi khi đó sẽ mất đi quyền lợi lương hưu và thẻ BHYT do quỹ BHXH chi trả trong suốt thời gian nghỉ hưu.",
        "Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ một phần tiền đóng theo tỷ lệ phần trăm mức đóng hằng tháng tính trên chuẩn hộ nghèo khu vực nông thôn. Ngoài ra, nhiều địa phương còn hỗ trợ thêm từ ngân sách địa phương.",
        "Lao động nữ khi sinh con được nghỉ việc hưởng chế độ thai sản trong thời gian 6 tháng. Trường hợp sinh đôi trở lên thì tính từ con thứ hai trở đi, cứ mỗi con, người mẹ được nghỉ thêm 1 tháng.",
        "Trong tháng {m}/{y}, BHXH tỉnh {tinh} đã chi trả lương hưu và trợ cấp BHXH cho hơn {n} người hưởng, bảo đảm đầy đủ, kịp thời, an toàn và thuận tiện cho người hưởng.",
        "Người lao động bị ốm đau phải nghỉ việc được hưởng trợ cấp bằng 75% mức tiền lương đóng BHXH của tháng gần nhất trước khi nghỉ. Thời gian hưởng tối đa phụ thuộc vào số năm đã đóng và điều kiện làm việc.",
        "Những điểm mới của pháp luật về BHXH thể hiện rõ chủ trương mở rộng diện bao phủ, tăng quyền lợi cho người tham gia, đồng thời bảo đảm sự cân đối, bền vững của quỹ BHXH trong dài hạn.",
    ),
    "bhyt": (
        "Từ ngày 01/7/2025, người có thẻ BHYT khi đi khám chữa bệnh tại cơ sở y tế tuyến tỉnh được quỹ BHYT thanh toán theo tỷ lệ hưởng như đúng tuyến đối với một số trường hợp bệnh hiếm, bệnh hiểm nghèo.",
        "Đối với BHYT hộ gia đình, người thứ nhất đóng bằng 4,5% mức lương cơ sở; người thứ hai, thứ ba, thứ tư đóng lần lượt bằng 70%, 60%, 50% mức đóng của người thứ nhất; từ người thứ năm trở đi đóng bằng 40%.",
        "Học sinh, sinh viên tham gia BHYT được ngân sách nhà nước hỗ trợ tối thiểu 30% mức đóng. Khi tham gia, các em được chăm sóc sức khỏe ban đầu ngay tại trường học và được quỹ BHYT chi trả khi điều trị.",
        "Năm {y}, quỹ BHYT đã thanh toán cho hàng nghìn lượt khám chữa bệnh của người dân {tinh}, trong đó có nhiều ca bệnh chi phí lớn như ung thư, chạy thận nhân tạo, phẫu thuật tim mạch với số tiền lên đến hàng trăm triệu đồng.",
        "Công tác giám định BHYT được tăng cường nhằm kiểm soát chặt chẽ chi phí, phát hiện kịp thời các trường hợp chỉ định không hợp lý, bảo đảm quỹ BHYT được sử dụng đúng mục đích, hiệu quả.",
        "Người bệnh khi đi khám chữa bệnh cần mang theo thẻ BHYT hoặc giấy tờ tùy thân có ảnh để được hưởng đầy đủ quyền lợi. Trường hợp cấp cứu, người bệnh được khám chữa bệnh tại bất kỳ cơ sở y tế nào.",
        "Để được hưởng quyền lợi liên tục, người dân cần gia hạn thẻ BHYT trước khi hết hạn. Thời gian tham gia BHYT liên tục từ đủ 5 năm trở lên giúp người bệnh được miễn cùng chi trả trong nhiều trường hợp.",
        "Tính đến nay, tỷ lệ bao phủ BHYT của tỉnh {tinh} đạt khoảng {p}% dân số. Ngành BHXH đặt mục tiêu tiếp tục mở rộng đối tượng tham gia, nhất là nhóm hộ gia đình làm nông, lâm, ngư nghiệp.",
    ),
    "bhtn": (
        "Người lao động đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong thời gian 24 tháng trước khi chấm dứt hợp đồng lao động thì đủ điều kiện hưởng trợ cấp thất nghiệp theo quy định.",
        "Mức hưởng trợ cấp thất nghiệp hằng tháng bằng 60% mức bình quân tiền lương tháng đóng bảo hiểm thất nghiệp của 6 tháng liền kề trước khi thất nghiệp, tối đa không quá 5 lần mức lương tối thiểu vùng.",
        "Bên cạnh trợ cấp bằng tiền, người lao động còn được tư vấn, giới thiệu việc làm miễn phí và được hỗ trợ học nghề để chuyển đổi công việc, sớm ổn định cuộc sống.",
        "Trong tháng {m}, cơ quan BHXH đã chi trả trợ cấp thất nghiệp cho hơn {n} lao động, đồng thời phối hợp rà soát để thu hồi các trường hợp hưởng sai quy định.",
        "Trong thời hạn 3 tháng kể từ ngày chấm dứt hợp đồng lao động, người lao động cần nộp hồ sơ đề nghị hưởng trợ cấp thất nghiệp tại Trung tâm Dịch vụ việc làm để không bị mất quyền lợi.",
        "Luật Việc làm năm 2025 mở rộng đối tượng tham gia bảo hiểm thất nghiệp, bổ sung chính sách hỗ trợ đào tạo, bồi dưỡng nâng cao trình độ kỹ năng nghề để duy trì việc làm cho người lao động.",
    ),
    "chuyen-doi-so": (
        "Thực hiện Đề án 06, đến nay cơ sở dữ liệu quốc gia về bảo hiểm đã được kết nối, xác thực với cơ sở dữ liệu quốc gia về dân cư, giúp làm sạch dữ liệu và rút ngắn thời gian giải quyết thủ tục.",
        "Ứng dụng VssID - BHXH số cho phép người tham gia tra cứu quá trình đóng, hưởng BHXH, BHYT, sử dụng hình ảnh thẻ BHYT để đi khám chữa bệnh và theo dõi lịch sử khám chữa bệnh của bản thân.",
        "Người dân có thể thực hiện nhiều thủ tục qua dịch vụ công trực tuyến như gia hạn thẻ BHYT, đóng BHXH tự nguyện, đề nghị hưởng chế độ mà không phải đến trực tiếp cơ quan BHXH.",
        "Tỷ lệ người hưởng lương hưu, trợ cấp BHXH nhận tiền qua tài khoản cá nhân ngày càng tăng, góp phần thúc đẩy thanh toán không dùng tiền mặt và chuyển đổi số trong ngành.",
        "Việc khám chữa bệnh bằng căn cước gắn chip và ứng dụng VNeID giúp người bệnh không phải mang theo thẻ BHYT giấy, giảm thủ tục hành chính tại cơ sở y tế.",
        "Các tổ công tác đã đến tận thôn, xóm để hướng dẫn người dân cài đặt ứng dụng VssID, kích hoạt tài khoản định danh điện tử và sử dụng các tiện ích của chuyển đổi số.",
        "Theo kế hoạch, BHXH tỉnh {tinh} tiếp tục hoàn thiện dữ liệu, nâng cao chất lượng dịch vụ công trực tuyến, phấn đấu 100% hồ sơ được tiếp nhận và trả kết quả qua môi trường điện tử.",
    ),
    "guong-dien-hinh": (
        "Hơn 10 năm gắn bó với công việc, ngày nào cũng vậy, {person} đều đặn đến từng nhà để tuyên truyền, giải thích cho bà con hiểu rõ quyền lợi khi tham gia BHXH, BHYT.",
        "Nhờ sự kiên trì, đến nay đã có hàng trăm người dân ở {place} tham gia BHXH tự nguyện, BHYT hộ gia đình. Nhiều người từ chỗ e ngại đã trở thành người vận động chính người thân của mình.",
        "Khi chồng phát hiện bệnh hiểm nghèo, gia đình bà tưởng như không thể xoay xở nổi chi phí điều trị. May mắn nhờ có thẻ BHYT, phần lớn chi phí đã được quỹ BHYT chi trả.",
        "Ban lãnh đạo đơn vị luôn xác định việc đóng BHXH đầy đủ cho người lao động là trách nhiệm và cũng là cách giữ chân người lao động gắn bó lâu dài với doanh nghiệp.",
        "Với những đóng góp đó, {person} đã nhiều năm liền được tặng danh hiệu Lao động tiên tiến và nhận Bằng khen của Tổng Giám đốc BHXH Việt Nam.",
        "Câu chuyện của {person} là minh chứng sinh động cho ý nghĩa nhân văn của chính sách BHXH, BHYT, tiếp thêm động lực cho nhiều người dân tham gia.",
    ),
    "hoi-dap": (
        "Căn cứ quy định hiện hành, người tham gia BHXH tự nguyện khi đủ tuổi nghỉ hưu và có từ đủ 15 năm đóng BHXH trở lên thì được hưởng lương hưu hằng tháng.",
        "Trường hợp thẻ BHYT đã hết hạn sử dụng, người bệnh sẽ không được quỹ BHYT thanh toán chi phí khám chữa bệnh. Vì vậy, bạn cần gia hạn thẻ trước ngày hết hạn để bảo đảm quyền lợi liên tục.",
        "Theo Luật BHXH năm 2024, người lao động sau 12 tháng không tiếp tục đóng BHXH, chưa đủ 20 năm đóng và có yêu cầu thì được hưởng BHXH một lần theo quy định chuyển tiếp.",
        "Lao động nữ sinh con được nghỉ việc hưởng chế độ thai sản 6 tháng; thời gian nghỉ trước khi sinh tối đa không quá 2 tháng. Mức hưởng bằng 100% mức bình quân tiền lương tháng đóng BHXH.",
        "Người lao động đang mang thai nếu đáp ứng đủ điều kiện về thời gian đóng bảo hiểm thất nghiệp và nộp hồ sơ đúng hạn thì vẫn được giải quyết hưởng trợ cấp thất nghiệp theo quy định.",
        "Người có thẻ BHYT đi khám chữa bệnh ngoại trú tại trạm y tế xã hoặc phòng khám đa khoa ở tỉnh khác được quỹ BHYT thanh toán theo mức hưởng ghi trên thẻ.",
        "Người lao động làm việc theo hợp đồng lao động có thời hạn từ đủ 01 tháng trở lên thuộc đối tượng tham gia BHXH bắt buộc. Người sử dụng lao động có trách nhiệm đăng ký và đóng BHXH cho người lao động.",
        "Nếu còn vướng mắc, bạn đọc có thể liên hệ tổng đài 1900 9068 hoặc đến cơ quan BHXH nơi cư trú để được hướng dẫn cụ thể.",
    ),
}

IMAGE_CAPTIONS: dict[str, tuple[str, ...]] = {
    "hoat-dong": (
        "Quang cảnh hội nghị",
        "Lãnh đạo BHXH tỉnh {tinh} phát biểu tại buổi làm việc",
        "Các đại biểu tham dự chương trình",
        "Đoàn kiểm tra làm việc tại đơn vị",
    ),
    "bhxh": (
        "Người hưởng lương hưu nhận tiền tại điểm chi trả",
        "Cán bộ BHXH tư vấn chính sách cho người dân",
        "Người dân tìm hiểu về BHXH tự nguyện",
    ),
    "bhyt": (
        "Người bệnh làm thủ tục khám chữa bệnh BHYT",
        "Học sinh được cấp thẻ BHYT tại trường",
        "Khám bệnh tại Bệnh viện Đa khoa tỉnh {tinh}",
    ),
    "bhtn": (
        "Người lao động làm thủ tục hưởng trợ cấp thất nghiệp",
        "Phiên giao dịch việc làm tại {tinh}",
    ),
    "chuyen-doi-so": (
        "Cán bộ BHXH hướng dẫn người dân cài đặt ứng dụng",
        "Người dân làm thủ tục trên dịch vụ công trực tuyến",
        "Xác thực căn cước gắn chip tại bệnh viện",
    ),
    "guong-dien-hinh": ("{person} trong một buổi tuyên truyền", "Nhân vật trao đổi với phóng viên"),
    "hoi-dap": ("Ảnh minh họa", "Cán bộ BHXH giải đáp thắc mắc cho người dân"),
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


def _fill(
    rng: random.Random,
    template: str,
    s: Slots,
    person: str,
    place: str,
    company: str,
    question: str = "",
) -> str:
    values = {
        "tinh": s.tinh,
        "y": s.y,
        "y1": s.y + 1,
        "m": s.m,
        "d": s.d,
        "n": rng.choice((12, 25, 37, 48, 56, 120, 235, 316, 480, 1250)),
        "p": rng.choice(("92,5", "93,1", "94,2", "95,6", "96,3", "91,8")),
        "person": person,
        "place": place,
        "company": company,
        "question": question,
    }
    return template.format(**values)


def compose(
    rng: random.Random,
    category: str,
    s: Slots,
    *,
    thin: bool = False,
    allow_vssid_title: bool = True,
) -> ArticleText:
    """One article of `category`; thin articles get one or two short paragraphs."""
    person = rng.choice(PERSON_NAMES)
    place = rng.choice(PLACES)
    company = rng.choice(COMPANIES)
    titles = [t for t in TITLES[category] if allow_vssid_title or "VssID" not in t]
    title_t = rng.choice(titles)
    title = _fill(rng, title_t, s, person, place, company)
    question = title if category == "hoi-dap" else ""
    sapo = _fill(rng, rng.choice(SAPOS[category]), s, person, place, company, question)
    bank = list(PARAGRAPHS[category])
    rng.shuffle(bank)
    paras: list[str] = []
    if thin:
        paras.append(_fill(rng, bank[0], s, person, place, company))
    else:
        words = 0
        for p in bank:
            text = _fill(rng, p, s, person, place, company)
            paras.append(text)
            words += len(text.split())
            if words >= 230 and len(paras) >= 4:
                break
    caps = [
        _fill(rng, c, s, person, place, company)
        for c in rng.sample(IMAGE_CAPTIONS[category], k=min(2, len(IMAGE_CAPTIONS[category])))
    ]
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
    summary = _fill(rng, rng.choice(summaries), s, "", "", "")
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
