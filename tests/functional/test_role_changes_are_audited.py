"""Four eyes on roles: an admin cannot give itself roles; every change is in the audit log.

An admin used to give itself officer roles and then read dossiers and vaults.
"""
JSON = {'Accept': 'application/json'}


def second_admin(login):
    login('admin').post_json('/people/', {'login': 'admin2', 'password': 'a-long-password',
                                          'full_name': 'Quản trị viên hai', 'roles': ['admin']},
                             headers=JSON, status=201)
    return login('admin2', password='a-long-password')


def test_an_admin_cannot_change_its_own_roles(login, edit_site):
    res = login('admin').patch_json('/people/admin', {'roles': ['admin', 'reception']},
                                    headers=JSON, status=403)
    assert 'quản trị viên khác' in res.json['error']['message']
    with edit_site() as site:
        assert site['people']['admin'].roles == {'admin'}


def test_another_admin_may_and_the_change_is_logged(login, edit_site):
    second_admin(login).patch_json('/people/admin', {'roles': ['admin', 'reception']},
                                   headers=JSON)
    with edit_site() as site:
        entry = site.audit.newest(what='roles')[0]
    assert (entry['who'], entry['target']) == ('admin2', 'admin')
    assert entry['detail'] == {'from': ['admin'], 'to': ['admin', 'reception']}


def test_other_changes_to_ones_own_account_are_allowed(login):
    login('admin').patch_json('/people/admin', {'full_name': 'Quản trị hệ thống',
                                                'roles': ['admin']}, headers=JSON)


def test_created_roles_and_locks_are_logged_and_shown_to_admins(login):
    admin = second_admin(login)
    admin.patch_json('/people/citizen2', {'active': False}, headers=JSON)
    items = admin.get('/people/@@audit', headers=JSON).json['items']
    assert [(i['what'], i['target']) for i in items[:2]] == [('active', 'citizen2'),
                                                              ('roles', 'admin2')]
    page = admin.get('/people/@@audit')
    assert 'citizen2' in page.text and 'admin2' in page.text


def test_only_admins_read_the_audit_log(login):
    login('reception1').get('/people/@@audit', headers=JSON, status=403)
