"""The indicators of a period as CSV (UTF-8 with BOM, so Excel shows Vietnamese) and XLSX.

openpyxl is the XLSX seam: nothing else imports it. Both exports carry the
same rows as the JSON answer; a missing value is an empty cell, never 0.
"""
import csv
import io

HEADER = ('Mã chỉ số', 'Tên chỉ số', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm', 'Điểm tối đa')


def rows(body):
    yield HEADER
    for ind in body['indicators']:
        yield (ind['id'], ind['name'], _value(ind), ind['numerator'], ind['denominator'],
               ind['points'], ind['max_points'])
    yield ('Tổng', '', '', '', '', body['total']['points'], body['total']['max_points'])


def _value(ind):
    if ind['value'] is None:
        return None
    return round(ind['value'] * 100, 2) if ind['unit'] == '%' else ind['value']


def as_csv(body):
    out = io.StringIO()
    out.write('\ufeff')
    writer = csv.writer(out)
    writer.writerow((f"Đơn vị: {body['unit']}", f"Từ {body['from']} đến {body['to']}"))
    for row in rows(body):
        writer.writerow(['' if v is None else v for v in row])
    return out.getvalue().encode('utf-8')


def as_xlsx(body):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = 'Chỉ số 766'
    sheet.append((f"Đơn vị: {body['unit']}", f"Từ {body['from']} đến {body['to']}"))
    for row in rows(body):
        sheet.append(row)
    sheet.column_dimensions['B'].width = 70
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
