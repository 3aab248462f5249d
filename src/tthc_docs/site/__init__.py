"""The site root: the Site object and its own pages (home, language, document types, OpenAPI)."""


def includeme(config):
    config.scan(".views")
