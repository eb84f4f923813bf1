<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>CriteriaBrowser</name>
    <message>
        <source>%1 (%2) — %3, version %4</source>
        <translation>%1 (%2) — %3, phiên bản %4</translation>
    </message>
    <message>
        <source>All unit types (general maxima)</source>
        <translation>Mọi loại đơn vị (điểm tối đa chung)</translation>
    </message>
    <message>
        <source>No criteria set is bundled yet: add JSON sets to resources/criteria.</source>
        <translation>Chưa có bộ tiêu chí nào đi kèm: hãy thêm tệp JSON vào resources/criteria.</translation>
    </message>
    <message>
        <source>Select an item to see its rule and evidence.</source>
        <translation>Chọn một mục để xem cách chấm và tài liệu kiểm chứng.</translation>
    </message>
    <message>
        <source>Areas: %1</source>
        <translation>Lĩnh vực: %1</translation>
    </message>
    <message>
        <source>Criteria: %1</source>
        <translation>Tiêu chí: %1</translation>
    </message>
    <message>
        <source>Sub-criteria: %1</source>
        <translation>Tiêu chí thành phần: %1</translation>
    </message>
    <message>
        <source>Scored items: %1</source>
        <translation>Mục chấm điểm: %1</translation>
    </message>
    <message>
        <source>Maximum %1</source>
        <translation>Tối đa %1</translation>
    </message>
    <message>
        <source>Bonus up to %1</source>
        <translation>Thưởng tối đa %1</translation>
    </message>
    <message>
        <source>Penalty up to %1</source>
        <translation>Trừ tối đa %1</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Đang hiện: %1</translation>
    </message>
    <message>
        <source>Dense: equal totals share a rank, the next gets rank + 1 (1, 1, 2)</source>
        <translation>Liền: bằng điểm thì đồng hạng, hạng sau cộng 1 (1, 1, 2)</translation>
    </message>
    <message>
        <source>Competition: equal totals share a rank, then skip (1, 1, 3)</source>
        <translation>Nhảy hạng: bằng điểm thì đồng hạng, hạng sau bỏ qua (1, 1, 3)</translation>
    </message>
    <message>
        <source>Inside the ratio: (achieved + bonus − penalty) ÷ maximum × 100</source>
        <translation>Tính trong tỷ lệ: (điểm đạt + thưởng − trừ) ÷ điểm tối đa × 100</translation>
    </message>
    <message>
        <source>After the ratio: achieved ÷ maximum × 100 + bonus − penalty</source>
        <translation>Cộng sau tỷ lệ: điểm đạt ÷ điểm tối đa × 100 + thưởng − trừ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Quyết định:</translation>
    </message>
    <message>
        <source>Form id and version:</source>
        <translation>Mã bộ và phiên bản:</translation>
    </message>
    <message>
        <source>Unit types:</source>
        <translation>Loại đơn vị:</translation>
    </message>
    <message>
        <source>Ranking groups:</source>
        <translation>Nhóm xếp hạng:</translation>
    </message>
    <message>
        <source>Classification:</source>
        <translation>Xếp loại:</translation>
    </message>
    <message>
        <source>Ranking:</source>
        <translation>Cách xếp hạng:</translation>
    </message>
    <message>
        <source>Bonus and penalty:</source>
        <translation>Điểm thưởng, điểm trừ:</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Sub-criterion</source>
        <translation>Tiêu chí thành phần</translation>
    </message>
    <message>
        <source>all unit types</source>
        <translation>mọi loại đơn vị</translation>
    </message>
    <message>
        <source>Only these values:</source>
        <translation>Chỉ các mức điểm sau:</translation>
    </message>
    <message>
        <source>otherwise</source>
        <translation>còn lại</translation>
    </message>
    <message>
        <source>the declared figure</source>
        <translation>số liệu kê khai</translation>
    </message>
    <message>
        <source>Suggested score from a figure:</source>
        <translation>Điểm gợi ý theo số liệu:</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>Bước điểm: %1</translation>
    </message>
    <message>
        <source>The appraiser may deviate with a comment.</source>
        <translation>Người thẩm định có thể cho điểm khác, kèm ghi chú.</translation>
    </message>
    <message>
        <source>Score = %1 × figure ÷ %2</source>
        <translation>Điểm = %1 × số liệu ÷ %2</translation>
    </message>
    <message>
        <source>Proportional to:</source>
        <translation>Tỷ lệ theo:</translation>
    </message>
    <message>
        <source>Any value from %1 to %2</source>
        <translation>Điểm bất kỳ từ %1 đến %2</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>bước %1</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Cấp:</translation>
    </message>
    <message>
        <source>Maximum:</source>
        <translation>Điểm tối đa:</translation>
    </message>
    <message>
        <source>Minimum:</source>
        <translation>Điểm tối thiểu:</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>Áp dụng cho:</translation>
    </message>
    <message>
        <source>Bonus points</source>
        <translation>Điểm thưởng</translation>
    </message>
    <message>
        <source>Penalty points</source>
        <translation>Điểm trừ</translation>
    </message>
    <message>
        <source>Counts as:</source>
        <translation>Tính là:</translation>
    </message>
    <message>
        <source>Assessed by:</source>
        <translation>Người chấm:</translation>
    </message>
    <message>
        <source>sum of its %1 items, capped at the maximum</source>
        <translation>tổng %1 mục con, không vượt điểm tối đa</translation>
    </message>
    <message>
        <source>sum of its %1 items</source>
        <translation>tổng %1 mục con</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Cách tính điểm:</translation>
    </message>
    <message>
        <source>Scoring rule</source>
        <translation>Cách chấm</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Hướng dẫn chấm</translation>
    </message>
    <message>
        <source>Required evidence</source>
        <translation>Tài liệu kiểm chứng</translation>
    </message>
    <message>
        <source>Criteria sets — parapp</source>
        <translation>Bộ tiêu chí — parapp</translation>
    </message>
    <message>
        <source>Criteria &amp;set:</source>
        <translation>&amp;Bộ tiêu chí:</translation>
    </message>
    <message>
        <source>&amp;Unit type:</source>
        <translation>&amp;Loại đơn vị:</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>Code or words, with or without diacritics</source>
        <translation>Mã hoặc từ khóa, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>Mục đang chọn</translation>
    </message>
    <message>
        <source>About this set</source>
        <translation>Thông tin bộ tiêu chí</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>T&amp;ìm…</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>&amp;Mở rộng tất cả</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>Thu &amp;gọn tất cả</translation>
    </message>
