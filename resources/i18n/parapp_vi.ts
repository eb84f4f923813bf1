<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AssignmentsSection</name>
    <message>
        <source>&lt;b&gt;Areas × members&lt;/b&gt; (one appraiser per area)</source>
        <translation>&lt;b&gt;Lĩnh vực × thành viên&lt;/b&gt; (mỗi lĩnh vực một người thẩm định)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Units × members&lt;/b&gt; (untick to split the council by unit)</source>
        <translation>&lt;b&gt;Đơn vị × thành viên&lt;/b&gt; (bỏ chọn để chia Hội đồng theo đơn vị)</translation>
    </message>
    <message>
        <source>One appraiser per area</source>
        <translation>Mỗi lĩnh vực một người</translation>
    </message>
    <message>
        <source>Everyone scores every area</source>
        <translation>Mọi thành viên chấm mọi lĩnh vực</translation>
    </message>
    <message>
        <source>Save the assignments</source>
        <translation>Lưu phân công</translation>
    </message>
    <message>
        <source>Saved the assignments of %1 member(s).</source>
        <translation>Đã lưu phân công của %1 thành viên.</translation>
    </message>
</context>
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
    <name>CriteriaPage</name>
    <message>
        <source>New appraisal round</source>
        <translation>Đợt thẩm định mới</translation>
    </message>
    <message>
        <source>Name the round, choose where its file goes and which criteria set it uses.</source>
        <translation>Đặt tên đợt, chọn nơi lưu tệp đợt và bộ tiêu chí áp dụng.</translation>
    </message>
    <message>
        <source>e.g. Thẩm định Chỉ số CCHC năm 2026</source>
        <translation>ví dụ: Thẩm định Chỉ số CCHC năm 2026</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Round name</source>
        <translation>Tên đợt thẩm định</translation>
    </message>
    <message>
        <source>Round file</source>
        <translation>Tệp đợt thẩm định</translation>
    </message>
    <message>
        <source>A bundled criteria set</source>
        <translation>Bộ tiêu chí có sẵn</translation>
    </message>
    <message>
        <source>The province&apos;s workbook (.xlsx or .json)</source>
        <translation>Tệp bộ tiêu chí của tỉnh (.xlsx hoặc .json)</translation>
    </message>
    <message>
        <source>Choose and check…</source>
        <translation>Chọn và kiểm tra…</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Checked: %1 — %2 (%3), %4 areas, unit types: %5.</source>
        <translation>Đã kiểm tra: %1 — %2 (%3), %4 lĩnh vực, loại đơn vị: %5.</translation>
    </message>
    <message>
        <source>Choose a bundled set, or a workbook that passes the check.</source>
        <translation>Hãy chọn một bộ có sẵn, hoặc một tệp bộ tiêu chí đã kiểm tra không có lỗi.</translation>
    </message>
    <message>
        <source>Appraisal rounds (*.parround)</source>
        <translation>Đợt thẩm định (*.parround)</translation>
    </message>
    <message>
        <source>Criteria set</source>
        <translation>Bộ tiêu chí</translation>
    </message>
    <message>
        <source>Criteria sets (*.xlsx *.json)</source>
        <translation>Bộ tiêu chí (*.xlsx *.json)</translation>
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
        <translation>lần 1 của bạn %1</translation>
    </message>
    <message>
        <source>council round 1 %1</source>
        <translation>lần 1 tổng hợp %1</translation>
    </message>
    <message>
        <source>proposed %1</source>
        <translation>đề nghị %1</translation>
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
        <translation>Mới, kèm giải trình: %1</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>KAD</translation>
    </message>
    <message>
        <source>Explanation for round 2</source>
        <translation>Giải trình của đơn vị (thẩm định lần 2)</translation>
    </message>
    <message>
        <source>Your round 1</source>
        <translation>Lần 1 của bạn</translation>
    </message>
    <message>
        <source>Council round 1</source>
        <translation>Lần 1 tổng hợp</translation>
    </message>
    <message>
        <source>Proposed score</source>
        <translation>Điểm đề nghị</translation>
    </message>
    <message>
        <source>Self-assessment note</source>
        <translation>Ghi chú khi tự đánh giá</translation>
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
    <name>ExternalPane</name>
    <message>
        <source>Export the unsigned document</source>
        <translation>Xuất bản chưa ký</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Import the signed document</source>
        <translation>Nhập bản đã ký</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Add a CRL</source>
        <translation>Thêm danh sách thu hồi (CRL)</translation>
    </message>
    <message>
        <source>Add a trusted CA certificate</source>
        <translation>Thêm chứng thư CA tin cậy</translation>
    </message>
    <message>
        <source>Revocation lists (*.crl)</source>
        <translation>Danh sách thu hồi (*.crl)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.cer *.crt *.der)</source>
        <translation>Chứng thư số (*.pem *.cer *.crt *.der)</translation>
    </message>
    <message>
        <source>Trusted besides the bundled roots: %1</source>
        <translation>Tin cậy thêm ngoài các chứng thư gốc có sẵn: %1</translation>
    </message>
    <message>
        <source>Trusted: the bundled root certificates.</source>
        <translation>Tin cậy: các chứng thư gốc có sẵn.</translation>
    </message>
    <message>
        <source>Score sheet — %1 — %2</source>
        <translation>Phiếu chấm — %1 — %2</translation>
    </message>
    <message>
        <source>Round-1 notice — %1</source>
        <translation>Thông báo kết quả lần 1 — %1</translation>
    </message>
    <message>
        <source>Appraisal results</source>
        <translation>Kết quả thẩm định</translation>
    </message>
    <message>
        <source>Council meeting minutes</source>
        <translation>Biên bản họp Hội đồng</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Signers in order</source>
        <translation>Người ký theo thứ tự</translation>
    </message>
    <message>
        <source>Next signer</source>
        <translation>Người ký tiếp theo</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>Xuất lúc</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Content fingerprint: %1</source>
        <translation>Dấu vân nội dung: %1</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>được nhận</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>A member&apos;s score sheet</source>
        <translation>Phiếu chấm của thành viên</translation>
    </message>
    <message>
        <source>Round-1 notice of a unit</source>
        <translation>Thông báo kết quả lần 1 của đơn vị</translation>
    </message>
    <message>
        <source>Sign with another tool</source>
        <translation>Ký bằng công cụ khác</translation>
    </message>
    <message>
        <source>Official PDFs exported for signing with another tool (vSignPDF, a token&apos;s own tool, a remote-signing service), signer by signer; parapp records a signed file only when it holds exactly the exported bytes, signed by the person whose turn it is.</source>
        <translation>Các văn bản PDF chính thức đã xuất để ký bằng công cụ khác (vSignPDF, phần mềm của USB token, dịch vụ ký số từ xa), lần lượt từng người ký; parapp chỉ ghi nhận tệp đã ký khi tệp giữ nguyên từng byte đã xuất và do đúng người đến lượt ký.</translation>
    </message>
    <message>
        <source>Files brought back for the selected document:</source>
        <translation>Các tệp đã nhập lại cho văn bản đang chọn:</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Thành viên:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>Đị&amp;a danh:</translation>
    </message>
    <message>
        <source>e.g. Thái Nguyên</source>
        <translation>ví dụ: Thái Nguyên</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>Deadline for &amp;explanations:</source>
        <translation>&amp;Hạn giải trình:</translation>
    </message>
    <message>
        <source>E&amp;xport unsigned…</source>
        <translation>&amp;Xuất bản chưa ký…</translation>
    </message>
    <message>
        <source>Bring back the signed document</source>
        <translation>Nhập lại bản đã ký</translation>
    </message>
    <message>
        <source>Add a trusted &amp;CA…</source>
        <translation>Thêm &amp;CA tin cậy…</translation>
    </message>
    <message>
        <source>Add a C&amp;RL…</source>
        <translation>Thêm danh sách thu hồi (C&amp;RL)…</translation>
    </message>
    <message>
        <source>&amp;Import signed…</source>
        <translation>&amp;Nhập bản đã ký…</translation>
    </message>
    <message>
        <source>Signature and seal images (Decree 30)</source>
        <translation>Ảnh chữ ký và con dấu (Nghị định 30)</translation>
    </message>
    <message>
        <source>&amp;Image of:</source>
        <translation>Ảnh &amp;của:</translation>
    </message>
    <message>
        <source>Choose a &amp;PNG…</source>
        <translation>Chọn ảnh &amp;PNG…</translation>
    </message>
    <message>
        <source>&amp;Save image</source>
        <translation>&amp;Lưu ảnh</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Bỏ ảnh</translation>
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
    <name>MeetingDialog</name>
    <message>
        <source>Quorum rule: %1</source>
        <translation>Quy tắc biểu quyết: %1</translation>
    </message>
    <message>
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>vắng mặt</translation>
    </message>
    <message>
        <source>absent, written opinion</source>
        <translation>vắng mặt, có ý kiến bằng văn bản</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Tham dự</translation>
    </message>
    <message>
        <source>Written opinion</source>
        <translation>Ý kiến bằng văn bản</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>sent by the secretary</source>
        <translation>thư ký đưa ra Hội đồng</translation>
    </message>
    <message>
        <source>members disagree</source>
        <translation>thành viên chấm lệch nhau</translation>
    </message>
    <message>
        <source>Approve the round&apos;s results</source>
        <translation>Thông qua kết quả của đợt thẩm định</translation>
    </message>
    <message>
        <source>Record the council meeting</source>
        <translation>Ghi nhận cuộc họp Hội đồng thẩm định</translation>
    </message>
    <message>
        <source>&amp;Minutes no.:</source>
        <translation>&amp;Số biên bản:</translation>
    </message>
    <message>
        <source>&amp;Held on:</source>
        <translation>&amp;Thời gian họp:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <source>&amp;Chair:</source>
        <translation>&amp;Chủ tọa:</translation>
    </message>
    <message>
        <source>Attendance (an absent member may send a written opinion)</source>
        <translation>Thành phần tham dự (thành viên vắng mặt có thể gửi ý kiến bằng văn bản)</translation>
    </message>
    <message>
        <source>Contested items and votes</source>
        <translation>Các mục còn ý kiến khác nhau và biểu quyết</translation>
    </message>
    <message>
        <source>&amp;Proposed score:</source>
        <translation>Điểm đề &amp;xuất:</translation>
    </message>
    <message>
        <source>Chair&apos;s &amp;decision (no majority):</source>
        <translation>Chủ tọa &amp;quyết định (khi không đạt đa số):</translation>
    </message>
    <message>
        <source>Dis&amp;cussion:</source>
        <translation>Ý &amp;kiến thảo luận:</translation>
    </message>
    <message>
        <source>Put the approval of the round&apos;s results to the vote (the last subject of the list)</source>
        <translation>Biểu quyết thông qua kết quả của đợt thẩm định (mục cuối của danh sách)</translation>
    </message>
