"""The indicator set of Decision 766/QĐ-TTg (23/6/2022) and its scoring (pure).

Decision 766/QĐ-TTg approves the set of indicators by which the Prime
Minister's Office judges, in real time, how each ministry and province
serves citizens and businesses (Bộ chỉ số chỉ đạo, điều hành và đánh giá
chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành
chính, dịch vụ công theo thời gian thực trên môi trường điện tử): five
groups, 100 points.

**What is certain and what is reconstructed.** The five groups and their
weights (18 + 20 + 22 + 22 + 18) are the Decision's; so are the formulas of
group 5 (on-time complaints, satisfaction with complaints, satisfaction with
the handling of procedures, 6 points each) and the weight of the on-time
rate (up to 20 points). The Decision's appendix orders the groups
"công khai, minh bạch; tiến độ, kết quả giải quyết; số hóa hồ sơ; cung cấp
dịch vụ trực tuyến; mức độ hài lòng" in some copies, and the national
portal's dashboard shows online services third: this module numbers them
as the issue does (1 publicity, 2 progress, 3 online, 4 digitisation,
5 satisfaction). The split of points *inside* groups 1, 3 and 4 and the
"full points at" thresholds below are a reconstruction, not a quotation:
each says so in ``basis``. Where the Decision scores a share linearly, the
score here is ``max_points × min(1, value ÷ full_at)``.

Nothing here touches the database: ``figures`` (a dict of named counts,
made by ``indicators.report``) come in, the scored list goes out.
"""
from dataclasses import dataclass

#: The five groups, their Vietnamese names and weights (Decision 766/QĐ-TTg, appendix).
GROUPS = (
    ('1', 'Công khai, minh bạch', 18),
    ('2', 'Tiến độ, kết quả giải quyết', 20),
    ('3', 'Cung cấp dịch vụ trực tuyến', 22),
    ('4', 'Số hóa hồ sơ', 22),
    ('5', 'Mức độ hài lòng', 18),
)
GROUP_NAMES = {gid: name for gid, name, _points in GROUPS}
RECONSTRUCTED = 'tái dựng: điểm thành phần và ngưỡng không trích nguyên văn Quyết định'


@dataclass(frozen=True)
class Indicator:
    """One indicator: ``value = numerator ÷ denominator`` (a share) unless ``unit`` says otherwise.

    ``num``/``den`` name figures (see ``report.FIGURES``); ``full_at`` is the
    share that earns ``max_points``; ``unit`` is ``'%'`` for a share,
    ``'days'`` for an average in working days (scored 0: information only).
    """
    id: str
    name: str
    num: str
    den: str
    max_points: float
    full_at: float = 1.0
    unit: str = '%'
    basis: str = ''

    @property
    def group(self):
        return self.id.split('.')[0]


#: The share of dossiers synchronised with the national portal; ``sync`` shows it by this id.
SYNC_SHARE = '1.3'

