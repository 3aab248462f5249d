"""Form templates: a draft that editors change and immutable published versions.

``/forms/<name>`` is a :class:`FormTemplate`.  Editors save a draft (checked
by ``schemas.forms``), preview it and publish it; publishing freezes the
draft into :class:`FormVersion` number N+1, which never changes again, so
a dossier that records ``(form name, version)`` is always shown with the
fields it was filled with.  The next edit starts the draft of version N+2.
"""
import json

from BTrees.IOBTree import IOBTree
from persistent import Persistent

from tthc_docs import errors
from tthc_docs.eforms import formschema
from tthc_docs import security as s
from tthc_docs.container import Container

DIFF_KEYS = ('title', 'type', 'required', 'prefill', 'options', 'help', 'editable',
             'min_length', 'max_length', 'min', 'max', 'pattern', 'doc_type')


class FormVersion(Persistent):
    """One published version of a template; immutable once made.

    The fields are kept as a JSON string: every read gets a fresh copy, so
    no caller can change a published version by mutating what it was given.
    """

    def __init__(self, name, version, title, fields, published_at=None, published_by=None):
        self.name = name
        self.version = version
        self.title = title
        self._fields = json.dumps([formschema.normalize_field(f) for f in fields],
                                  ensure_ascii=False)
        self.published_at = published_at
        self.published_by = published_by
        self._frozen = True

    _frozen = False

    def __setattr__(self, key, value):
        if key.startswith(('_p_', '_v_')) or not self._frozen:
            return super().__setattr__(key, value)
        raise AttributeError('Phiên bản biểu mẫu đã công bố không thể sửa.')

    @property
    def fields(self):
        return json.loads(self._fields)

    def prefill(self, profile):
        """{field name: value} that the citizen's vault profile fills."""
        return formschema.prefill_values(self.fields, profile or {})

    def validate(self, data, profile=None, documents=None):
        """Clean data, omitted prefilled fields taken from ``profile``; 422 otherwise.

        ``documents``: the owner's vault documents as ``[(id, title,
        doc_type)]``, to check document fields (unchecked when None).
        """
        return formschema.validate_data(self.fields, data, profile or {}, documents)

    def prefill_share(self, profile=None):
        return formschema.prefill_share(self.fields, profile)

    def display(self, data):
        """[{name, title, value}] of stored ``data`` with this version's labels."""
        return formschema.display_rows(self.fields, data or {})

    def as_json(self):
        """API.md's shape, plus help text and constraints for clients that check early."""
        return {'name': self.name, 'title': self.title, 'version': self.version,
                'fields': [field_json(f) for f in self.fields],
                'prefill_share': round(self.prefill_share(), 4)}


def field_json(field):
    out = {key: field.get(key) for key in ('name', 'title', 'type', 'required', 'prefill',
                                           'options')}
    out.update({k: v for k, v in field.items()
                if k not in out and v not in (None, '') and not (k == 'editable' and v)})
    return out


