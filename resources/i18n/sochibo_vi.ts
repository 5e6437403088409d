<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>AbsenceReasonDialog</name>
    <message>
        <source>Excused absence</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Why was %1 absent from %2?</source>
        <translation>Lý do đồng chí %1 vắng buổi %2?</translation>
    </message>
    <message>
        <source>For example: on a work trip, ill</source>
        <translation>Ví dụ: đi công tác, ốm</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>What needs doing today and what falls due soon: probationary members near the end of their probation, candidates whose deadlines are close, members absent from meetings for months, each with the rule behind it.</source>
        <translation>Những việc cần làm hôm nay và sắp đến hạn: đảng viên dự bị sắp hết thời gian dự bị, quần chúng sắp đến mốc thời hạn, đảng viên vắng sinh hoạt nhiều tháng; việc nào cũng kèm căn cứ quy định.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Phát triển đảng viên</translation>
    </message>
    <message>
        <source>The candidates, their two introducers, the admission dossier checklist and every deadline of the admission procedure, computed from the rules with the source shown.</source>
        <translation>Quần chúng ưu tú, hai đảng viên giới thiệu, danh mục hồ sơ kết nạp và mọi mốc thời hạn của thủ tục kết nạp, tính theo quy định và ghi rõ căn cứ.</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Sinh hoạt</translation>
    </message>
    <message>
        <source>The cell&apos;s meetings and study sessions with attendance, and a warning before a member reaches three months absent.</source>
        <translation>Các buổi sinh hoạt chi bộ và học tập nghị quyết, có điểm danh; báo trước khi đảng viên sắp vắng sinh hoạt ba tháng.</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>The cell&apos;s documents in the Party&apos;s layout on A4, filled in from the register, and sign-in sheets and checklists to print.</source>
        <translation>Văn bản của chi bộ đúng thể thức của Đảng trên khổ A4, điền sẵn từ sổ; in danh sách ký tên và phiếu kiểm tra hồ sơ.</translation>
    </message>
    <message>
        <source>Send to upper level</source>
        <translation>Gửi cấp trên</translation>
    </message>
    <message>
        <source>Sending the register to the upper level on a USB stick: an encrypted, signed file that leaks nothing if the stick is lost, and the receipt that comes back.</source>
        <translation>Gửi sổ lên cấp ủy cấp trên bằng USB: một tệp được mã hóa và ký số, lỡ mất USB cũng không lộ dữ liệu; và nhận biên nhận cấp trên gửi lại.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Figures for the cell: members by status, changes over a period, admissions and recognitions.</source>
        <translation>Số liệu của chi bộ: đảng viên theo tình trạng, biến động trong kỳ, kết nạp và công nhận đảng viên chính thức.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>The language, the text size, backups and changing the register&apos;s passphrase.</source>
        <translation>Ngôn ngữ, cỡ chữ, sao lưu sổ và đổi mật khẩu của sổ.</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>The cells enrolled with this upper level, their keys and what they sent.</source>
        <translation>Các chi bộ đã ghi danh với cấp trên, khóa của từng chi bộ và những gì chi bộ đã gửi.</translation>
    </message>
    <message>
        <source>Receive bundles</source>
        <translation>Nhận gói</translation>
    </message>
    <message>
        <source>The bundles the cells send on a USB stick: checked, previewed, received.</source>
        <translation>Gói các chi bộ gửi qua USB: kiểm tra, xem trước rồi nhận vào sổ.</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Bảng theo dõi</translation>
    </message>
    <message>
        <source>Which cells reported this month, their members and candidates, admissions against the quota, and the deadlines coming up.</source>
        <translation>Chi bộ nào đã báo cáo tháng này, số đảng viên và quần chúng, số kết nạp so với chỉ tiêu, và các thời hạn sắp đến.</translation>
    </message>
    <message>
        <source>Decisions and receipts</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>The admission quota of each cell, the upper level&apos;s decisions about its people, and the receipt that takes them back to the cell.</source>
        <translation>Chỉ tiêu kết nạp của từng chi bộ, quyết định của cấp trên về người của chi bộ, và biên nhận đưa các quyết định đó về chi bộ.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Vướng mắc</translation>
    </message>
    <message>
        <source>Bundles held back or that do not follow on, and people two cells both hold, for the officer to settle.</source>
        <translation>Gói bị giữ lại hoặc không nối tiếp, và người cùng có tên ở hai chi bộ, để cán bộ giải quyết.</translation>
    </message>
    <message>
        <source>Figures for all the cells together, for any period, to print or export.</source>
        <translation>Số liệu chung của các chi bộ trong kỳ bất kỳ, để in hoặc xuất ra tệp.</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <source>present (C or Space)</source>
        <translation>có mặt (C hoặc phím cách)</translation>
    </message>
    <message>
        <source>late (M)</source>
        <translation>đến muộn (M)</translation>
    </message>
    <message>
        <source>excused, with a reason (P)</source>
        <translation>vắng có lý do (P)</translation>
    </message>
    <message>
        <source>unexcused (V)</source>
        <translation>vắng không lý do (V)</translation>
    </message>
    <message>
        <source>not on that meeting&apos;s roll</source>
        <translation>không có tên trong danh sách buổi đó</translation>
    </message>
    <message>
        <source>Delete: back to the default</source>
        <translation>Delete: trở về mặc định</translation>
    </message>
    <message>
        <source>Arrows move; after a mark the cursor goes down to the next member. Exempted members are listed last, below the line.</source>
        <translation>Phím mũi tên để di chuyển; ghi xong một ô, con trỏ xuống đảng viên kế tiếp. Đảng viên được miễn sinh hoạt xếp cuối, dưới đường kẻ.</translation>
    </message>
    <message>
        <source>No register is open</source>
        <translation>Chưa mở sổ nào</translation>
    </message>
    <message>
        <source>%1: %2 meetings that take a roll, %3 members (%4 exempted)</source>
        <translation>Năm %1: %2 buổi có điểm danh, %3 đảng viên (%4 người miễn sinh hoạt)</translation>
    </message>
    <message>
        <source>No regular, thematic or resolution study meeting held in %1.</source>
        <translation>Năm %1 chưa có buổi sinh hoạt thường kỳ, chuyên đề hay học tập nghị quyết nào.</translation>
    </message>
</context>
<context>
    <name>AttendanceGridModel</name>
    <message>
        <source>Expected</source>
        <translation>Phải dự</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Đã dự</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Unexcused</source>
        <translation>Vắng không lý do</translation>
    </message>
    <message>
        <source>Months unexcused</source>
        <translation>Tháng vắng không lý do</translation>
    </message>
    <message>
        <source>Meetings the member was expected at</source>
        <translation>Số buổi đảng viên phải dự</translation>
    </message>
    <message>
        <source>Present or late</source>
        <translation>Có mặt hoặc đến muộn</translation>
    </message>
    <message>
        <source>Absent with a reason</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Absent without a reason</source>
        <translation>Vắng không lý do</translation>
    </message>
    <message>
        <source>Months with an unexcused absence from a regular or thematic meeting (the Charter counts months in the year)</source>
        <translation>Các tháng vắng sinh hoạt thường kỳ hoặc chuyên đề không lý do (Điều lệ Đảng tính theo số tháng trong năm)</translation>
    </message>
    <message>
        <source>Attended: %1 of %2 expected</source>
        <translation>Đã dự: %1/%2 người phải dự</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
    <message>
        <source>Exempted from meetings: did not come</source>
        <translation>Miễn sinh hoạt: không đến dự</translation>
    </message>
    <message>
        <source>Not on this meeting&apos;s roll (not yet admitted, moved, away or exempted)</source>
        <translation>Không có tên trong danh sách buổi này (chưa kết nạp, đã chuyển đi, sinh hoạt tạm thời nơi khác hoặc miễn sinh hoạt)</translation>
    </message>
    <message>
        <source>%1 (exempted from meetings)</source>
        <translation>%1 (miễn sinh hoạt)</translation>
    </message>
</context>
<context>
    <name>AttendanceReport</name>
    <message>
        <source>Meetings held</source>
        <translation>Số buổi đã họp</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Tỷ lệ dự họp</translation>
    </message>
    <message>
        <source>Resolution study</source>
        <translation>Học tập nghị quyết</translation>
    </message>
    <message>
        <source>Unexcused absence</source>
        <translation>Vắng không lý do</translation>
    </message>
    <message>
        <source>Attendance in %1</source>
        <translation>Tình hình dự sinh hoạt năm %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Chỉ tiêu: %1</translation>
    </message>
    <message>
        <source>No meeting held</source>
        <translation>Chưa có buổi nào</translation>
    </message>
    <message>
        <source>No member was expected at a meeting</source>
        <translation>Chưa có đảng viên nào phải dự buổi nào</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 expected places; %4 late, %5 excused, %6 unexcused)</source>
        <translation>%1 (%2/%3 lượt phải dự; %4 lượt đến muộn, %5 lượt vắng có lý do, %6 lượt vắng không lý do)</translation>
    </message>
    <message>
        <source>No resolution study session held (target %1)</source>
        <translation>Chưa có buổi học tập nghị quyết nào (chỉ tiêu %1)</translation>
    </message>
    <message>
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <source>%1 (%2 of %3) against a target of %4: %5</source>
        <translation>%1 (%2/%3), so với chỉ tiêu %4: %5</translation>
    </message>
    <message>
        <source>%1 members missed a meeting without a reason; %2 in %3 months (a reminder), %4 in %5 months or more (the cell considers removal)</source>
        <translation>%1 đảng viên có buổi vắng không lý do; %2 người vắng %3 tháng (nhắc nhở), %4 người vắng từ %5 tháng trở lên (chi bộ xem xét xóa tên)</translation>
    </message>
</context>
<context>
    <name>AttendanceReportModel</name>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Phải dự</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Đã dự</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Đến muộn</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Unexcused</source>
        <translation>Vắng không lý do</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Months unexcused</source>
        <translation>Tháng vắng không lý do</translation>
    </message>
    <message>
        <source>Unexcused absences: %1</source>
        <translation>Các buổi vắng không lý do: %1</translation>
    </message>
</context>
<context>
    <name>AttendeeDialog</name>
    <message>
        <source>Add an attendee</source>
        <translation>Thêm người dự</translation>
    </message>
    <message>
        <source>Type or choose an exempted member or a candidate…</source>
        <translation>Gõ hoặc chọn đảng viên được miễn sinh hoạt hay quần chúng…</translation>
    </message>
    <message>
        <source>Type or choose a person…</source>
        <translation>Gõ hoặc chọn người…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người dự</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>No one in the list has this name: choose from it</source>
        <translation>Không có ai tên này trong danh sách: hãy chọn trong danh sách</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Change history</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Everyone — type a name to see one person</source>
        <translation>Mọi người — gõ tên để xem riêng một người</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Mọi loại bản ghi</translation>
    </message>
    <message>
        <source>Show ID numbers</source>
        <translation>Hiện đủ số định danh</translation>
    </message>
    <message>
        <source>Show this person&apos;s ID and party card numbers in full. The change history records that you looked.</source>
        <translation>Hiện đầy đủ số định danh và số thẻ đảng viên của người này. Lịch sử thay đổi sẽ ghi lại việc xem.</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Người:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Đến ngày:</translation>
    </message>
    <message>
        <source>Fields changed in the selected entry</source>
        <translation>Các trường đã sửa trong mục đang chọn</translation>
    </message>
    <message>
        <source>Reading the change history…</source>
        <translation>Đang đọc lịch sử thay đổi…</translation>
    </message>
    <message>
        <source>Journal chain intact: %1 entries</source>
        <translation>Chuỗi nhật ký nguyên vẹn: %1 mục</translation>
    </message>
    <message>
        <source>The journal chain is broken or was altered:</source>
        <translation>Chuỗi nhật ký bị đứt hoặc đã bị sửa:</translation>
    </message>
    <message>
        <source>%1 entries about %2, newest first</source>
        <translation>%1 mục về %2, mới nhất trước</translation>
    </message>
    <message>
        <source>%1 entries, newest first</source>
        <translation>%1 mục, mới nhất trước</translation>
    </message>
    <message>
        <source>(ID numbers shown in full; this was recorded)</source>
        <translation>(hiện đủ các số; việc xem đã được ghi lại)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Máy</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Fields changed (before → after)</source>
        <translation>Các trường đã sửa (trước → sau)</translation>
    </message>
</context>
<context>
    <name>BackupLabel</name>
    <message>
        <source>Not backed up yet</source>
        <translation>Chưa sao lưu</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>Sao lưu lần cuối: %1</translation>
    </message>
    <message>
        <source>Backups are on the Settings page</source>
        <translation>Xem và khôi phục bản sao lưu ở trang Cài đặt</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>Sao lưu tự động không được</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Made at</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Đảng viên</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Export the board to Excel</source>
        <translation>Xuất bảng theo dõi ra Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Reporting board</source>
        <translation>Bảng theo dõi báo cáo</translation>
    </message>
    <message>
        <source>The day the board is counted on: this month, this year, deadlines near it</source>
        <translation>Ngày dùng để tính bảng: tháng này, năm nay và các thời hạn gần ngày đó</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>&amp;Ngày xem:</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>Xuất ra &amp;Excel…</translation>
    </message>
    <message>
        <source>The board, the deadlines and the conflicts in an .xlsx workbook</source>
        <translation>Bảng theo dõi, các thời hạn và vướng mắc trong một tệp Excel .xlsx</translation>
    </message>
    <message>
        <source>The day to look at «%1»: %2</source>
        <translation>Ngày xem «%1»: %2</translation>
    </message>
    <message>
        <source>No cell is enrolled yet.</source>
        <translation>Chưa ghi danh chi bộ nào.</translation>
    </message>
    <message>
        <source>%1 of %2 cells have not reported in %3: %4</source>
        <translation>%1 trong %2 chi bộ chưa báo cáo tháng %3: %4</translation>
    </message>
    <message>
        <source>All %1 cells have reported in %2.</source>
        <translation>Cả %1 chi bộ đã báo cáo tháng %2.</translation>
    </message>
    <message>
        <source>Deadlines and conflicts: %1 (%2)</source>
        <translation>Thời hạn và vướng mắc: %1 (%2)</translation>
    </message>
    <message>
        <source>No admission or recognition deadline within %1 days.</source>
        <translation>Không có thời hạn kết nạp hay công nhận chính thức nào trong %1 ngày tới.</translation>
    </message>
    <message>
        <source>Open conflicts:
%1</source>
        <translation>Vướng mắc chưa giải quyết:
%1</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>Không có vướng mắc nào.</translation>
    </message>
    <message>
        <source>The board of %1 is written to %2.</source>
        <translation>Đã ghi bảng theo dõi ngày %1 ra tệp %2.</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
</context>
<context>
    <name>BrokenPage</name>
    <message>
        <source>This part could not be opened because of an error in the program. The rest of the program works; the register is safe.</source>
        <translation>Phần này không mở được do lỗi trong chương trình. Các phần khác vẫn dùng bình thường; sổ vẫn an toàn.</translation>
    </message>
</context>
<context>
    <name>BundleChooser</name>
    <message>
        <source>Choose the bundles the cells sent</source>
        <translation>Chọn các gói chi bộ gửi</translation>
    </message>
    <message>
        <source>Bundles (*.sochibo-goi)</source>
        <translation>Gói của chi bộ (*.sochibo-goi)</translation>
    </message>
    <message>
        <source>Choose a folder or a USB stick</source>
        <translation>Chọn thư mục hoặc USB</translation>
    </message>
</context>
<context>
    <name>BundleDetail</name>
    <message>
        <source>People</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Buổi sinh hoạt</translation>
    </message>
    <message>
        <source>Roll calls</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Moved in</source>
        <translation>Chuyển đến</translation>
    </message>
    <message>
        <source>To look at</source>
        <translation>Cần xem</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <source>Choose a bundle in the list.</source>
        <translation>Chọn một gói trong danh sách.</translation>
    </message>
    <message>
        <source>Cell: %1 (code %2)</source>
        <translation>Chi bộ: %1 (mã %2)</translation>
    </message>
    <message>
        <source>Journal entries %1 to %2</source>
        <translation>Mục nhật ký số %1 đến %2</translation>
    </message>
    <message>
        <source>Made by the cell on %1</source>
        <translation>Chi bộ lập gói lúc %1</translation>
    </message>
    <message>
        <source>Cell&apos;s fingerprint: %1</source>
        <translation>Vân tay của chi bộ: %1</translation>
    </message>
    <message>
        <source>Checked: the signature, the encryption and every line are right. Nothing is written yet: “Receive into the workspace” takes what is listed below.</source>
        <translation>Đã kiểm tra: chữ ký, mã hóa và từng dòng đều đúng. Chưa ghi gì vào sổ: bấm «Nhận vào sổ» để nhận những thay đổi liệt kê dưới đây.</translation>
    </message>
    <message>
        <source>The cell&apos;s fingerprint was confirmed by phone: its key is kept when the bundle is received.</source>
        <translation>Vân tay của chi bộ đã được xác nhận qua điện thoại: khóa của chi bộ được ghi nhận khi nhận gói.</translation>
    </message>
    <message>
        <source>Received: the upper level now holds the cell&apos;s entries up to number %1.</source>
        <translation>Đã nhận: cấp trên đã có nhật ký của chi bộ đến mục số %1.</translation>
    </message>
    <message>
        <source>The cell&apos;s key is kept.</source>
        <translation>Đã ghi nhận khóa của chi bộ.</translation>
    </message>
    <message>
        <source>Received before: the upper level already holds the cell&apos;s entries up to number %1. Nothing changes.</source>
        <translation>Gói này đã nhận từ trước: cấp trên đã có nhật ký của chi bộ đến mục số %1. Không thay đổi gì.</translation>
    </message>
    <message>
        <source>The cell&apos;s first bundle. Before anything in it is read, call the cell&apos;s secretary and compare the fingerprint (%1): “Confirm the fingerprint…”. Nothing is received before that.</source>
        <translation>Đây là gói đầu tiên của chi bộ. Trước khi đọc nội dung gói, hãy gọi điện cho bí thư chi bộ và so vân tay (%1): bấm «Xác nhận vân tay…». Chưa nhận gì cho đến lúc đó.</translation>
    </message>
    <message>
        <source>The fingerprints do not match: this bundle is not received and no key is kept. The file may not come from the cell: ask the cell to send it again, and tell whoever is responsible for the upper level&apos;s security.</source>
        <translation>Vân tay không khớp: không nhận gói này và không ghi nhận khóa nào. Tệp có thể không phải do chi bộ gửi: đề nghị chi bộ gửi lại, và báo cho người phụ trách bảo mật của cấp ủy.</translation>
    </message>
    <message>
        <source>Held back: the upper level holds the cell&apos;s entries up to number %1, and numbers %2 to %3 are missing. Receive the bundle that has them first, then this one again; without it, ask the cell to send again from entry %2. Nothing is taken from this bundle.</source>
        <translation>Gói bị giữ lại: cấp trên mới có nhật ký của chi bộ đến mục số %1, còn thiếu mục số %2 đến %3. Hãy nhận gói có các mục đó trước, rồi nhận lại gói này; không có gói đó thì đề nghị chi bộ gửi lại từ mục số %2. Chưa nhận gì từ gói này.</translation>
    </message>
    <message>
        <source>Does not follow on from what the upper level holds: the cell&apos;s journal branches before entry %1.</source>
        <translation>Gói không nối tiếp những gì cấp trên đã nhận: nhật ký của chi bộ rẽ nhánh trước mục số %1.</translation>
    </message>
    <message>
        <source>Does not follow on from what the upper level holds (up to entry %1): the cell&apos;s journal branches after entry %2. The cell may have restored an old backup and written on.</source>
        <translation>Gói không nối tiếp những gì cấp trên đã nhận (đến mục số %1): nhật ký của chi bộ rẽ nhánh sau mục số %2. Có thể chi bộ đã khôi phục một bản sao lưu cũ rồi ghi tiếp.</translation>
    </message>
    <message>
        <source>Call the cell. Nothing is taken from this bundle.</source>
        <translation>Hãy gọi điện cho chi bộ. Chưa nhận gì từ gói này.</translation>
    </message>
    <message>
        <source>It is noted in the Conflicts area.</source>
        <translation>Gói đã được ghi vào phần Vướng mắc.</translation>
    </message>
    <message>
        <source>“Receive into the workspace” notes it in the Conflicts area.</source>
        <translation>Bấm «Nhận vào sổ» thì gói được ghi vào phần Vướng mắc để theo dõi.</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed, %4 unchanged</source>
        <translation>thêm %1, sửa %2, xóa %3, không đổi %4</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 người nữa</translation>
    </message>
    <message>
        <source>%1 new, %2 withdrawn</source>
        <translation>%1 sự kiện mới, rút lại %2</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed</source>
        <translation>thêm %1, sửa %2, xóa %3</translation>
    </message>
