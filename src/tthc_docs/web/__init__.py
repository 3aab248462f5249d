"""The web layer shared by every concept: negotiation, body limit, tweens, errors, i18n, server."""


def includeme(config):
    config.scan(".errors")
