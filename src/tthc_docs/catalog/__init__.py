"""The catalog of procedures (thủ tục hành chính): content, versions, search, fees, import/export.

``content`` holds the persistent procedures and their immutable versions,
``schema`` what a version must say, ``index`` the search index, ``fees`` the
money rules, ``import_export`` the JSON/CSV exchange, ``doctypes`` the
document-type vocabulary that requirements and vault documents share, and
``views`` the pages and JSON.
"""


def includeme(config):
    config.scan(".views")
