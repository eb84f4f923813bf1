<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AuditPane</name>
    <message>
        <source>Every recorded change of a score or setting, oldest first (read-only)</source>
        <translation>Mọi thay đổi điểm hoặc thiết lập đã ghi nhận, cũ nhất trước (chỉ xem)</translation>
    </message>
</context>
<context>
    <name>CompletenessPane</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Appraised unit</source>
        <translation>Đơn vị được thẩm định</translation>
    </message>
    <message>
        <source>Area of the criteria</source>
        <translation>Lĩnh vực của bộ tiêu chí</translation>
    </message>
    <message>
        <source>Outstanding: %1 cell(s) not (fully) submitted.</source>
        <translation>Còn thiếu: %1 ô chưa nộp (đủ).</translation>
    </message>
</context>
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
    <name>DetailPane</name>
    <message>
        <source>Select an item to see its rule, evidence and your score.</source>
        <translation>Chọn một mục để xem cách chấm, tài liệu kiểm chứng và điểm của bạn.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Max. %1</source>
        <translation>Tối đa %1</translation>
    </message>
    <message>
        <source>self-score %1</source>
        <translation>tự chấm %1</translation>
    </message>
    <message>
        <source>declared figure %1</source>
        <translation>số liệu kê khai %1</translation>
    </message>
    <message>
        <source>your round 1 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>council round 1 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested %1</source>
        <translation>gợi ý %1</translation>
    </message>
    <message>
        <source>Score this level (Ctrl+%1)</source>
        <translation>Chấm mức này (Ctrl+%1)</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, tr. %2</translation>
    </message>
    <message>
        <source>(file not supplied)</source>
        <translation>(chưa nộp tệp)</translation>
    </message>
    <message>
        <source>New with the explanation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N/A</source>
        <translation type="unfinished">KAD</translation>
    </message>
    <message>
        <source>Explanation for round 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your round 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council round 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-assessment note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>Mức điểm:</translation>
    </message>
    <message>
        <source>&amp;Appraisal:</source>
        <translation>Điểm &amp;thẩm định:</translation>
    </message>
    <message>
        <source>e.g. 8,5</source>
        <translation>vd. 8,5</translation>
    </message>
    <message>
        <source>Unit&apos;s explanation:</source>
        <translation>Giải trình của đơn vị:</translation>
    </message>
    <message>
        <source>Your &amp;comment (saved when you leave the field or press Ctrl+Enter):</source>
        <translation>Ý &amp;kiến thẩm định (lưu khi rời ô hoặc nhấn Ctrl+Enter):</translation>
    </message>
    <message>
        <source>&amp;Evidence (double-click or Enter to open):</source>
        <translation>Tài liệu &amp;kiểm chứng (nhấp đúp hoặc Enter để mở):</translation>
    </message>
