"""The controlled vocabulary of document types (loại giấy tờ).

Shared by vault documents and procedure requirements, so that a requirement
can be met by a document the citizen already holds.  Ids are stable ASCII
slugs; titles are Vietnamese.  ``other`` always exists.
"""

DOC_TYPES = [
    ("cccd", "Căn cước công dân / Thẻ căn cước"),
    ("ho-chieu", "Hộ chiếu"),
    ("giay-khai-sinh", "Giấy khai sinh"),
    ("trich-luc-khai-sinh", "Trích lục khai sinh"),
    ("giay-chung-sinh", "Giấy chứng sinh"),
    ("giay-chung-nhan-ket-hon", "Giấy chứng nhận kết hôn"),
    ("trich-luc-ket-hon", "Trích lục kết hôn"),
    ("xac-nhan-tinh-trang-hon-nhan", "Giấy xác nhận tình trạng hôn nhân"),
    ("giay-chung-tu", "Giấy chứng tử"),
    ("trich-luc-khai-tu", "Trích lục khai tử"),
    ("xac-nhan-cu-tru", "Giấy xác nhận thông tin về cư trú"),
    ("phieu-ly-lich-tu-phap", "Phiếu lý lịch tư pháp"),
    ("ban-sao-chung-thuc", "Bản sao chứng thực"),
    ("giay-chung-nhan-dkkd", "Giấy chứng nhận đăng ký kinh doanh"),
    ("giay-chung-nhan-dkdn", "Giấy chứng nhận đăng ký doanh nghiệp"),
    ("dieu-le", "Điều lệ doanh nghiệp"),
    ("giay-chung-nhan-qsdd", "Giấy chứng nhận quyền sử dụng đất"),
    ("hop-dong", "Hợp đồng"),
    ("ban-ve-thiet-ke", "Bản vẽ thiết kế"),
    ("giay-phep-xay-dung", "Giấy phép xây dựng"),
    ("giay-phep-lao-dong", "Giấy phép lao động"),
    ("giay-kham-suc-khoe", "Giấy khám sức khỏe"),
    ("bang-cap", "Văn bằng, chứng chỉ"),
    ("anh-the", "Ảnh thẻ"),
    ("don-de-nghi", "Đơn đề nghị / tờ khai"),
    ("giay-uy-quyen", "Giấy ủy quyền"),
    ("quyet-dinh", "Quyết định"),
    ("chung-tu-nop-phi", "Chứng từ nộp phí, lệ phí"),
    ("other", "Giấy tờ khác"),
]

_TITLES = dict(DOC_TYPES)


def is_known(doc_type_id):
    """True for an id of the vocabulary."""
    return doc_type_id in _TITLES


def title_of(doc_type_id):
    """The Vietnamese title, or the id itself for an unknown one."""
    return _TITLES.get(doc_type_id, doc_type_id)


def as_json():
    """``[{"id", "title"}]`` for ``GET /@@doc-types``."""
    return [{"id": i, "title": t} for i, t in DOC_TYPES]
