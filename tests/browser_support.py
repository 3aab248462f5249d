"""Browser journeys: Debian's Chromium, driven by Playwright, against waitress on loopback.

The app is the test session's own (``tests/conftest.py``'s ``app``), served
on a free 127.0.0.1 port on a fresh copy of the demo database per test
(``live_server`` depends on ``db``).  For each test its settings also mount
the development payment gateway under ``/_devgateway/`` (as development.ini
does) and sign locally with a development PKI (no remote CSC service).

Chromium is ``/usr/bin/chromium`` (``make install`` installs the Debian
package); Playwright never downloads a browser here.  Pages are saved as
screenshots under ``var/screenshots/`` (not committed), at the two widths
the issue names: 1280×800 (a desk) and 360×740 (a phone).

tests/conftest.py imports these fixtures (one session-wide browser for all
modules) and marks everything under tests/e2e ``e2e``, left out of a plain run.
"""
import re
import sys
from pathlib import Path

import pytest

from tthc_docs.people import totp



CHROMIUM = '/usr/bin/chromium'
AXE = Path(__file__).parent / 'e2e' / 'node_modules' / 'axe-core' / 'axe.min.js'
SHOTS = Path(__file__).resolve().parents[1] / 'var' / 'screenshots'
DESK = {'width': 1280, 'height': 800}
PHONE = {'width': 360, 'height': 740}
# Without the background-networking flags Chromium keeps calling home on a closed network.
ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage']
MERCHANT, PAY_SECRET = 'TTHCE2E', 'e2e-payment-secret-0123456789abcdef'
AGENCY = '000.00.20.H55'


@pytest.fixture(scope='module')
def browser():
    """One headless Chromium per test module.

    Not per session: while Playwright's sync API is open it keeps an event loop
    running in this thread, and the other tests' ``asyncio.run`` (signing) refuses
    to start inside it.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(f'{CHROMIUM} is missing: run `make install` (Debian package chromium)')
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope='session')
def e2e_pki(tmp_path_factory):
    """A development PKI with leader1's signing identity."""
    from tthc_docs.signing.devpki import DevPki, LeaderSpec
    return DevPki(tmp_path_factory.mktemp('e2e-pki')).create(
        [LeaderSpec('leader1', 'Đặng Quốc Bảo', AGENCY,
                    'Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên', 'Phó Giám đốc')])


@pytest.fixture
def base(app, live_server, e2e_pki, monkeypatch):
    """The served app's base URL, with the dev gateway mounted and local signing."""
    host, port = live_server
    url = f'http://{host}:{port}'
    for key, value in {
            'tthc_docs.public_url': url,   # the gateway sends the browser back here
            'tthc_docs.payment.dev_gateway': 'true',
            'tthc_docs.payment.gateway_url': url + '/_devgateway/pay',
            'tthc_docs.payment.merchant': MERCHANT, 'tthc_docs.payment.secret': PAY_SECRET,
            'tthc_docs.pki_dir': str(e2e_pki.dir),
            'tthc_docs.trust_roots': str(e2e_pki.root_cert_path)}.items():
        monkeypatch.setitem(app.registry.settings, key, value)
    monkeypatch.setattr(app.registry, 'tthc_dev_gateway', None, raising=False)
    app.registry.totp_throttle = None
    return url


