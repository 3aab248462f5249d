"""Citizens' document vaults: vaults, documents, uploads and their checks, the access log, the counter.

Every read of someone else's vault is written to that vault's access log.
"""


def includeme(config):
    config.scan(".views")