</context>
<context>
    <name>BundlesModel</name>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Ready to receive</source>
        <translation>Sẵn sàng nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Received before</source>
        <translation>Đã nhận từ trước</translation>
    </message>
    <message>
        <source>Fingerprint to confirm</source>
        <translation>Cần xác nhận vân tay</translation>
    </message>
    <message>
        <source>Fingerprint does not match</source>
        <translation>Vân tay không khớp</translation>
    </message>
    <message>
        <source>Held back: entries missing</source>
        <translation>Bị giữ lại: thiếu mục</translation>
    </message>
    <message>
        <source>Does not follow on</source>
        <translation>Không nối tiếp</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Cell code</source>
        <translation>Mã chi bộ</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Mục nhật ký</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>CandidateDialog</name>
    <message>
        <source>Add a candidate to the sympathisers&apos; list</source>
        <translation>Thêm quần chúng vào danh sách cảm tình Đảng</translation>
    </message>
    <message>
        <source>Sympathisers&apos; list</source>
        <translation>Danh sách cảm tình Đảng</translation>
    </message>
    <message>
        <source>e.g. 05-NQ/CB (leave empty if none)</source>
        <translation>ví dụ 05-NQ/CB (để trống nếu không có)</translation>
    </message>
    <message>
        <source>Put on the list on</source>
        <translation>Ngày đưa vào danh sách</translation>
    </message>
    <message>
        <source>Resolution no.</source>
        <translation>Số nghị quyết</translation>
    </message>
</context>
<context>
    <name>CandidateList</name>
    <message>
        <source>Add candidate…</source>
        <translation>Thêm quần chúng…</translation>
    </message>
    <message>
        <source>&amp;Whole table (pool review)</source>
        <translation>Xem cả &amp;bảng (rà soát nguồn)</translation>
    </message>
    <message>
        <source>Hide the pipeline to see every column of the list, for the quarterly review</source>
        <translation>Ẩn phần quy trình để xem đủ các cột của danh sách, khi rà soát nguồn kết nạp hằng quý</translation>
    </message>
    <message>
        <source>Search by name…</source>
        <translation>Tìm theo tên…</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>Đang hiện %1 / %2 người</translation>
    </message>
</context>
<context>
    <name>CandidatesFilter</name>
    <message>
        <source>Candidates</source>
        <translation>Quần chúng</translation>
    </message>
    <message>
        <source>Probationary members</source>
        <translation>Đảng viên dự bị</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>In the pool since</source>
        <translation>Vào danh sách từ ngày</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Người giúp đỡ</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Hạn gần nhất</translation>
    </message>
    <message>
        <source>Last mentor comment</source>
        <translation>Nhận xét gần nhất của người giúp đỡ</translation>
    </message>
</context>
<context>
    <name>CandidatesPage</name>
    <message>
        <source>Record step…</source>
        <translation>Ghi bước…</translation>
    </message>
    <message>
        <source>Record vote…</source>
        <translation>Ghi biểu quyết…</translation>
    </message>
    <message>
        <source>Withdraw last step…</source>
        <translation>Rút lại bước cuối…</translation>
    </message>
    <message>
        <source>Assign mentor…</source>
        <translation>Phân công giúp đỡ…</translation>
    </message>
    <message>
        <source>End assignment…</source>
        <translation>Kết thúc phân công…</translation>
    </message>
    <message>
        <source>Show in the members list</source>
        <translation>Xem trong danh sách đảng viên</translation>
    </message>
    <message>
        <source>Put a new person on the sympathisers&apos; list</source>
        <translation>Đưa một người mới vào danh sách cảm tình Đảng</translation>
    </message>
    <message>
        <source>Record a step of the procedure: a paper, a class, an introduction…</source>
        <translation>Ghi một bước của quy trình kết nạp: giấy tờ, lớp học, giới thiệu…</translation>
    </message>
    <message>
        <source>Record the cell&apos;s vote on admission or on official membership</source>
        <translation>Ghi kết quả chi bộ biểu quyết đề nghị kết nạp hoặc công nhận đảng viên chính thức</translation>
    </message>
    <message>
        <source>Withdraw the last step recorded for this person, if it was a mistake</source>
        <translation>Rút lại bước ghi sau cùng của người này, khi đã ghi nhầm</translation>
    </message>
    <message>
        <source>Assign an official member to follow and help this person</source>
        <translation>Phân công một đảng viên chính thức theo dõi, giúp đỡ người này</translation>
    </message>
    <message>
        <source>End the mentoring assignment chosen in the Mentors tab</source>
        <translation>Kết thúc phân công giúp đỡ đang chọn ở thẻ Người giúp đỡ</translation>
    </message>
    <message>
        <source>Open this person on the Members page</source>
        <translation>Mở người này ở trang Đảng viên</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Withdraw the last step recorded for %1: «%2» on %3?
Use this only for a mistake; the status it changed goes back to what it was.</source>
        <translation>Rút lại bước ghi sau cùng của %1: «%2» ngày %3?
Chỉ dùng khi ghi nhầm; tình trạng do bước đó thay đổi sẽ trở lại như trước.</translation>
    </message>
    <message>
        <source>Withdraw last step</source>
        <translation>Rút lại bước cuối</translation>
    </message>
</context>
<context>
    <name>CellPage</name>
    <message>
        <source>The party cell</source>
        <translation>Thông tin chi bộ</translation>
    </message>
    <message>
        <source>These details head every list and form. You can change them later. Fields marked * are required.</source>
        <translation>Các thông tin này đứng đầu mọi danh sách và biểu mẫu, sau này vẫn sửa được. Mục có dấu * là bắt buộc.</translation>
    </message>
    <message>
        <source>Cell &amp;name *</source>
        <translation>Tê&amp;n chi bộ *</translation>
    </message>
    <message>
        <source>Cell &amp;code *</source>
        <translation>&amp;Mã chi bộ *</translation>
    </message>
    <message>
        <source>&amp;Upper level</source>
        <translation>Cấp ủy cấp t&amp;rên</translation>
    </message>
    <message>
        <source>&amp;Secretary</source>
        <translation>&amp;Bí thư chi bộ</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>e.g. Chi bộ Trường THPT Nguyễn Trân</source>
        <translation>Ví dụ: Chi bộ Trường THPT Nguyễn Trân</translation>
    </message>
    <message>
        <source>the code the upper level uses, e.g. CB-NT</source>
        <translation>mã cấp trên dùng cho chi bộ, ví dụ: CB-NT</translation>
    </message>
    <message>
        <source>e.g. Đảng ủy phường Quy Nhơn Nam</source>
        <translation>Ví dụ: Đảng ủy phường Quy Nhơn Nam</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Cần nhập mục này.</translation>
    </message>
</context>
<context>
    <name>CellsModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Nhận lần cuối</translation>
    </message>
    <message>
        <source>Pinned when the cell&apos;s first bundle is received and its fingerprint confirmed</source>
        <translation>Khóa được ghi nhận khi nhận gói đầu tiên của chi bộ, sau khi đã xác nhận vân tay</translation>
    </message>
    <message>
        <source>(name not known yet)</source>
        <translation>(chưa rõ tên)</translation>
    </message>
    <message>
        <source>Cell&apos;s fingerprint</source>
        <translation>Vân tay của chi bộ</translation>
    </message>
    <message>
        <source>Up to entry</source>
        <translation>Đến mục số</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <source>not pinned yet</source>
        <translation>chưa ghi nhận khóa</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>chưa nhận gì</translation>
    </message>
    <message>
        <source>Made by the cell on %1</source>
        <translation>Chi bộ lập gói lúc %1</translation>
    </message>
    <message>
        <source>Received on %1</source>
        <translation>Nhận lúc %1</translation>
    </message>
</context>
<context>
    <name>CellsPage</name>
    <message>
        <source>Cells</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Fingerprint of this upper level:</source>
        <translation>Vân tay của cấp trên:</translation>
    </message>
    <message>
        <source>&amp;Enrol a cell…</source>
        <translation>Ghi &amp;danh chi bộ…</translation>
    </message>
    <message>
        <source>Write the enrolment file a cell imports to send its bundles here</source>
        <translation>Ghi tệp ghi danh để chi bộ nhập vào sổ, rồi gửi gói về đây</translation>
    </message>
    <message>
        <source>&amp;Forget the old key…</source>
        <translation>&amp;Bỏ khóa cũ…</translation>
    </message>
    <message>
        <source>Only for a cell that lost its register and every backup</source>
        <translation>Chỉ dùng khi chi bộ đã mất sổ và mọi bản sao lưu</translation>
    </message>
    <message>
        <source>How a cell starts reporting here</source>
        <translation>Các bước để chi bộ gửi báo cáo về đây</translation>
    </message>
    <message>
        <source>1. Enrol the cell: type its code and choose a USB stick; the enrolment file is written there.</source>
        <translation>1. Ghi danh chi bộ: nhập mã chi bộ và chọn USB; tệp ghi danh được ghi vào đó.</translation>
    </message>
    <message>
        <source>2. The cell&apos;s secretary imports the file in the cell&apos;s register. Call them and read the fingerprint above together: if it matches, nobody swapped the file.</source>
        <translation>2. Bí thư chi bộ nhập tệp vào sổ của chi bộ. Gọi điện cho bí thư và cùng đọc vân tay ở trên: khớp thì không ai đánh tráo tệp.</translation>
    </message>
    <message>
        <source>3. The cell sends its bundle on a USB stick (a .sochibo-goi file and its .minisig beside it). Receive it in “Receive bundles”; the first time, call the secretary again and compare the cell&apos;s fingerprint before accepting it.</source>
        <translation>3. Chi bộ gửi gói qua USB (tệp .sochibo-goi và tệp .minisig đi kèm). Nhận gói ở phần «Nhận gói»; lần đầu, gọi điện lại cho bí thư để so vân tay của chi bộ rồi mới nhận.</translation>
    </message>
    <message>
        <source>4. The cell then shows on the Board; quotas, decisions and the receipt back to the cell are in “Decisions and receipts”.</source>
        <translation>4. Sau đó chi bộ có trên Bảng theo dõi; chỉ tiêu, quyết định và biên nhận gửi về chi bộ ở phần «Quyết định».</translation>
    </message>
    <message>
        <source>%1 cells enrolled, %2 of them have sent a bundle.</source>
        <translation>Đã ghi danh %1 chi bộ, %2 chi bộ đã gửi gói.</translation>
    </message>
    <message>
        <source>No cell is enrolled yet: start with “Enrol a cell…”.</source>
        <translation>Chưa ghi danh chi bộ nào: bắt đầu bằng «Ghi danh chi bộ…».</translation>
    </message>
    <message>
        <source>Enrolled the cell %1: %2</source>
        <translation>Đã ghi danh chi bộ %1: %2</translation>
    </message>
    <message>
        <source>Wrote the enrolment file of the cell %1 again: %2</source>
        <translation>Đã ghi lại tệp ghi danh cho chi bộ %1: %2</translation>
    </message>
    <message>
        <source>Give the file to the cell on the USB stick. When the secretary has imported it, call them and read this upper level&apos;s fingerprint together: %1.</source>
        <translation>Chuyển tệp cho chi bộ bằng USB. Khi bí thư chi bộ đã nhập tệp, hãy gọi điện và cùng đọc vân tay của cấp trên: %1.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Record a certificate: %1</source>
        <translation>Ghi giấy chứng nhận: %1</translation>
    </message>
    <message>
        <source>Type or choose the person…</source>
        <translation>Gõ hoặc chọn người được cấp…</translation>
    </message>
    <message>
        <source>e.g. 123/CN</source>
        <translation>ví dụ 123/CN</translation>
    </message>
    <message>
        <source>e.g. Political centre of the ward</source>
        <translation>ví dụ Trung tâm Chính trị phường</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người được cấp</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Số giấy chứng nhận</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Nơi cấp</translation>
    </message>
    <message>
        <source>No one in the list has this name: choose from it</source>
        <translation>Không có ai tên này trong danh sách: hãy chọn trong danh sách</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Số giấy chứng nhận</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày cấp</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau</translation>
    </message>
</context>
<context>
    <name>ColumnMappingModel</name>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>Tiêu đề trong tệp</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Giá trị mẫu</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Nhập vào</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Không nhập</translation>
    </message>
</context>
<context>
    <name>CommitteePage</name>
    <message>
        <source>The upper level&apos;s workspace</source>
        <translation>Sổ làm việc của cấp trên</translation>
    </message>
    <message>
        <source>For the party committee above the cells, to receive and follow their reports: a register of its own, encrypted like a cell&apos;s.</source>
        <translation>Dành cho cấp ủy cấp trên, để nhận và theo dõi báo cáo của các chi bộ: một sổ riêng, được mã hóa như sổ của chi bộ.</translation>
    </message>
    <message>
        <source>e.g. Đảng ủy phường Quy Nhơn Nam</source>
        <translation>ví dụ: Đảng ủy phường Quy Nhơn Nam</translation>
    </message>
    <message>
        <source>&amp;Name of the party committee *</source>
        <translation>Tên &amp;cấp ủy *</translation>
    </message>
    <message>
        <source>The cells see this name in the enrolment file and on every receipt. You can keep it as the committee writes it on its documents.</source>
        <translation>Các chi bộ thấy tên này trong tệp ghi danh và trên mọi biên nhận. Nên ghi đúng như tên cấp ủy trên văn bản.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Cần nhập mục này.</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Vướng mắc</translation>
    </message>
    <message>
        <source>Show &amp;closed ones too</source>
        <translation>&amp;Hiện cả vướng mắc đã giải quyết</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Chuyện gì xảy ra</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Nghĩa là gì</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>Anh/chị có thể làm gì</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Giải quyết…</translation>
    </message>
    <message>
        <source>Close the conflict with a note of what was done</source>
        <translation>Đóng vướng mắc, ghi lại đã làm gì</translation>
    </message>
    <message>
        <source>The cell&apos;s journal no longer follows on from what the upper level has received. Most often the cell restored an old backup and went on writing, so two versions of the same entries exist. The upper level keeps what it had: nothing of this bundle was taken.</source>
        <translation>Nhật ký của chi bộ không còn nối tiếp những gì cấp trên đã nhận. Thường là chi bộ đã khôi phục một bản sao lưu cũ rồi ghi tiếp, nên cùng một số mục có hai phiên bản khác nhau. Cấp trên giữ nguyên những gì đã có: chưa nhận gì từ gói này.</translation>
    </message>
    <message>
        <source>The bundle starts after entries the upper level has not received yet, so it was held back whole: nothing of it was taken. Entries are never skipped, so the cell&apos;s records stay complete.</source>
        <translation>Gói này bắt đầu sau những mục cấp trên chưa nhận được, nên cả gói được giữ lại: chưa nhận gì từ gói. Không bao giờ bỏ qua mục nào, nhờ vậy dữ liệu của chi bộ luôn đầy đủ.</translation>
    </message>
    <message>
        <source>Two cells both report this person as one of their members. Usually the person moved and the cell they left has not yet reported the transfer.</source>
        <translation>Hai chi bộ cùng báo cáo người này là đảng viên của mình. Thường là người này đã chuyển sinh hoạt, nhưng chi bộ cũ chưa báo cáo việc chuyển đi.</translation>
    </message>
    <message>
        <source>The cell lost its register and every backup and started a new one, with a new key. The upper level unpinned the old key and set aside what it held of the cell (kept, not deleted); the cell&apos;s next bundle counts as its first.</source>
        <translation>Chi bộ đã mất sổ và mọi bản sao lưu nên phải làm sổ mới, với khóa mới. Cấp trên đã bỏ khóa cũ của chi bộ và để riêng những gì đang giữ của chi bộ (vẫn giữ, không xóa); gói tiếp theo của chi bộ được coi là gói đầu tiên.</translation>
    </message>
    <message>
        <source>The upper level could not take a bundle of this cell as it is.</source>
        <translation>Cấp trên chưa nhận được một gói của chi bộ này như hiện có.</translation>
    </message>
    <message>
        <source>Phone the cell&apos;s secretary and ask whether an old backup was restored. If the cell&apos;s new records are the right ones, import its newest bundle again and accept the new branch: the old entries are set aside, not deleted, and this conflict closes by itself. If not, ask the cell to go back to its newest register and send a new bundle. Close it here with a note only if it was settled another way.</source>
        <translation>Gọi điện cho bí thư chi bộ, hỏi chi bộ có khôi phục bản sao lưu cũ không. Nếu dữ liệu mới của chi bộ là đúng, hãy nhập lại gói mới nhất của chi bộ và chọn nhận nhánh mới: các mục cũ được để riêng, không bị xóa, và vướng mắc này tự đóng. Nếu không, đề nghị chi bộ dùng lại sổ mới nhất rồi gửi gói mới. Chỉ đóng vướng mắc ở đây (kèm ghi chú) khi đã giải quyết bằng cách khác.</translation>
    </message>
    <message>
        <source>Import the bundle holding the missing entries first, or ask the cell for a new bundle: a new one always carries everything the upper level has not confirmed. This conflict closes by itself when the missing entries arrive; close it here only if the held bundle is no longer needed.</source>
        <translation>Hãy nhập trước gói có các mục còn thiếu, hoặc đề nghị chi bộ gửi gói mới: gói mới luôn gồm mọi mục cấp trên chưa xác nhận. Vướng mắc này tự đóng khi nhận đủ các mục còn thiếu; chỉ đóng ở đây khi không cần đến gói bị giữ lại nữa.</translation>
    </message>
    <message>
        <source>Ask the cell the person left to record the transfer and send a bundle. This goes away by itself when that bundle arrives; it is not closed here.</source>
        <translation>Đề nghị chi bộ cũ của người này ghi việc chuyển sinh hoạt rồi gửi gói. Vướng mắc tự hết khi nhận được gói đó; không đóng ở đây.</translation>
    </message>
    <message>
        <source>When the cell&apos;s first bundle arrives, read its new fingerprint with the secretary over the phone before confirming it.</source>
        <translation>Khi nhận gói đầu tiên của chi bộ, hãy gọi điện cùng bí thư đọc vân tay mới rồi mới xác nhận.</translation>
    </message>
    <message>
        <source>Phone the cell&apos;s secretary, then close it here with a note.</source>
        <translation>Gọi điện cho bí thư chi bộ, rồi đóng vướng mắc ở đây kèm ghi chú.</translation>
    </message>
    <message>
        <source>No open conflicts: every bundle received is applied.</source>
        <translation>Không có vướng mắc nào: mọi gói đã nhận đều đã được ghi vào sổ.</translation>
    </message>
    <message>
        <source>%1 — cell %2</source>
        <translation>%1 — chi bộ %2</translation>
    </message>
    <message>
        <source>Closed %1: %2</source>
        <translation>Đã giải quyết ngày %1: %2</translation>
    </message>
    <message>
        <source>Closed: %1 (%2). Note: %3</source>
        <translation>Đã đóng: %1 (%2). Ghi chú: %3</translation>
    </message>