</context>
<context>
    <name>DisagreementsPane</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Members&apos; scores</source>
        <translation>Điểm của thành viên</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Chênh lệch</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Consolidation: %1. Items still to decide: %2; decided: %3.</source>
        <translation>Cách tổng hợp: %1. Mục chưa quyết định: %2; đã quyết định: %3.</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>xung đột</translation>
    </message>
    <message>
        <source>disagreement</source>
        <translation>chưa thống nhất</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>đã quyết định</translation>
    </message>
    <message>
        <source>Secretary&apos;s decision on the selected item</source>
        <translation>Quyết định của thư ký về mục đang chọn</translation>
    </message>
    <message>
        <source>&amp;Value (score or N/A):</source>
        <translation>&amp;Giá trị (điểm hoặc N/A):</translation>
    </message>
    <message>
        <source>e.g. 8,5 or N/A</source>
        <translation>ví dụ 8,5 hoặc N/A</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Lý do (bắt buộc):</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Quyết định</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Open with another application</source>
        <translation>Mở bằng ứng dụng khác</translation>
    </message>
    <message>
        <source>Show the content anyway</source>
        <translation>Vẫn xem nội dung</translation>
    </message>
    <message>
        <source>The file was altered — not trustworthy</source>
        <translation>Tệp đã bị thay đổi — không đáng tin cậy</translation>
    </message>
    <message>
        <source>Choose a cited document to see it here.</source>
        <translation>Chọn một tài liệu kiểm chứng được trích dẫn để xem tại đây.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Tài liệu kiểm chứng</translation>
    </message>
    <message>
        <source>%1 — page %2</source>
        <translation>%1 — trang %2</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Tài liệu kiểm chứng: %1</translation>
    </message>
    <message>
        <source>The content is hidden because the file cannot be trusted.</source>
        <translation>Nội dung đang được ẩn vì tệp không đáng tin cậy.</translation>
    </message>
    <message>
        <source>parapp cannot read this PDF; try another application.</source>
        <translation>parapp không đọc được tệp PDF này; hãy thử mở bằng ứng dụng khác.</translation>
    </message>
    <message>
        <source>parapp cannot show this kind of file.</source>
        <translation>parapp không hiển thị được loại tệp này.</translation>
    </message>
    <message>
        <source>The cited page %1 is beyond the file&apos;s %2 pages.</source>
        <translation>Trang được trích dẫn (%1) vượt quá số trang của tệp (%2 trang).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <source>Saved in %1:</source>
        <translation>Đã lưu vào %1:</translation>
    </message>
    <message>
        <source>Folder for the score sheets</source>
        <translation>Thư mục lưu phiếu chấm</translation>
    </message>
    <message>
        <source>Export score sheet</source>
        <translation>Xuất phiếu chấm</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <source>&amp;PDF (to sign and print)</source>
        <translation>&amp;PDF (để ký và in)</translation>
    </message>
    <message>
        <source>E&amp;xcel (to review)</source>
        <translation>E&amp;xcel (để xem lại)</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>Địa &amp;danh:</translation>
    </message>
    <message>
        <source>e.g. Thái Nguyên</source>
        <translation>ví dụ: Thái Nguyên</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Thư mục:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Mở thư mục</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
</context>
<context>
    <name>FindingsPane</name>
    <message>
        <source>Fla&amp;gs: %1 (double-click to go there)</source>
        <translation>Cờ &amp;lỗi: %1 (nhấp đúp để đến mục)</translation>
    </message>
    <message>
        <source>Fla&amp;gs</source>
        <translation>Cờ &amp;lỗi</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Python %1, Qt %2, PySide6 %3, %4</source>
        <translation>Python %1, Qt %2, PySide6 %3, %4</translation>
    </message>
    <message>
        <source>Qt and PySide6: GNU LGPL version 3 (The Qt Company), used unmodified.</source>
        <translation>Qt và PySide6: giấy phép GNU LGPL phiên bản 3 (The Qt Company), dùng nguyên bản không sửa đổi.</translation>
    </message>
    <message>
        <source>Liberation Serif 2.1.5 fonts: SIL Open Font License 1.1 (resources/fonts/LICENSE-LiberationSerif.txt).</source>
        <translation>Phông chữ Liberation Serif 2.1.5: giấy phép SIL Open Font License 1.1 (resources/fonts/LICENSE-LiberationSerif.txt).</translation>
    </message>
    <message>
        <source>pyHanko (MIT), ReportLab (BSD), openpyxl (MIT), SQLAlchemy and Alembic (MIT), cryptography (Apache 2.0 or BSD), python-pkcs11 (MIT).</source>
        <translation>pyHanko (MIT), ReportLab (BSD), openpyxl (MIT), SQLAlchemy và Alembic (MIT), cryptography (Apache 2.0 hoặc BSD), python-pkcs11 (MIT).</translation>
    </message>
    <message>
        <source>Offline appraisal of the PAR Index for appraisal councils: scoring, digital signing, merging and official printouts.</source>
        <translation>Thẩm định Chỉ số cải cách hành chính không cần Internet cho Hội đồng thẩm định: chấm điểm, ký số, tổng hợp và in kết quả chính thức.</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Giấy phép</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>&amp;User manual</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>&amp;About parapp</source>
        <translation>&amp;Giới thiệu parapp</translation>
    </message>
    <message>
        <source>About parapp</source>
        <translation>Giới thiệu parapp</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Offered at</source>
        <translation>Thời điểm nộp</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Kept copy: %1</source>
        <translation>Bản lưu: %1</translation>
    </message>
    <message>
        <source>Submission inbox</source>
        <translation>Hộp thư nộp bài</translation>
    </message>
    <message>
        <source>Every file offered to the round, with what became of it (a refused or losing copy is kept)</source>
        <translation>Mọi tệp đã nộp vào đợt và kết quả xử lý (bản bị từ chối hoặc không được chọn vẫn được lưu)</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Xử lý xung đột</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>why this version (required, kept in the audit log)</source>
        <translation>vì sao chọn bản này (bắt buộc, ghi vào nhật ký)</translation>
    </message>
    <message>
        <source>&amp;Choose this version</source>
        <translation>&amp;Chọn bản này</translation>
    </message>
    <message>
        <source>&amp;Keep the current version</source>
        <translation>&amp;Giữ bản hiện hành</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>parapp user manual</source>
        <translation>Hướng dẫn sử dụng parapp</translation>
    </message>
