"""Rows of PAR-TINH-2022, the provincial set shaped on QĐ 876/QĐ-BNV (illustrative rows)."""

from __future__ import annotations

from criteria_rows import DONE, LEADERS, L, N, Spec, bands, free, levels, prop, sipas, yes_no

# --- PAR-TINH-2022: provincial, shaped on QĐ 876/QĐ-BNV ---


def leaders(topic: str, maximum: str) -> Spec:
    """A leaf of the survey of leaders and managers (22 points in all)."""
    return L(
        f"Đánh giá của lãnh đạo, quản lý về {topic}",
        maximum,
        prop(LEADERS),
        assessor="survey",
    )


def impact(name: str, maximum: str, figure: str) -> Spec:
    """An impact leaf: points computed by the Ministry from official statistics (agency)."""
    return L(
        name,
        maximum,
        free("0.01"),
        f"Số liệu thống kê chính thức: {figure}.",
        assessor="agency",
        guidance=(
            f"Bộ Nội vụ tính điểm từ số liệu thống kê chính thức ({figure}) và gửi kết quả; "
            "thư ký nhập điểm, Hội đồng không chấm."
        ),
    )


TINH_2022 = [
    N(
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        N(
            "Kế hoạch cải cách hành chính năm",
            L(
                "Ban hành kế hoạch CCHC năm đúng thời hạn",
                "0.5",
                levels(("Đúng thời hạn", "0.5"), ("Chậm", "0.25"), ("Không ban hành", "0")),
                "Kế hoạch CCHC năm của UBND tỉnh (số, ngày ban hành).",
            ),
            L(
                "Mức độ hoàn thành kế hoạch CCHC",
                "1",
                bands(DONE, ("100", "1"), ("80", "0.5")),
                "Báo cáo CCHC năm; bảng theo dõi tiến độ từng nhiệm vụ của kế hoạch.",
            ),
        ),
        N(
            "Báo cáo cải cách hành chính",
            L(
                "Số lượng và thời hạn báo cáo",
                "0.5",
                yes_no("0.5", "Đủ số lượng, đúng thời hạn", "Không"),
                "Các báo cáo CCHC định kỳ; văn bản gửi Bộ Nội vụ thể hiện ngày gửi.",
            ),
            L(
                "Chất lượng báo cáo",
                "0.5",
                free(),
                "Các báo cáo CCHC định kỳ (đủ nội dung, số liệu theo đề cương hướng dẫn).",
            ),
        ),
        N(
            "Kiểm tra công tác cải cách hành chính",
            L(
                "Tỷ lệ cơ quan, đơn vị được kiểm tra trong năm",
                "0.5",
                bands("Tỷ lệ cơ quan, đơn vị được kiểm tra (%)", ("30", "0.5"), ("20", "0.25")),
                "Kế hoạch kiểm tra; các kết luận kiểm tra.",
            ),
            L(
                "Xử lý các vấn đề phát hiện qua kiểm tra",
                "0.5",
                bands(
                    "Tỷ lệ vấn đề được xử lý hoặc kiến nghị xử lý (%)",
                    ("100", "0.5"),
                    ("80", "0.25"),
                ),
                "Văn bản xử lý, chấn chỉnh sau kiểm tra; báo cáo kết quả khắc phục.",
            ),
        ),
        N(
            "Tuyên truyền, sáng kiến và thực hiện nhiệm vụ được giao",
            L(
                "Thực hiện kế hoạch tuyên truyền CCHC",
                "0.5",
                levels(("Hoàn thành", "0.5"), ("Hoàn thành một phần", "0.25"), ("Không", "0")),
                "Kế hoạch tuyên truyền CCHC; sản phẩm tuyên truyền (bài viết, chuyên mục).",
            ),
            L(
                "Sáng kiến, giải pháp mới trong CCHC được áp dụng",
                "1",
                free(),
                "Quyết định công nhận sáng kiến, giải pháp; báo cáo kết quả áp dụng.",
            ),
            L(
                "Gắn kết quả CCHC với thi đua, khen thưởng và đánh giá người đứng đầu",
                "0.5",
                yes_no("0.5"),
                "Văn bản đánh giá người đứng đầu; hồ sơ thi đua, khen thưởng có tiêu chí CCHC.",
            ),
            L(
                "Thực hiện nhiệm vụ CCHC được Chính phủ, Thủ tướng Chính phủ giao",
                "0.5",
                bands(DONE, ("100", "0.5"), ("80", "0.25")),
                "Danh mục nhiệm vụ được giao và văn bản báo cáo kết quả từng nhiệm vụ.",
            ),
        ),
        leaders("công tác chỉ đạo, điều hành CCHC", "2"),
    ),
    N(
        "Cải cách thể chế",
        N(
            "Xây dựng và ban hành văn bản quy phạm pháp luật",
            L(
                "Mức độ thực hiện Chương trình xây dựng văn bản quy phạm pháp luật",
                "1",
                bands(
                    "Tỷ lệ văn bản ban hành so với Chương trình (%)", ("100", "1"), ("80", "0.5")
                ),
                "Chương trình xây dựng VBQPPL năm; danh mục văn bản đã ban hành.",
            ),
            L(
                "Ban hành văn bản quy định chi tiết thi hành luật, nghị quyết được giao",
                "1",
                bands("Tỷ lệ văn bản ban hành đúng thời hạn (%)", ("100", "1"), ("80", "0.5")),
                "Danh mục văn bản quy định chi tiết được giao; văn bản đã ban hành.",
            ),
            L(
                "Lấy ý kiến, thẩm định dự thảo văn bản đúng quy định",
                "0.5",
                yes_no("0.5"),
                "Hồ sơ dự thảo: văn bản lấy ý kiến, báo cáo thẩm định.",
            ),
        ),
        N(
            "Theo dõi thi hành pháp luật; rà soát, hệ thống hóa văn bản",
            L(
                "Ban hành và thực hiện kế hoạch theo dõi thi hành pháp luật",
                "0.5",
                levels(("Hoàn thành", "0.5"), ("Một phần", "0.25"), ("Không", "0")),
                "Kế hoạch theo dõi thi hành pháp luật; báo cáo kết quả.",
            ),
            L(
                "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
                "1",
                free(),
                "Kế hoạch và báo cáo kết quả rà soát, hệ thống hóa văn bản.",
            ),
            L(
                "Xử lý kết quả rà soát văn bản",
                "1",
                bands("Tỷ lệ văn bản được xử lý sau rà soát (%)", ("100", "1"), ("80", "0.5")),
                "Danh mục văn bản cần sửa đổi, thay thế, bãi bỏ; văn bản xử lý.",
            ),
        ),
        N(
            "Kiểm tra, xử lý văn bản quy phạm pháp luật",
            L(
                "Tự kiểm tra văn bản do tỉnh ban hành",
                "1",
                yes_no("1"),
                "Báo cáo kết quả tự kiểm tra văn bản trong năm.",
            ),
            L(
                "Kiểm tra văn bản theo thẩm quyền",
                "1",
                free(),
                "Kế hoạch và kết luận kiểm tra văn bản của cấp dưới.",
            ),
            L(
                "Xử lý văn bản trái pháp luật phát hiện qua kiểm tra",
                "1",
                bands("Tỷ lệ văn bản trái pháp luật được xử lý (%)", ("100", "1"), ("80", "0.5")),
                "Văn bản xử lý văn bản trái pháp luật; báo cáo kết quả.",
            ),
        ),
        leaders("cải cách thể chế", "3"),
    ),
    N(
        "Cải cách thủ tục hành chính",
        N(
            "Công bố, công khai thủ tục hành chính",
            L(
                "Công bố danh mục thủ tục hành chính đúng thời hạn",
                "1",
                bands("Tỷ lệ quyết định công bố đúng thời hạn (%)", ("100", "1"), ("90", "0.5")),
                "Các quyết định công bố danh mục TTHC; văn bản quy phạm làm căn cứ.",
            ),
            L(
                "Công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia",
                "1",
                bands("Tỷ lệ TTHC được công khai đúng hạn (%)", ("100", "1"), ("90", "0.5")),
                "Dữ liệu trên Cơ sở dữ liệu quốc gia về TTHC (ảnh chụp, trích xuất).",
            ),
            L(
                "Công khai thủ tục hành chính tại Bộ phận Một cửa",
                "0.5",
                yes_no("0.5"),
                "Biên bản kiểm tra Bộ phận Một cửa; ảnh chụp nơi công khai.",
            ),
        ),
        N(
            "Rà soát, đơn giản hóa thủ tục hành chính",
            L(
                "Ban hành và thực hiện kế hoạch rà soát thủ tục hành chính",
                "0.5",
                levels(("Hoàn thành", "0.5"), ("Một phần", "0.25"), ("Không", "0")),
                "Kế hoạch rà soát TTHC; báo cáo kết quả rà soát.",
            ),
            L(
                "Phương án đơn giản hóa được cấp có thẩm quyền thông qua",
                "1",
                bands("Tỷ lệ phương án được thông qua (%)", ("80", "1"), ("50", "0.5")),
                "Quyết định phê duyệt phương án đơn giản hóa; văn bản trả lời của bộ, ngành.",
            ),
        ),
        N(
            "Thực hiện cơ chế một cửa, một cửa liên thông",
            L(
                "Tỷ lệ hồ sơ thủ tục hành chính cấp tỉnh giải quyết đúng hạn",
                "1.5",
                bands(
                    "Tỷ lệ hồ sơ cấp tỉnh giải quyết đúng hạn (%)",
                    ("98", "1.5"),
                    ("95", "1"),
                    ("90", "0.5"),
                ),
                "Số liệu Hệ thống thông tin giải quyết TTHC của tỉnh (trích xuất cả năm).",
            ),
            L(
                "Tỷ lệ hồ sơ thủ tục hành chính cấp xã giải quyết đúng hạn",
                "1",
                bands("Tỷ lệ hồ sơ cấp xã giải quyết đúng hạn (%)", ("98", "1"), ("95", "0.5")),
                "Số liệu Hệ thống thông tin giải quyết TTHC của tỉnh (trích xuất cả năm).",
            ),
            L(
                "Xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn",
                "0.5",
                yes_no("0.5", "Đầy đủ", "Không đầy đủ"),
                "Phiếu xin lỗi và hẹn lại ngày trả kết quả; sổ theo dõi hồ sơ quá hạn.",
            ),
            L(
                "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                "1",
                bands("Tỷ lệ hồ sơ, kết quả được số hóa (%)", ("80", "1"), ("50", "0.5")),
                "Số liệu số hóa trên Hệ thống thông tin giải quyết TTHC.",
            ),
            L(
                "Tổ chức Bộ phận Một cửa đúng quy định",
                "0.5",
                yes_no("0.5"),
                "Quyết định thành lập, quy chế hoạt động của Trung tâm phục vụ hành chính công.",
            ),
        ),
        N(
            "Tiếp nhận, xử lý phản ánh, kiến nghị",
            L(
                "Công khai địa chỉ tiếp nhận phản ánh, kiến nghị",
                "0.5",
                yes_no("0.5"),
                "Ảnh chụp nơi niêm yết; trang thông tin điện tử.",
            ),
            L(
                "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
                "1",
                bands("Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn (%)", ("100", "1"), ("90", "0.5")),
                "Sổ theo dõi; số liệu trên Hệ thống tiếp nhận phản ánh, kiến nghị.",
            ),
            L(
                "Công khai kết quả xử lý phản ánh, kiến nghị",
                "0.5",
                yes_no("0.5"),
                "Trang thông tin điện tử (chuyên mục kết quả xử lý).",
            ),
            L(
                "Xử lý phản ánh, kiến nghị về quy định hành chính",
                "0.5",
                free(),
                "Văn bản trả lời, xử lý các phản ánh, kiến nghị về quy định hành chính.",
            ),
        ),
        leaders("cải cách thủ tục hành chính", "3"),
    ),
    N(
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        N(
            "Thực hiện quy định về tổ chức bộ máy",
            L(
                "Quy định chức năng, nhiệm vụ của cơ quan chuyên môn thuộc UBND tỉnh",
                "1",
                yes_no("1", "Đúng quy định", "Chưa đúng quy định"),
                "Các quyết định quy định chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức.",
            ),
            L(
                "Sắp xếp tổ chức bên trong các cơ quan, đơn vị",
                "1",
                free(),
                "Quyết định sắp xếp, kiện toàn tổ chức bên trong; báo cáo kết quả.",
            ),
            L(
                "Thực hiện quy định về số lượng cấp phó",
                "0.5",
                yes_no("0.5", "Đúng quy định", "Vượt quy định"),
                "Danh sách cấp phó của các cơ quan, đơn vị tại thời điểm 31/12.",
            ),
        ),
        N(
            "Quản lý, sử dụng biên chế",
            L(
                "Sử dụng biên chế công chức được giao",
                "1",
                yes_no("1", "Không vượt biên chế", "Vượt biên chế"),
                "Quyết định giao biên chế; báo cáo số lượng công chức có mặt.",
            ),
            L(
                "Thực hiện tinh giản biên chế",
                "1",
                bands("Tỷ lệ tinh giản so với kế hoạch (%)", ("100", "1"), ("80", "0.5")),
                "Kế hoạch tinh giản biên chế; quyết định giải quyết chế độ.",
            ),
            L(
                "Quản lý số lượng người làm việc trong đơn vị sự nghiệp công lập",
                "0.5",
                yes_no("0.5"),
                "Quyết định giao số lượng người làm việc; báo cáo thực hiện.",
            ),
        ),
        N(
            "Phân cấp, phân quyền",
            L(
                "Thực hiện các quy định về phân cấp quản lý",
                "0.5",
                yes_no("0.5"),
                "Văn bản phân cấp, ủy quyền của UBND tỉnh.",
            ),
            L(
                "Kiểm tra việc thực hiện nhiệm vụ được phân cấp",
                "0.5",
                yes_no("0.5"),
                "Kế hoạch và kết luận kiểm tra việc thực hiện nhiệm vụ phân cấp.",
            ),
            L(
                "Xử lý các vấn đề phát hiện qua kiểm tra phân cấp",
                "0.5",
                free(),
                "Văn bản xử lý sau kiểm tra; báo cáo kết quả khắc phục.",
            ),
        ),
        leaders("cải cách tổ chức bộ máy hành chính nhà nước", "2.5"),
    ),
    N(
        "Cải cách chế độ công vụ",
        N(
            "Vị trí việc làm và cơ cấu ngạch công chức",
            L(
                "Phê duyệt vị trí việc làm của cơ quan, tổ chức",
                "1",
                yes_no("1", "Đầy đủ, đúng thời hạn", "Chưa đầy đủ"),
                "Quyết định phê duyệt danh mục vị trí việc làm.",
            ),
            L(
                "Bố trí công chức theo vị trí việc làm được phê duyệt",
                "1",
                bands(
                    "Tỷ lệ công chức bố trí đúng vị trí việc làm (%)", ("100", "1"), ("90", "0.5")
                ),
                "Danh sách công chức và vị trí việc làm tương ứng.",
            ),
            L(
                "Thực hiện cơ cấu ngạch công chức",
                "0.5",
                yes_no("0.5"),
                "Quyết định phê duyệt cơ cấu ngạch; báo cáo thực hiện.",
            ),
        ),
        N(
            "Tuyển dụng, bổ nhiệm và đánh giá",
            L(
                "Tuyển dụng công chức, viên chức đúng quy định",
                "1",
                yes_no("1", "Đúng quy định", "Có sai phạm"),
                "Kế hoạch, thông báo và kết quả tuyển dụng.",
            ),
            L(
                "Bổ nhiệm lãnh đạo, quản lý đúng quy định",
                "1",
                yes_no("1", "Đúng quy định", "Có sai phạm"),
                "Hồ sơ bổ nhiệm, bổ nhiệm lại trong năm.",
            ),
            L(
                "Đánh giá, xếp loại chất lượng công chức theo kết quả công việc",
                "0.5",
                yes_no("0.5"),
                "Quyết định đánh giá, xếp loại công chức năm.",
            ),
        ),
        N(
            "Đào tạo, bồi dưỡng",
            L(
                "Ban hành kế hoạch đào tạo, bồi dưỡng",
                "0.5",
                yes_no("0.5"),
                "Kế hoạch đào tạo, bồi dưỡng năm.",
            ),
            L(
                "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng",
                "1",
                bands(DONE, ("100", "1"), ("80", "0.5")),
                "Báo cáo kết quả đào tạo, bồi dưỡng; danh sách học viên.",
            ),
            L(
                "Công chức đạt chuẩn chức danh, tiêu chuẩn ngạch",
                "0.5",
                bands("Tỷ lệ công chức đạt chuẩn (%)", ("100", "0.5"), ("90", "0.25")),
                "Danh sách công chức với trình độ chuyên môn tại thời điểm 31/12.",
            ),
        ),
        N(
            "Kỷ luật, kỷ cương hành chính",
            L(
                "Thực hiện quy định về kỷ luật, kỷ cương hành chính",
                "0.5",
                free(),
                "Văn bản chỉ đạo; báo cáo kiểm tra công vụ.",
            ),
            L(
                "Không có cán bộ, công chức, viên chức bị xử lý kỷ luật",
                "1",
                levels(
                    ("Không có", "1"), ("Có, ở mức khiển trách", "0.5"), ("Có, ở mức cao hơn", "0")
                ),
                "Báo cáo tình hình kỷ luật cán bộ, công chức, viên chức trong năm.",
            ),
            L(
                "Thực hiện văn hóa công vụ",
                "0.5",
                free(),
                "Kế hoạch và báo cáo thực hiện văn hóa công vụ.",
            ),
        ),
        leaders("cải cách chế độ công vụ", "3"),
    ),
    N(
        "Cải cách tài chính công",
        N(
            "Quản lý, sử dụng ngân sách nhà nước",
            L(
                "Tỷ lệ giải ngân kế hoạch vốn đầu tư công",
                "1",
                bands("Tỷ lệ giải ngân vốn đầu tư công (%)", ("95", "1"), ("80", "0.5")),
                "Báo cáo giải ngân vốn đầu tư công đến 31/01 năm sau.",
            ),
            L(
                "Chấp hành dự toán ngân sách được giao",
                "1",
                free(),
                "Báo cáo quyết toán ngân sách; kết luận thanh tra, kiểm toán.",
            ),
            L(
                "Công khai ngân sách theo quy định",
                "0.5",
                yes_no("0.5"),
                "Quyết định công bố công khai dự toán, quyết toán ngân sách.",
            ),
        ),
        N(
            "Quản lý, sử dụng tài sản công",
            L(
                "Ban hành quy định về quản lý, sử dụng tài sản công",
                "0.5",
                yes_no("0.5"),
                "Các văn bản quy định về quản lý tài sản công của tỉnh.",
            ),
            L(
                "Sắp xếp lại, xử lý nhà, đất",
                "1",
                bands(
                    "Tỷ lệ cơ sở nhà, đất được xử lý theo phương án (%)", ("90", "1"), ("70", "0.5")
                ),
                "Phương án sắp xếp nhà, đất được phê duyệt; báo cáo thực hiện.",
            ),
            L(
                "Xử lý vi phạm trong quản lý tài sản công",
                "0.5",
                free(),
                "Kết luận thanh tra, kiểm toán; văn bản xử lý.",
            ),
        ),
        N(
            "Cơ chế tự chủ của đơn vị sự nghiệp công lập",
            L(
                "Tỷ lệ đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên",
                "1",
                bands("Tỷ lệ đơn vị tự bảo đảm chi thường xuyên (%)", ("30", "1"), ("15", "0.5")),
                "Quyết định giao quyền tự chủ tài chính cho các đơn vị.",
            ),
            L(
                "Ban hành giá dịch vụ sự nghiệp công",
                "1",
                free(),
                "Quyết định ban hành giá, định mức kinh tế - kỹ thuật.",
            ),
            L(
                "Ban hành danh mục dịch vụ sự nghiệp công sử dụng ngân sách",
                "0.5",
                yes_no("0.5"),
                "Quyết định ban hành danh mục dịch vụ sự nghiệp công.",
            ),
        ),
        leaders("cải cách tài chính công", "2.5"),
    ),
    N(
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        N(
            "Hạ tầng, nền tảng số và an toàn thông tin",
            L(
                "Vận hành nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)",
                "1",
                yes_no("1"),
                "Báo cáo vận hành LGSP; danh sách hệ thống được kết nối.",
            ),
            L(
                "Bảo đảm an toàn thông tin mạng theo cấp độ",
                "1",
                bands(
                    "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ (%)",
                    ("100", "1"),
                    ("80", "0.5"),
                ),
                "Quyết định phê duyệt hồ sơ cấp độ; báo cáo an toàn thông tin.",
            ),
            L(
                "Xây dựng cơ sở dữ liệu chuyên ngành",
                "1",
                free(),
                "Danh mục cơ sở dữ liệu; báo cáo tình hình cập nhật.",
            ),
        ),
        N(
            "Cung cấp dịch vụ công trực tuyến",
            L(
                "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
                "1",
                bands("Tỷ lệ TTHC trực tuyến toàn trình (%)", ("80", "1"), ("50", "0.5")),
                "Danh mục dịch vụ công trực tuyến trên Cổng Dịch vụ công của tỉnh.",
            ),
            L(
                "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến",
                "1.5",
                prop("Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)"),
                "Số liệu trên Hệ thống thông tin giải quyết TTHC (trích xuất cả năm).",
            ),
            L(
                "Thanh toán trực tuyến phí, lệ phí",
                "1",
                bands("Tỷ lệ hồ sơ thanh toán trực tuyến (%)", ("50", "1"), ("30", "0.5")),
                "Số liệu thanh toán trực tuyến trên Cổng Dịch vụ công.",
            ),
            L(
                "Tái sử dụng dữ liệu đã số hóa",
                "0.5",
                yes_no("0.5"),
                "Số liệu khai thác kho dữ liệu điện tử của tổ chức, cá nhân.",
            ),
        ),
        N(
            "Ứng dụng công nghệ thông tin trong chỉ đạo, điều hành",
            L(
                "Văn bản điện tử có ký số được gửi, nhận trên môi trường mạng",
                "1",
                bands("Tỷ lệ văn bản điện tử có ký số (%)", ("90", "1"), ("70", "0.5")),
                "Số liệu trên hệ thống quản lý văn bản và điều hành.",
            ),
            L(
                "Vận hành hệ thống thông tin báo cáo của tỉnh",
                "0.5",
                yes_no("0.5"),
                "Báo cáo vận hành hệ thống thông tin báo cáo.",
            ),
            L(
                "Tổ chức họp trực tuyến, hội nghị truyền hình",
                "0.5",
                yes_no("0.5"),
                "Danh sách cuộc họp trực tuyến trong năm.",
            ),
        ),
        N(
            "Áp dụng hệ thống quản lý chất lượng và chuyển đổi số",
            L(
                "Áp dụng, duy trì hệ thống quản lý chất lượng ISO 9001",
                "0.5",
                yes_no("0.5"),
                "Quyết định công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001.",
            ),
            L(
                "Ban hành và thực hiện kế hoạch chuyển đổi số",
                "0.5",
                levels(("Hoàn thành", "0.5"), ("Một phần", "0.25"), ("Không", "0")),
                "Kế hoạch chuyển đổi số năm; báo cáo kết quả.",
            ),
            L(
                "Kết quả chuyển đổi số được cơ quan có thẩm quyền đánh giá",
                "1",
                free(),
                "Kết quả đánh giá chuyển đổi số (DTI) được công bố.",
            ),
        ),
        leaders("xây dựng và phát triển chính quyền điện tử, chính quyền số", "3"),
    ),
    N(
        "Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội",
        N(
            "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
            "nhà nước (SIPAS)",
            *sipas("2"),
        ),
        N(
            "Tác động của CCHC đến phát triển kinh tế - xã hội của tỉnh",
            impact("Thu hút đầu tư", "1.5", "vốn đầu tư thực hiện trên địa bàn"),
            impact("Thu ngân sách nhà nước trên địa bàn", "1.5", "thu ngân sách so với dự toán"),
            impact("Tăng trưởng kinh tế", "1.5", "tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)"),
            impact("Phát triển doanh nghiệp", "1", "số doanh nghiệp thành lập mới"),
            impact("Thu nhập bình quân đầu người", "1", "thu nhập bình quân đầu người"),
        ),
        N(
            "Tác động của CCHC đến quản lý nhà nước của tỉnh",
            L(
                "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND tỉnh giao",
                "1",
                bands("Tỷ lệ chỉ tiêu đạt và vượt (%)", ("90", "1"), ("70", "0.5")),
                "Báo cáo tình hình kinh tế - xã hội năm trình HĐND tỉnh.",
            ),
            L(
                "Giải quyết khiếu nại, tố cáo thuộc thẩm quyền",
                "1",
                bands("Tỷ lệ vụ việc giải quyết đúng hạn (%)", ("90", "1"), ("70", "0.5")),
                "Báo cáo công tác giải quyết khiếu nại, tố cáo năm.",
            ),
        ),
        L(
            "Khắc phục hạn chế được chỉ ra trong kết quả Chỉ số CCHC năm trước",
            "1",
            levels(("Khắc phục đầy đủ", "1"), ("Khắc phục một phần", "0.5"), ("Không", "0")),
            "Kế hoạch khắc phục; báo cáo kết quả khắc phục từng hạn chế.",
        ),
        leaders("tác động của CCHC", "3"),
    ),
]

TINH_2022_META = {
    "form_id": "PAR-TINH-2022",
    "version": "2022111001",
    "year": 2022,
    "name": "Chỉ số cải cách hành chính cấp tỉnh giai đoạn 2022–2030 (mẫu minh họa)",
    "decision": "876/QĐ-BNV ngày 10/11/2022",
    "note": (
        "Mẫu minh họa — cấu trúc theo QĐ 876/QĐ-BNV (8 lĩnh vực, 37 tiêu chí, 88 tiêu chí thành "
        "phần; 100 điểm = 61,5 thẩm định + 6,5 tác động đến phát triển kinh tế - xã hội + 22 điều "
        "tra lãnh đạo, quản lý + 10 SIPAS); tên lĩnh vực 2, 6, 8 theo nguồn công bố, các dòng "
        "khác và điểm tối đa từng mục không phải văn bản chính thức / Illustrative sample — not "
        "an official set"
    ),
    "unit_types": [{"code": "tinh", "label": "UBND tỉnh, thành phố trực thuộc Trung ương"}],
    "ranking_groups": [{"code": "tinh", "label": "Tỉnh, thành phố", "unit_types": ["tinh"]}],
}