class FormTemplate(Persistent):
    """``/forms/<name>``: the editors' draft and the published versions."""

    __name__ = None
    __parent__ = None

    def __acl__(self):
        return [(s.Allow, s.role(s.EDITOR), (s.VIEW, s.EDIT, s.PUBLISH)),
                (s.Allow, s.role(s.ADMIN), (s.VIEW, s.EDIT, s.PUBLISH)),
                (s.Allow, s.Everyone, s.VIEW)]

    def __init__(self, title, fields, created_by=None, created_at=None):
        self._versions = IOBTree()
        self.draft = None
        self.modified_at = created_at
        self.modified_by = created_by
        self.save_draft(title, fields, created_by, created_at)

    # -- versions ---------------------------------------------------------
    @property
    def latest(self):
        """Number of the latest published version (0: never published)."""
        return self._versions.maxKey() if len(self._versions) else 0

    @property
    def state(self):
        if not self.latest:
            return 'draft'
        return 'published' if self.draft is None else 'published-with-draft'

    @property
    def title(self):
        if self.draft is not None:
            return self.draft['title']
        return self.published_version().title

    def versions(self):
        return list(self._versions.values())

    def published_version(self, version=None):
        """The latest published version, or number ``version``; None if absent."""
        if version is None:
            version = self.latest
        return self._versions.get(int(version)) if version else None

    # -- editing ------------------------------------------------------------
    def save_draft(self, title, fields, by=None, at=None):
        """Replace the draft of the next version (fields already editor-checked)."""
        self.draft = {'title': title, 'fields': [dict(f) for f in fields]}
        self.modified_by, self.modified_at = by, at

    def working_copy(self):
        """What the editor starts from: the draft, else the latest version."""
        if self.draft is not None:
            return {'title': self.draft['title'], 'fields': [dict(f) for f in self.draft['fields']]}
        latest = self.published_version()
        return {'title': latest.title, 'fields': latest.fields}

    def draft_version(self):
        """The draft as an unpublished FormVersion (for preview and diff)."""
        if self.draft is None:
            return None
        return FormVersion(self.__name__, self.latest + 1, self.draft['title'],
                           self.draft['fields'])

    def publish(self, by=None, at=None):
        """Freeze the draft as the next version; 409 when there is nothing new."""
        if self.draft is None:
            raise errors.StateConflict(
                errors.Words('Biểu mẫu không có bản nháp để công bố '
                             '(phiên bản ${version} đã công bố).', version=self.latest),
                allowed=['edit'])
        latest = self.published_version()
        if latest is not None and diff_versions(latest, self.draft_version())['same']:
            raise errors.StateConflict(
                errors.Words('Bản nháp giống hệt phiên bản ${version}: không có gì để công bố.',
                             version=self.latest),
                allowed=['edit'])
        number = self.latest + 1
        version = FormVersion(self.__name__, number, self.draft['title'], self.draft['fields'],
                              published_at=at, published_by=by)
        self._versions[number] = version
        self.draft = None
        self.modified_by, self.modified_at = by, at
        return version

    def visible_version(self, wanted=None, editor=False):
        """The version a reader may see: the public never sees drafts or unpublished templates.

        ``wanted``: a number, ``'draft'`` or None (the latest published; for
        editors the draft when nothing is published yet). 404 otherwise.
        """
        if wanted == 'draft' and not editor:
            raise errors.NotFound('Không tìm thấy bản nháp của biểu mẫu.')
        if wanted is None and not self.latest:
            if not editor:
                raise errors.NotFound(errors.Words('Biểu mẫu ${name} chưa được công bố.',
                                                   name=self.__name__))
            wanted = 'draft'
        return self.resolve(wanted)

    def diff_pair(self, old=None, new=None):
        """The two versions to compare: those asked for, or the natural pair.

        By default the draft (else the latest) against the version before it.
        A first version has no previous one: that is the template's state
        (409, saying what would make a comparison possible), not a missing
        resource; a version the template never had stays a 404.
        """
        new = self.resolve(new or ('draft' if self.draft is not None else self.latest))
        if not old:
            old = self.latest if new.version > self.latest else new.version - 1
            if not old:
                raise errors.StateConflict(
                    errors.Words('Phiên bản ${version} của biểu mẫu là phiên bản đầu tiên: '
                                 'chưa có phiên bản trước để so sánh.', version=new.version),
                    allowed=['publish'] if self.draft is not None else ['edit'])
        return self.resolve(old), new

    def resolve(self, version):
        """Version ``'draft'``, a number, or None (latest); 404 if there is none."""
        found = self.draft_version() if version == 'draft' else None
        if version != 'draft':
            try:
                found = self.published_version(int(version) if version not in (None, '') else None)
            except (TypeError, ValueError):
                raise errors.BadRequest(errors.Words('Phiên bản "${version}" không hợp lệ.',
                                                     version=version)) from None
        if found is None:
            what = 'bản nháp' if version == 'draft' else f'phiên bản {version or "đã công bố"}'
            raise errors.NotFound(f'Biểu mẫu {self.__name__} không có {what}.')
        return found


class FormLibrary(Container):
    """``/forms``: every template, by name."""

    __acl__ = [(s.Allow, s.role(s.EDITOR), (s.VIEW, s.EDIT, s.PUBLISH)),
               (s.Allow, s.role(s.ADMIN), (s.VIEW, s.EDIT, s.PUBLISH)),
               (s.Allow, s.Everyone, s.VIEW)]

    def create(self, name, title, fields, by=None, at=None):
        """Add a new template (its draft of version 1); 409 if the name is taken."""
        if name in self:
            raise errors.StateConflict(errors.Words('Đã có biểu mẫu tên "${name}".', name=name))
        return self.add(name, FormTemplate(title, fields, by, at))

    def version_of(self, name, version):
        """The version a dossier recorded; None if the template is gone."""
        template = self.get(name) if name else None
        return template.published_version(version) if template is not None else None

    def rows_for(self, name, version, data):
        """Stored form ``data`` as [{name, title, value}], labelled by ITS version.

        A dossier is always shown with the version it was filled with, even
        after the template changed; with no recorded form, the raw keys.
        """
        form = self.version_of(name, version) if version else None
        if form is None:
            return [{'name': k, 'title': k, 'value': str(v)} for k, v in (data or {}).items()]
        return form.display(data)


def diff_versions(old, new):
    """What changed from ``old`` to ``new`` (FormVersions): for editors.

    ``{"from", "to", "title": [old, new] | None, "added": [names],
    "removed": [names], "changed": [{"name", "changes": {key: [old, new]}}],
    "reordered": bool, "same": bool}``.
    """
    before = {f['name']: f for f in old.fields}
    after = {f['name']: f for f in new.fields}
    changed = []
    for name in after:
        if name in before:
            changes = {k: [before[name].get(k), after[name].get(k)] for k in DIFF_KEYS
                       if before[name].get(k) != after[name].get(k)}
            if changes:
                changed.append({'name': name, 'changes': changes})
    kept_before = [n for n in before if n in after]
    kept_after = [n for n in after if n in before]
    result = {
        'from': old.version, 'to': new.version,
        'title': [old.title, new.title] if old.title != new.title else None,
        'added': [n for n in after if n not in before],
        'removed': [n for n in before if n not in after],
        'changed': changed, 'reordered': kept_before != kept_after,
    }
    result['same'] = not (result['title'] or result['added'] or result['removed']
                          or changed or result['reordered'])
    return result
