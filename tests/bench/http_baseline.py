"""The bare baseline the HTTP benchmark compares with: the project's stack, nothing else.

Pyramid 2 + pyramid_tm + pyramid_retry + pyramid_zodbconn + Chameleon on a
FileStorage: the root holds a folder whose 2,000 documents live in an
OOBTree, a GET traverses to one of them and renders it through one page
template.  No sessions, security, i18n or tweens of our own: this is the
floor a page of the project is measured against (issue 15).

``POST /docs/@@add`` stores one new document under a random name (random,
so that concurrent writes land in different buckets of the folder and
rarely conflict) and answers its name: the floor of a write on the same
stack, a transaction that commits two records, shown beside the project's
writes for scale.
"""
import tempfile
import uuid
from pathlib import Path

import transaction
import ZODB
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from pyramid.config import Configurator
from ZODB.FileStorage import FileStorage

HERE = Path(__file__).resolve().parent
DOCUMENTS = 2000
PATH = "/docs/doc-1234"
WRITE_PATH = "/docs/@@add"


class Folder(Persistent):
    """A container as the project's are: children in an OOBTree."""

    def __init__(self):
        self.items = OOBTree()

    def __getitem__(self, name):
        return self.items[name]

    def add(self, name, child):
        child.__name__, child.__parent__ = name, self
        self.items[name] = child


class Document(Persistent):
    def __init__(self, title, body, facts):
        self.title, self.body, self.facts = title, body, facts


def build(folder):
    """The database: ``/docs/doc-0000`` … ``doc-1999``."""
    db = ZODB.DB(FileStorage(str(folder / "Data.fs"), blob_dir=str(folder / "blobs")))
    conn = db.open()
    root, docs = Folder(), Folder()
    root.__name__ = root.__parent__ = None
    root.add("docs", docs)
    for i in range(DOCUMENTS):
        docs.add(f"doc-{i:04d}", Document(
            f"Tài liệu số {i}", "Nội dung của tài liệu, một đoạn văn ngắn. " * 8,
            [(f"Mục {k}", f"Giá trị {i * k}") for k in range(10)]))
    conn.root()["site"] = root
    transaction.commit()
    conn.close()
    db.close()


def add_document(context, request):
    """Store one new document (a write's floor: its record and its folder's bucket)."""
    name = f"new-{uuid.uuid4().hex}"
    context.add(name, Document("Tài liệu mới", "Nội dung của tài liệu. " * 8,
                               [(f"Mục {k}", f"Giá trị {k}") for k in range(10)]))
    return {"name": name}


def root_factory(request):
    from pyramid_zodbconn import get_connection
    return get_connection(request).root()["site"]


def make_app(folder=None):
    """The WSGI app on a fresh database in ``folder`` (a new temporary one by default)."""
    folder = Path(folder or tempfile.mkdtemp(prefix="bench-bare-"))
    if not (folder / "Data.fs").exists():
        build(folder)
    settings = {"zodbconn.uri": f"file://{folder}/Data.fs?blobstorage_dir={folder}/blobs",
                "tm.manager_hook": "pyramid_tm.explicit_manager",
                "pyramid.reload_templates": False}
    with Configurator(settings=settings, root_factory=root_factory) as config:
        config.include("pyramid_tm")
        config.include("pyramid_retry")
        config.include("pyramid_zodbconn")
        config.include("pyramid_chameleon")
        config.add_view(lambda context, request: {"doc": context}, context=Document,
                        renderer=str(HERE / "http_baseline.pt"))
        config.add_view(add_document, context=Folder, name="add", request_method="POST",
                        renderer="json")
        return config.make_wsgi_app()
