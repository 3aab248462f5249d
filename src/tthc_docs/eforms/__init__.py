"""E-forms: field types, the template→schema mechanism, rendering, templates as content.

``render`` is the one place deform is imported to draw an e-form.
"""


def includeme(config):
    config.scan(".views")
