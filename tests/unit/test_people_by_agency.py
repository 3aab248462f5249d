"""People.by_agency: an officer is found under their agency, and follows a move."""
from tthc_docs import security as s


def test_an_officer_is_indexed_and_follows_a_move(edit_site):
    with edit_site() as site:
        people = site['people']
        people.create('specialist9', 'x' * 12, 'Hà Thị Chín', [s.SPECIALIST],
                      agency='000.00.20.H55')
        people.create('congdan9', 'x' * 12, 'Lý Văn Chín', [s.CITIZEN])
        assert 'specialist9' in [a.login for a in people.of_agency('000.00.20.H55')]
        assert 'congdan9' not in people.by_agency.get('000.00.20.H55', ())
        people['specialist9'].update({'agency': '000.00.22.H55'})
    with edit_site() as site:
        people = site['people']
        assert 'specialist9' not in [a.login for a in people.of_agency('000.00.20.H55')]
        assert [a.login for a in people.of_agency('000.00.22.H55')] == ['specialist9']
        assert people.of_agency(None) == []
