"""The 2026 frame of the two-level local government and its three sets (illustrative rows)."""

from __future__ import annotations

from typing import Any

from criteria_rows import DONE, LEADERS, L, N, bands, free, levels, prop, sipas, yes_no

# --- the 2026 frame: sở, ban, ngành; xã, phường, đặc khu; ngành dọc ---

SO = ("so", "so-khong-tthc")
COMMUNE = ("xa", "phuong", "dac-khu")
WITH_TTHC = ("so", "nganh-doc", *COMMUNE)
NOT_VERTICAL = (*SO, *COMMUNE)

FRAME_2026 = [
    N(
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        N(
            "Kế hoạch cải cách hành chính năm",
            L(
                "Ban hành kế hoạch CCHC năm đúng thời hạn",
                "1",
                levels(("Đúng thời hạn", "1"), ("Chậm", "0.5"), ("Không ban hành", "0")),
                "Kế hoạch CCHC năm của đơn vị (số, ngày ban hành); văn bản chỉ đạo của UBND tỉnh.",
            ),
            L(
                "Mức độ hoàn thành kế hoạch CCHC",
                "2",
                bands(DONE, ("100", "2"), ("80", "1")),
                "Báo cáo CCHC năm; bảng theo dõi tiến độ từng nhiệm vụ, kèm văn bản chứng minh.",
            ),
        ),
        N(
            "Báo cáo cải cách hành chính",
            L(
                "Báo cáo định kỳ đầy đủ, đúng thời hạn",
                "1",
                yes_no("1", "Đủ số lượng, đúng thời hạn", "Không"),
                "Các báo cáo CCHC quý, 6 tháng, năm; sổ chuyển văn bản thể hiện ngày gửi.",
            ),
            L(
                "Chất lượng báo cáo",
                "1",
                free(),
                "Các báo cáo CCHC định kỳ (đủ nội dung, số liệu theo đề cương).",
            ),
        ),
        N(
            "Kiểm tra, tự kiểm tra công tác cải cách hành chính",
            L(
                "Ban hành và thực hiện kế hoạch kiểm tra",
                "1",
                bands(DONE, ("100", "1"), ("80", "0.5")),
                "Kế hoạch kiểm tra; các biên bản, kết luận kiểm tra.",
            ),
            L(
                "Xử lý các vấn đề phát hiện qua kiểm tra",
                "1",
                bands("Tỷ lệ vấn đề được xử lý (%)", ("100", "1"), ("50", "0.5")),
                "Văn bản chấn chỉnh sau kiểm tra; báo cáo kết quả khắc phục.",
            ),
        ),
        N(
            "Tuyên truyền và sáng kiến cải cách hành chính",
            L(
                "Thực hiện kế hoạch tuyên truyền CCHC",
                "1",
                levels(("Hoàn thành", "1"), ("Hoàn thành một phần", "0.5"), ("Không", "0")),
                "Kế hoạch tuyên truyền; sản phẩm tuyên truyền (bài viết, chuyên mục, hội nghị).",
            ),
            L(
                "Sáng kiến, giải pháp mới trong CCHC được công nhận",
                "1",
                levels(("Cấp tỉnh trở lên", "1"), ("Cấp cơ sở", "0.5"), ("Không có", "0")),
                "Quyết định công nhận sáng kiến, giải pháp; báo cáo kết quả áp dụng.",
            ),
        ),
        N(
            "Vận hành tổ chức bộ máy sau sắp xếp và nhiệm vụ trọng tâm",
            L(
                "Thực hiện nhiệm vụ được giao trong sắp xếp tổ chức bộ máy và vận hành mô hình "
                "chính quyền địa phương hai cấp",
                "2",
                free(),
                "Danh mục nhiệm vụ được giao; báo cáo kết quả từng nhiệm vụ, kèm văn bản.",
            ),
            L(
                "Thực hiện nhiệm vụ CCHC trọng tâm được UBND tỉnh giao trong năm",
                "2",
                bands(DONE, ("100", "2"), ("90", "1.5"), ("80", "1")),
                "Danh mục nhiệm vụ trọng tâm; báo cáo kết quả, văn bản chứng minh.",
            ),
        ),
    ),
    N(
        "Cải cách thể chế",
        N(
            "Xây dựng, ban hành văn bản",
            L(
                "Tham mưu, ban hành văn bản quy phạm pháp luật theo kế hoạch",
                "2",
                bands("Tỷ lệ văn bản ban hành đúng kế hoạch (%)", ("100", "2"), ("80", "1")),
                "Kế hoạch xây dựng văn bản; danh mục văn bản đã ban hành hoặc trình ban hành.",
            ),
            L(
                "Lấy ý kiến, thẩm định, thẩm tra dự thảo văn bản đúng quy trình",
                "1",
                yes_no("1", "Đúng quy trình", "Chưa đúng"),
                "Hồ sơ dự thảo: văn bản lấy ý kiến, báo cáo thẩm định.",
            ),
        ),
        N(
            "Theo dõi thi hành pháp luật; rà soát văn bản",
            L(
                "Ban hành và thực hiện kế hoạch theo dõi thi hành pháp luật",
                "1",
                levels(("Hoàn thành", "1"), ("Một phần", "0.5"), ("Không", "0")),
                "Kế hoạch theo dõi thi hành pháp luật; báo cáo kết quả.",
            ),
            L(
                "Rà soát văn bản theo yêu cầu sắp xếp đơn vị hành chính và mô hình chính quyền "
                "hai cấp",
                "2",
                bands("Tỷ lệ văn bản được rà soát, xử lý (%)", ("100", "2"), ("80", "1")),
                "Danh mục văn bản đã rà soát; văn bản sửa đổi, thay thế, bãi bỏ.",
            ),
        ),
        N(
            "Kiểm tra, xử lý văn bản",
            L(
                "Tự kiểm tra văn bản do đơn vị ban hành hoặc tham mưu ban hành",
                "1.5",
                yes_no("1.5"),
                "Báo cáo kết quả tự kiểm tra văn bản trong năm.",
            ),
            L(
                "Xử lý văn bản trái pháp luật phát hiện qua kiểm tra",
                "1.5",
                bands("Tỷ lệ văn bản trái pháp luật được xử lý (%)", ("100", "1.5"), ("80", "0.5")),
                "Văn bản xử lý; báo cáo kết quả.",
            ),
        ),
        applies=NOT_VERTICAL,
    ),
    N(
        "Cải cách thủ tục hành chính",
        N(
            "Công khai, rà soát thủ tục hành chính",
            L(
                "Công khai đầy đủ thủ tục hành chính tại nơi tiếp nhận và trên Cổng Dịch vụ công",
                "1.5",
                bands("Tỷ lệ TTHC được công khai đúng quy định (%)", ("100", "1.5"), ("90", "0.5")),
                "Ảnh chụp nơi công khai; dữ liệu trên Cổng Dịch vụ công.",
            ),
            L(
                "Rà soát, đề xuất đơn giản hóa thủ tục hành chính",
                "2",
                levels(("Hoàn thành kế hoạch, có đề xuất", "2"), ("Một phần", "1"), ("Không", "0")),
                "Kế hoạch rà soát; phương án đơn giản hóa đã gửi.",
            ),
        ),
        N(
            "Thực hiện cơ chế một cửa, một cửa liên thông",
            L(
                "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn",
                "4",
                bands(
                    "Tỷ lệ hồ sơ giải quyết đúng hạn (%)",
                    ("98", "4"),
                    ("95", "3"),
                    ("90", "2"),
                    ("80", "1"),
                ),
                "Số liệu Hệ thống thông tin giải quyết TTHC của tỉnh (trích xuất cả năm).",
            ),
            L(
                "Xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn",
                "1",
                yes_no("1", "Đầy đủ", "Không đầy đủ"),
                "Phiếu xin lỗi và hẹn lại ngày trả kết quả; sổ theo dõi hồ sơ quá hạn.",
            ),
            L(
                "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                "2",
                prop("Tỷ lệ hồ sơ, kết quả được số hóa (%)"),
                "Số liệu số hóa trên Hệ thống thông tin giải quyết TTHC.",
                by_type={"phuong": "1"},
            ),
            L(
                "Tiếp nhận, giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính",
                "1.5",
                levels(("Đầy đủ", "1.5"), ("Một phần", "0.75"), ("Không", "0")),
                "Danh mục TTHC tiếp nhận không phụ thuộc địa giới; số liệu hồ sơ.",
            ),
        ),
        N(
            "Tiếp nhận, xử lý phản ánh, kiến nghị",
            L(
                "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
                "2",
                bands("Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn (%)", ("100", "2"), ("90", "1")),
                "Sổ theo dõi; số liệu trên Hệ thống tiếp nhận phản ánh, kiến nghị.",
            ),
            L(
                "Công khai kết quả xử lý phản ánh, kiến nghị",
                "1",
                yes_no("1"),
                "Trang thông tin điện tử (chuyên mục kết quả xử lý).",
            ),
        ),
        applies=WITH_TTHC,
    ),
    N(
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        N(
            "Thực hiện quy định về tổ chức bộ máy",
            L(
                "Thực hiện quy định về chức năng, nhiệm vụ, cơ cấu tổ chức sau sắp xếp",
                "2",
                levels(("Đúng quy định", "2"), ("Còn tồn tại", "1"), ("Không đúng", "0")),
                "Quyết định quy định chức năng, nhiệm vụ, cơ cấu tổ chức; quy chế làm việc.",
            ),
            L(
                "Thực hiện quy định về số lượng cấp phó",
                "1",
                yes_no("1", "Đúng quy định", "Vượt quy định"),
                "Danh sách cấp phó tại thời điểm 31/12.",
            ),
        ),
        N(
            "Quản lý, sử dụng biên chế",
            L(
                "Sử dụng biên chế được giao",
                "2",
                yes_no("2", "Không vượt biên chế", "Vượt biên chế"),
                "Quyết định giao biên chế; báo cáo số lượng có mặt.",
            ),
            L(
                "Tinh giản biên chế, bố trí cán bộ, công chức dôi dư sau sắp xếp",
                "3",
                free(),
                "Kế hoạch tinh giản; quyết định giải quyết chế độ; phương án bố trí.",
            ),
        ),
        N(
            "Quản lý tổ chức và hoạt động của thôn, tổ dân phố",
            L(
                "Sắp xếp, kiện toàn thôn, tổ dân phố đúng quy định",
                "1.5",
                yes_no("1.5", "Đúng quy định", "Chưa đúng"),
                "Quyết định sắp xếp, kiện toàn thôn, tổ dân phố.",
            ),
            L(
                "Thực hiện dân chủ ở thôn, tổ dân phố",
                "1.5",
                free(),
                "Báo cáo thực hiện dân chủ ở cơ sở; biên bản hội nghị thôn, tổ dân phố.",
            ),
            applies=("xa", "phuong"),
        ),
        applies=NOT_VERTICAL,
    ),
    N(
        "Cải cách chế độ công vụ",
        N(
            "Vị trí việc làm và đánh giá công chức",
            L(
                "Bố trí công chức theo vị trí việc làm được phê duyệt",
                "2",
                bands("Tỷ lệ công chức bố trí đúng vị trí việc làm (%)", ("100", "2"), ("90", "1")),
                "Danh sách công chức và vị trí việc làm tương ứng.",
            ),
            L(
                "Đánh giá, xếp loại chất lượng công chức theo kết quả công việc",
                "1.5",
                yes_no("1.5"),
                "Quyết định đánh giá, xếp loại công chức năm.",
            ),
        ),
        N(
            "Đào tạo, bồi dưỡng",
            L(
                "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng",
                "1.5",
                bands(DONE, ("100", "1.5"), ("80", "0.5")),
                "Báo cáo kết quả đào tạo, bồi dưỡng; danh sách học viên.",
            ),
            L(
                "Công chức đạt chuẩn trình độ theo vị trí việc làm",
                "1.5",
                bands("Tỷ lệ công chức đạt chuẩn (%)", ("100", "1.5"), ("90", "1"), ("80", "0.5")),
                "Danh sách công chức với trình độ chuyên môn tại thời điểm 31/12.",
            ),
        ),
        N(
            "Kỷ luật, kỷ cương hành chính",
            L(
                "Thực hiện quy định về văn hóa công vụ, kỷ luật, kỷ cương hành chính",
                "2.5",
                free(),
                "Văn bản chỉ đạo; báo cáo kiểm tra công vụ.",
            ),
            L(
                "Không có cán bộ, công chức bị xử lý kỷ luật",
                "2",
                levels(
                    ("Không có", "2"), ("Có, ở mức khiển trách", "1"), ("Có, ở mức cao hơn", "0")
                ),
                "Báo cáo tình hình kỷ luật cán bộ, công chức trong năm.",
            ),
        ),
    ),
    N(
        "Cải cách tài chính công",
        N(
            "Quản lý, sử dụng ngân sách",
            L(
                "Tỷ lệ giải ngân vốn đầu tư công được giao",
                "2",
                bands("Tỷ lệ giải ngân vốn đầu tư công (%)", ("95", "2"), ("80", "1")),
                "Báo cáo giải ngân vốn đầu tư công đến 31/01 năm sau.",
            ),
            L(
                "Công khai ngân sách theo quy định",
                "1",
                yes_no("1"),
                "Quyết định công bố công khai dự toán, quyết toán.",
            ),
        ),
        N(
            "Quản lý, sử dụng tài sản công",
            L(
                "Xử lý trụ sở, tài sản dôi dư sau sắp xếp",
                "1.5",
                free(),
                "Phương án xử lý trụ sở, tài sản dôi dư; báo cáo thực hiện.",
            ),
            L(
                "Báo cáo kê khai tài sản công đúng quy định",
                "0.5",
                yes_no("0.5"),
                "Báo cáo kê khai tài sản công trên Cơ sở dữ liệu quốc gia.",
            ),
        ),
        N(
            "Cơ chế tự chủ của đơn vị sự nghiệp công lập trực thuộc",
            L(
                "Tỷ lệ đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên",
                "1.5",
                bands("Tỷ lệ đơn vị tự bảo đảm chi thường xuyên (%)", ("30", "1.5"), ("15", "0.5")),
                "Quyết định giao quyền tự chủ tài chính cho các đơn vị.",
            ),
            L(
                "Ban hành giá, định mức kinh tế - kỹ thuật dịch vụ sự nghiệp công",
                "1.5",
                yes_no("1.5", "Đã ban hành đầy đủ", "Chưa đầy đủ"),
                "Quyết định ban hành giá, định mức kinh tế - kỹ thuật.",
            ),
            applies=SO,
        ),
        applies=NOT_VERTICAL,
    ),
    N(
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        N(
            "Hạ tầng, nền tảng và an toàn thông tin",
            L(
                "Sử dụng hệ thống quản lý văn bản và điều hành, chữ ký số",
                "2",
                bands("Tỷ lệ văn bản điện tử có ký số (%)", ("95", "2"), ("80", "1")),
                "Số liệu trên hệ thống quản lý văn bản và điều hành.",
            ),
            L(
                "Bảo đảm an toàn thông tin mạng theo cấp độ",
                "1.5",
                yes_no("1.5"),
                "Hồ sơ cấp độ được phê duyệt; báo cáo an toàn thông tin.",
            ),
        ),
        N(
            "Cung cấp dịch vụ công trực tuyến",
            L(
                "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
                "1.5",
                bands("Tỷ lệ TTHC trực tuyến toàn trình (%)", ("80", "1.5"), ("50", "0.5")),
                "Danh mục dịch vụ công trực tuyến trên Cổng Dịch vụ công.",
            ),
            L(
                "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
                "3",
                prop("Tỷ lệ hồ sơ tiếp nhận, giải quyết trực tuyến (%)"),
                "Số liệu trên Hệ thống thông tin giải quyết TTHC (trích xuất cả năm).",
                by_type={"phuong": "4"},
            ),
            applies=WITH_TTHC,
        ),
        N(
            "Chuyển đổi số và dữ liệu",
            L(
                "Thực hiện Đề án phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử",
                "2",
                free(),
                "Kế hoạch, báo cáo thực hiện; số liệu khai thác dữ liệu dân cư.",
            ),
            L(
                "Kết nối, chia sẻ dữ liệu với cơ sở dữ liệu quốc gia, chuyên ngành",
                "2",
                levels(("Đầy đủ", "2"), ("Một phần", "1"), ("Chưa kết nối", "0")),
                "Danh sách hệ thống, cơ sở dữ liệu đã kết nối; báo cáo vận hành.",
            ),
        ),
    ),
    N(
        "Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội",
        N(
            "Đánh giá của lãnh đạo, quản lý qua điều tra xã hội học",
            L("Công tác chỉ đạo, điều hành CCHC", "2.5", prop(LEADERS), assessor="survey"),
            L("Cải cách thủ tục hành chính", "2.5", prop(LEADERS), assessor="survey"),
            L(
                "Cải cách tổ chức bộ máy và chế độ công vụ",
                "2.5",
                prop(LEADERS),
                assessor="survey",
            ),
            L(
                "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
                "2.5",
                prop(LEADERS),
                assessor="survey",
            ),
        ),
        N(
            "Mức độ hài lòng của người dân, tổ chức (SIPAS)",
            *sipas("2"),
            applies=WITH_TTHC,
        ),
        N(
            "Tác động đến thực hiện nhiệm vụ phát triển kinh tế - xã hội",
            L(
                "Mức độ hoàn thành các chỉ tiêu phát triển kinh tế - xã hội được giao",
                "2",
                bands("Tỷ lệ chỉ tiêu đạt và vượt (%)", ("100", "2"), ("90", "1.5"), ("80", "1")),
                "Báo cáo kết quả thực hiện các chỉ tiêu được giao trong năm.",
            ),
            L(
                "Khắc phục hạn chế được chỉ ra trong kết quả Chỉ số CCHC năm trước",
                "2",
                levels(("Khắc phục đầy đủ", "2"), ("Khắc phục một phần", "1"), ("Không", "0")),
                "Kế hoạch khắc phục; báo cáo kết quả khắc phục từng hạn chế.",
            ),
        ),
    ),
]

