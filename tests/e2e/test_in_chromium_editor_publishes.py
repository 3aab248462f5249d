"""Journey in Chromium: an editor adds a field to a form template and publishes a version."""
import re

from playwright.sync_api import expect


FORM = '/forms/to-khai-cap-ban-sao-trich-luc'


def test_editor_adds_a_field_and_publishes(person):
    editor = person('editor').login('editor1')
    page = editor.go('/forms/')
    page.get_by_role('link', name='Tờ khai cấp bản sao trích lục hộ tịch').click()
    page.get_by_role('link', name=re.compile('Sửa')).click()
    editor.shot('editor')
    new = page.locator('.deform-seq-item').filter(has=page.locator('.item-type')).last
    new.get_by_label('Tên kỹ thuật').fill('ghi_chu_them')
    new.get_by_label('Nhãn', exact=True).fill('Ghi chú thêm của người nộp')
    kind = new.get_by_label('Kiểu', exact=True)
    kind.select_option('choice')
    expect(new.get_by_text('Các phương án (kiểu lựa chọn)').first).to_be_visible()
    expect(new.get_by_label('Độ dài tối đa')).to_be_hidden()
    kind.select_option('textarea')
    expect(new.get_by_text('Các phương án (kiểu lựa chọn)').first).to_be_hidden()
    expect(new.get_by_label('Độ dài tối đa')).to_be_visible()
    expect(new.get_by_label('Giá trị nhỏ nhất')).to_be_hidden()
    page.get_by_role('button', name='Lưu bản nháp').click()
    expect(page.locator('main')).to_contain_text('Ghi chú thêm của người nộp')
    editor.shot('preview')
    page.get_by_role('button', name='Công bố bản nháp').click()
    expect(page.locator('h1')).to_have_text('Công bố bản nháp?')
    editor.shot('confirm')
    page.get_by_role('button', name='Công bố bản nháp').click()
    expect(page.locator('.flash')).to_have_text('Đã công bố phiên bản mới của biểu mẫu.')
    expect(page.locator('main')).to_contain_text('Ghi chú thêm của người nộp')
    editor.shot('published')