</context>
<context>
    <name>CriteriaTreeModel</name>
    <message>
        <source>Self-assessed, appraised</source>
        <translation>Tự đánh giá, thẩm định</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Điều tra XHH</translation>
    </message>
    <message>
        <source>Another agency</source>
        <translation>Cơ quan khác</translation>
    </message>
    <message>
        <source>Leadership</source>
        <translation>Lãnh đạo tỉnh</translation>
    </message>
    <message>
        <source>Levels: %1</source>
        <translation>Mức: %1</translation>
    </message>
    <message>
        <source>Bands on a figure (%1)</source>
        <translation>Theo khoảng số liệu (%1)</translation>
    </message>
    <message>
        <source>Proportional to a figure</source>
        <translation>Tỷ lệ theo số liệu</translation>
    </message>
    <message>
        <source>Free, step %1</source>
        <translation>Tự do, bước %1</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Tự do</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Max. points</source>
        <translation>Điểm tối đa</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Người chấm</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Cách chấm</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Nhiều nguồn</translation>
    </message>
    <message>
        <source>Does not apply to this unit type</source>
        <translation>Không áp dụng cho loại đơn vị này</translation>
    </message>
    <message>
        <source>Bonus points</source>
        <translation>Điểm thưởng</translation>
    </message>
    <message>
        <source>Penalty points</source>
        <translation>Điểm trừ</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cắ&amp;t</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tấ&amp;t cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>parapp</source>
        <translation>parapp</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <source>This is a fault in parapp, not in your data. Please send the details to support.</source>
        <translation>Đây là lỗi của phần mềm parapp, không phải của dữ liệu. Vui lòng gửi phần chi tiết cho bộ phận hỗ trợ.</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Tệp nhật ký: %1</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
</context>
</TS>
