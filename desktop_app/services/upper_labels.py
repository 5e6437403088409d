"""Vietnamese names of the records of reporting upward and of their fields, for the change
history (``services/audit.py``)."""

from __future__ import annotations

UPPER_ENTITY_LABELS = {
    "upper_workspace": "Sổ làm việc của cấp trên",
    "upper_cell": "Chi bộ trực thuộc",
    "upper_import": "Gói đã nhận của chi bộ",
    "upper_quota": "Chỉ tiêu kết nạp giao cho chi bộ",
    "upper_decision": "Quyết định của cấp trên",
    "upper_conflict": "Vướng mắc khi nhận gói",
    "received_receipt": "Biên nhận của cấp trên",
    "received_decision": "Quyết định cấp trên gửi về",
}

_DECISION = {
    "person_id": "Người",
    "person_name": "Họ và tên",
    "kind": "Loại quyết định",
    "number": "Số quyết định",
    "date": "Ngày quyết định",
    "note": "Ghi chú",
}

UPPER_FIELD_LABELS: dict[str, dict[str, str]] = {
    "upper_workspace": {
        "name": "Tên cấp ủy",
        "recipient": "Khóa nhận gói",
        "signing_key": "Khóa ký biên nhận",
        "key_id": "Mã khóa ký",
    },
    "upper_cell": {
        "code": "Mã chi bộ",
        "code_key": "Mã chi bộ (để so)",
        "name": "Tên chi bộ",
        "cell_uuid": "Mã UUID của chi bộ",
        "key_id": "Mã khóa ký của chi bộ",
        "public_key": "Khóa ký của chi bộ",
        "recipient": "Khóa nhận biên nhận của chi bộ",
        "fingerprint": "Vân tay của chi bộ",
        "pinned_at": "Lúc ghi nhận khóa",
        "applied_seq": "Đã nhận đến mục số",
        "applied_hash": "Mã băm mục đã nhận",
        "last_bundle_id": "Gói gần nhất",
        "last_bundle_at": "Lúc chi bộ lập gói gần nhất",
        "last_import_at": "Lúc nhận gói gần nhất",
    },
    "upper_import": {
        "cell": "Chi bộ",
        "bundle_id": "Mã gói",
        "file": "Tệp",
        "seq_from": "Từ mục số",
        "seq_to": "Đến mục số",
        "applied_from": "Mục mới từ số",
        "head_hash": "Mã băm mục cuối",
        "bundle_created_at": "Lúc chi bộ lập gói",
        "summary": "Tóm tắt",
        "rewound_to": "Để riêng các mục sau số",
    },
    "upper_quota": {"cell": "Chi bộ", "year": "Năm", "count": "Chỉ tiêu kết nạp"},
    "upper_decision": {"cell": "Chi bộ", **_DECISION},
    "upper_conflict": {
        "cell": "Chi bộ",
        "kind": "Loại vướng mắc",
        "bundle_id": "Mã gói",
        "file": "Tệp",
        "seq_from": "Từ mục số",
        "seq_to": "Đến mục số",
        "at_seq": "Tại mục số",
        "detail": "Nội dung",
        "resolved_at": "Lúc giải quyết",
        "resolution": "Cách giải quyết",
    },
    "received_receipt": {
        "upper_id": "Mã cấp ủy cấp trên",
        "applied_seq": "Cấp trên đã nhận đến mục số",
        "applied_hash": "Mã băm mục đã nhận",
        "quotas": "Chỉ tiêu kết nạp",
        "decisions": "Số quyết định kèm theo",
        "issued_at": "Lúc cấp trên lập biên nhận",
    },
    "received_decision": {
        "receipt_id": "Biên nhận",
        **_DECISION,
        "outcome": "Kết quả",
        "outcome_text": "Ghi chú kết quả",
        "event_id": "Sự kiện đã ghi",
    },
}