</context>
<context>
    <name>CreateWizard</name>
    <message>
        <source>Where to keep the register</source>
        <translation>Chọn nơi lưu sổ</translation>
    </message>
    <message>
        <source>Register (*.sochibo)</source>
        <translation>Sổ chi bộ (*.sochibo)</translation>
    </message>
    <message>
        <source>New register</source>
        <translation>Tạo sổ mới</translation>
    </message>
    <message>
        <source>Creating the register…</source>
        <translation>Đang tạo sổ…</translation>
    </message>
</context>
<context>
    <name>CreateWorkspaceWizard</name>
    <message>
        <source>New upper level&apos;s workspace</source>
        <translation>Sổ làm việc mới của cấp trên</translation>
    </message>
    <message>
        <source>&amp;Create the workspace</source>
        <translation>&amp;Tạo sổ làm việc</translation>
    </message>
    <message>
        <source>Creating the workspace…</source>
        <translation>Đang tạo sổ làm việc…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd/mm/yyyy, mm/yyyy or yyyy</source>
        <translation>dd/mm/yyyy, mm/yyyy hoặc yyyy</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Tính từ</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Căn cứ</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>In the register</source>
        <translation>Trong sổ</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <source>Write the receipt to a folder</source>
        <translation>Ghi biên nhận vào thư mục</translation>
    </message>
    <message>
        <source>Decisions and receipts</source>
        <translation>Quyết định và biên nhận</translation>
    </message>
    <message>
        <source>&amp;Cell:</source>
        <translation>&amp;Chi bộ:</translation>
    </message>
    <message>
        <source>Decisions of the upper level</source>
        <translation>Quyết định của cấp trên</translation>
    </message>
    <message>
        <source>Type or choose a person of the cell…</source>
        <translation>Gõ hoặc chọn người của chi bộ…</translation>
    </message>
    <message>
        <source>e.g. 125-QĐ/ĐU</source>
        <translation>ví dụ 125-QĐ/ĐU</translation>
    </message>
    <message>
        <source>&amp;New decision</source>
        <translation>Quyết định mớ&amp;i</translation>
    </message>
    <message>
        <source>Empty the form to record another decision</source>
        <translation>Xóa trắng các ô để ghi một quyết định khác</translation>
    </message>
    <message>
        <source>&amp;Record the decision</source>
        <translation>Ghi q&amp;uyết định</translation>
    </message>
    <message>
        <source>Record it, or correct the one of the same kind about the same person</source>
        <translation>Ghi quyết định, hoặc sửa quyết định cùng loại đã ghi cho người này</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Người:</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>Ngà&amp;y:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>Ghi c&amp;hú:</translation>
    </message>
    <message>
        <source>Admission quota</source>
        <translation>Chỉ tiêu kết nạp</translation>
    </message>
    <message>
        <source>Set the &amp;quota</source>
        <translation>Gi&amp;ao chỉ tiêu</translation>
    </message>
    <message>
        <source>The number of admissions planned for the cell in that year</source>
        <translation>Số quần chúng dự kiến kết nạp của chi bộ trong năm đó</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <source>Ad&amp;missions:</source>
        <translation>Số &amp;kết nạp:</translation>
    </message>
    <message>
        <source>Receipt for the cell</source>
        <translation>Biên nhận gửi chi bộ</translation>
    </message>
    <message>
        <source>Signed by the upper level and encrypted to this cell: only the cell&apos;s register can open it, so a lost stick shows nothing.</source>
        <translation>Có chữ ký của cấp trên và được mã hóa riêng cho chi bộ này: chỉ sổ của chi bộ mở được, nên lỡ mất USB cũng không lộ gì.</translation>
    </message>
    <message>
        <source>&amp;Write receipt…</source>
        <translation>Ghi &amp;biên nhận…</translation>
    </message>
    <message>
        <source>Choose a folder or a USB stick</source>
        <translation>Chọn thư mục hoặc USB</translation>
    </message>
    <message>
        <source>Set so far: %1</source>
        <translation>Đã giao: %1</translation>
    </message>
    <message>
        <source>No quota set for this cell yet.</source>
        <translation>Chưa giao chỉ tiêu cho chi bộ này.</translation>
    </message>
    <message>
        <source>The next receipt tells the cell: received up to entry %1; %2 decisions the cell has not yet confirmed; admission quotas: %3.</source>
        <translation>Biên nhận sắp ghi sẽ báo cho chi bộ: cấp trên đã nhận đến mục số %1; %2 quyết định chi bộ chưa xác nhận đã nhận; chỉ tiêu kết nạp: %3.</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>chưa giao</translation>
    </message>
    <message>
        <source>%1: %2 has no one named «%3» in the bundles received; choose a name</source>
        <translation>%1: các gói đã nhận của %2 không có ai tên «%3»; hãy chọn một tên trong danh sách</translation>
    </message>
    <message>
        <source>%1: choose the person from the cell&apos;s list</source>
        <translation>%1: hãy chọn người trong danh sách của chi bộ</translation>
    </message>
    <message>
        <source>%1, decision date: type it, e.g. 05/03/2026</source>
        <translation>%1, ngày quyết định: hãy gõ ngày, ví dụ 05/03/2026</translation>
    </message>
    <message>
        <source>%1, decision date «%2»: %3</source>
        <translation>%1, ngày quyết định «%2»: %3</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Đã ghi</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>Không thay đổi</translation>
    </message>
    <message>
        <source>%1: %2 no. %3 of %4 — %5. The next receipt carries it to the cell.</source>
        <translation>%1: %2 số %3 ngày %4 — %5. Biên nhận sau sẽ gửi quyết định này về chi bộ.</translation>
    </message>
    <message>
        <source>Quota set</source>
        <translation>Đã giao chỉ tiêu</translation>
    </message>
    <message>
        <source>Quota changed</source>
        <translation>Đã sửa chỉ tiêu</translation>
    </message>
    <message>
        <source>Quota unchanged</source>
        <translation>Chỉ tiêu không đổi</translation>
    </message>
    <message>
        <source>%1 for %2 in %3: %4 admissions.</source>
        <translation>%1 cho %2 năm %3: kết nạp %4 người.</translation>
    </message>
    <message>
        <source>Writing the receipt…</source>
        <translation>Đang ghi biên nhận…</translation>
    </message>
    <message>
        <source>Receipt for %1 written and read back: %2 (with its signature %3). It carries: received up to entry %4; %5 decisions; admission quotas: %6. Encrypted to the cell: only its register can open it. If it is on a USB stick, the stick can be removed now.</source>
        <translation>Đã ghi biên nhận cho %1 và đọc lại kiểm tra: %2 (kèm tệp chữ ký %3). Biên nhận báo: cấp trên đã nhận đến mục số %4; %5 quyết định; chỉ tiêu kết nạp: %6. Biên nhận được mã hóa riêng cho chi bộ: chỉ sổ của chi bộ mở được. Nếu ghi vào USB, có thể rút USB ra ngay.</translation>
    </message>
</context>
<context>
    <name>DossierModel</name>
    <message>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
</context>
<context>
    <name>EndMentorDialog</name>
    <message>
        <source>End a mentoring assignment: %1</source>
        <translation>Kết thúc phân công giúp đỡ: %1</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (từ %2)</translation>
    </message>
    <message>
        <source>e.g. moved to another unit</source>
        <translation>ví dụ chuyển công tác</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>EnrolCellDialog</name>
    <message>
        <source>Enrol a cell with this upper level</source>
        <translation>Ghi danh một chi bộ với cấp trên</translation>
    </message>
    <message>
        <source>Enrol a cell</source>
        <translation>Ghi danh chi bộ</translation>
    </message>
    <message>
        <source>the code the cell uses, e.g. CB-KP5</source>
        <translation>mã chi bộ đang dùng, ví dụ CB-KP5</translation>
    </message>
    <message>
        <source>e.g. Chi bộ Khu phố 5</source>
        <translation>ví dụ: Chi bộ Khu phố 5</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn chỗ khác…</translation>
    </message>
    <message>
        <source>Cell &amp;code *</source>
        <translation>&amp;Mã chi bộ *</translation>
    </message>
    <message>
        <source>Cell &amp;name</source>
        <translation>&amp;Tên chi bộ</translation>
    </message>
    <message>
        <source>Write to &amp;folder</source>
        <translation>&amp;Ghi vào thư mục</translation>
    </message>
    <message>
        <source>The enrolment file (.sochibo-ghidanh) holds this upper level&apos;s public keys, nothing secret. Give it to the cell on a USB stick; when the secretary imports it, call them and read the upper level&apos;s fingerprint together.</source>
        <translation>Tệp ghi danh (.sochibo-ghidanh) chỉ chứa khóa công khai của cấp trên, không có gì bí mật. Chuyển tệp cho chi bộ bằng USB; khi bí thư chi bộ nhập tệp, hãy gọi điện và cùng đọc vân tay của cấp trên.</translation>
    </message>
    <message>
        <source>&amp;Write the enrolment file</source>
        <translation>Ghi tệp ghi &amp;danh</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Cần nhập mục này.</translation>
    </message>
    <message>
        <source>There is no such folder (is the USB stick plugged in?).</source>
        <translation>Không có thư mục này (USB đã cắm chưa?).</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol with the upper level</source>
        <translation>Ghi danh với cấp trên</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Upper level:</source>
        <translation>Cấp ủy cấp trên:</translation>
    </message>
    <message>
        <source>Its fingerprint:</source>
        <translation>Vân tay:</translation>
    </message>
    <message>
        <source>Before you go on, call the upper level and read this fingerprint to each other, group by group. If it is the same on both sides, nobody has swapped the file on the way.</source>
        <translation>Trước khi làm tiếp, hãy gọi điện cho cấp trên và cùng đọc vân tay này, từng nhóm một. Hai bên đọc giống nhau thì không ai đánh tráo tệp trên đường chuyển.</translation>
    </message>
    <message>
        <source>&amp;Change to these keys</source>
        <translation>Đổi sang &amp;khóa này</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Ghi danh</translation>
    </message>
    <message>
        <source>The upper level&apos;s enrolment file</source>
        <translation>Tệp ghi danh của cấp trên</translation>
    </message>
    <message>
        <source>The register is already enrolled with this upper level, with the same keys. Only its name changes: from “%1” to “%2”.</source>
        <translation>Sổ đã ghi danh với cấp trên này, khóa vẫn như cũ. Chỉ đổi tên: từ «%1» thành «%2».</translation>
    </message>
    <message>
        <source>The register is enrolled with “%1” (fingerprint %2). This file carries new keys of the same upper level. After the change, bundles can be read with the new keys only; what the upper level has already confirmed receiving stays as it is.</source>
        <translation>Sổ đang ghi danh với «%1» (vân tay %2). Tệp này mang khóa mới của chính cấp trên đó. Sau khi đổi, gói chỉ mở được bằng khóa mới; những gì cấp trên đã xác nhận nhận được vẫn giữ nguyên.</translation>
    </message>
    <message>
        <source>The register is enrolled with “%1” (fingerprint %2). This file is from another upper level. After the change, bundles go to “%3” only, and the next bundle carries the whole register from its first change, since this upper level has received nothing from the cell yet.</source>
        <translation>Sổ đang ghi danh với «%1» (vân tay %2). Tệp này của một cấp ủy khác. Sau khi đổi, gói chỉ gửi cho «%3», và gói tới sẽ mang toàn bộ sổ từ thay đổi đầu tiên, vì cấp ủy này chưa nhận gì của chi bộ.</translation>
    </message>
    <message>
        <source>Enrolling makes this register&apos;s own keys. Its fingerprint is then shown on the page: read it to the upper level too.</source>
        <translation>Khi ghi danh, sổ tạo khóa riêng của chi bộ. Vân tay của chi bộ sẽ hiện trên trang: hãy đọc cả vân tay đó cho cấp trên.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Chép chi tiết</translation>
    </message>
    <message>
        <source>&amp;Open log folder</source>
        <translation>&amp;Mở thư mục nhật ký</translation>
    </message>
    <message>
        <source>Show or hide the technical details (Ctrl+D)</source>
        <translation>Xem hoặc ẩn chi tiết kỹ thuật (Ctrl+D)</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ẩn chi tiết</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Something went wrong in the program. What you were doing may not have been saved; the register itself is safe. The details below help whoever looks after the program: copy them, or send them the log folder.</source>
        <translation>Chương trình gặp lỗi. Việc vừa làm có thể chưa được lưu, nhưng sổ vẫn an toàn. Phần chi tiết bên dưới giúp người bảo trì chương trình tìm ra lỗi: hãy chép lại, hoặc gửi cho họ thư mục nhật ký.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Record an event: %1</source>
        <translation>Ghi sự kiện: %1</translation>
    </message>
    <message>
        <source>Choose what happened…</source>
        <translation>Chọn sự kiện đã xảy ra…</translation>
    </message>
    <message>
        <source>e.g. 125-QĐ/ĐU</source>
        <translation>Ví dụ: 125-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Place (to / from)</source>
        <translation>Nơi đến / nơi đi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Type the date, e.g. 05/03/2026</source>
        <translation>Nhập ngày, ví dụ 05/03/2026</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Nơi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>%1 (code %2): its first bundle</source>
        <translation>%1 (mã %2): gói đầu tiên</translation>
    </message>
    <message>
        <source>Confirm the cell&apos;s fingerprint</source>
        <translation>Xác nhận vân tay của chi bộ</translation>
    </message>
    <message>
        <source>Make sure the bundle really comes from the cell before anything in it is read. Call the cell&apos;s secretary on a number you already know (not one written on the stick), ask them to read the cell&apos;s fingerprint their program shows, and type it below.</source>
        <translation>Trước khi đọc nội dung gói, hãy chắc chắn gói đúng là của chi bộ. Gọi điện cho bí thư chi bộ theo số máy đã biết từ trước (không dùng số ghi trên USB), nhờ đồng chí đọc vân tay của chi bộ mà chương trình của chi bộ hiện ra (trang «Gửi cấp trên»), rồi gõ vào ô dưới đây.</translation>
    </message>
    <message>
        <source>In the bundle:</source>
        <translation>Vân tay trong gói:</translation>
    </message>
    <message>
        <source>&amp;Read by the secretary *</source>
        <translation>Bí thư đọ&amp;c *</translation>
    </message>
    <message>
        <source>They &amp;match: preview the bundle</source>
        <translation>&amp;Khớp: xem trước gói</translation>
    </message>
    <message>
        <source>They do &amp;not match</source>
        <translation>Không khớp, &amp;bỏ qua gói</translation>
    </message>
    <message>
        <source>Type all %1 letters and digits the secretary reads.</source>
        <translation>Gõ đủ %1 chữ và số bí thư đọc.</translation>
    </message>
    <message>
        <source>Not the fingerprint in the bundle: read it again with the secretary.</source>
        <translation>Khác vân tay trong gói: hãy cùng bí thư đọc lại từng nhóm.</translation>
    </message>
</context>
<context>
    <name>FolderChooser</name>
    <message>
        <source>Choose a folder or a USB stick</source>
        <translation>Chọn thư mục hoặc USB</translation>
    </message>
</context>
<context>
    <name>FormOutput</name>
    <message>
        <source>Save the form as PDF</source>
        <translation>Lưu mẫu thành tệp PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FormsModel</name>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên mẫu</translation>
    </message>
    <message>
        <source>For</source>
        <translation>In cho</translation>
    </message>
    <message>
        <source>a person</source>
        <translation>một người</translation>
    </message>
    <message>
        <source>a meeting</source>
        <translation>một buổi sinh hoạt</translation>
    </message>
    <message>
        <source>the cell</source>
        <translation>chi bộ</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <source>Forms</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>The cell&apos;s documents, filled in from the register. Choose a form and whom it is for: the preview shows the pages as they will print.</source>
        <translation>Văn bản của chi bộ, điền sẵn từ sổ. Chọn mẫu và người hoặc buổi sinh hoạt cần in: bản xem trước cho thấy đúng các trang sẽ in ra.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành &amp;PDF…</translation>
    </message>
    <message>
        <source>Type a name, with or without accents</source>
        <translation>Gõ tên, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Choose a meeting</source>
        <translation>Chọn buổi sinh hoạt</translation>
    </message>
    <message>
        <source>For the whole cell: there is nothing to choose.</source>
        <translation>In cho cả chi bộ: không cần chọn gì thêm.</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>Vừa chiều ngang</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>Cỡ &amp;hiển thị:</translation>
    </message>
    <message>
        <source>Print the pages shown on A4 paper</source>
        <translation>In các trang đang xem ra giấy A4</translation>
    </message>
    <message>
        <source>Write the pages shown to a PDF file</source>
        <translation>Ghi các trang đang xem ra tệp PDF</translation>
    </message>
    <message>
        <source>P&amp;erson:</source>
        <translation>&amp;Người:</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Buổi sinh hoạt:</translation>
    </message>
    <message>
        <source>Choose a form in the list.</source>
        <translation>Chọn một mẫu trong danh sách.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Đang chuẩn bị bản xem trước…</translation>
    </message>
    <message>
        <source>Choose the meeting this form is for.</source>
        <translation>Chọn buổi sinh hoạt cần in mẫu này.</translation>
    </message>
    <message>
        <source>No one in the register has this name: choose from the list.</source>
        <translation>Không có ai trong sổ mang tên này: hãy chọn trong danh sách.</translation>
    </message>
    <message>
        <source>Choose the person this form is for.</source>
        <translation>Chọn người cần in mẫu này.</translation>
    </message>
    <message>
        <source>Form %1 does not apply here: %2.</source>
        <translation>Mẫu %1 không in được cho lựa chọn này: %2.</translation>
    </message>
    <message>
        <source>Nothing to print for this choice.</source>
        <translation>Không có gì để in cho lựa chọn này.</translation>
    </message>
    <message>
        <source>Preview: %1 — %2 page(s)</source>
        <translation>Xem trước: %1 — %2 trang</translation>
    </message>
    <message>
        <source>(the document number is given when it is printed or saved)</source>
        <translation>(số văn bản chỉ được cấp khi in hoặc lưu)</translation>
    </message>
    <message>
        <source>The form could not be made.</source>
        <translation>Không tạo được mẫu này.</translation>
    </message>
    <message>
        <source>Sent to the printer: %1, %2 page(s) on A4.</source>
        <translation>Đã gửi tới máy in: %1, %2 trang khổ A4.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Đang lưu tệp PDF…</translation>
    </message>
    <message>
        <source>Cannot write the file %1: %2</source>
        <translation>Không ghi được tệp %1: %2</translation>
    </message>
