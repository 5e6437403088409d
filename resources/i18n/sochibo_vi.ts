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
    <name>BrokenPage</name>
    <message>
        <source>This part could not be opened because of an error in the program. The rest of the program works; the register is safe.</source>
        <translation>Phần này không mở được do lỗi trong chương trình. Các phần khác vẫn dùng bình thường; sổ vẫn an toàn.</translation>
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