</context>
<context>
    <name>MergePane</name>
    <message>
        <source>Merging %1 file(s)…</source>
        <translation>Đang nhập %1 tệp…</translation>
    </message>
    <message>
        <source>Add score packages</source>
        <translation>Thêm gói điểm</translation>
    </message>
    <message>
        <source>Score packages (*.parscore)</source>
        <translation>Gói điểm (*.parscore)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>&amp;Details of the selected file</source>
        <translation>&amp;Chi tiết của tệp đang chọn</translation>
    </message>
    <message>
        <source>Last merge: %1.</source>
        <translation>Lần nhập gần nhất: %1.</translation>
    </message>
    <message>
        <source>The merge did not run.</source>
        <translation>Chưa nhập được.</translation>
    </message>
    <message>
        <source>Trust this certificate as the signing certificate of %1 (%2)?

Signer: %3
Fingerprint (SHA-256):
%4

Compare the fingerprint with the member (by phone or in person) before you confirm. The decision is recorded in the audit log.</source>
        <translation>Tin cậy chứng thư này là chứng thư ký của %1 (%2)?

Người ký: %3
Dấu vân tay (SHA-256):
%4

Hãy đối chiếu dấu vân tay với thành viên (qua điện thoại hoặc trực tiếp) trước khi xác nhận. Quyết định được ghi vào nhật ký.</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Tin cậy chứng thư này</translation>
    </message>
    <message>
        <source>Drop the members&apos; signed score packages (.parscore) here</source>
        <translation>Kéo thả các gói điểm đã ký (.parscore) của thành viên vào đây</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Thêm tệp…</translation>
    </message>
    <message>
        <source>Register the certificate that signed the selected refused package as the member&apos;s, after comparing its fingerprint with the member</source>
        <translation>Đăng ký chứng thư đã ký gói bị từ chối đang chọn làm chứng thư của thành viên, sau khi đã đối chiếu dấu vân tay với thành viên</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate…</source>
        <translation>&amp;Tin cậy chứng thư này…</translation>
    </message>
    <message>
        <source>&amp;Merge report</source>
        <translation>&amp;Kết quả nhập</translation>
    </message>
