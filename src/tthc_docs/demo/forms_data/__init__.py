"""Demo form templates: one per form name of the demo procedures.

Modelled on the forms of the Ministry of Justice, the Ministry of Planning
and Investment, the Ministry of Natural Resources and Environment, the
Ministry of Construction and the Ministry of Labour (tờ khai, đơn, giấy đề
nghị); the field lists are plausible, not authoritative.  Only what the
person filing declares about themself is prefilled from their vault
profile: another person's data (the child, the spouse, the deceased, the
worker) is typed, because the vault does not hold it.
"""
from tthc_docs.demo.forms_data import business, civil, land, social

#: Every demo form definition by name, family by family.
FORMS = {**civil.FORMS, **business.FORMS, **land.FORMS, **social.FORMS}
