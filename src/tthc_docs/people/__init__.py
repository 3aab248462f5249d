"""People: accounts, agencies, one-time codes (TOTP) and login throttling."""


def includeme(config):
    config.scan(".views")