NOTE_2026 = (
    "Mẫu minh họa — không phải bộ tiêu chí chính thức. Tên lĩnh vực “Cải cách thể chế”, "
    "“Cải cách tài chính công” và “Tác động của CCHC đến người dân, tổ chức và phát triển kinh "
    "tế - xã hội” theo QĐ 876/QĐ-BNV; các dòng và điểm tối đa là minh họa. "
)

SETS_2026: dict[str, dict[str, Any]] = {
    "par-sbn-2026.json": {
        "form_id": "PAR-SBN-2026",
        "version": "2026011501",
        "year": 2026,
        "name": "Chỉ số cải cách hành chính các sở, ban, ngành tỉnh năm 2026 — chính quyền địa "
        "phương hai cấp (mẫu minh họa)",
        "decision": "",
        "note": NOTE_2026 + "Sở, ban, ngành không có thủ tục hành chính không áp dụng Lĩnh vực 3, "
        "Tiêu chí 7.2 và 8.2: chỉ số tính trên tổng điểm tối đa áp dụng (70,5 điểm) / "
        "Illustrative sample — not an official set.",
        "unit_types": [
            {"code": "so", "label": "Sở, ban, ngành có thủ tục hành chính"},
            {"code": "so-khong-tthc", "label": "Sở, ban, ngành không có thủ tục hành chính"},
        ],
        "ranking_groups": [
            {"code": "so-ban-nganh", "label": "Sở, ban, ngành", "unit_types": list(SO)},
        ],
    },
    "par-xa-2026.json": {
        "form_id": "PAR-XA-2026",
        "version": "2026011501",
        "year": 2026,
        "name": "Chỉ số cải cách hành chính UBND xã, phường, đặc khu năm 2026 (mẫu minh họa)",
        "decision": "",
        "note": NOTE_2026 + "Điểm tối đa 3.2.3 và 7.2.2 khác nhau giữa xã và phường; Tiêu chí 4.3 "
        "không áp dụng cho đặc khu (chỉ số tính trên 97 điểm). Xếp hạng theo hai nhóm: phường; xã "
        "và đặc khu / Illustrative sample — not an official set.",
        "unit_types": [
            {"code": "xa", "label": "Xã"},
            {"code": "phuong", "label": "Phường"},
            {"code": "dac-khu", "label": "Đặc khu"},
        ],
        "ranking_groups": [
            {"code": "phuong", "label": "Phường", "unit_types": ["phuong"]},
            {"code": "xa-dac-khu", "label": "Xã và đặc khu", "unit_types": ["dac-khu", "xa"]},
        ],
    },
    "par-nganh-doc-2026.json": {
        "form_id": "PAR-NGANH-DOC-2026",
        "version": "2026011501",
        "year": 2026,
        "name": "Chỉ số cải cách hành chính các cơ quan ngành dọc trên địa bàn tỉnh năm 2026 "
        "(mẫu minh họa)",
        "decision": "",
        "note": NOTE_2026 + "Cơ quan ngành dọc (thuế, hải quan, công an, bảo hiểm xã hội, kho bạc "
        "nhà nước) được đánh giá ở các lĩnh vực 1, 3, 5, 7, 8 của khung 100 điểm; lĩnh vực 2, 4, "
        "6 do bộ, ngành chủ quản quyết định nên không áp dụng: chỉ số tính trên 75 điểm / "
        "Illustrative sample — not an official set.",
        "unit_types": [
            {
                "code": "nganh-doc",
                "label": "Cơ quan ngành dọc (thuế, hải quan, công an, bảo hiểm xã hội, kho bạc "
                "nhà nước)",
            },
        ],
        "ranking_groups": [
            {"code": "nganh-doc", "label": "Cơ quan ngành dọc", "unit_types": ["nganh-doc"]},
        ],
    },
}