INDICATORS = (
    # -- 1. Publicity and transparency (18) ---------------------------------------
    Indicator('1.1', 'Tỷ lệ thủ tục hành chính được công bố, công khai đúng hạn',
              'procs_published', 'procs_total', 4,
              basis='QĐ 766 nhóm 1 (4/18 điểm); NĐ 63/2010 đ. 15, 17 (sửa bởi NĐ 92/2017). '
                    'Danh mục không lưu ngày quyết định công bố có hiệu lực, nên "đúng hạn" '
                    'ở đây là "đang có hiệu lực" so với cả thủ tục còn ở dạng nháp'),
    Indicator('1.2', 'Tỷ lệ thủ tục hành chính được công khai đầy đủ',
              'procs_complete', 'procs_published', 4,
              basis='QĐ 766 nhóm 1; NĐ 63/2010 đ. 8 (nội dung thủ tục); ' + RECONSTRUCTED),
    Indicator(SYNC_SHARE, 'Tỷ lệ hồ sơ được đồng bộ trạng thái lên Cổng Dịch vụ công quốc gia',
              'synced', 'filed', 10,
              basis='QĐ 766 nhóm 1; NĐ 107/2021 đ. 1 (sửa đ. 12, 22 NĐ 61/2018); ' + RECONSTRUCTED),
    # -- 2. Progress and results (20) ----------------------------------------------
    Indicator('2.1', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'on_time', 'settled', 20,
              basis='QĐ 766 nhóm 2 (tối đa 20 điểm); hạn theo quy định (NĐ 61/2018 đ. 18-19), '
                    'trừ thời gian bổ sung; yêu cầu bổ sung quá một lần tính là trễ hạn '
                    '(NĐ 61/2018 đ. 9 khoản 3: chỉ yêu cầu bổ sung một lần)'),
    Indicator('2.2', 'Thời gian giải quyết trung bình (ngày làm việc)',
              'days_sum', 'days_n', 0, unit='days',
              basis='QĐ 766 nhóm 2: thông tin theo dõi, không tính điểm ở đây (' + RECONSTRUCTED + ')'),
    # -- 3. Online services (22) ------------------------------------------------------
    Indicator('3.1', 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến (toàn trình, một phần)',
              'procs_online', 'procs_published', 4, full_at=0.8,
              basis='QĐ 766 nhóm 3; NĐ 42/2022 đ. 11 (toàn trình, một phần); NQ 131/NQ-CP (2022) '
                    'mục tiêu 80%; ' + RECONSTRUCTED),
    Indicator('3.2', 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ',
              'procs_online_used', 'procs_online_in_use', 4, full_at=0.5,
              basis='QĐ 766 nhóm 3; ' + RECONSTRUCTED),
    Indicator('3.3', 'Tỷ lệ hồ sơ nộp trực tuyến', 'filed_online', 'filed', 6, full_at=0.5,
              basis='QĐ 766 nhóm 3; NQ 131/NQ-CP (2022) mục tiêu 50% hồ sơ trực tuyến; '
                    + RECONSTRUCTED),
    Indicator('3.4', 'Tỷ lệ thủ tục có nghĩa vụ tài chính được thanh toán trực tuyến',
              'procs_fee_online', 'procs_fee', 4,
              basis='QĐ 766 nhóm 3; NĐ 45/2020 đ. 24 (thanh toán trực tuyến); ' + RECONSTRUCTED),
    Indicator('3.5', 'Tỷ lệ hồ sơ thanh toán trực tuyến', 'paid_online', 'fee_bearing', 4,
              full_at=0.5,
              basis='QĐ 766 nhóm 3; NĐ 45/2020 đ. 24; ' + RECONSTRUCTED),
    # -- 4. Digitisation (22) ------------------------------------------------------
    Indicator('4.1', 'Tỷ lệ hồ sơ cấp kết quả điện tử', 'e_result', 'results', 6,
              basis='QĐ 766 nhóm 4; NĐ 107/2021 đ. 1 (số hóa kết quả); ' + RECONSTRUCTED),
    Indicator('4.2', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
              'digitised', 'results', 6,
              basis='QĐ 766 nhóm 4; NĐ 107/2021 đ. 1 (sửa đ. 15, 25 NĐ 61/2018); ' + RECONSTRUCTED),
    Indicator('4.3', 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', 'reused', 'filed',
              6, full_at=0.5,
              basis='QĐ 766 nhóm 4; NĐ 45/2020 đ. 6 (không yêu cầu nộp lại giấy tờ đã số hóa); '
                    + RECONSTRUCTED),
    Indicator('4.4', 'Tỷ lệ hồ sơ kết nối, chia sẻ với kho dữ liệu của công dân', 'linked', 'filed', 4,
              basis='QĐ 766 nhóm 4; NĐ 45/2020 đ. 13 (kho quản lý dữ liệu điện tử); ' + RECONSTRUCTED),
    # -- 5. Satisfaction (18) --------------------------------------------------------
    Indicator('5.1', 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', 'fb_on_time', 'fb_filed', 6,
              basis='QĐ 766 nhóm 5: số PAKN xử lý đúng hoặc trước hạn ÷ số PAKN thuộc thẩm quyền'),
    Indicator('5.2', 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị', 'fb_satisfied', 'fb_filed', 6,
              basis='QĐ 766 nhóm 5: (số PAKN − số bị đánh giá không hài lòng hoặc xử lý quá hạn) '
                    '÷ số PAKN'),
    Indicator('5.3', 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
              'returned_satisfied', 'returned', 6,
              basis='QĐ 766 nhóm 5: (số hồ sơ − số bị đánh giá không hài lòng) ÷ số hồ sơ; '
                    'tối đa 6/18 điểm'),
)
BY_ID = {i.id: i for i in INDICATORS}
#: Indicator names, for the English catalog and the pages.
NAMES = {i.id: i.name for i in INDICATORS}

assert all(sum(i.max_points for i in INDICATORS if i.group == gid) == pts
           for gid, _name, pts in GROUPS), 'the points of a group must add up to its weight'


def value_of(indicator, figures):
    """``(value, numerator, denominator)``; ``value`` None when there is no data.

    A share is a fraction in [0, 1] rounded to four places; an average is
    rounded to two. Never a division by zero: an empty denominator is "no
    data", which is not the same as 0%.
    """
    num, den = figures.get(indicator.num, 0), figures.get(indicator.den, 0)
    if not den:
        return None, num, den
    return round(num / den, 4 if indicator.unit == '%' else 2), num, den


def points_for(indicator, value):
    """The points ``value`` earns: linear up to ``full_at``, then full; None without data."""
    if value is None or indicator.max_points == 0:
        return None if value is None else 0.0
    return round(indicator.max_points * min(1.0, value / indicator.full_at), 2)


def score(figures):
    """The scored indicators and the total, as API.md's ``indicators`` and ``total``.

    The total counts only indicators with data: ``max_points`` of the total
    is what was at stake, so a unit is not punished for a period in which,
    say, nobody complained.
    """
    rows, got, stake = [], 0.0, 0.0
    for ind in INDICATORS:
        value, num, den = value_of(ind, figures)
        pts = points_for(ind, value)
        rows.append({'id': ind.id, 'name': ind.name, 'group': ind.group, 'unit': ind.unit,
                     'value': value, 'numerator': num, 'denominator': den,
                     'points': pts, 'max_points': ind.max_points, 'full_at': ind.full_at,
                     'basis': ind.basis})
        if pts is not None and ind.max_points:
            got, stake = got + pts, stake + ind.max_points
    return rows, {'points': round(got, 2), 'max_points': stake,
                  'scale_max': float(sum(p for _g, _n, p in GROUPS))}