</context>
<context>
    <name>PlaceholderWindow</name>
    <message>
        <source>Opening…</source>
        <translation>Đang mở…</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Đang bắt đầu…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <source>Export results</source>
        <translation>Xuất kết quả</translation>
    </message>
    <message>
        <source>Export a draft</source>
        <translation>Xuất bản dự thảo</translation>
    </message>
    <message>
        <source>PDF and workbook (*.pdf)</source>
        <translation>PDF và bảng tính (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting the results</source>
        <translation>Đang xuất kết quả</translation>
    </message>
    <message>
        <source>Exporting the results…</source>
        <translation>Đang xuất kết quả…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Xếp hạng</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Index %</source>
        <translation>Chỉ số %</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Đủ điểm</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Whose score</source>
        <translation>Điểm của</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Classes: %1</source>
        <translation>Xếp loại: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>đủ</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa đủ</translation>
    </message>
    <message>
        <source>%1 stored value(s) are not numbers: nothing can be exported, not even a draft. Correct them first.</source>
        <translation>%1 giá trị trong đợt không phải là số: không xuất được gì, kể cả bản dự thảo. Hãy sửa các giá trị này trước.</translation>
    </message>
    <message>
        <source>The official export is disabled: %1 score(s) break a rule of the criteria set. Correct them, or export a draft marked “DỰ THẢO” with this list attached.</source>
        <translation>Không xuất được bản chính thức: %1 điểm vi phạm quy tắc của bộ tiêu chí. Hãy sửa các điểm này, hoặc xuất bản dự thảo có dấu “DỰ THẢO” kèm danh sách này.</translation>
    </message>
    <message>
        <source>Written: %1 (%2 PDF page(s)).</source>
        <translation>Đã ghi: %1 (%2 trang PDF).</translation>
    </message>
    <message>
        <source>This is a draft marked “DỰ THẢO”, not the official results.</source>
        <translation>Đây là bản dự thảo có dấu “DỰ THẢO”, không phải kết quả chính thức.</translation>
    </message>
    <message>
        <source>Provisional: %1 unit(s) are not complete.</source>
        <translation>Tạm tính: %1 đơn vị chưa đủ điểm.</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>Chưa xuất được gì.</translation>
    </message>
    <message>
        <source>&amp;Consolidation:</source>
        <translation>Cách &amp;tổng hợp:</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>&amp;Ngưỡng:</translation>
    </message>
    <message>
        <source>Widest spread of the members&apos; scores still counted as agreement (rule &quot;Must agree&quot;)</source>
        <translation>Chênh lệch lớn nhất giữa điểm của các thành viên vẫn coi là thống nhất (cách “Phải thống nhất”)</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>Á&amp;p dụng</translation>
    </message>
    <message>
        <source>Ranking &amp;group:</source>
        <translation>&amp;Khối xếp hạng:</translation>
    </message>
    <message>
        <source>Scores that break a rule of the criteria set</source>
        <translation>Các điểm vi phạm quy tắc của bộ tiêu chí</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>Đị&amp;a danh:</translation>
    </message>
    <message>
        <source>e.g. Thái Nguyên</source>
        <translation>ví dụ Thái Nguyên</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>The official workbook and PDF, to sign</source>
        <translation>Bảng tính và PDF chính thức, để ký</translation>
    </message>
    <message>
        <source>&amp;Export official results…</source>
        <translation>&amp;Xuất kết quả chính thức…</translation>
    </message>
    <message>
        <source>A draft marked &quot;DỰ THẢO&quot; on every page, with the list of scores that break a rule</source>
        <translation>Bản dự thảo có dấu “DỰ THẢO” trên mọi trang, kèm danh sách các điểm vi phạm quy tắc</translation>
    </message>
    <message>
        <source>Export dra&amp;ft…</source>
        <translation>Xuất &amp;dự thảo…</translation>
    </message>
    <message>
        <source>Print the PDF exported last</source>
        <translation>In tệp PDF vừa xuất</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;In…</translation>
    </message>
</context>
<context>
    <name>ScoreTreeModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Max.</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>Tự chấm</translation>
    </message>
    <message>
        <source>Mine R1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council R1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>Thẩm định</translation>
    </message>
    <message>
        <source>Diff.</source>
        <translation>Chênh</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>KAD</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Cờ</translation>
    </message>
    <message>
        <source>Evid.</source>
        <translation>TLKC</translation>
    </message>
    <message>
        <source>Code of the item</source>
        <translation>Mã của mục</translation>
    </message>
    <message>
        <source>Area, criterion or sub-criterion</source>
        <translation>Lĩnh vực, tiêu chí hoặc tiêu chí thành phần</translation>
    </message>
    <message>
        <source>Maximum points that apply to this unit</source>
        <translation>Điểm tối đa áp dụng cho đơn vị</translation>
    </message>
    <message>
        <source>The unit&apos;s self-score</source>
        <translation>Điểm tự chấm của đơn vị</translation>
    </message>
    <message>
        <source>Your own appraisal in round 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The council&apos;s consolidated score of round 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score the unit proposes in its explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your appraisal (type a score, Enter saves)</source>
        <translation>Điểm thẩm định của bạn (gõ điểm, Enter để lưu)</translation>
    </message>
    <message>
        <source>Appraisal minus self-score</source>
        <translation>Điểm thẩm định trừ điểm tự chấm</translation>
    </message>
    <message>
        <source>Not applicable to this unit</source>
        <translation>Không áp dụng cho đơn vị</translation>
    </message>
    <message>
        <source>Problems to look at</source>
        <translation>Các vấn đề cần xem</translation>
    </message>
    <message>
        <source>Number of evidence documents cited</source>
        <translation>Số tài liệu kiểm chứng được dẫn</translation>
    </message>
    <message>
        <source>Not applicable to this unit: excluded from the totals</source>
        <translation>Không áp dụng cho đơn vị: không tính vào tổng điểm</translation>
    </message>
    <message>
        <source>Read-only: scored by a survey, another agency or another member</source>
        <translation>Chỉ xem: do điều tra XHH, cơ quan khác hoặc thành viên khác chấm</translation>
    </message>
</context>
<context>
    <name>ScoringWindow</name>
    <message>
        <source>Score &amp;level</source>
        <translation>Chấm &amp;mức điểm</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Mức %1</translation>
    </message>
    <message>
        <source>My areas (%1)</source>
        <translation>Lĩnh vực của tôi (%1)</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
    <message>
        <source>%1 — scored %2/%3 · total %4 of %5 · index %6 % · %7</source>
        <translation>%1 — đã chấm %2/%3 · tổng %4 trên %5 · chỉ số %6 % · %7</translation>
    </message>
    <message>
        <source>Appraisal — %1 — parapp</source>
        <translation>Thẩm định — %1 — parapp</translation>
    </message>
    <message>
        <source>Appraisal — parapp</source>
        <translation>Thẩm định — parapp</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>code or words, with or without diacritics</source>
        <translation>mã hoặc từ, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation>&amp;Lĩnh vực:</translation>
    </message>
    <message>
        <source>&amp;Unscored</source>
        <translation>&amp;Chưa chấm</translation>
    </message>
    <message>
        <source>Only items you have not scored yet</source>
        <translation>Chỉ các mục bạn chưa chấm</translation>
    </message>
    <message>
        <source>&amp;Flagged</source>
        <translation>Có &amp;cờ</translation>
    </message>
    <message>
        <source>Only items with flags</source>
        <translation>Chỉ các mục có cờ lỗi</translation>
    </message>
    <message>
        <source>&amp;Detail</source>
        <translation>C&amp;hi tiết</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>Tài liệu &amp;kiểm chứng</translation>
    </message>
    <message>
        <source>Choose an evidence document in the Detail tab to read it here.</source>
        <translation>Chọn một tài liệu kiểm chứng ở thẻ Chi tiết để đọc tại đây.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>&amp;Find item</source>
        <translation>&amp;Tìm mục</translation>
    </message>
    <message>
        <source>Next &amp;unscored item</source>
        <translation>Mục &amp;chưa chấm tiếp theo</translation>
    </message>
    <message>
        <source>Next &amp;flag</source>
        <translation>&amp;Cờ lỗi tiếp theo</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Chữ &amp;lớn hơn</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Chữ &amp;nhỏ hơn</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Cỡ chữ &amp;mặc định</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>&amp;Mở rộng tất cả</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>&amp;Thu gọn tất cả</translation>
    </message>
    <message>
        <source>&amp;English</source>
        <translation>Tiếng &amp;Anh (English)</translation>
    </message>
</context>
<context>
    <name>SecretaryWindow</name>
    <message>
        <source>Exported.</source>
        <translation>Đã xuất.</translation>
    </message>
    <message>
        <source>%1 — secretary — parapp</source>
        <translation>%1 — thư ký — parapp</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) — criteria set %3, phase: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) — bộ tiêu chí %3, giai đoạn: %4</translation>
    </message>
    <message>
        <source>parapp</source>
        <translation>parapp</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Nộp bài</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Đầy đủ</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Bất đồng</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký</translation>
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
        <source>&amp;Add score packages…</source>
        <translation>&amp;Thêm gói điểm…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>&amp;English</source>
        <translation>&amp;English</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Signing and packaging…</source>
        <translation>Đang ký và đóng gói…</translation>
    </message>
    <message>
        <source>Creating the certificate…</source>
        <translation>Đang tạo chứng thư…</translation>
    </message>
    <message>
        <source>Looking for tokens…</source>
        <translation>Đang tìm thiết bị ký số…</translation>
    </message>
    <message>
        <source>Choose the PKCS#11 module of your token.</source>
        <translation>Hãy chọn thư viện PKCS#11 của thiết bị ký số.</translation>
    </message>
    <message>
        <source>Choose the key file (.p12 or .pfx).</source>
        <translation>Hãy chọn tệp khóa (.p12 hoặc .pfx).</translation>
    </message>
    <message>
        <source>Enter the token&apos;s PIN.</source>
        <translation>Hãy nhập mã PIN của thiết bị ký số.</translation>
    </message>
    <message>
        <source>Signed and saved the score package:</source>
        <translation>Đã ký và lưu gói phiếu chấm:</translation>
    </message>
    <message>
        <source>Checked again: %1; integrity: %2; signer: %3.</source>
        <translation>Kiểm tra lại: %1; toàn vẹn: %2; người ký: %3.</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>nguyên vẹn</translation>
    </message>
    <message>
        <source>NOT intact</source>
        <translation>KHÔNG nguyên vẹn</translation>
    </message>
    <message>
        <source>Hand this file to the council secretary.</source>
        <translation>Hãy nộp tệp này cho thư ký hội đồng.</translation>
    </message>
    <message>
        <source>Created %1 and %2.</source>
        <translation>Đã tạo %1 và %2.</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256) for the secretary to register:</source>
        <translation>Dấu vân tay (SHA-256) để thư ký hội đồng đăng ký:</translation>
    </message>
    <message>
        <source>Certificate created: sign with it on the first tab.</source>
        <translation>Đã tạo chứng thư: ký bằng chứng thư này ở thẻ đầu tiên.</translation>
    </message>
    <message>
        <source>No token found: plug it in and try again.</source>
        <translation>Không thấy thiết bị ký số: hãy cắm thiết bị rồi thử lại.</translation>
    </message>
    <message>
        <source>%1 token(s) found.</source>
        <translation>Tìm thấy %1 thiết bị ký số.</translation>
    </message>
    <message>
        <source>Reading the token&apos;s state…</source>
        <translation>Đang đọc trạng thái thiết bị ký số…</translation>
    </message>
    <message>
        <source>Reading the token&apos;s certificates…</source>
        <translation>Đang đọc chứng thư trên thiết bị…</translation>
    </message>
    <message>
        <source>Signing is refused while %1 error(s) remain in your scores. Double-click one to go there, correct it, then check again.</source>
        <translation>Chưa thể ký khi phiếu chấm của bạn còn %1 lỗi. Bấm đúp vào một lỗi để đến mục đó, sửa lại rồi kiểm tra lại.</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Tệp khóa</translation>
    </message>
    <message>
        <source>Key files (*.p12 *.pfx)</source>
        <translation>Tệp khóa (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>Thư viện PKCS#11</translation>
    </message>
    <message>
        <source>PKCS#11 modules (*.dll *.so *.dylib)</source>
        <translation>Thư viện PKCS#11 (*.dll *.so *.dylib)</translation>
    </message>
    <message>
        <source>Folder for the score package</source>
        <translation>Thư mục lưu gói phiếu chấm</translation>
    </message>
    <message>
        <source>Sign and submit</source>
        <translation>Ký và nộp</translation>
    </message>
    <message>
        <source>The score sheets are signed offline: PAdES B-B, without a timestamp. The signing time is your computer&apos;s clock.</source>
        <translation>Phiếu chấm được ký số ngoại tuyến: PAdES B-B, không có dấu thời gian. Thời gian ký lấy theo đồng hồ máy tính của bạn.</translation>
    </message>
    <message>
        <source>Correct these errors before signing</source>
        <translation>Sửa các lỗi sau trước khi ký</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Kiểm tra lại</translation>
    </message>
    <message>
        <source>Certificate &amp;file (.p12)</source>
        <translation>&amp;Tệp chứng thư (.p12)</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Tệp khóa:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>USB &amp;token (PKCS#11)</source>
        <translation>&amp;Thiết bị ký số USB (PKCS#11)</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>Thư viện:</translation>
    </message>
    <message>
        <source>VNPT-CA: cryptoki.dll · Viettel-CA, FPT-CA: pkcs11.dll · OpenSC: opensc-pkcs11 · SoftHSM: libsofthsm2, in the folder where the CA&apos;s software is installed.</source>
        <translation>VNPT-CA: cryptoki.dll · Viettel-CA, FPT-CA: pkcs11.dll · OpenSC: opensc-pkcs11 · SoftHSM: libsofthsm2, trong thư mục cài phần mềm của nhà cung cấp chứng thư.</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Thiết bị:</translation>
    </message>
    <message>
        <source>&amp;Find tokens</source>
        <translation>Tìm &amp;thiết bị</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Chứng thư:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>Mã PIN:</translation>
    </message>
    <message>
        <source>The PIN is tried once. Tokens lock after several wrong PINs: check it before signing.</source>
        <translation>Mã PIN chỉ được thử một lần. Thiết bị sẽ bị khóa nếu nhập sai nhiều lần: hãy kiểm tra kỹ trước khi ký.</translation>
    </message>
    <message>
        <source>&amp;New personal certificate</source>
        <translation>Tạo &amp;chứng thư cá nhân</translation>
    </message>
    <message>
        <source>Without a CA certificate, create a personal one. Give its fingerprint to the council secretary to register.</source>
        <translation>Nếu chưa có chứng thư số của nhà cung cấp, hãy tạo chứng thư cá nhân và gửi dấu vân tay cho thư ký hội đồng để đăng ký.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Create certificate</source>
        <translation>&amp;Tạo chứng thư</translation>
    </message>
    <message>
        <source>Score package</source>
        <translation>Gói phiếu chấm</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>Địa &amp;danh:</translation>
    </message>
    <message>
        <source>e.g. Thái Nguyên</source>
        <translation>ví dụ: Thái Nguyên</translation>
    </message>
    <message>
        <source>Save in:</source>
        <translation>Lưu vào:</translation>
    </message>
    <message>
        <source>Include each unit&apos;s sheet as PDF and Excel</source>
        <translation>Kèm phiếu chấm PDF và Excel của từng đơn vị</translation>
    </message>
    <message>
        <source>&amp;Sign and submit</source>
        <translation>&amp;Ký và nộp</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>%1 — not found</source>
        <translation>%1 — không tìm thấy</translation>
    </message>
    <message>
        <source>%1
Not found: the drive may be unplugged, or the file was moved or deleted.</source>
        <translation>%1
Không tìm thấy: có thể ổ đĩa chưa được cắm, hoặc tệp đã bị chuyển đi hay bị xóa.</translation>
    </message>
    <message>
        <source>Scoring package</source>
        <translation>Gói chấm điểm</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Vùng làm việc</translation>
    </message>
    <message>
        <source>Appraisal round</source>
        <translation>Vòng thẩm định</translation>
    </message>
    <message>
        <source>Open scoring package</source>
        <translation>Mở gói chấm điểm</translation>
    </message>
    <message>
        <source>Scoring packages (*.parpkg)</source>
        <translation>Gói chấm điểm (*.parpkg)</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Mở không gian làm việc</translation>
    </message>
    <message>
        <source>Workspaces and rounds (*.parround)</source>
        <translation>Không gian làm việc và đợt thẩm định (*.parround)</translation>
    </message>
    <message>
        <source>parapp</source>
        <translation>parapp</translation>
    </message>
    <message>
        <source>parapp — PAR Index appraisal</source>
        <translation>parapp — Thẩm định Chỉ số cải cách hành chính</translation>
    </message>
    <message>
        <source>Open the scoring package the council&apos;s secretary sent you, or continue in a workspace you opened before.</source>
        <translation>Mở gói chấm điểm do thư ký hội đồng gửi, hoặc tiếp tục làm việc trong không gian làm việc đã mở trước đây.</translation>
    </message>
    <message>
        <source>Open scoring package (.parpkg)…</source>
        <translation>Mở gói chấm điểm (.parpkg)…</translation>
    </message>
    <message>
        <source>Open workspace (.parround)…</source>
        <translation>Mở không gian làm việc (.parround)…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Dùng thử dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Tệp mở gần đây</translation>
    </message>
    <message>
        <source>No recent files yet.</source>
        <translation>Chưa có tệp nào được mở gần đây.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Forget missing files</source>
        <translation>Bỏ các tệp không còn tìm thấy</translation>
    </message>
</context>
<context>
    <name>SubmitActions</name>
    <message>
        <source>This submission will replace the one of %1 (%2).</source>
        <translation>Bản nộp này sẽ thay thế bản nộp ngày %1 (%2).</translation>
    </message>
    <message>
        <source>Preparing the sheet for printing…</source>
        <translation>Đang chuẩn bị phiếu để in…</translation>
    </message>
    <message>
        <source>Submitted. To correct a score, change it and sign again: the new version replaces this one.</source>
        <translation>Đã nộp. Muốn sửa điểm, hãy sửa rồi ký nộp lại: bản mới sẽ thay thế bản này.</translation>
    </message>
    <message>
        <source>&amp;Export score sheet…</source>
        <translation>&amp;Xuất phiếu chấm…</translation>
    </message>
    <message>
        <source>Export a unit&apos;s score sheet as PDF and Excel</source>
        <translation>Xuất phiếu chấm của một đơn vị ra PDF và Excel</translation>
    </message>
    <message>
        <source>&amp;Print sheet…</source>
        <translation>&amp;In phiếu…</translation>
    </message>
    <message>
        <source>Print the current unit&apos;s score sheet</source>
        <translation>In phiếu chấm của đơn vị đang xem</translation>
    </message>
    <message>
        <source>&amp;Sign and submit…</source>
        <translation>&amp;Ký và nộp…</translation>
    </message>
    <message>
        <source>Sign your scores of every unit and save the score package</source>
        <translation>Ký điểm chấm của mọi đơn vị và lưu gói phiếu chấm</translation>
    </message>
    <message>
        <source>&amp;Sign and submit a corrected version…</source>
        <translation>&amp;Ký và nộp bản sửa…</translation>
    </message>
    <message>
        <source>Sign your corrected scores as a new version that replaces your last submission</source>
        <translation>Ký điểm đã sửa thành một bản mới thay thế lần nộp trước của bạn</translation>
    </message>
    <message>
        <source>Score sheets</source>
        <translation>Phiếu chấm</translation>
    </message>
</context>
<context>
    <name>UnitListModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Đã chấm</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>Index %</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Cờ</translation>
    </message>
    <message>
        <source>Appraised unit</source>
        <translation>Đơn vị được thẩm định</translation>
    </message>
    <message>
        <source>Your items scored / items you score</source>
        <translation>Số mục bạn đã chấm / số mục bạn phụ trách</translation>
    </message>
    <message>
        <source>Points achieved / applicable maximum</source>
        <translation>Điểm đạt được / điểm tối đa áp dụng</translation>
    </message>
    <message>
        <source>PAR index of the unit, %</source>
        <translation>Chỉ số CCHC của đơn vị, %</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Problems in your items</source>
        <translation>Các vấn đề trong các mục bạn phụ trách</translation>
    </message>
    <message>
        <source>%1
Scored %2 of %3 items; %4 of %5 points; index %6 % (%7)</source>
        <translation>%1
Đã chấm %2 trên %3 mục; %4 trên %5 điểm; chỉ số %6 % (%7)</translation>
    </message>
</context>
<context>
    <name>UnitsPane</name>
    <message>
        <source>&amp;Units</source>
        <translation>Đơn &amp;vị</translation>
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
<context>
    <name>print_sheet</name>
    <message>
        <source>Print score sheet</source>
        <translation>In phiếu chấm</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>score of %1</source>
        <translation>điểm mục %1</translation>
    </message>
    <message>
        <source>comment on %1</source>
        <translation>ý kiến mục %1</translation>
    </message>
    <message>
        <source>N/A mark of %1</source>
        <translation>đánh dấu KAD mục %1</translation>
    </message>
</context>
</TS>