class Person:
    """One person's browser tab: log in, go, read, and keep screenshots."""

    def __init__(self, page, base, name):
        self.page, self.base, self.name = page, base, name

    def go(self, path):
        self.page.goto(self.base + path)
        return self.page

    def login(self, login_name, password='demo-password'):
        self.go('/@@login')
        self.page.get_by_label(re.compile('Tên đăng nhập')).fill(login_name)
        self.page.get_by_label(re.compile('Mật khẩu')).fill(password)
        self.page.locator('#login-form button[type=submit]').click()
        self.page.wait_for_load_state()
        return self

    def text(self):
        return self.page.locator('main').inner_text()

    def shot(self, label):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f'{self.name}-{label}.png'), full_page=True)

    def width(self):
        return self.page.evaluate('document.documentElement.scrollWidth')

    def axe(self):
        """Serious and critical axe-core violations on this page: [(id, help, targets)]."""
        # Evaluated through the DevTools protocol, not as a <script> the page's
        # CSP (script-src 'self') would rightly block: the pages stay as served.
        self.page.evaluate(AXE.read_text(encoding='utf-8') + '\n;void 0')
        result = self.page.evaluate('axe.run(document, {resultTypes: ["violations"]})')
        return [(v['id'], v['help'], [n['target'] for n in v['nodes']][:3])
                for v in result['violations'] if v['impact'] in ('serious', 'critical')]

    def contrast_doubts(self):
        """axe's colour-contrast findings, failed or undecided ("incomplete"): [(kind, target, why)]."""
        self.page.evaluate(AXE.read_text(encoding='utf-8') + '\n;void 0')
        result = self.page.evaluate(
            'axe.run(document, {runOnly: ["color-contrast"],'
            ' resultTypes: ["violations", "incomplete"]})')
        return [(kind, n['target'], (n.get('any') or [{}])[0].get('message', ''))
                for kind in ('violations', 'incomplete')
                for rule in result[kind] for n in rule['nodes']]

    def requests(self):
        """Every URL this tab asks for from now on (a list that grows)."""
        seen = []
        self.page.on('request', lambda request: seen.append(request.url))
        return seen


@pytest.fixture
def person(browser, base, request):
    """``person('citizen', phone=False, locale='vi-VN')``: a fresh browser context at a desk or phone width."""
    contexts = []

    def make(name, phone=False, locale='vi-VN'):
        context = browser.new_context(viewport=PHONE if phone else DESK, locale=locale,
                                      timezone_id='Asia/Ho_Chi_Minh')
        context.set_default_timeout(15000)
        contexts.append(context)
        size = 'phone' if phone else 'desk'
        return Person(context.new_page(), base, f'{request.node.name}-{name}-{size}')
    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def enrolled_leader(edit_site):
    """leader1 with a fresh authenticator secret: ``code()`` gives the current one-time code."""
    secret = totp.new_secret()
    with edit_site() as site:
        account = site['people']['leader1']
        account.totp_secret, account.totp_last_step = secret, None
    return lambda: totp.current_code(secret)


HAPPY_PATH = [('receive', 'reception1'), ('forward', 'reception1'), ('forward', 'specialist1'),
              ('approve', 'leader1'), ('sign', 'leader1'), ('return', 'reception1')]


@pytest.fixture
def walk(live_server, enrolled_leader):
    """``walk(code, until)``: officers move a paid dossier along the happy path (JSON API).

    The journeys test one person in the browser; the others' steps are the
    API's, with their own tests in tests/functional.  They go over HTTP to the
    live server: Playwright's loop owns this thread, and signing runs its own.
    """
    from live_server import Client

    def client(login_name):
        c = Client(live_server)
        c.login(login_name)
        return c

    def state(code):
        return client('reception1').get(f'/dossiers/{code}').json['status']

    def run(code, until):
        for action, who in HAPPY_PATH:
            if state(code) == until:
                return
            extra = {'otp': enrolled_leader()} if action == 'sign' else {}
            res = client(who).post_json(f'/dossiers/{code}/@@transition',
                                        dict(action=action, **extra))
            assert res.status == 200, res.body
        assert state(code) == until
    return run


@pytest.fixture
def paid_dossier(edit_site):
    """A dossier citizen1 filed online for 2.000635 and paid: its code."""
    functional = str(Path(__file__).parent / 'functional')   # the journeys' helpers
    if functional not in sys.path:
        sys.path.append(functional)
    from payment_helpers import file_dossier
    from tthc_docs import timeutil
    with edit_site() as site:
        dossier = file_dossier(site)
        dossier.record_payment('devgateway', dossier.code + '_e2e', dossier.fee_amount,
                               timeutil.now())
        return dossier.code
