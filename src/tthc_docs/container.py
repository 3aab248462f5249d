"""The folder base every container of the content tree is made of.

After Substance D's Folder: children live in an OOBTree with a
``BTrees.Length`` counter (so ``len()`` never loads the tree and concurrent
inserts do not conflict on a counter attribute), and every insertion goes
through one ``add()`` that names the child and sets its parent.
"""
import re

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from persistent import Persistent

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$")


class BadName(ValueError):
    """A child name that cannot be used in a URL path segment."""


def validate_name(name):
    """Refuse names that would break traversal or hide a view (``@@``, ``..``)."""
    if not isinstance(name, str) or not _NAME_RE.match(name) or ".." in name:
        raise BadName(f"tên không hợp lệ: {name!r}")
    return name


class Container(Persistent):
    """A persistent folder of named children, backed by a BTree."""

    __name__ = None
    __parent__ = None

    def __init__(self):
        self.data = OOBTree()
        self._num_objects = Length()

    def add(self, name, obj):
        """Insert ``obj`` as ``name``; refuse duplicates and adopted objects."""
        validate_name(name)
        if name in self.data:
            raise KeyError(f"đã tồn tại: {name}")
        if getattr(obj, "__parent__", None) is not None:
            raise ValueError(f"{name} đã thuộc một thư mục khác")
        obj.__name__ = name
        obj.__parent__ = self
        self.data[name] = obj
        self._num_objects.change(1)
        return obj

    def remove(self, name):
        """Take the child out and detach it."""
        obj = self.data.pop(name)
        self._num_objects.change(-1)
        obj.__parent__ = None
        return obj

    def __getitem__(self, name):
        return self.data[name]

    def get(self, name, default=None):
        return self.data.get(name, default)

    def __contains__(self, name):
        return name in self.data

    def __len__(self):
        return self._num_objects()

    def __bool__(self):
        return True

    def __iter__(self):
        return iter(self.data.keys())

    def keys(self, min=None, max=None):
        return self.data.keys(min, max)

    def values(self, min=None, max=None):
        return self.data.values(min, max)

    def items(self, min=None, max=None):
        return self.data.items(min, max)