</context>
<context>
    <name>GuestDialog</name>
    <message>
        <source>Add a guest</source>
        <translation>Thêm khách mời</translation>
    </message>
    <message>
        <source>e.g. Nguyễn Văn An (Secretary of the Youth Union)</source>
        <translation>ví dụ Nguyễn Văn An (Bí thư Đoàn trường)</translation>
    </message>
    <message>
        <source>Guest&apos;s name</source>
        <translation>Họ tên khách mời</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose the list to import</source>
        <translation>Chọn danh sách cần nhập</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>Danh sách (*.xlsx *.xls *.ods *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>Lưu kết quả nhập</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tệp văn bản (*.txt)</translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>Nhập danh sách</translation>
    </message>
    <message>
        <source>Choose the cell&apos;s list: an Excel (.xlsx, .xls), LibreOffice (.ods) or CSV file with a column of full names. Nothing is written before the last step.</source>
        <translation>Chọn danh sách của chi bộ: tệp Excel (.xlsx, .xls), LibreOffice (.ods) hoặc CSV có một cột họ và tên. Chưa ghi gì vào sổ cho đến bước cuối.</translation>
    </message>
    <message>
        <source>No file chosen yet</source>
        <translation>Chưa chọn tệp</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>List file:</source>
        <translation>Tệp danh sách:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Trang:</translation>
    </message>
    <message>
        <source>Rows without Party dates are:</source>
        <translation>Dòng không có ngày vào Đảng là:</translation>
    </message>
    <message>
        <source>Only rows with problems or duplicates</source>
        <translation>Chỉ các dòng có vấn đề hoặc có thể trùng</translation>
    </message>
    <message>
        <source>Save summary…</source>
        <translation>Lưu kết quả…</translation>
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
        <source>File and columns</source>
        <translation>Tệp và các cột</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>Đang đọc danh sách…</translation>
    </message>
    <message>
        <source>The columns are mapped as you chose last time for a file with these headers.</source>
        <translation>Các cột được gán như lần trước bạn đã chọn cho tệp có cùng tiêu đề.</translation>
    </message>
    <message>
        <source>The columns were mapped from their headers; check them below.</source>
        <translation>Các cột được gán theo tiêu đề của chúng; hãy kiểm tra ở bảng dưới.</translation>
    </message>
    <message>
        <source>The header ends on row %1 and the list starts on row %2. %3</source>
        <translation>Dòng tiêu đề kết thúc ở dòng %1, danh sách bắt đầu từ dòng %2. %3</translation>
    </message>
    <message>
        <source>Choose another file, or correct this one and choose it again.</source>
        <translation>Hãy chọn tệp khác, hoặc sửa tệp này rồi chọn lại.</translation>
    </message>
    <message>
        <source>Could not read «%1»: %2</source>
        <translation>Không đọc được «%1»: %2</translation>
    </message>
    <message>
        <source>No column goes to «%1». Choose the column that holds the names.</source>
        <translation>Chưa có cột nào nhập vào «%1». Hãy chọn cột ghi họ tên.</translation>
    </message>
    <message>
        <source>Columns %1 all go to «%2»: choose one.</source>
        <translation>Các cột %1 cùng nhập vào «%2»: hãy chọn một cột.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Đang kiểm tra từng dòng…</translation>
    </message>
    <message>
        <source>%1 rows: %2 with errors, %3 with warnings, %4 possible duplicates, %5 converted from old encodings</source>
        <translation>%1 dòng: %2 dòng có lỗi, %3 dòng cần xem lại, %4 dòng có thể trùng, %5 dòng đã đổi từ bảng mã cũ</translation>
    </message>
    <message>
        <source>Could not check the list: %1</source>
        <translation>Không kiểm tra được danh sách: %1</translation>
    </message>
    <message>
        <source>To do: add %1, update %2, skip %3. Click an action to change it.</source>
        <translation>Sẽ thêm %1, cập nhật %2, bỏ qua %3. Bấm vào ô «Xử lý» của một dòng để đổi.</translation>
    </message>
    <message>
        <source>Choose a row to see everything about it.</source>
        <translation>Chọn một dòng để xem đầy đủ về dòng đó.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Lỗi: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Cần xem lại: %1</translation>
    </message>
    <message>
        <source>Converted %1: «%2» → «%3»</source>
        <translation>Đã đổi %1: «%2» → «%3»</translation>
    </message>
    <message>
        <source>Duplicate: %1</source>
        <translation>Trùng: %1</translation>
    </message>
    <message>
        <source>Rows with errors are skipped: correct the file and import it again.</source>
        <translation>Dòng có lỗi sẽ bị bỏ qua: hãy sửa trong tệp rồi nhập lại.</translation>
    </message>
    <message>
        <source>Importing the list…</source>
        <translation>Đang nhập danh sách…</translation>
    </message>
    <message>
        <source>Imported from «%1», sheet «%2», on %3.</source>
        <translation>Nhập từ tệp «%1», trang «%2», ngày %3.</translation>
    </message>
    <message>
        <source>Done: %1 added, %2 updated, %3 skipped.</source>
        <translation>Xong: đã thêm %1, cập nhật %2, bỏ qua %3.</translation>
    </message>
    <message>
        <source>Nothing was written to the register: %1</source>
        <translation>Chưa ghi gì vào sổ: %1</translation>
    </message>
    <message>
        <source>import-summary-%1.txt</source>
        <translation>ket-qua-nhap-%1.txt</translation>
    </message>
    <message>
        <source>Saving the summary…</source>
        <translation>Đang lưu kết quả…</translation>
    </message>
    <message>
        <source>The summary was saved to «%1».</source>
        <translation>Đã lưu kết quả vào «%1».</translation>
    </message>
    <message>
        <source>Could not save the summary: %1</source>
        <translation>Không lưu được kết quả: %1</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Diện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Có thể trùng</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Đã đổi mã chữ</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>same as row %1</source>
        <translation>trùng dòng %1</translation>
    </message>
    <message>
        <source>already in the register: %1 (%2)</source>
        <translation>đã có: %1 (%2)</translation>
    </message>
    <message>
        <source>Click to choose what to do with this row</source>
        <translation>Bấm để chọn cách xử lý dòng này</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Receive bundles</source>
        <translation>Nhận gói</translation>
    </message>
    <message>
        <source>A cell&apos;s bundle is a .sochibo-goi file with its .minisig signature beside it. Choose the files, or a folder or USB stick to take every bundle there: each is checked and previewed first, and nothing is written until you press “Receive into the workspace”.</source>
        <translation>Gói của chi bộ là tệp .sochibo-goi, có tệp chữ ký .minisig đi kèm. Chọn các tệp, hoặc chọn thư mục hay USB để lấy mọi gói trong đó: từng gói được kiểm tra và xem trước, chưa ghi gì vào sổ cho đến khi bấm «Nhận vào sổ».</translation>
    </message>
    <message>
        <source>Choose bundle &amp;files…</source>
        <translation>Chọn các tệ&amp;p gói…</translation>
    </message>
    <message>
        <source>Choose a f&amp;older or USB stick…</source>
        <translation>Chọn thư &amp;mục hoặc USB…</translation>
    </message>
    <message>
        <source>Confirm the fin&amp;gerprint…</source>
        <translation>Xác nhận &amp;vân tay…</translation>
    </message>
    <message>
        <source>A cell&apos;s first bundle: compare the cell&apos;s fingerprint by phone</source>
        <translation>Gói đầu tiên của chi bộ: so vân tay của chi bộ qua điện thoại</translation>
    </message>
    <message>
        <source>&amp;Receive into the workspace</source>
        <translation>&amp;Nhận vào sổ</translation>
    </message>
    <message>
        <source>C&amp;lear the list</source>
        <translation>Xóa &amp;danh sách</translation>
    </message>
    <message>
        <source>There is no bundle file (.sochibo-goi) in %1.</source>
        <translation>Không có tệp gói (.sochibo-goi) nào trong %1.</translation>
    </message>
    <message>
        <source>Checking bundle %1 of %2: %3…</source>
        <translation>Đang kiểm tra gói %1/%2: %3…</translation>
    </message>
    <message>
        <source>This bundle could not be checked: %1</source>
        <translation>Không kiểm tra được gói này: %1</translation>
    </message>
    <message>
        <source>%1 bundles checked: %2 ready to receive, %3 with a fingerprint to confirm, %4 received before, %5 that cannot be received as they are.</source>
        <translation>Đã kiểm tra %1 gói: %2 gói sẵn sàng nhận, %3 gói cần xác nhận vân tay, %4 gói đã nhận từ trước, %5 gói không nhận được.</translation>
    </message>
    <message>
        <source>Receiving %1 bundles into the workspace…</source>
        <translation>Đang nhận %1 gói vào sổ…</translation>
    </message>
    <message>
        <source>Received %1 of %2 bundles.</source>
        <translation>Đã nhận %1/%2 gói.</translation>
    </message>
    <message>
        <source>%1 could not be received (%2 noted in the Conflicts area): see each.</source>
        <translation>%1 gói không nhận được (%2 gói đã ghi vào phần Vướng mắc): xem từng gói.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>The recovery key</source>
        <translation>Khóa khôi phục</translation>
    </message>
    <message>
        <source>The register is created. If the passphrase is ever forgotten, only this key opens the register.</source>
        <translation>Sổ đã được tạo. Nếu quên mật khẩu, chỉ khóa này mở được sổ.</translation>
    </message>
    <message>
        <source>Copy the key onto paper now, group by group, and keep the paper somewhere safe, away from the computer. The program will not show this key again.</source>
        <translation>Hãy chép khóa ra giấy ngay bây giờ, từng nhóm một, và cất tờ giấy ở nơi an toàn, không để cạnh máy tính. Chương trình sẽ không hiện lại khóa này.</translation>
    </message>
    <message>
        <source>Co&amp;py the key</source>
        <translation>&amp;Chép khóa vào bộ nhớ tạm</translation>
    </message>
    <message>
        <source>P&amp;rint the recovery sheet…</source>
        <translation>&amp;In tờ khóa khôi phục…</translation>
    </message>
    <message>
        <source>I have copied the recovery key onto paper and put it somewhere safe</source>
        <translation>Tôi đã chép khóa khôi phục ra giấy và cất ở nơi an toàn</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Đã chép vào bộ nhớ tạm.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;New register…</source>
        <translation>&amp;Tạo sổ mới…</translation>
    </message>
    <message>
        <source>&amp;Open register…</source>
        <translation>&amp;Mở sổ…</translation>
    </message>
    <message>
        <source>Open the &amp;demo register</source>
        <translation>Mở sổ mẫ&amp;u</translation>
    </message>
    <message>
        <source>&amp;Import a list…</source>
        <translation>&amp;Nhập danh sách…</translation>
    </message>
    <message>
        <source>&amp;Close register</source>
        <translation>Đó&amp;ng sổ</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <source>Change &amp;history…</source>
        <translation>&amp;Lịch sử thay đổi…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Step-by-step help, with pictures, in the browser</source>
        <translation>Hướng dẫn từng việc, có hình minh họa, mở trong trình duyệt</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>The user guide could not be opened: it is not installed with the program, or no web browser is set up on this computer.</source>
        <translation>Không mở được hướng dẫn sử dụng: hướng dẫn không được cài kèm chương trình, hoặc máy này chưa có trình duyệt web.</translation>
    </message>
    <message>
        <source>Demo register</source>
        <translation>Sổ mẫu</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Mã: %1</translation>
    </message>
    <message>
        <source>Register: %1</source>
        <translation>Sổ: %1</translation>
    </message>
    <message>
        <source>%1, version %2.

The register of a party cell: it works without the Internet and keeps its data encrypted on this computer.</source>
        <translation>%1, phiên bản %2.

Sổ đảng viên của chi bộ: chạy không cần Internet, dữ liệu được mã hóa và lưu trên máy này.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
</context>
<context>
    <name>MeetingDetailView</name>
    <message>
        <source>Choose a meeting in the list to see its roll call.</source>
        <translation>Chọn một buổi trong danh sách để xem điểm danh.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Minutes by</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Resolution no.</source>
        <translation>Số nghị quyết</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Present at the meeting (key C)</source>
        <translation>Có mặt tại buổi sinh hoạt (phím C)</translation>
    </message>
    <message>
        <source>Came late (key M)</source>
        <translation>Đến muộn (phím M)</translation>
    </message>
    <message>
        <source>Absent with a reason, which is asked (key P)</source>
        <translation>Vắng có lý do; chương trình sẽ hỏi lý do (phím P)</translation>
    </message>
    <message>
        <source>Absent without a reason (key V)</source>
        <translation>Vắng không lý do (phím V)</translation>
    </message>
    <message>
        <source>Default (Del)</source>
        <translation>Bỏ ghi (Del)</translation>
    </message>
    <message>
        <source>Back to the default: a member expected is present; anyone else is taken off the roll (key Delete)</source>
        <translation>Trở về mặc định: đảng viên phải dự được tính là có mặt; người khác được bỏ khỏi danh sách điểm danh (phím Delete)</translation>
    </message>
    <message>
        <source>A guest who came: their name</source>
        <translation>Khách mời đến dự: ghi họ tên</translation>
    </message>
    <message>
        <source>Someone of the cell who came without being expected: an exempted member, a candidate</source>
        <translation>Người của chi bộ đến dự dù không phải dự: đảng viên được miễn sinh hoạt, quần chúng</translation>
    </message>
    <message>
        <source>Add &amp;guest…</source>
        <translation>Thêm &amp;khách mời…</translation>
    </message>
    <message>
        <source>Add &amp;attendee…</source>
        <translation>Thêm người &amp;dự…</translation>
    </message>
    <message>
        <source>Record &amp;certificate…</source>
        <translation>Ghi giấy chứng &amp;nhận…</translation>
    </message>
    <message>
        <source>The certificate this class gave one attendee (it goes on their record)</source>
        <translation>Giấy chứng nhận lớp này cấp cho một học viên (ghi vào hồ sơ của người đó)</translation>
    </message>
    <message>
        <source>Certificates issued by this class</source>
        <translation>Giấy chứng nhận lớp đã cấp</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Đã họp</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Dự kiến</translation>
    </message>
    <message>
        <source>Planned: the roll call is taken once the meeting is held (Edit…, tick «Held»).</source>
        <translation>Buổi dự kiến: điểm danh khi đã họp (bấm Sửa…, đánh dấu «Đã họp»).</translation>
    </message>
    <message>
        <source>This day is still to come: the roll call is taken on the day.</source>
        <translation>Ngày họp chưa đến: điểm danh vào ngày họp.</translation>
    </message>
    <message>
        <source>Choose a line, then press C present, M late, P excused, V absent without reason, Delete back to the default. Each change is saved at once.</source>
        <translation>Chọn một dòng rồi bấm C có mặt, M đến muộn, P vắng có lý do, V vắng không lý do, Delete trở về mặc định. Mỗi thay đổi được lưu ngay.</translation>
    </message>
    <message>
        <source>Not held yet</source>
        <translation>Chưa họp</translation>
    </message>
    <message>
        <source>No one recorded yet: add the people who came</source>
        <translation>Chưa ghi ai: hãy thêm những người đến dự</translation>
    </message>
    <message>
        <source>%1 of the %2 people recorded came</source>
        <translation>%1 trong số %2 người được ghi đã đến dự</translation>
    </message>
    <message>
        <source>Came %1 of %2 members expected (%3): late %4, excused %5, absent without reason %6</source>
        <translation>Có mặt %1/%2 đảng viên phải dự (%3): đến muộn %4, vắng có lý do %5, vắng không lý do %6</translation>
    </message>
    <message>
        <source>; %1 more came without being expected</source>
        <translation>; thêm %1 người dự ngoài danh sách</translation>
    </message>
    <message>
        <source>Remove guest</source>
        <translation>Bỏ khách mời</translation>
    </message>
    <message>
        <source>Take the guest %1 off this meeting&apos;s roll?</source>
        <translation>Bỏ khách mời %1 khỏi danh sách điểm danh của buổi này?</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Change a meeting</source>
        <translation>Sửa buổi sinh hoạt</translation>
    </message>
    <message>
        <source>Add a meeting</source>
        <translation>Thêm buổi sinh hoạt</translation>
    </message>
    <message>
        <source>A new meeting of the cell</source>
        <translation>Buổi sinh hoạt mới của chi bộ</translation>
    </message>
    <message>
        <source>Held (leave unticked for a planned meeting)</source>
        <translation>Đã họp (bỏ dấu nếu buổi họp mới dự kiến)</translation>
    </message>
    <message>
        <source>e.g. Review of the first half-year&apos;s work</source>
        <translation>ví dụ Sơ kết công tác 6 tháng đầu năm</translation>
    </message>
    <message>
        <source>Type or choose a member…</source>
        <translation>Gõ hoặc chọn đảng viên…</translation>
    </message>
    <message>
        <source>e.g. 12-NQ/CB (leave empty if none)</source>
        <translation>ví dụ 12-NQ/CB (để trống nếu không có)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Loại lớp</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Minutes taken by</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Resolution no.</source>
        <translation>Số nghị quyết</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>No member has this name: choose from the list</source>
        <translation>Không có đảng viên nào tên này: hãy chọn trong danh sách</translation>
    </message>
    <message>
        <source>The meeting is saved. Note:
%1</source>
        <translation>Đã lưu buổi sinh hoạt. Lưu ý:
%1</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>dự kiến</translation>
    </message>
    <message>
        <source>%1 came</source>
        <translation>%1 người dự</translation>
    </message>
    <message>
        <source>Planned: not held yet, no roll call</source>
        <translation>Dự kiến: chưa họp, chưa điểm danh</translation>
    </message>
    <message>
        <source>Late %1, excused %2, absent without reason %3</source>
        <translation>Đến muộn %1, vắng có lý do %2, vắng không lý do %3</translation>
    </message>
    <message>
        <source>Also came (not expected): %1</source>
        <translation>Dự ngoài danh sách phải dự: %1</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings and roll calls</source>
        <translation>Buổi sinh hoạt và điểm danh</translation>
    </message>
    <message>
        <source>Attendance grid</source>
        <translation>Bảng điểm danh</translation>
    </message>
    <message>
        <source>Year figures</source>
        <translation>Số liệu cả năm</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Sinh hoạt</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Add meeting…</source>
        <translation>Thêm buổi sinh hoạt…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Record a meeting held, or plan one</source>
        <translation>Ghi một buổi đã họp, hoặc lên kế hoạch một buổi</translation>
    </message>
    <message>
        <source>Change the chosen meeting</source>
        <translation>Sửa buổi đang chọn</translation>
    </message>
    <message>
        <source>Delete the chosen meeting and its roll call</source>
        <translation>Xóa buổi đang chọn cùng điểm danh của buổi đó</translation>
    </message>
    <message>
        <source>%1 meetings in %2, %3 of them planned</source>
        <translation>%1 buổi trong năm %2, %3 buổi dự kiến</translation>
    </message>
    <message>
        <source>Delete %1 (%2)?
Its roll call is deleted with it.</source>
        <translation>Xóa %1 (%2)?
Điểm danh của buổi này cũng bị xóa.</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Xóa buổi sinh hoạt</translation>
    </message>
</context>
<context>
    <name>MemberDetail</name>
    <message>
        <source>← Back to the list</source>
        <translation>← Về danh sách</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Về danh sách (Esc)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Record event</source>
        <translation>Ghi sự kiện</translation>
    </message>
    <message>
        <source>&amp;Undo last event…</source>
        <translation>&amp;Rút lại sự kiện cuối…</translation>
    </message>
    <message>
        <source>History of changes…</source>
        <translation>Lịch sử thay đổi…</translation>
    </message>
    <message>
        <source>Every change to this person&apos;s records: who, when, before and after</source>
        <translation>Mọi thay đổi trong hồ sơ của người này: ai sửa, lúc nào, trước và sau</translation>
    </message>
    <message>
        <source>Transfer &amp;slip…</source>
        <translation>&amp;Phiếu chuyển sinh hoạt…</translation>
    </message>
    <message>
        <source>The slip the receiving cell imports: the person keeps the same record</source>
        <translation>Phiếu để chi bộ nơi đến nhập vào sổ của họ: người này giữ nguyên hồ sơ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Left the cell on</source>
        <translation>Rời chi bộ ngày</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiện số</translation>
    </message>
    <message>
        <source>Show the full number (the change history records it)</source>
        <translation>Hiện đầy đủ số (lịch sử thay đổi sẽ ghi lại việc xem)</translation>
    </message>
    <message>
        <source>History (newest first)</source>
        <translation>Quá trình (mới nhất ở trên)</translation>
    </message>
    <message>
        <source>No events recorded yet.</source>
        <translation>Chưa ghi sự kiện nào.</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Về danh sách</translation>
    </message>
    <message>
        <source>Withdraw the last event of %1: %2 on %3?
The status it changed goes back to what it was.</source>
        <translation>Rút lại sự kiện cuối của %1: %2 ngày %3?
Tình trạng do sự kiện đó thay đổi sẽ trở lại như trước.</translation>
    </message>
    <message>
        <source>Undo last event</source>
        <translation>Rút lại sự kiện cuối</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Personal details</source>
        <translation>Lý lịch</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Về Đảng</translation>
    </message>
    <message>
        <source>Contact and notes</source>
        <translation>Liên hệ và ghi chú</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Bỏ các thay đổi?</translation>
    </message>
    <message>
        <source>The changes you typed have not been saved. Close anyway?</source>
        <translation>Những thay đổi vừa nhập chưa được lưu. Vẫn đóng?</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Sửa: %1</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <source>changes only through events</source>
        <translation>chỉ thay đổi qua sự kiện</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>This is a different person, save anyway</source>
        <translation>Đây là người khác, vẫn lưu</translation>
    </message>
    <message>
        <source>Cannot save yet.</source>
        <translation>Chưa lưu được.</translation>
    </message>
    <message>
        <source>Fill in: %1.</source>
        <translation>Cần nhập: %1.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red: %1.</source>
        <translation>Hãy sửa các mục tô đỏ: %1.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
    <message>
        <source>This ID number already belongs to someone in the register. One ID number is one person: check the number.</source>
        <translation>Số định danh này đã thuộc về một người trong sổ. Mỗi số định danh chỉ của một người: hãy kiểm tra lại số.</translation>
    </message>
    <message>
        <source>This person may already be in the register:</source>
        <translation>Người này có thể đã có trong sổ:</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Search by name, with or without accents, or ID number…</source>
        <translation>Tìm theo tên, có dấu hoặc không dấu, hoặc theo số định danh…</translation>
    </message>
    <message>
        <source>Search (Ctrl+F); Esc clears it</source>
        <translation>Tìm (Ctrl+F); Esc để xóa ô tìm</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiện:</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Record event</source>
        <translation>Ghi sự kiện</translation>
    </message>
    <message>
        <source>View details</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Bring in the cell&apos;s existing list from an Excel, LibreOffice or CSV file</source>
        <translation>Đưa danh sách sẵn có của chi bộ vào sổ, từ tệp Excel, LibreOffice hoặc CSV</translation>
    </message>
    <message>
        <source>&amp;Receive a transferred member…</source>
        <translation>N&amp;hận người chuyển đến…</translation>
    </message>
    <message>
        <source>Add a member transferred from another cell from the slip it gave</source>
        <translation>Thêm đảng viên chuyển đến từ chi bộ khác, bằng phiếu chuyển chi bộ đó gửi</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>No register is open</source>
        <translation>Chưa mở sổ nào</translation>
    </message>
    <message>
        <source>Showing %1 / %2 people</source>
        <translation>Đang hiện %1 / %2 người</translation>
    </message>
    <message>
        <source>&amp;Import a list…</source>
        <translation>&amp;Nhập danh sách…</translation>
    </message>
    <message>
        <source>No one in this group. Choose “Everyone” to see all.</source>
        <translation>Nhóm này chưa có ai. Chọn “Tất cả” để xem mọi người.</translation>
    </message>
    <message>
        <source>No one matches «%1». Try fewer letters.</source>
        <translation>Không có ai khớp với «%1». Hãy gõ ít chữ hơn.</translation>
    </message>
    <message>
        <source>No one matches «%1» here. Try fewer letters, or choose “Everyone”.</source>
        <translation>Không có ai khớp với «%1» ở đây. Hãy gõ ít chữ hơn, hoặc chọn “Tất cả”.</translation>
    </message>
</context>
<context>
    <name>MentorDialog</name>
    <message>
        <source>Assign a mentor: %1</source>
        <translation>Phân công giúp đỡ: %1</translation>
    </message>
    <message>
        <source>Type or choose an official member…</source>
        <translation>Gõ tên hoặc chọn một đảng viên chính thức…</translation>
    </message>
    <message>
        <source>Since when the mentor has worked, studied or lived with this person; an introducer needs at least 12 months</source>
        <translation>Từ ngày nào người giúp đỡ cùng công tác, học tập hoặc cư trú với người này; người giới thiệu cần ít nhất 12 tháng</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Người giúp đỡ</translation>
    </message>
    <message>
        <source>Assigned on</source>
        <translation>Ngày phân công</translation>
    </message>
    <message>
        <source>Worked together since</source>
        <translation>Cùng công tác từ ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>No official member has this name: choose from the list</source>
        <translation>Không có đảng viên chính thức nào tên này: hãy chọn trong danh sách</translation>
    </message>
    <message>
        <source>Choose the mentor</source>
        <translation>Chọn người giúp đỡ</translation>
    </message>
    <message>
        <source>The assignment is saved. Note:
%1</source>
        <translation>Đã lưu phân công. Lưu ý:
%1</translation>
    </message>
</context>
<context>
    <name>MentorsModel</name>
    <message>
        <source>Mentor</source>
        <translation>Người giúp đỡ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Worked together since</source>
        <translation>Cùng công tác từ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>still mentoring</source>
        <translation>đang giúp đỡ</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Set a new passphrase</source>
        <translation>Đặt mật khẩu mới</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>Hiện mật &amp;khẩu</translation>
    </message>
    <message>
        <source>&amp;Set the passphrase and open</source>
        <translation>Đặt mật khẩu và mở &amp;sổ</translation>
    </message>
    <message>
        <source>The recovery key is right</source>
        <translation>Khóa khôi phục đúng</translation>
    </message>
    <message>
        <source>Choose a new passphrase now; the register opens once it is set. The recovery key keeps working: keep the paper where it was.</source>
        <translation>Hãy chọn mật khẩu mới ngay bây giờ; đặt xong thì sổ mở ra. Khóa khôi phục vẫn dùng được: cứ cất tờ giấy ở chỗ cũ.</translation>
    </message>
    <message>
        <source>Setting the new passphrase…</source>
        <translation>Đang đặt mật khẩu mới…</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Yếu</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Tạm được</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Mạnh</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Độ mạnh: %1</translation>
    </message>
    <message>
        <source>Does not match the new passphrase.</source>
        <translation>Không khớp với mật khẩu mới.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Khóa khôi phục mới</translation>
    </message>
    <message>
        <source>&amp;Print the recovery sheet…</source>
        <translation>&amp;In tờ khóa khôi phục…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành &amp;PDF…</translation>
    </message>
    <message>
        <source>Co&amp;py the key</source>
        <translation>&amp;Chép khóa</translation>
    </message>
    <message>
        <source>I have printed or copied the new key and put it somewhere safe</source>
        <translation>Tôi đã in hoặc chép khóa mới ra giấy và cất ở nơi an toàn</translation>
    </message>
    <message>
        <source>&amp;Make a new key</source>
        <translation>&amp;Tạo khóa mới</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Tạo khóa khôi phục mới</translation>
    </message>
    <message>
        <source>Make a new key when the paper with the recovery key is lost, or someone else may have seen it. The old key stops opening the register as soon as the new one is made. Type the passphrase to go on.</source>
        <translation>Hãy tạo khóa mới khi tờ giấy ghi khóa khôi phục bị mất, hoặc có thể đã bị người khác nhìn thấy. Ngay khi có khóa mới, khóa cũ không mở được sổ nữa. Gõ mật khẩu của sổ để tiếp tục.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Making the new recovery key…</source>
        <translation>Đang tạo khóa khôi phục mới…</translation>
    </message>
    <message>
        <source>This is the new recovery key; the old one no longer opens the register. Print the recovery sheet, or copy the key onto paper, now: it will not be shown again. A saved PDF holds the key in clear: keep it on a USB stick kept apart, never on this computer.</source>
        <translation>Đây là khóa khôi phục mới; khóa cũ không còn mở được sổ. Hãy in tờ khóa khôi phục, hoặc chép khóa ra giấy, ngay bây giờ: chương trình sẽ không hiện lại khóa này. Tệp PDF lưu ra có ghi khóa rõ ràng: hãy để trên USB cất riêng, đừng để trong máy này.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Đã chép vào bộ nhớ tạm.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>NextStepsModel</name>
    <message>
        <source>No.</source>
        <translation>TT</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Bước tiếp theo</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
</context>
<context>
    <name>OverridesModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Show the passphrases</source>
        <translation>Hiện mật &amp;khẩu</translation>
    </message>
    <message>
        <source>C&amp;hange the passphrase</source>
        <translation>Đổ&amp;i mật khẩu</translation>
    </message>
    <message>
        <source>The register&apos;s data stay as they are and are not rewritten; the recovery key does not change either.</source>
        <translation>Dữ liệu trong sổ giữ nguyên, không phải ghi lại; khóa khôi phục cũng không đổi.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Mật khẩu &amp;hiện tại:</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Đang đổi mật khẩu…</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Đã đổi mật khẩu</translation>
    </message>
    <message>
        <source>From now on the register opens with the new passphrase. The recovery key has not changed: the paper you keep still opens the register.</source>
        <translation>Từ nay sổ mở bằng mật khẩu mới. Khóa khôi phục không đổi: tờ giấy đang cất vẫn mở được sổ.</translation>
    </message>
</context>
<context>
    <name>PeopleFilterProxy</name>
    <message>
        <source>Active members</source>
        <translation>Đang sinh hoạt</translation>
    </message>
    <message>
        <source>Left the cell</source>
        <translation>Đã rời chi bộ</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <source>From 1 January to today</source>
        <translation>Từ đầu năm đến hôm nay</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cả năm nay</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Cả năm trước</translation>
    </message>
    <message>
        <source>A quarter</source>
        <translation>Một quý</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>Một tháng</translation>
    </message>
    <message>
        <source>The dates typed</source>
        <translation>Theo ngày tự gõ</translation>
    </message>
    <message>
        <source>Per&amp;iod:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Từ &amp;ngày:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Đến ngà&amp;y:</translation>
    </message>
    <message>
        <source>Type both dates of the period, as dd/mm/yyyy.</source>
        <translation>Hãy gõ đủ ngày bắt đầu và ngày kết thúc của kỳ báo cáo (ngày/tháng/năm).</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>Tháng %1</translation>
    </message>
</context>
<context>
    <name>PipelineView</name>
    <message>
        <source>Choose a person in the list to see their pipeline.</source>
        <translation>Chọn một người trong danh sách để xem quá trình xét kết nạp.</translation>
    </message>
    <message>
        <source>Current stage: %1</source>
        <translation>Giai đoạn hiện tại: %1</translation>
    </message>
    <message>
        <source>%1 official members can vote today</source>
        <translation>%1 đảng viên chính thức có quyền biểu quyết hôm nay</translation>
    </message>
    <message>
        <source>Overdue since %1: %2</source>
        <translation>Quá hạn từ %1: %2</translation>
    </message>
    <message>
        <source>Next deadline %1: %2</source>
        <translation>Hạn gần nhất %1: %2</translation>
    </message>
    <message>
        <source>Steps (%1 done)</source>
        <translation>Các bước (đã ghi %1)</translation>
    </message>
    <message>
        <source>Dossier (%1 missing)</source>
        <translation>Hồ sơ (thiếu %1)</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Mentors (%1)</source>
        <translation>Người giúp đỡ (%1)</translation>
    </message>
    <message>
        <source>Deadlines (%1 overdue)</source>
        <translation>Thời hạn (%1 quá hạn)</translation>
    </message>
    <message>
        <source>Deadlines (%1)</source>
        <translation>Thời hạn (%1)</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Where to keep it, and its passphrase</source>
        <translation>Nơi lưu sổ và mật khẩu</translation>
    </message>
    <message>
        <source>The register is one encrypted file on this computer. Only the passphrase, or the recovery key, opens it.</source>
        <translation>Sổ là một tệp được mã hóa trên máy này. Chỉ mật khẩu, hoặc khóa khôi phục, mở được sổ.</translation>
    </message>
    <message>
        <source>&amp;Create the register</source>
        <translation>&amp;Tạo sổ</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn chỗ khác…</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>&amp;Hiện mật khẩu</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Tệ&amp;p sổ:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <source>At least 8 characters; a short sentence is easy to remember and hard to guess. There is no way back into the register without the passphrase or the recovery key: nobody, not even the makers of the program, can open it.</source>
        <translation>Ít nhất 8 ký tự; một câu ngắn vừa dễ nhớ vừa khó đoán. Mất cả mật khẩu lẫn khóa khôi phục thì không còn cách nào mở lại sổ: không ai, kể cả người làm ra chương trình, mở được.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part is not built yet in this version.</source>
        <translation>Phần này chưa được xây dựng trong phiên bản này.</translation>
    </message>
    <message>
        <source>When it is built, it will hold:</source>
        <translation>Khi hoàn thành, phần này sẽ có:</translation>
    </message>
</context>
<context>
    <name>PlacementPrompt</name>
    <message>
        <source>Register on a network drive</source>
        <translation>Sổ nằm trên ổ mạng</translation>
    </message>
    <message>
        <source>This register is on a network drive.</source>
        <translation>Sổ này đang nằm trên ổ mạng (thư mục dùng chung qua mạng).</translation>
    </message>
    <message>
        <source>Register on a removable drive</source>
        <translation>Sổ nằm trên thiết bị nhớ rời</translation>
    </message>
    <message>
        <source>This register is on a USB stick or another removable drive.</source>
        <translation>Sổ này đang nằm trên USB hoặc một thiết bị nhớ rời khác.</translation>
    </message>
    <message>
        <source>&amp;Copy it to this computer and open the copy</source>
        <translation>&amp;Chép sổ vào máy này và mở bản chép</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PrintFormsButton</name>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Print a form filled in from the register</source>
        <translation>In một mẫu điền sẵn từ sổ</translation>
    </message>
    <message>
        <source>No printed form applies to this person</source>
        <translation>Chưa có mẫu in nào áp dụng cho người này</translation>
    </message>
    <message>
        <source>No printed form applies to this meeting</source>
        <translation>Chưa có mẫu in nào áp dụng cho buổi sinh hoạt này</translation>
    </message>
</context>
<context>
    <name>RatingRosterModel</name>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>RatingsEditor</name>
    <message>
        <source>Typed by the cell</source>
        <translation>Chi bộ ghi</translation>
    </message>
    <message>
        <source>Given by the upper level</source>
        <translation>Cấp trên giao</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>Rating of the chosen member</source>
        <translation>Xếp loại của đảng viên đang chọn</translation>
    </message>
    <message>
        <source>Choose a level</source>
        <translation>Chọn mức xếp loại</translation>
    </message>
    <message>
        <source>e.g. 85 or 85,5; empty if not scored</source>
        <translation>ví dụ 85 hoặc 85,5; để trống nếu không chấm điểm</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Mức xếp loại:</translation>
    </message>
    <message>
        <source>&amp;Points:</source>
        <translation>Đ&amp;iểm:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>Ghi c&amp;hú:</translation>
    </message>
    <message>
        <source>&amp;Save rating</source>
        <translation>&amp;Lưu xếp loại</translation>
    </message>
    <message>
        <source>&amp;Remove rating</source>
        <translation>Xó&amp;a xếp loại</translation>
    </message>
    <message>
        <source>number of people</source>
        <translation>số người</translation>
    </message>
    <message>
        <source>e.g. 12-KH/CB</source>
        <translation>ví dụ 12-KH/CB</translation>
    </message>
    <message>
        <source>&amp;Admission quota:</source>
        <translation>Chỉ tiêu &amp;kết nạp:</translation>
    </message>
    <message>
        <source>Re&amp;ference:</source>
        <translation>&amp;Số văn bản:</translation>
    </message>
    <message>
        <source>Save &amp;quota</source>
        <translation>Lư&amp;u chỉ tiêu</translation>
    </message>
    <message>
        <source>%1 members to rate on %2: %3 rated, %4 not yet.</source>
        <translation>%1 đảng viên phải xếp loại (tính đến ngày %2): đã xếp loại %3, chưa xếp loại %4.</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>từ %1</translation>
    </message>
    <message>
        <source>Points (out of 100): %1 (%2).</source>
        <translation>Điểm (thang 100): %1 (%2).</translation>
    </message>
    <message>
        <source>Admission quota for %1</source>
        <translation>Chỉ tiêu kết nạp năm %1</translation>
    </message>
    <message>
        <source>No quota recorded for this year.</source>
        <translation>Năm này chưa có chỉ tiêu kết nạp.</translation>
    </message>
    <message>
        <source>%1: %2 people%3.</source>
        <translation>%1: %2 người%3.</translation>
    </message>
    <message>
        <source>The upper level gave this quota: it stays.</source>
        <translation>Chỉ tiêu do cấp trên giao: chi bộ không sửa.</translation>
    </message>
    <message>
        <source>Choose a member in the list.</source>
        <translation>Chọn một đảng viên trong danh sách.</translation>
    </message>
    <message>
        <source>Saved the rating of %1 for %2.</source>
        <translation>Đã lưu xếp loại năm %2 của %1.</translation>
    </message>
    <message>
        <source>Remove the rating of %1 for %2 (%3)?</source>
        <translation>Xóa xếp loại năm %2 của %1 (%3)?</translation>
    </message>
    <message>
        <source>Remove rating</source>
        <translation>Xóa xếp loại</translation>
    </message>
    <message>
        <source>Removed the rating of %1 for %2.</source>
        <translation>Đã xóa xếp loại năm %2 của %1.</translation>
    </message>
    <message>
        <source>Saved the admission quota for %1.</source>
        <translation>Đã lưu chỉ tiêu kết nạp năm %1.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Excused absence: %1</source>
        <translation>Vắng có lý do: %1</translation>
    </message>
    <message>
        <source>e.g. on a work trip, ill, family matter</source>
        <translation>ví dụ đi công tác, ốm, việc gia đình</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Say why (required for an excused absence)</source>
        <translation>Ghi lý do (bắt buộc khi vắng có lý do)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt from the upper level</source>
        <translation>Biên nhận của cấp trên</translation>
    </message>
    <message>
        <source>The upper level has received the register up to change no. %1.</source>
        <translation>Cấp trên đã nhận sổ đến mục số %1.</translation>
    </message>
    <message>
        <source>Admission quota for %1: %2.</source>
        <translation>Chỉ tiêu kết nạp năm %1: %2 người.</translation>
    </message>
    <message>
        <source>The upper level&apos;s decisions in this receipt:</source>
        <translation>Các quyết định của cấp trên trong biên nhận này:</translation>
    </message>
    <message>
        <source>This receipt brings no decisions.</source>
        <translation>Biên nhận này không có quyết định nào.</translation>
    </message>
    <message>
        <source>The receipt %1 was imported before; it brings nothing new.</source>
        <translation>Biên nhận %1 đã nhập từ trước; không có gì mới.</translation>
    </message>
    <message>
        <source>Receipt from %1, made on %2</source>
        <translation>Biên nhận của %1, lập ngày %2</translation>
    </message>
</context>
<context>
    <name>ReportFiles</name>
    <message>
        <source>Export the report to Excel</source>
        <translation>Xuất báo cáo ra tệp Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Figures up to the end of %1</source>
        <translation>Số liệu tính đến hết ngày %1</translation>
    </message>
    <message>
        <source>What the register cannot answer</source>
        <translation>Những số liệu sổ chưa trả lời được</translation>
    </message>
    <message>
        <source>Figures from %1 to %2</source>
        <translation>Số liệu từ ngày %1 đến ngày %2</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Không có.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Admissions against the quota</source>
        <translation>Kết nạp so với chỉ tiêu</translation>
    </message>
    <message>
        <source>New members by category</source>
        <translation>Đảng viên mới theo đối tượng</translation>
    </message>
    <message>
        <source>Increase and decrease</source>
        <translation>Tăng, giảm đảng viên</translation>
    </message>
    <message>
        <source>Probationary members and deadlines</source>
        <translation>Đảng viên dự bị và thời hạn</translation>
    </message>
    <message>
        <source>Meetings and resolution study</source>
        <translation>Sinh hoạt chi bộ, học tập nghị quyết</translation>
    </message>
    <message>
        <source>Ratings of members</source>
        <translation>Xếp loại chất lượng đảng viên</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Số liệu thống kê</translation>
    </message>
    <message>
        <source>Member ratings</source>
        <translation>Xếp loại đảng viên</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>Xuất ra &amp;Excel…</translation>
    </message>
    <message>
        <source>Print the report shown on A4 paper</source>
        <translation>In báo cáo đang xem ra giấy A4</translation>
    </message>
    <message>
        <source>Write the report shown to a PDF file, as printed</source>
        <translation>Ghi báo cáo đang xem ra tệp PDF, đúng như bản in</translation>
    </message>
    <message>
        <source>Write the report shown to an Excel workbook, with its charts</source>
        <translation>Ghi báo cáo đang xem ra tệp Excel, kèm biểu đồ</translation>
    </message>
    <message>
        <source>Choose at least one part of the report.</source>
        <translation>Hãy chọn ít nhất một phần của báo cáo.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <source>Sent to the printer: %1 page(s) on A4.</source>
        <translation>Đã gửi tới máy in: %1 trang khổ A4.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Đang lưu tệp PDF…</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Đã xuất ra: %1</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
    <message>
        <source>Cannot write the file %1: %2</source>
        <translation>Không ghi được tệp %1: %2</translation>
    </message>
</context>
<context>
    <name>ResetKeyDialog</name>
    <message>
        <source>%1 (code %2), fingerprint %3</source>
        <translation>%1 (mã %2), vân tay %3</translation>
    </message>
    <message>
        <source>Forget the cell&apos;s old key</source>
        <translation>Bỏ khóa cũ của chi bộ</translation>
    </message>
    <message>
        <source>Only for a cell that lost its register and every backup and made a new one (its bundles, signed with a new key, are refused). Call the secretary first. What this workspace holds of the cell is set aside, not deleted; its next bundle is a first bundle again, with its new fingerprint to confirm.</source>
        <translation>Chỉ dùng khi chi bộ đã mất sổ và mọi bản sao lưu nên phải làm sổ mới (gói ký bằng khóa mới nên bị từ chối). Hãy gọi điện cho bí thư chi bộ trước. Những gì sổ này đang giữ của chi bộ được để riêng, không xóa; gói tới của chi bộ lại là gói đầu tiên, cần xác nhận vân tay mới.</translation>
    </message>
    <message>
        <source>Whom you called and how the cell lost its register</source>
        <translation>Đã gọi điện cho ai, chi bộ mất sổ thế nào</translation>
    </message>
    <message>
        <source>&amp;Why *</source>
        <translation>&amp;Lý do *</translation>
    </message>
    <message>
        <source>&amp;Forget the old key</source>
        <translation>&amp;Bỏ khóa cũ</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Cần nhập mục này.</translation>
    </message>
</context>
<context>
    <name>RollModel</name>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>On the roll as</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rules and working days</source>
        <translation>Quy định và ngày làm việc</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Ngày làm việc</translation>
    </message>
    <message>
        <source>The Party rules the program computes deadlines and checks from, in the version in force on %1, with the text each one comes from and how sure the program is of it.</source>
        <translation>Các quy định của Đảng mà chương trình dùng để tính thời hạn và kiểm tra, theo phiên bản có hiệu lực ngày %1, kèm văn bản gốc và mức độ chắc chắn của chương trình về từng quy định.</translation>
    </message>
    <message>
        <source>Show every version</source>
        <translation>Hiện mọi phiên bản</translation>
    </message>
    <message>
        <source>Earlier and later versions of each rule, greyed when not in force today</source>
        <translation>Các phiên bản trước và sau của mỗi quy định; phiên bản không áp dụng hôm nay hiện màu xám</translation>
    </message>
    <message>
        <source>Rule table version %1</source>
        <translation>Bảng quy định phiên bản %1</translation>
    </message>
    <message>
        <source>Choose a rule to see how it is counted.</source>
        <translation>Chọn một quy định để xem cách tính.</translation>
    </message>
    <message>
        <source>%1, in force from %2; confidence: %3</source>
        <translation>%1, hiệu lực từ %2; độ tin cậy: %3</translation>
    </message>
    <message>
        <source>Deadlines counted in working days skip Saturdays, Sundays and the Vietnamese public holidays, Tết and substituted days off, as listed by the holidays package (version %1). When the government gives another day off or makes a Saturday a working day, add it here.</source>
        <translation>Thời hạn tính bằng ngày làm việc không kể thứ Bảy, Chủ nhật, các ngày lễ, Tết và ngày nghỉ bù của Việt Nam theo danh sách của gói holidays (phiên bản %1). Khi Nhà nước cho nghỉ thêm một ngày hoặc đổi một ngày thứ Bảy thành ngày làm việc, hãy ghi vào đây.</translation>
    </message>
    <message>
        <source>No days added: the public holidays apply as is.</source>
        <translation>Chưa ghi ngày nào: áp dụng đúng lịch nghỉ lễ của Nhà nước.</translation>
    </message>
    <message>
        <source>Add a &amp;day off…</source>
        <translation>Thêm ngày &amp;nghỉ…</translation>
    </message>
    <message>
        <source>Add a &amp;swapped working day…</source>
        <translation>Thêm ngày làm &amp;bù…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>e.g. the government&apos;s notice number</source>
        <translation>ví dụ: số thông báo của Chính phủ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Open a register to add days off and working days.</source>
        <translation>Hãy mở một sổ để ghi ngày nghỉ và ngày làm bù.</translation>
    </message>
    <message>
        <source>Add a swapped working day (a weekend day the government made a working day)</source>
        <translation>Thêm ngày làm bù (ngày cuối tuần Nhà nước chuyển thành ngày làm việc)</translation>
    </message>
    <message>
        <source>Add a day off (a day the government gave off)</source>
        <translation>Thêm ngày nghỉ (ngày Nhà nước cho nghỉ thêm)</translation>
    </message>
    <message>
        <source>Type the date, e.g. 30/04/2027</source>
        <translation>Nhập ngày, ví dụ 30/04/2027</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from the working-day calendar?</source>
        <translation>Xóa %1 (%2) khỏi lịch ngày làm việc?</translation>
    </message>
    <message>
        <source>Remove a day</source>
        <translation>Xóa ngày</translation>
    </message>
    <message>
        <source>%1: %2 (a day off)</source>
        <translation>%1: %2 (ngày nghỉ)</translation>
    </message>
    <message>
        <source>%1: a weekend day off</source>
        <translation>%1: nghỉ cuối tuần</translation>
    </message>
    <message>
        <source>%1: a swapped working day</source>
        <translation>%1: ngày làm việc bù</translation>
    </message>
    <message>
        <source>%1: a working day</source>
        <translation>%1: ngày làm việc</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Rule</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Độ tin cậy</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Not the version in force today</source>
        <translation>Không phải phiên bản đang áp dụng hôm nay</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Back up to a folder or USB stick</source>
        <translation>Sao lưu ra thư mục hoặc USB</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>Khôi phục từ tệp sao lưu</translation>
    </message>
    <message>
        <source>Register backup (*%1)</source>
        <translation>Bản sao lưu sổ (*%1)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Interface on this computer</source>
        <translation>Giao diện trên máy này</translation>
    </message>
    <message>
        <source>The language of menus, buttons and messages</source>
        <translation>Ngôn ngữ của trình đơn, nút bấm và thông báo</translation>
    </message>
    <message>
        <source>Larger letters everywhere in the program; it changes at once</source>
        <translation>Chữ to hơn ở mọi chỗ trong chương trình; đổi ngay khi chọn</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <source>Text &amp;size:</source>
        <translation>Cỡ c&amp;hữ:</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>Check the register, copy it, read the copy back</source>
        <translation>Kiểm tra sổ, chép ra một bản rồi đọc lại bản đó để kiểm tra</translation>
    </message>
    <message>
        <source>Back up to a &amp;folder or USB stick…</source>
        <translation>Sao lưu ra thư mục hoặc &amp;USB…</translation>
    </message>
    <message>
        <source>A verified copy, still encrypted, in a folder you choose</source>
        <translation>Một bản chép đã kiểm tra, vẫn được mã hóa, ghi vào thư mục bạn chọn</translation>
    </message>
    <message>
        <source>&amp;Test restore</source>
        <translation>Thử &amp;khôi phục</translation>
    </message>
    <message>
        <source>Open the chosen backup apart from the register and run every check on it; the register is not touched</source>
        <translation>Mở bản sao lưu đã chọn ở chỗ riêng và kiểm tra mọi thứ; sổ đang dùng không bị động đến</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>Khôi &amp;phục…</translation>
    </message>
    <message>
        <source>Put the chosen backup in place of the register (the register is kept)</source>
        <translation>Đưa bản sao lưu đã chọn vào thay sổ (sổ hiện tại được giữ lại)</translation>
    </message>
    <message>
        <source>Restore from a &amp;file…</source>
        <translation>Khô&amp;i phục từ tệp…</translation>
    </message>
    <message>
        <source>Restore a backup kept on a USB stick or elsewhere</source>
        <translation>Khôi phục một bản sao lưu cất trên USB hoặc nơi khác</translation>
    </message>
    <message>
        <source>&amp;Undo the last restore</source>
        <translation>Hoàn tác &amp;lần khôi phục</translation>
    </message>
    <message>
        <source>Go back to the register as it was just before the last restore</source>
        <translation>Trở lại sổ như ngay trước lần khôi phục vừa rồi</translation>
    </message>
    <message>
        <source>Check the register</source>
        <translation>Kiểm tra sổ</translation>
    </message>
    <message>
        <source>A quick check runs every time the register opens. The full check reads every page, every link between records and the whole change journal.</source>
        <translation>Mỗi lần mở sổ, chương trình kiểm tra nhanh. Kiểm tra đầy đủ đọc mọi trang, mọi liên kết giữa các bản ghi và toàn bộ nhật ký thay đổi.</translation>
    </message>
    <message>
        <source>&amp;Check the register</source>
        <translation>Kiểm t&amp;ra sổ</translation>
    </message>
    <message>
        <source>Integrity, links between records, the journal&apos;s hash chain</source>
        <translation>Toàn vẹn dữ liệu, liên kết giữa các bản ghi, chuỗi băm của nhật ký</translation>
    </message>
    <message>
        <source>Passphrase and recovery key</source>
        <translation>Mật khẩu và khóa khôi phục</translation>
    </message>
    <message>
        <source>Changing the passphrase takes a backup first. A new recovery key makes the old one useless: print its sheet and keep it safe.</source>
        <translation>Trước khi đổi mật khẩu, chương trình sao lưu sổ. Tạo khóa khôi phục mới thì khóa cũ hết dùng được: hãy in tờ khóa mới và cất nơi an toàn.</translation>
    </message>
    <message>
        <source>Change the &amp;passphrase…</source>
        <translation>Đổi &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>Type the current passphrase, then the new one twice</source>
        <translation>Gõ mật khẩu đang dùng, rồi gõ mật khẩu mới hai lần</translation>
    </message>
    <message>
        <source>Make a new recovery &amp;key…</source>
        <translation>Tạo khó&amp;a khôi phục mới…</translation>
    </message>
    <message>
        <source>For a lost or exposed recovery key</source>
        <translation>Khi khóa khôi phục bị mất hoặc bị người khác biết</translation>
    </message>
    <message>
        <source>Last backup: %1 (%2), %3 members.</source>
        <translation>Lần sao lưu gần nhất: %1 (%2), %3 đảng viên.</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Chưa sao lưu lần nào.</translation>
    </message>
    <message>
        <source>A backup is made by itself after every 30 minutes of work when something changed, when the register is closed, and before an import, a restore or a passphrase change. Backups are encrypted like the register; older ones are thinned out (every one from today and yesterday, then one a day for 12 days, one a week for 10 weeks, one a month for 9 months). Folder: %1</source>
        <translation>Chương trình tự sao lưu sau mỗi 30 phút làm việc nếu sổ có thay đổi, khi đóng sổ, và trước khi nhập danh sách, khôi phục hay đổi mật khẩu. Bản sao lưu được mã hóa như sổ; bản cũ được bớt dần (giữ mọi bản của hôm nay và hôm qua, rồi mỗi ngày một bản trong 12 ngày, mỗi tuần một bản trong 10 tuần, mỗi tháng một bản trong 9 tháng). Thư mục: %1</translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>Đang sao lưu sổ…</translation>
    </message>
    <message>
        <source>Backed up and read back: %1 (%2, %3 members). If it is on a USB stick, the stick can be removed now.</source>
        <translation>Đã sao lưu và đọc lại kiểm tra: %1 (%2, %3 đảng viên). Nếu ghi ra USB, bây giờ có thể rút USB ra.</translation>
    </message>
    <message>
        <source>Testing the backup…</source>
        <translation>Đang thử khôi phục…</translation>
    </message>
    <message>
        <source>The backup %1 opens and passes every check: %2 members, %3 people, %4 journal entries with the chain intact. The register was not touched.</source>
        <translation>Bản sao lưu %1 mở được và đạt mọi bước kiểm tra: %2 đảng viên, %3 người, nhật ký %4 mục, chuỗi băm nguyên vẹn. Sổ đang dùng không bị động đến.</translation>
    </message>
    <message>
        <source>The backup %1 cannot be used:</source>
        <translation>Bản sao lưu %1 không dùng được:</translation>
    </message>
    <message>
        <source>Put the backup of %1 (%2 members) in place of the register? Changes made after it will no longer be in the register. The register as it is now is backed up and kept, so this restore can be undone.</source>
        <translation>Đưa bản sao lưu lúc %1 (%2 đảng viên) vào thay sổ? Những thay đổi sau lúc đó sẽ không còn trong sổ. Sổ hiện tại được sao lưu và giữ lại, nên có thể hoàn tác lần khôi phục này.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Put the backup %1 in place of the register? The register as it is now is backed up and kept, so this restore can be undone.</source>
        <translation>Đưa bản sao lưu %1 vào thay sổ? Sổ hiện tại được sao lưu và giữ lại, nên có thể hoàn tác lần khôi phục này.</translation>
    </message>
    <message>
        <source>Go back to the register as it was just before the last restore? The register as it is now is backed up first.</source>
        <translation>Trở lại sổ như ngay trước lần khôi phục vừa rồi? Sổ hiện tại được sao lưu trước.</translation>
    </message>
    <message>
        <source>Undo the last restore</source>
        <translation>Hoàn tác lần khôi phục</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục…</translation>
    </message>
    <message>
        <source>The backup is now the register. The register as it was is kept beside it; “Undo the last restore” brings it back.</source>
        <translation>Đã khôi phục: sổ bây giờ là bản sao lưu đã chọn. Sổ trước đó được giữ lại bên cạnh; nút «Hoàn tác lần khôi phục» đưa nó trở lại.</translation>
    </message>
    <message>
        <source>Checking the register…</source>
        <translation>Đang kiểm tra sổ…</translation>
    </message>
    <message>
        <source>The register is sound: every page readable, every link between records in place, %1 journal entries with the hash chain intact.</source>
        <translation>Sổ tốt: mọi trang đọc được, mọi liên kết giữa các bản ghi đầy đủ, nhật ký %1 mục với chuỗi băm nguyên vẹn.</translation>
    </message>
    <message>
        <source>The register has problems. Make no more changes; restore the newest good backup (test it first):</source>
        <translation>Sổ có vấn đề. Đừng sửa gì thêm; hãy khôi phục bản sao lưu tốt gần nhất (thử khôi phục trước):</translation>
    </message>
</context>
<context>
    <name>SheetOutput</name>
    <message>
        <source>Recovery sheet</source>
        <translation>Tờ khóa khôi phục</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Lưu tờ khóa khôi phục</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot make the recovery sheet</source>
        <translation>Không làm được tờ khóa khôi phục</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Open a register</source>
        <translation>Mở sổ</translation>
    </message>
    <message>
        <source>Register (*.sochibo)</source>
        <translation>Sổ chi bộ (*.sochibo)</translation>
    </message>
    <message>
        <source>Register not found</source>
        <translation>Không tìm thấy sổ</translation>
    </message>
    <message>
        <source>There is no register at %1.</source>
        <translation>Không có sổ nào tại «%1».</translation>
    </message>
    <message>
        <source>A register is already open</source>
        <translation>Đang mở một sổ khác</translation>
    </message>
    <message>
        <source>This window has the register %1 open. To open %2, close this one first (File menu, Close register), then open the other.</source>
        <translation>Cửa sổ này đang mở sổ %1. Muốn mở %2, hãy đóng sổ này trước (menu Tệp, Đóng sổ), rồi mở sổ kia.</translation>
    </message>
    <message>
        <source>Opening the demo upper level…</source>
        <translation>Đang mở cấp trên mẫu…</translation>
    </message>
    <message>
        <source>Creating the demo upper level and its two cells, this takes a few seconds…</source>
        <translation>Đang tạo cấp trên mẫu và hai chi bộ mẫu, mất vài giây…</translation>
    </message>
    <message>
        <source>Opening the demo register…</source>
        <translation>Đang mở sổ mẫu…</translation>
    </message>
    <message>
        <source>Creating the demo register, this takes a few seconds…</source>
        <translation>Đang tạo sổ mẫu, mất vài giây…</translation>
    </message>
    <message>
        <source>Register already open</source>
        <translation>Sổ đang được mở</translation>
    </message>
    <message>
        <source>This register is already open in another window of the program. Use that window, or close it and open the register here again.</source>
        <translation>Sổ này đang được mở ở một cửa sổ khác của chương trình. Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại sổ ở đây.</translation>
    </message>
    <message>
        <source>Cannot open the register</source>
        <translation>Không mở được sổ</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nội dung nhận xét</translation>
    </message>
    <message>
        <source>Record a step: %1</source>
        <translation>Ghi bước: %1</translation>
    </message>
    <message>
        <source>%1 — stage: %2</source>
        <translation>%1 — giai đoạn: %2</translation>
    </message>
    <message>
        <source>e.g. 12-QĐ/ĐU (leave empty if none)</source>
        <translation>ví dụ 12-QĐ/ĐU (để trống nếu không có)</translation>
    </message>
    <message>
        <source>e.g. Political centre of the ward</source>
        <translation>ví dụ Trung tâm chính trị phường</translation>
    </message>
    <message>
        <source>Type or choose an official member…</source>
        <translation>Gõ tên hoặc chọn một đảng viên chính thức…</translation>
    </message>
    <message>
        <source>Replacement introducer (12 months together not required)</source>
        <translation>Người giới thiệu thay thế (không cần đủ 12 tháng cùng công tác)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Người, nơi thực hiện</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Số giấy chứng nhận</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Nơi cấp</translation>
    </message>
    <message>
        <source>Introducer</source>
        <translation>Người giới thiệu</translation>
    </message>
    <message>
        <source>Worked together since</source>
        <translation>Cùng công tác từ ngày</translation>
    </message>
    <message>
        <source>Introduced by</source>
        <translation>Tổ chức giới thiệu</translation>
    </message>
    <message>
        <source>Decision received on</source>
        <translation>Ngày nhận quyết định</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Người giúp đỡ</translation>
    </message>
    <message>
        <source>No official member has this name: choose from the list</source>
        <translation>Không có đảng viên chính thức nào tên này: hãy chọn trong danh sách</translation>
    </message>
    <message>
        <source>Required for this step</source>
        <translation>Bắt buộc với bước này</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>không đạt</translation>
    </message>
    <message>
        <source>%1/%2 in favour, %3 present, %4 needed: %5</source>
        <translation>%1/%2 tán thành, có mặt %3, cần %4: %5</translation>
    </message>
    <message>
        <source>introducer: %1</source>
        <translation>người giới thiệu: %1</translation>
    </message>
    <message>
        <source>worked together since %1</source>
        <translation>cùng công tác từ %1</translation>
    </message>
    <message>
        <source>replacement introducer</source>
        <translation>người giới thiệu thay thế</translation>
    </message>
    <message>
        <source>certificate no. %1</source>
        <translation>giấy chứng nhận số %1</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>nơi cấp: %1</translation>
    </message>
    <message>
        <source>received on %1</source>
        <translation>nhận quyết định ngày %1</translation>
    </message>
    <message>
        <source>mentor: %1</source>
        <translation>người giúp đỡ: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>thực hiện: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>The upper level&apos;s enrolment file</source>
        <translation>Tệp ghi danh của cấp trên</translation>
    </message>
    <message>
        <source>Enrolment file (*%1)</source>
        <translation>Tệp ghi danh (*%1)</translation>
    </message>
    <message>
        <source>Send to a folder or USB stick</source>
        <translation>Gửi ra thư mục hoặc USB</translation>
    </message>
    <message>
        <source>Send again from an entry</source>
        <translation>Gửi lại từ mục số</translation>
    </message>
    <message>
        <source>The upper level asked for the changes from entry no.:</source>
        <translation>Cấp trên đề nghị gửi lại các thay đổi từ mục số:</translation>
    </message>
    <message>
        <source>The upper level&apos;s receipt</source>
        <translation>Biên nhận của cấp trên</translation>
    </message>
    <message>
        <source>Receipt (*%1)</source>
        <translation>Biên nhận (*%1)</translation>
    </message>
    <message>
        <source>Send to upper level</source>
        <translation>Gửi cấp trên</translation>
    </message>
    <message>
        <source>The register goes to the upper level on a USB stick, as one encrypted and signed file: if the stick is lost, nobody can read it. The upper level sends back a receipt saying what it has received, with its decisions.</source>
        <translation>Sổ được gửi lên cấp ủy cấp trên bằng USB, thành một tệp đã mã hóa và ký số: lỡ mất USB cũng không ai đọc được. Cấp trên gửi lại biên nhận cho biết đã nhận đến đâu, kèm các quyết định của cấp trên.</translation>
    </message>
    <message>
        <source>Enrol with the upper &amp;level…</source>
        <translation>Ghi &amp;danh với cấp trên…</translation>
    </message>
    <message>
        <source>Choose the enrolment file the upper level gave the cell; it is shown before anything is written</source>
        <translation>Chọn tệp ghi danh cấp trên gửi cho chi bộ; chương trình cho xem tệp trước khi ghi gì vào sổ</translation>
    </message>
    <message>
        <source>&amp;Send to a USB stick…</source>
        <translation>Gửi ra &amp;USB…</translation>
    </message>
    <message>
        <source>Write everything the upper level has not confirmed receiving into a folder you choose, encrypted and signed, and read it back</source>
        <translation>Ghi mọi thay đổi cấp trên chưa xác nhận đã nhận vào thư mục bạn chọn (đã mã hóa và ký số), rồi đọc lại để kiểm tra</translation>
    </message>
    <message>
        <source>Import a &amp;receipt…</source>
        <translation>Nhập &amp;biên nhận…</translation>
    </message>
    <message>
        <source>The receipt file the upper level sent back</source>
        <translation>Tệp biên nhận cấp trên gửi về</translation>
    </message>
    <message>
        <source>Send &amp;again from an entry…</source>
        <translation>Gửi &amp;lại từ mục số…</translation>
    </message>
    <message>
        <source>When the upper level lost changes it had confirmed (it went back to an old backup) and asks for them again from an entry number</source>
        <translation>Khi cấp trên mất các thay đổi đã xác nhận (phải dùng lại bản sao lưu cũ) và đề nghị chi bộ gửi lại từ một mục số</translation>
    </message>
    <message>
        <source>Decisions of the upper level received</source>
        <translation>Quyết định của cấp trên đã nhận</translation>
    </message>
    <message>
        <source>No decision of the upper level has been received yet.</source>
        <translation>Chưa nhận quyết định nào của cấp trên.</translation>
    </message>
    <message>
        <source>Change the upper level&apos;s keys</source>
        <translation>Đổi khóa của cấp trên</translation>
    </message>
    <message>
        <source>Enrolling with the upper level…</source>
        <translation>Đang ghi danh với cấp trên…</translation>
    </message>
    <message>
        <source>Have you called the upper level and read the new fingerprint %1 together? Change only if it is the same on both sides: after the change, the register no longer sends to the keys of “%2” (fingerprint %3).</source>
        <translation>Bạn đã gọi điện cho cấp trên và cùng đọc vân tay mới %1 chưa? Chỉ đổi khi hai bên đọc giống nhau: sau khi đổi, sổ không gửi cho khóa của «%2» (vân tay %3) nữa.</translation>
    </message>
    <message>
        <source>Read the two fingerprints below to the upper level by phone.</source>
        <translation>Hãy gọi điện đọc hai vân tay dưới đây cho cấp trên.</translation>
    </message>
    <message>
        <source>Checking the register, writing the bundle and reading it back…</source>
        <translation>Đang kiểm tra sổ, ghi gói và đọc lại…</translation>
    </message>
    <message>
        <source>The bundle for %1 is written in %2: the file %3 and its signature %4 (give the upper level both files). It was read back from there and its signature checked: it is whole. It holds changes no. %5 to %6. The file names carry only the cell&apos;s code and the change numbers, no personal data.
You can now safely remove the USB stick.</source>
        <translation>Đã ghi gói gửi «%1» vào %2: tệp %3 và tệp chữ ký %4 (đưa cấp trên cả hai tệp). Gói đã được đọc lại từ đó và kiểm tra chữ ký: nguyên vẹn. Gói chứa các mục số %5 đến %6. Tên tệp chỉ có mã chi bộ và số thứ tự các mục, không có thông tin cá nhân.
Bây giờ có thể rút USB ra an toàn.</translation>
    </message>
    <message>
        <source>Checking and importing the receipt…</source>
        <translation>Đang kiểm tra và nhập biên nhận…</translation>
    </message>
    <message>
        <source>The receipt %1 was imported before; nothing changed.</source>
        <translation>Biên nhận %1 đã nhập từ trước; sổ không thay đổi gì.</translation>
    </message>
    <message>
        <source>Receipt imported: the upper level has received the register up to change no. %1; %2 decisions.</source>
        <translation>Đã nhập biên nhận: cấp trên đã nhận sổ đến mục số %1; có %2 quyết định.</translation>
    </message>
</context>
<context>
    <name>SyncStatusPanel</name>
    <message>
        <source>Enrolment with the upper level</source>
        <translation>Ghi danh với cấp ủy cấp trên</translation>
    </message>
    <message>
        <source>Upper level:</source>
        <translation>Cấp ủy cấp trên:</translation>
    </message>
    <message>
        <source>Upper level&apos;s fingerprint:</source>
        <translation>Vân tay của cấp trên:</translation>
    </message>
    <message>
        <source>This cell&apos;s fingerprint:</source>
        <translation>Vân tay của chi bộ:</translation>
    </message>
    <message>
        <source>Call the upper level and read these two fingerprints to each other, group by group: if they are the same on both sides, nobody has swapped a file or a key.</source>
        <translation>Hãy gọi điện cho cấp trên và cùng đọc hai vân tay này, từng nhóm một: hai bên đọc giống nhau thì không ai đánh tráo tệp hay khóa.</translation>
    </message>
    <message>
        <source>Sending and receipts</source>
        <translation>Gửi gói và biên nhận</translation>
    </message>
    <message>
        <source>Admission quota:</source>
        <translation>Chỉ tiêu kết nạp:</translation>
    </message>
    <message>
        <source>Last bundle sent:</source>
        <translation>Gói gửi gần nhất:</translation>
    </message>
    <message>
        <source>Received by the upper level:</source>
        <translation>Cấp trên đã nhận:</translation>
    </message>
    <message>
        <source>Not yet received:</source>
        <translation>Cấp trên chưa nhận:</translation>
    </message>
    <message>
        <source>%1: %2 people</source>
        <translation>năm %1: %2 người</translation>
    </message>
    <message>
        <source>This register is not enrolled with an upper level yet.</source>
        <translation>Sổ chưa ghi danh với cấp ủy cấp trên.</translation>
    </message>
    <message>
        <source>The upper level gives the cell an enrolment file (its name ends in %1). Press “Enrol with the upper level…” and choose that file; sending is possible after that.</source>
        <translation>Cấp trên gửi cho chi bộ một tệp ghi danh (tên tệp có đuôi %1). Bấm «Ghi danh với cấp trên…» rồi chọn tệp đó; sau đó mới gửi được gói.</translation>
    </message>
    <message>
        <source>This register is enrolled with the upper level.</source>
        <translation>Sổ đã ghi danh với cấp ủy cấp trên.</translation>
    </message>
    <message>
        <source>(signing key %1)</source>
        <translation>(khóa ký %1)</translation>
    </message>
    <message>
        <source>No bundle has been sent from this computer yet.</source>
        <translation>Máy này chưa gửi gói nào.</translation>
    </message>
    <message>
        <source>%1 at %2: changes no. %3 to %4, file %5 in %6</source>
        <translation>Ngày %1 lúc %2: các mục số %3 đến %4, tệp %5 trong %6</translation>
    </message>
    <message>
        <source>Nothing confirmed yet (no receipt from the upper level).</source>
        <translation>Chưa xác nhận gì (chưa có biên nhận của cấp trên).</translation>
    </message>
    <message>
        <source>Up to change no. %1 (receipt of %2)</source>
        <translation>Đến mục số %1 (biên nhận ngày %2)</translation>
    </message>
    <message>
        <source>Up to change no. %1</source>
        <translation>Đến mục số %1</translation>
    </message>
    <message>
        <source>%1 changes in the register</source>
        <translation>Sổ có %1 thay đổi</translation>
    </message>
    <message>
        <source>Nothing: the upper level has confirmed receiving every change.</source>
        <translation>Không còn gì: cấp trên đã xác nhận nhận đủ mọi thay đổi.</translation>
    </message>
    <message>
        <source>%1 changes (the next bundle carries all of them)</source>
        <translation>%1 thay đổi (gói gửi lần tới mang đủ cả)</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>&amp;Rules and working days…</source>
        <translation>&amp;Quy định và ngày làm việc…</translation>
    </message>
    <message>
        <source>The rules the deadlines are computed from, and the days off and swapped working days they count with</source>
        <translation>Các quy định dùng để tính thời hạn, và các ngày nghỉ, ngày làm bù được tính đến</translation>
    </message>
    <message>
        <source>Choose a row to see the rule behind it.</source>
        <translation>Chọn một dòng để xem quy định làm căn cứ.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Tính từ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Open in Candidates</source>
        <translation>Mở ở trang Phát triển đảng viên</translation>
    </message>
    <message>
        <source>Open this person&apos;s admission file (Enter)</source>
        <translation>Mở hồ sơ kết nạp của người này (Enter)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>No register is open</source>
        <translation>Chưa mở sổ nào</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>%1 overdue, %2 due in the next %3 days</source>
        <translation>%1 việc quá hạn, %2 việc trong %3 ngày tới</translation>
    </message>
    <message>
        <source>As of %1, for candidates, probationary members and the cell&apos;s meetings. Deadlines in working days skip weekends and public holidays.</source>
        <translation>Tính đến ngày %1, cho quần chúng đang theo dõi, đảng viên dự bị và sinh hoạt của chi bộ. Thời hạn tính bằng ngày làm việc không kể thứ Bảy, Chủ nhật và ngày lễ, Tết.</translation>
    </message>
    <message>
        <source>Nothing is overdue or due in the next %1 days.</source>
        <translation>Không có việc nào quá hạn hoặc đến hạn trong %1 ngày tới.</translation>
    </message>
    <message>
        <source>Open in Meetings</source>
        <translation>Mở ở trang Sinh hoạt</translation>
    </message>
    <message>
        <source>Open the cell&apos;s meetings and attendance (Enter)</source>
        <translation>Mở trang sinh hoạt và điểm danh của chi bộ (Enter)</translation>
    </message>
    <message>
        <source>%1 — confidence: %2; rule code %3</source>
        <translation>%1 — độ tin cậy: %2; mã quy định %3</translation>
    </message>
</context>
<context>
    <name>TodoModel</name>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Tính từ</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>Quá hạn %1 ngày</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>In %1 days</source>
        <translation>Còn %1 ngày</translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation>Độ tin cậy: %1</translation>
    </message>
    <message>
        <source>Rule code: %1</source>
        <translation>Mã quy định: %1</translation>
    </message>
</context>
<context>
    <name>TransferFiles</name>
    <message>
        <source>Write the transfer slip to</source>
        <translation>Ghi phiếu chuyển vào</translation>
    </message>
    <message>
        <source>Choose the transfer slip</source>
        <translation>Chọn phiếu chuyển</translation>
    </message>
    <message>
        <source>Transfer slips (*%1)</source>
        <translation>Phiếu chuyển sinh hoạt (*%1)</translation>
    </message>
</context>
<context>
    <name>TransferReceiveDialog</name>
    <message>
        <source>A member transferred from another cell</source>
        <translation>Đảng viên chuyển đến từ chi bộ khác</translation>
    </message>
    <message>
        <source>Receive a transferred member</source>
        <translation>Nhận đảng viên chuyển đến</translation>
    </message>
    <message>
        <source>It is another person: receive anyway</source>
        <translation>Đây là người khác: vẫn nhận</translation>
    </message>
    <message>
        <source>&amp;Receive into the register</source>
        <translation>&amp;Nhận vào sổ</translation>
    </message>
    <message>
        <source>The .sochibo-phieuchuyen file</source>
        <translation>Tệp .sochibo-phieuchuyen</translation>
    </message>
    <message>
        <source>C&amp;hoose the file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>Transfer slip *</source>
        <translation>Phiếu chuyển *</translation>
    </message>
    <message>
        <source>Code read over the phone *</source>
        <translation>Mã đọc qua điện thoại *</translation>
    </message>
    <message>
        <source>Received on *</source>
        <translation>Ngày nhận *</translation>
    </message>
    <message>
        <source>&amp;Open the slip</source>
        <translation>&amp;Mở phiếu</translation>
    </message>
    <message>
        <source>Choose the slip the sending cell gave</source>
        <translation>Chọn tệp phiếu chi bộ gửi đã đưa</translation>
    </message>
    <message>
        <source>Type the code the sending secretary read to you</source>
        <translation>Nhập mã bí thư chi bộ gửi đã đọc cho bạn</translation>
    </message>
    <message>
        <source>Could not open the slip: %1</source>
        <translation>Không mở được phiếu: %1</translation>
    </message>
    <message>
        <source>What the slip holds</source>
        <translation>Nội dung phiếu</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người chuyển đến</translation>
    </message>
    <message>
        <source>Party membership</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>From the cell</source>
        <translation>Từ chi bộ</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Chuyển đi</translation>
    </message>
    <message>
        <source>History carried</source>
        <translation>Quá trình mang theo</translation>
    </message>
    <message>
        <source>Sending cell&apos;s fingerprint</source>
        <translation>Vân tay chi bộ gửi</translation>
    </message>
    <message>
        <source>Before receiving, read this fingerprint to the sending cell&apos;s secretary over the phone: receive only if it is the one their program shows.</source>
        <translation>Trước khi nhận, hãy đọc vân tay này cho bí thư chi bộ gửi qua điện thoại: chỉ nhận khi đúng vân tay chương trình của họ hiện.</translation>
    </message>
    <message>
        <source>%1 (%2, born %3)</source>
        <translation>%1 (%2, sinh %3)</translation>
    </message>
    <message>
        <source>%1; admitted %2, ceremony %3, official %4</source>
        <translation>%1; quyết định kết nạp %2, lễ kết nạp %3, chính thức %4</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (mã %2)</translation>
    </message>
    <message>
        <source>On %1, to %2</source>
        <translation>Ngày %1, đến %2</translation>
    </message>
    <message>
        <source>(decision %1)</source>
        <translation>(quyết định số %1)</translation>
    </message>
    <message>
        <source>%1 events; %2 probation dossier steps are added to this register</source>
        <translation>%1 sự kiện; %2 bước hồ sơ đảng viên dự bị được ghi vào sổ này</translation>
    </message>
    <message>
        <source>This person was in this cell before and left by transfer: the slip is received onto their old record.</source>
        <translation>Người này từng sinh hoạt ở chi bộ rồi chuyển đi: phiếu được nhận vào hồ sơ cũ.</translation>
    </message>
    <message>
        <source>Maybe already here: %1 (%2).</source>
        <translation>Có thể đã có trong sổ: %1 (%2).</translation>
    </message>
    <message>
        <source>One ID number belongs to one person: cannot receive.</source>
        <translation>Một số định danh chỉ thuộc về một người: không nhận được.</translation>
    </message>
</context>
<context>
    <name>TransferSlipDialog</name>
    <message>
        <source>Transfer slip: %1</source>
        <translation>Phiếu chuyển sinh hoạt: %1</translation>
    </message>
    <message>
        <source>The slip carries this person&apos;s record and history, encrypted with a one-time code the program shows once the slip is written. The receiving cell needs the file and the code; the person keeps the same record there.</source>
        <translation>Phiếu mang theo hồ sơ và quá trình của người này, được mã hóa bằng một mã dùng một lần; chương trình hiện mã khi ghi xong phiếu. Chi bộ nơi đến cần cả tệp phiếu lẫn mã; ở đó người này giữ nguyên hồ sơ.</translation>
    </message>
    <message>
        <source>&amp;Write the slip</source>
        <translation>&amp;Ghi phiếu</translation>
    </message>
    <message>
        <source>(destination not recorded)</source>
        <translation>(chưa ghi nơi đến)</translation>
    </message>
    <message>
        <source>On %1, to %2</source>
        <translation>Ngày %1, đến %2</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <source>Destination cell *</source>
        <translation>Chi bộ nơi đến *</translation>
    </message>
    <message>
        <source>e.g. Chi bộ Khu phố 5, phường Quy Nhơn</source>
        <translation>ví dụ Chi bộ Khu phố 5, phường Quy Nhơn</translation>
    </message>
    <message>
        <source>e.g. 80-QĐ/ĐU</source>
        <translation>ví dụ 80-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Date of transfer *</source>
        <translation>Ngày chuyển đi *</translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>The transfer out is recorded in the register together with the slip; if the slip cannot be written, nothing is recorded.</source>
        <translation>Việc chuyển sinh hoạt đi được ghi vào sổ cùng lúc với phiếu; nếu không ghi được phiếu thì sổ không ghi gì.</translation>
    </message>
    <message>
        <source>A USB stick or a folder</source>
        <translation>USB hoặc một thư mục</translation>
    </message>
    <message>
        <source>C&amp;hoose a folder…</source>
        <translation>&amp;Chọn thư mục…</translation>
    </message>
    <message>
        <source>Write to *</source>
        <translation>Ghi vào *</translation>
    </message>
    <message>
        <source>Type the cell the person moves to</source>
        <translation>Nhập chi bộ nơi người này chuyển đến</translation>
    </message>
    <message>
        <source>Choose where to write the slip</source>
        <translation>Chọn nơi ghi phiếu</translation>
    </message>
    <message>
        <source>This folder does not exist (is the USB stick in?)</source>
        <translation>Không thấy thư mục này (USB đã cắm chưa?)</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Mã mở phiếu</translation>
    </message>
    <message>
        <source>This cell&apos;s fingerprint</source>
        <translation>Vân tay của chi bộ</translation>
    </message>
    <message>
        <source>The slip is written and checked: %1, with its signature file %2, in %3.</source>
        <translation>Đã ghi phiếu và đọc lại kiểm tra: tệp %1 kèm tệp chữ ký %2, trong %3.</translation>
    </message>
    <message>
        <source>What to do next:
1. Phone the secretary of the receiving cell and read them the code, one group at a time. Never write the code on the stick or send it with the file.
2. Ask them to read back the fingerprint their program shows for the slip: it must be %1.
3. Give both files to the member or take them to the receiving cell. The USB stick can be removed safely.</source>
        <translation>Việc cần làm tiếp:
1. Gọi điện cho bí thư chi bộ nơi đến, đọc mã này từng nhóm một. Không ghi mã vào USB, không gửi mã kèm tệp.
2. Nhờ người nhận đọc lại vân tay mà chương trình của họ hiện cho phiếu: phải đúng là %1.
3. Giao cả hai tệp cho người chuyển đi hoặc mang đến chi bộ nơi đến. Có thể rút USB ra an toàn.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Open register</source>
        <translation>Mở sổ</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Hiện</translation>
    </message>
    <message>
        <source>Use the &amp;recovery key instead</source>
        <translation>&amp;Dùng khóa khôi phục</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở sổ</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Thư mục: %1</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>Khóa khôi &amp;phục:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Mật &amp;khẩu:</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
    <message>
        <source>Type the recovery key first.</source>
        <translation>Hãy nhập khóa khôi phục.</translation>
    </message>
    <message>
        <source>Opening the register…</source>
        <translation>Đang mở sổ…</translation>
    </message>
    <message>
        <source>The register stays closed: it opens once a new passphrase is set.</source>
        <translation>Sổ vẫn đóng: đặt xong mật khẩu mới thì sổ mới mở.</translation>
    </message>
    <message>
        <source>The register %1 is damaged and cannot be opened:
%2

Put the newest backup that passes every check in its place? The damaged file is kept beside it. Changes made after that backup will not be in the register.</source>
        <translation>Sổ %1 bị hỏng, không mở được:
%2

Đưa bản sao lưu gần nhất còn tốt (đạt mọi bước kiểm tra) vào thay? Tệp sổ hỏng được giữ lại bên cạnh. Những thay đổi sau lúc sao lưu sẽ không có trong sổ.</translation>
    </message>
    <message>
        <source>The register is damaged</source>
        <translation>Sổ bị hỏng</translation>
    </message>
    <message>
        <source>Looking for the newest good backup…</source>
        <translation>Đang tìm bản sao lưu tốt gần nhất…</translation>
    </message>
    <message>
        <source>Register restored</source>
        <translation>Đã khôi phục sổ</translation>
    </message>
    <message>
        <source>The register was restored from the backup of %1. The damaged file is kept beside it, named with “hong”.</source>
        <translation>Đã khôi phục sổ từ bản sao lưu lúc %1. Tệp sổ hỏng được giữ lại bên cạnh, tên có chữ «hong».</translation>
    </message>
</context>
<context>
    <name>UpperBoardModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Quần chúng</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Vướng mắc</translation>
    </message>
    <message>
        <source>Official members</source>
        <translation>Đảng viên chính thức</translation>
    </message>
    <message>
        <source>Probationary members</source>
        <translation>Đảng viên dự bị</translation>
    </message>
    <message>
        <source>Candidates in the pool (sympathisers)</source>
        <translation>Quần chúng trong danh sách cảm tình Đảng</translation>
    </message>
    <message>
        <source>Admissions this year, against the quota the upper level set</source>
        <translation>Số kết nạp trong năm so với chỉ tiêu cấp trên giao</translation>
    </message>
    <message>
        <source>Admission and recognition deadlines overdue or due within 30 days</source>
        <translation>Thời hạn kết nạp, công nhận chính thức đã quá hạn hoặc đến hạn trong 30 ngày tới</translation>
    </message>
    <message>
        <source>Open conflicts: bundles held back or forked, people two cells hold</source>
        <translation>Vướng mắc chưa giải quyết: gói bị giữ lại hoặc rẽ nhánh, người có tên ở hai chi bộ</translation>
    </message>
    <message>
        <source>Admitted / quota</source>
        <translation>Kết nạp / chỉ tiêu</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Đã báo cáo</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Chưa</translation>
    </message>
    <message>
        <source>%1 (%2 overdue)</source>
        <translation>%1 (%2 quá hạn)</translation>
    </message>
    <message>
        <source>No bundle received from this cell yet</source>
        <translation>Chưa nhận được gói nào của chi bộ này</translation>
    </message>
    <message>
        <source>No admission quota set for this year</source>
        <translation>Chưa giao chỉ tiêu kết nạp năm này</translation>
    </message>
    <message>
        <source>Key fingerprint: %1</source>
        <translation>Vân tay khóa của chi bộ: %1</translation>
    </message>
</context>
<context>
    <name>UpperConflictsModel</name>
    <message>
        <source>Cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Vướng mắc</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Chưa giải quyết</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>Đã giải quyết %1</translation>
    </message>
</context>
<context>
    <name>UpperDecisionsModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>At the cell</source>
        <translation>Ở chi bộ</translation>
    </message>
    <message>
        <source>In the next receipt</source>
        <translation>Gửi kèm biên nhận sau</translation>
    </message>
    <message>
        <source>The cell has it</source>
        <translation>Chi bộ đã nhận</translation>
    </message>
    <message>
        <source>The cell has not yet confirmed having this decision</source>
        <translation>Chi bộ chưa xác nhận đã nhận quyết định này</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Kết nạp</translation>
    </message>
    <message>
        <source>Recognition as full member</source>
        <translation>Công nhận đảng viên chính thức</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Chuyển sinh hoạt đảng</translation>
    </message>
</context>
<context>
    <name>UpperDueModel</name>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
</context>
<context>
    <name>UpperResolveDialog</name>
    <message>
        <source>Resolve a conflict</source>
        <translation>Giải quyết vướng mắc</translation>
    </message>
    <message>
        <source>e.g. Phoned the cell&apos;s secretary on 05/12: the cell will send a new bundle</source>
        <translation>ví dụ: Đã gọi bí thư chi bộ ngày 05/12: chi bộ sẽ gửi gói mới</translation>
    </message>
    <message>
        <source>What was done (required)</source>
        <translation>Đã làm gì (bắt buộc)</translation>
    </message>
    <message>
        <source>&amp;Close the conflict</source>
        <translation>Đóng &amp;vướng mắc</translation>
    </message>
</context>
<context>
    <name>UpperWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Open register…</source>
        <translation>&amp;Mở sổ…</translation>
    </message>
    <message>
        <source>Open the &amp;demo upper level</source>
        <translation>Mở cấp trên mẫ&amp;u</translation>
    </message>
    <message>
        <source>&amp;Close the workspace</source>
        <translation>Đó&amp;ng sổ làm việc</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Step-by-step help, with pictures, in the browser</source>
        <translation>Hướng dẫn từng việc, có hình minh họa, mở trong trình duyệt</translation>
    </message>
    <message>
        <source>Demo upper level</source>
        <translation>Cấp trên mẫu</translation>
    </message>
    <message>
        <source>Upper level&apos;s workspace</source>
        <translation>Sổ làm việc của cấp trên</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>Vân tay: %1</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Sổ làm việc: %1</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>The user guide could not be opened: it is not installed with the program, or no web browser is set up on this computer.</source>
        <translation>Không mở được hướng dẫn sử dụng: hướng dẫn không được cài kèm chương trình, hoặc máy này chưa có trình duyệt web.</translation>
    </message>
    <message>
        <source>%1, version %2.

The upper level&apos;s workspace: it receives the cells&apos; bundles, follows their reports and sends its decisions back. It works without the Internet and keeps its data encrypted on this computer.</source>
        <translation>%1, phiên bản %2.

Sổ làm việc của cấp ủy cấp trên: nhận gói các chi bộ gửi, theo dõi báo cáo và gửi quyết định về chi bộ. Chương trình chạy không cần Internet và giữ dữ liệu được mã hóa trên máy này.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <source>Record a vote: %1</source>
        <translation>Ghi biểu quyết: %1</translation>
    </message>
    <message>
        <source>Exempted official members who came to the meeting and voted count too</source>
        <translation>Đảng viên chính thức được miễn sinh hoạt, nếu dự họp và biểu quyết, cũng được tính</translation>
    </message>
    <message>
        <source>The meeting the vote was taken at; its roll call gives who was present</source>
        <translation>Buổi sinh hoạt chi bộ biểu quyết; điểm danh của buổi đó cho biết ai có mặt</translation>
    </message>
    <message>
        <source>e.g. 05-NQ/CB (leave empty if none)</source>
        <translation>ví dụ 05-NQ/CB (để trống nếu không có)</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Date of the meeting</source>
        <translation>Ngày họp chi bộ</translation>
    </message>
    <message>
        <source>At the meeting</source>
        <translation>Tại buổi sinh hoạt</translation>
    </message>
    <message>
        <source>Official members present</source>
        <translation>Số đảng viên chính thức có mặt</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>Số tán thành</translation>
    </message>
    <message>
        <source>Exempted members who voted</source>
        <translation>Đảng viên miễn sinh hoạt có biểu quyết</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Resolution no.</source>
        <translation>Số nghị quyết</translation>
    </message>
    <message>
        <source>(not recorded in Meetings)</source>
        <translation>(chưa ghi ở trang Sinh hoạt)</translation>
    </message>
    <message>
        <source>Counting the members…</source>
        <translation>Đang đếm số đảng viên…</translation>
    </message>
    <message>
        <source>On %1 the cell counts %2 official members who can vote.</source>
        <translation>Ngày %1 chi bộ có %2 đảng viên chính thức có quyền biểu quyết.</translation>
    </message>
    <message>
        <source>%1 exempted members count too if they come and vote.</source>
        <translation>%1 đảng viên miễn sinh hoạt, nếu dự họp và biểu quyết, cũng được tính.</translation>
    </message>
    <message>
        <source>Type how many members were present and how many agreed.</source>
        <translation>Nhập số đảng viên có mặt và số tán thành.</translation>
    </message>
    <message>
        <source>reaches %1</source>
        <translation>đạt %1</translation>
    </message>
    <message>
        <source>does not reach %1</source>
        <translation>không đạt %1</translation>
    </message>
    <message>
        <source>%1/%2 in favour, %3 needed: %4</source>
        <translation>%1/%2 tán thành, cần %3: %4</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>&amp;Create the cell&apos;s register</source>
        <translation>&amp;Tạo sổ của chi bộ</translation>
    </message>
    <message>
        <source>Enter the cell&apos;s name and code and choose a passphrase. You will get a recovery key to copy onto paper.</source>
        <translation>Nhập tên, mã chi bộ và đặt mật khẩu. Chương trình sẽ cho một khóa khôi phục để chép ra giấy.</translation>
    </message>
    <message>
        <source>Open the &amp;demo register to try the program</source>
        <translation>Mở sổ &amp;mẫu để dùng thử</translation>
    </message>
    <message>
        <source>An imaginary cell with members and candidates, to look around freely. It has nothing to do with your real register.</source>
        <translation>Một chi bộ giả định có sẵn đảng viên và quần chúng để xem thử thoải mái. Sổ mẫu không liên quan gì đến sổ thật.</translation>
    </message>
    <message>
        <source>&amp;Open an existing register…</source>
        <translation>Mở một sổ &amp;có sẵn…</translation>
    </message>
    <message>
        <source>Choose a register file (.sochibo) that is already on this computer.</source>
        <translation>Chọn tệp sổ (.sochibo) đã có trên máy này.</translation>
    </message>
    <message>
        <source>For the party committee above the cells:</source>
        <translation>Dành cho cấp ủy cấp trên:</translation>
    </message>
    <message>
        <source>The upper level&apos;s &amp;workspace…</source>
        <translation>Sổ làm việc của cấ&amp;p trên…</translation>
    </message>
    <message>
        <source>Receive the cells&apos; bundles, follow their reports, record decisions</source>
        <translation>Nhận gói các chi bộ gửi, theo dõi báo cáo, ghi quyết định</translation>
    </message>
    <message>
        <source>A committee with two demo cells that have reported, to look around</source>
        <translation>Một cấp ủy mẫu với hai chi bộ mẫu đã gửi báo cáo, để xem thử</translation>
    </message>
    <message>
        <source>A demo upper &amp;level</source>
        <translation>&amp;Xem cấp trên mẫu</translation>
    </message>
    <message>
        <source>The register of the party cell: kept on this computer, encrypted, no Internet needed.</source>
        <translation>Sổ đảng viên của chi bộ: lưu trên máy này, được mã hóa, không cần Internet.</translation>
    </message>
</context>
<context>
    <name>WriteDialog</name>
    <message>
        <source>Type the date, e.g. 05/03/2026</source>
        <translation>Nhập ngày, ví dụ 05/03/2026</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
</context>
</TS>