</context>
<context>
    <name>MemberEditDialog</name>
    <message>
        <source>Edit council member</source>
        <translation>Sửa thành viên Hội đồng</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
</context>
<context>
    <name>MembersSection</name>
    <message>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Certificate (SHA-256)</source>
        <translation>Chứng thư số (SHA-256)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>made from the name when empty</source>
        <translation>để trống thì lấy theo họ tên</translation>
    </message>
    <message>
        <source>e.g. Phó Giám đốc Sở Nội vụ</source>
        <translation>ví dụ: Phó Giám đốc Sở Nội vụ</translation>
    </message>
    <message>
        <source>Certificate file (.cer, .pem, .p12)…</source>
        <translation>Tệp chứng thư số (.cer, .pem, .p12)…</translation>
    </message>
    <message>
        <source>Read from the plugged token</source>
        <translation>Đọc từ token đang cắm</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>Không dùng chứng thư</translation>
    </message>
    <message>
        <source>No certificate chosen.</source>
        <translation>Chưa chọn chứng thư số.</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Thêm thành viên</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>%1 — issued by %2, valid %3 – %4</source>
        <translation>%1 — do %2 cấp, hiệu lực %3 – %4</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>Dấu vân tay SHA-256: %1</translation>
    </message>
    <message>
        <source>Member&apos;s certificate</source>
        <translation>Chứng thư số của thành viên</translation>
    </message>
    <message>
        <source>Certificates (*.cer *.crt *.pem *.der *.p12 *.pfx)</source>
        <translation>Chứng thư số (*.cer *.crt *.pem *.der *.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Passphrase of the .p12 file:</source>
        <translation>Mật khẩu của tệp .p12:</translation>
    </message>
    <message>
        <source>Added member %1.</source>
        <translation>Đã thêm thành viên %1.</translation>
    </message>
</context>
<context>
    <name>MergePane</name>
    <message>
        <source>Merging the submissions</source>
        <translation>Đang nhập bài nộp</translation>
    </message>
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
        <source>Cancelled: %1 file(s) not merged, add them again to merge them.</source>
        <translation>Đã dừng: %1 tệp chưa được nhập, hãy thêm lại để nhập.</translation>
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
    <name>NewRoundWizard</name>
    <message>
        <source>New appraisal round — parapp</source>
        <translation>Đợt thẩm định mới — parapp</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&amp;Create the round</source>
        <translation>&amp;Tạo đợt</translation>
    </message>
    <message>
        <source>&amp;Finish and open the round</source>
        <translation>&amp;Xong và mở đợt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>The units appraised this year: type them, or import the units workbook.</source>
        <translation>Các đơn vị được thẩm định năm nay: nhập từng đơn vị, hoặc nhập từ tệp Excel danh sách đơn vị.</translation>
    </message>
    <message>
        <source>Council members</source>
        <translation>Thành viên Hội đồng</translation>
    </message>
    <message>
        <source>Name, title, role and signing certificate of each member.</source>
        <translation>Họ tên, chức vụ, vai trò và chứng thư số của từng thành viên.</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Which areas (and units) each member scores.</source>
        <translation>Mỗi thành viên chấm những lĩnh vực (và đơn vị) nào.</translation>
    </message>
    <message>
        <source>Phases and deadlines</source>
        <translation>Giai đoạn và thời hạn</translation>
    </message>
    <message>
        <source>The deadline of each phase (optional).</source>
        <translation>Thời hạn của từng giai đoạn (không bắt buộc).</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <source>Consolidation, quorum, classification bands and revocation lists.</source>
        <translation>Cách tổng hợp điểm, quy tắc biểu quyết, thang xếp loại và danh sách thu hồi chứng thư.</translation>
    </message>
    <message>
        <source>Packages for the members</source>
        <translation>Gói chấm điểm cho thành viên</translation>
    </message>
    <message>
        <source>Write every member&apos;s scoring package to a folder or a USB stick (optional).</source>
        <translation>Ghi gói chấm điểm của mọi thành viên vào một thư mục hoặc USB (không bắt buộc).</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <source>All units (%1)</source>
        <translation>Tất cả đơn vị (%1)</translation>
    </message>
    <message>
        <source>The passphrase is read once and not kept.</source>
        <translation>Mật khẩu chỉ được đọc một lần và không được lưu.</translation>
    </message>
    <message>
        <source>.p12 key file</source>
        <translation>Tệp khóa .p12</translation>
    </message>
    <message>
        <source>USB token (PKCS#11)</source>
        <translation>Thiết bị ký số USB (PKCS#11)</translation>
    </message>
    <message>
        <source>&amp;Sign with:</source>
        <translation>&amp;Ký bằng:</translation>
    </message>
    <message>
        <source>&amp;Find tokens</source>
        <translation>Tì&amp;m thiết bị</translation>
    </message>
    <message>
        <source>PKCS#11 &amp;module:</source>
        <translation>Thư &amp;viện PKCS#11:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>Thiết &amp;bị:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>Khó&amp;a:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>Mã &amp;PIN:</translation>
    </message>
    <message>
        <source>The PIN is read once and not kept.</source>
        <translation>Mã PIN chỉ được đọc một lần và không được lưu.</translation>
    </message>
    <message>
        <source>Folder for the notices</source>
        <translation>Thư mục lưu thông báo</translation>
    </message>
    <message>
        <source>The secretary&apos;s key</source>
        <translation>Khóa của thư ký</translation>
    </message>
    <message>
        <source>PKCS#12 key (*.p12 *.pfx)</source>
        <translation>Khóa PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Round-1 notices</source>
        <translation>Thông báo kết quả thẩm định lần 1</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;Deadline for explanations:</source>
        <translation>&amp;Hạn gửi giải trình:</translation>
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
        <source>&amp;Folder:</source>
        <translation>&amp;Thư mục:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Secretary&apos;s &amp;key (.p12):</source>
        <translation>&amp;Khóa của thư ký (.p12):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Each notice is signed (PAdES) and checked; a workbook goes beside it. The passphrase is not kept.</source>
        <translation>Mỗi thông báo được ký số (PAdES) và kiểm tra lại; kèm bảng tính bên cạnh. Mật khẩu không được lưu.</translation>
    </message>
</context>
<context>
    <name>PackagesSection</name>
    <message>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Build the packages of all members</source>
        <translation>Tạo gói cho tất cả thành viên</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Ghi vào:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Package sent</source>
        <translation>Đã gửi gói lúc</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã nộp</translation>
    </message>
    <message>
        <source>Partly submitted</source>
        <translation>Nộp thiếu</translation>
    </message>
    <message>
        <source>Not yet submitted</source>
        <translation>Chưa nộp</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn nộp</translation>
    </message>
    <message>
        <source>Building the members&apos; packages</source>
        <translation>Đang tạo gói chấm điểm cho thành viên</translation>
    </message>
    <message>
        <source>Wrote %1 package(s) into %2: %3</source>
        <translation>Đã ghi %1 gói vào %2: %3</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>Folder or USB stick for the packages</source>
        <translation>Thư mục hoặc USB để ghi các gói</translation>
    </message>
</context>
<context>
    <name>PhasesSection</name>
    <message>
        <source>deadline</source>
        <translation>có thời hạn</translation>
    </message>
    <message>
        <source>Save the deadlines</source>
        <translation>Lưu thời hạn</translation>
    </message>
    <message>
        <source>Current phase: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Giai đoạn hiện tại: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Move to the next phase: %1</source>
        <translation>Chuyển sang giai đoạn tiếp theo: %1</translation>
    </message>
    <message>
        <source>Deadlines saved.</source>
        <translation>Đã lưu thời hạn.</translation>
    </message>
    <message>
        <source>Moved to phase: %1.</source>
        <translation>Đã chuyển sang giai đoạn: %1.</translation>
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
    <name>PreviousYearBar</name>
    <message>
        <source>Import last year&apos;s results</source>
        <translation>Nhập kết quả năm trước</translation>
    </message>
    <message>
        <source>Results workbook or round (*.xlsx *.parround)</source>
        <translation>Bảng kết quả hoặc tệp đợt (*.xlsx *.parround)</translation>
    </message>
    <message>
        <source>Import last year&apos;s results…</source>
        <translation>Nhập kết quả năm trước…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Last year: not imported (no comparison).</source>
        <translation>Năm trước: chưa nhập (không so sánh).</translation>
    </message>
    <message>
        <source>Last year: %1 (%2 units).</source>
        <translation>Năm trước: %1 (%2 đơn vị).</translation>
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
    <name>ReopenDialog</name>
    <message>
        <source>Reopen an earlier phase</source>
        <translation>Mở lại giai đoạn trước</translation>
    </message>
    <message>
        <source>why (required, kept in the audit log)</source>
        <translation>lý do (bắt buộc, ghi vào nhật ký)</translation>
    </message>
    <message>
        <source>&amp;Phase:</source>
        <translation>&amp;Giai đoạn:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
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
        <source>Last year&apos;s index %</source>
        <translation>Chỉ số năm trước %</translation>
    </message>
    <message>
        <source>Δ index</source>
        <translation>± chỉ số</translation>
    </message>
    <message>
        <source>Last year&apos;s rank</source>
        <translation>Hạng năm trước</translation>
    </message>
    <message>
        <source>Δ rank</source>
        <translation>± hạng</translation>
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
        <source>not comparable</source>
        <translation>không so sánh được</translation>
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
    <name>RosterDialogs</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Đã lưu %1.</translation>
    </message>
    <message>
        <source>Remove unit</source>
        <translation>Xóa đơn vị</translation>
    </message>
    <message>
        <source>Remove the unit %1 from the round? Its assignments are removed with it.</source>
        <translation>Xóa đơn vị %1 khỏi đợt thẩm định? Các dòng phân công của đơn vị cũng bị xóa theo.</translation>
    </message>
    <message>
        <source>Remove council member</source>
        <translation>Xóa thành viên Hội đồng</translation>
    </message>
    <message>
        <source>Remove the council member %1 from the round? Their assignments are removed with them.</source>
        <translation>Xóa thành viên Hội đồng %1 khỏi đợt thẩm định? Các dòng phân công của thành viên cũng bị xóa theo.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>Đã xóa %1.</translation>
    </message>
</context>
<context>
    <name>RulesSection</name>
    <message>
        <source>Scoring and meeting rules</source>
        <translation>Quy tắc tổng hợp điểm và biểu quyết</translation>
    </message>
    <message>
        <source>e.g. 0,5</source>
        <translation>ví dụ: 0,5</translation>
    </message>
    <message>
        <source>Save the rules</source>
        <translation>Lưu quy tắc</translation>
    </message>
    <message>
        <source>Consolidation of members&apos; scores</source>
        <translation>Cách tổng hợp điểm của thành viên</translation>
    </message>
    <message>
        <source>Agreement threshold (must agree)</source>
        <translation>Ngưỡng thống nhất (phải thống nhất)</translation>
    </message>
    <message>
        <source>Quorum rule of the meeting</source>
        <translation>Quy tắc biểu quyết của cuộc họp</translation>
    </message>
    <message>
        <source>Classification bands</source>
        <translation>Thang xếp loại</translation>
    </message>
    <message>
        <source>Certificate revocation lists (CRLs)</source>
        <translation>Danh sách thu hồi chứng thư số (CRL)</translation>
    </message>
    <message>
        <source>Add a CRL file…</source>
        <translation>Thêm tệp CRL…</translation>
    </message>
    <message>
        <source>Remove every CRL</source>
        <translation>Xóa mọi CRL</translation>
    </message>
    <message>
        <source>The criteria set&apos;s own classes</source>
        <translation>Xếp loại theo bộ tiêu chí</translation>
    </message>
    <message>
        <source>Rules saved.</source>
        <translation>Đã lưu quy tắc.</translation>
    </message>
    <message>
        <source>Stored %1.</source>
        <translation>Đã lưu %1.</translation>
    </message>
    <message>
        <source>Certificate revocation list</source>
        <translation>Danh sách thu hồi chứng thư số</translation>
    </message>
    <message>
        <source>CRLs (*.crl *.pem *.der)</source>
        <translation>Tệp CRL (*.crl *.pem *.der)</translation>
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
        <translation>Lần 1 (tôi)</translation>
    </message>
    <message>
        <source>Council R1</source>
        <translation>Lần 1 (HĐ)</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Đề nghị</translation>
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
        <translation>Điểm thẩm định lần 1 của bạn</translation>
    </message>
    <message>
        <source>The council&apos;s consolidated score of round 1</source>
        <translation>Điểm thẩm định lần 1 đã tổng hợp của Hội đồng</translation>
    </message>
    <message>
        <source>The score the unit proposes in its explanation</source>
        <translation>Điểm đơn vị đề nghị trong giải trình</translation>
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
    <name>SelfImportSection</name>
    <message>
        <source>Folder holding the units&apos; filled forms</source>
        <translation>Thư mục chứa các phiếu tự đánh giá đã điền của đơn vị</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Import every form in the folder</source>
        <translation>Nhập mọi phiếu trong thư mục</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Từ chối: %1</translation>
    </message>
    <message>
        <source>Already imported, nothing changed</source>
        <translation>Đã có trong đợt, không thay đổi gì</translation>
    </message>
    <message>
        <source>Imported: %1 item(s), %2 new evidence file(s)</source>
        <translation>Đã nhập: %1 mục, %2 tệp kiểm chứng mới</translation>
    </message>
    <message>
        <source>%1 file(s): %2 imported, %3 refused.</source>
        <translation>%1 tệp: %2 nhập được, %3 bị từ chối.</translation>
    </message>
    <message>
        <source>Folder of filled forms</source>
        <translation>Thư mục phiếu đã điền</translation>
    </message>
</context>
<context>
    <name>SettingsPane</name>
    <message>
        <source>Setup</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Self-assessments</source>
        <translation>Tự đánh giá</translation>
    </message>
    <message>
        <source>Council members</source>
        <translation>Thành viên Hội đồng</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Phases and deadlines</source>
        <translation>Giai đoạn và thời hạn</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Gói chấm điểm</translation>
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
        <source>The score sheets are signed on this computer, with no Internet connection and no time-stamping service: the signing time is your computer&apos;s clock, so make sure it is right.</source>
        <translation>Phiếu chấm được ký số ngay trên máy này, không cần Internet và không qua dịch vụ cấp dấu thời gian: thời gian ký lấy theo đồng hồ máy tính của bạn, hãy kiểm tra đồng hồ cho đúng.</translation>
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
    <name>StampImagesBox</name>
    <message>
        <source>The agency&apos;s seal</source>
        <translation>Con dấu của cơ quan</translation>
    </message>
    <message>
        <source>Choose a PNG image</source>
        <translation>Chọn ảnh PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>%1 chosen, not saved yet: press Save image.</source>
        <translation>Đã chọn %1, chưa lưu: bấm “Lưu ảnh”.</translation>
    </message>
    <message>
        <source>No image: the stamp shows text only.</source>
        <translation>Chưa có ảnh: chữ ký số chỉ hiện chữ.</translation>
    </message>
    <message>
        <source>Stored with the round.</source>
        <translation>Đã lưu cùng vòng thẩm định.</translation>
    </message>
    <message>
        <source>This file is not an image.</source>
        <translation>Tệp này không phải ảnh.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>New appraisal round…</source>
        <translation>Tạo đợt thẩm định mới…</translation>
    </message>
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
    <name>UnitEditDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>Sửa đơn vị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Unit type</source>
        <translation>Loại đơn vị</translation>
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
    <name>UnitsSection</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Unit type</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>Ranking group</source>
        <translation>Nhóm xếp hạng</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Code, e.g. STP</source>
        <translation>Mã, ví dụ: STP</translation>
    </message>
    <message>
        <source>Name, e.g. Sở Tư pháp</source>
        <translation>Tên, ví dụ: Sở Tư pháp</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <source>Write the units workbook template…</source>
        <translation>Ghi tệp Excel mẫu danh sách đơn vị…</translation>
    </message>
    <message>
        <source>Import units from a workbook…</source>
        <translation>Nhập đơn vị từ tệp Excel…</translation>
    </message>
    <message>
        <source>Preview of the workbook</source>
        <translation>Xem trước tệp Excel</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Import these units</source>
        <translation>Nhập các đơn vị này</translation>
    </message>
    <message>
        <source>Added unit %1.</source>
        <translation>Đã thêm đơn vị %1.</translation>
    </message>
    <message>
        <source>%1 unit(s) ready to import.</source>
        <translation>%1 đơn vị sẵn sàng để nhập.</translation>
    </message>
    <message>
        <source>Added %1 unit(s).</source>
        <translation>Đã thêm %1 đơn vị.</translation>
    </message>
    <message>
        <source>Units workbook</source>
        <translation>Tệp Excel danh sách đơn vị</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Units workbook template</source>
        <translation>Tệp Excel mẫu danh sách đơn vị</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>Đã ghi %1.</translation>
    </message>
</context>
<context>
    <name>YearPane</name>
    <message>
        <source>Issuing the round-1 notices</source>
        <translation>Đang phát hành thông báo kết quả lần 1</translation>
    </message>
    <message>
        <source>%1: notice signed by %2 → %3</source>
        <translation>%1: thông báo do %2 ký → %3</translation>
    </message>
    <message>
        <source>Folder for the explanation forms</source>
        <translation>Thư mục lưu phiếu giải trình</translation>
    </message>
    <message>
        <source>%1: form written → %2</source>
        <translation>%1: đã ghi phiếu → %2</translation>
    </message>
    <message>
        <source>Import an explanation form</source>
        <translation>Nhập phiếu giải trình</translation>
    </message>
    <message>
        <source>Explanation form (*.xlsx)</source>
        <translation>Phiếu giải trình (*.xlsx)</translation>
    </message>
    <message>
        <source>Folder of filled explanation forms</source>
        <translation>Thư mục các phiếu giải trình đã điền</translation>
    </message>
    <message>
        <source>No form (*.xlsx) in %1.</source>
        <translation>Không có phiếu (*.xlsx) nào trong %1.</translation>
    </message>
    <message>
        <source>✓ %1: %2 — %3 item(s), %4 new evidence file(s)</source>
        <translation>✓ %1: %2 — %3 mục, %4 tệp tài liệu kiểm chứng mới</translation>
    </message>
    <message>
        <source>Meeting %1 recorded: %2 item(s) decided; results approved: %3.</source>
        <translation>Đã ghi nhận cuộc họp %1: quyết định %2 mục; thông qua kết quả: %3.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Write the minutes</source>
        <translation>Ghi biên bản</translation>
    </message>
    <message>
        <source>Minutes written as a Word file to edit → %1</source>
        <translation>Đã ghi biên bản thành tệp Word để chỉnh sửa → %1</translation>
    </message>
    <message>
        <source>Minutes written (unsigned) → %1</source>
        <translation>Đã ghi biên bản (chưa ký) → %1</translation>
    </message>
    <message>
        <source>Sign the minutes as secretary: %1</source>
        <translation>Thư ký ký biên bản: %1</translation>
    </message>
    <message>
        <source>Sign the minutes as chair: %1</source>
        <translation>Chủ tọa ký biên bản: %1</translation>
    </message>
    <message>
        <source>Signing the minutes</source>
        <translation>Đang ký biên bản</translation>
    </message>
    <message>
        <source>Minutes signed → %1</source>
        <translation>Đã ký biên bản → %1</translation>
    </message>
    <message>
        <source>Announcement draft</source>
        <translation>Dự thảo quyết định công bố</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Đã ghi: %1</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>Giai đoạn kế tiếp</translation>
    </message>
    <message>
        <source>Move the round to the phase “%1”?</source>
        <translation>Chuyển đợt thẩm định sang giai đoạn “%1”?</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Tệp Word (*.docx)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Notice sent</source>
        <translation>Ngày gửi thông báo</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn giải trình</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Giải trình</translation>
    </message>
    <message>
        <source>Approved by the leader</source>
        <translation>Lãnh đạo đơn vị duyệt</translation>
    </message>
    <message>
        <source>Round 2</source>
        <translation>Thẩm định lần 2</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Đã quyết định</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước hiện tại</translation>
    </message>
    <message>
        <source>Move to: %1</source>
        <translation>Chuyển sang: %1</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Đã chốt điểm</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã được thông qua</translation>
    </message>
    <message>
        <source>not approved yet</source>
        <translation>chưa được thông qua</translation>
    </message>
    <message>
        <source>Phase: &lt;b&gt;%1&lt;/b&gt; — %2 meeting(s), results %3.</source>
        <translation>Giai đoạn: &lt;b&gt;%1&lt;/b&gt; — %2 cuộc họp, kết quả %3.</translation>
    </message>
    <message>
        <source>&amp;Units — where each stands after round 1</source>
        <translation>Các đơn &amp;vị — tình trạng sau thẩm định lần 1</translation>
    </message>
    <message>
        <source>What the last action did (one line per file)</source>
        <translation>Kết quả thao tác gần nhất (mỗi tệp một dòng)</translation>
    </message>
    <message>
        <source>1. Round-1 notices</source>
        <translation>1. Thông báo kết quả lần 1</translation>
    </message>
    <message>
        <source>&amp;Issue notices…</source>
        <translation>&amp;Phát hành thông báo…</translation>
    </message>
    <message>
        <source>Signed notices (PDF and workbook) for the selected unit or all units</source>
        <translation>Thông báo đã ký (PDF và bảng tính) cho đơn vị đang chọn hoặc tất cả đơn vị</translation>
    </message>
    <message>
        <source>2. Explanations</source>
        <translation>2. Giải trình</translation>
    </message>
    <message>
        <source>E&amp;xport explanation forms…</source>
        <translation>&amp;Xuất phiếu giải trình…</translation>
    </message>
    <message>
        <source>Import a &amp;form…</source>
        <translation>Nhập một &amp;phiếu…</translation>
    </message>
    <message>
        <source>Import a f&amp;older of forms…</source>
        <translation>Nhập cả &amp;thư mục phiếu…</translation>
    </message>
    <message>
        <source>3. Council meeting</source>
        <translation>3. Họp Hội đồng thẩm định</translation>
    </message>
    <message>
        <source>The round&apos;s quorum rule for the meeting&apos;s votes</source>
        <translation>Quy tắc biểu quyết của cuộc họp trong đợt thẩm định</translation>
    </message>
    <message>
        <source>&amp;Record the meeting…</source>
        <translation>&amp;Ghi nhận cuộc họp…</translation>
    </message>
    <message>
        <source>Write the &amp;minutes…</source>
        <translation>Ghi &amp;biên bản…</translation>
    </message>
    <message>
        <source>The same minutes as a Word file (.docx) to edit; the official minutes stay the signed PDF</source>
        <translation>Cùng biên bản đó dưới dạng tệp Word (.docx) để chỉnh sửa; biên bản chính thức vẫn là tệp PDF đã ký số</translation>
    </message>
    <message>
        <source>As &amp;Word…</source>
        <translation>Bản &amp;Word…</translation>
    </message>
    <message>
        <source>Sign the minutes as &amp;secretary…</source>
        <translation>&amp;Thư ký ký biên bản…</translation>
    </message>
    <message>
        <source>Sign the minutes as c&amp;hair…</source>
        <translation>&amp;Chủ tọa ký biên bản…</translation>
    </message>
    <message>
        <source>4. Announce and close</source>
        <translation>4. Công bố và chốt điểm</translation>
    </message>
    <message>
        <source>&amp;Announcement draft…</source>
        <translation>&amp;Dự thảo quyết định công bố…</translation>
    </message>
    <message>
        <source>Re&amp;open an earlier phase…</source>
        <translation>&amp;Mở lại giai đoạn trước…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm thẩm định</translation>
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
        <source>Print preview</source>
        <translation>Xem trước khi in</translation>
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
