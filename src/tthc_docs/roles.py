"""Every role the system knows, defined once (pure: imports nothing).

``security`` turns these into principals (``role:leader``), the workflow
names them in its rule table, and the people, dossier and signing modules
check them; all import the strings from here, so a role cannot be spelled
two ways.

Three pseudo-roles exist only for one dossier (``Dossier.roles_for`` adds
them): ``owner``, the person whose dossier it is; ``step``, which stands
in the rule table for the role of the dossier's current processing step;
and ``desk``, a reception officer of the desk that received the dossier
for another agency.
"""

CITIZEN = "citizen"
EDITOR = "editor"
RECEPTION = "reception"
SPECIALIST = "specialist"
LEADER = "leader"
ADMIN = "admin"
#: The account roles, in the order forms list them.
ROLES = (CITIZEN, EDITOR, RECEPTION, SPECIALIST, LEADER, ADMIN)
#: The roles that act for an agency (they see its dossiers' queues and papers).
OFFICER_ROLES = (RECEPTION, SPECIALIST, LEADER)
#: Who may be named to carry a processing step (``dossiers.actions.may_be_assigned``).
ASSIGNABLE_ROLES = (SPECIALIST, LEADER)

OWNER = "owner"   # pseudo-role: the person whose dossier it is
STEP = "step"     # pseudo-role: the role of the dossier's current processing step
#: pseudo-role: a reception officer of the desk that took the dossier in for
#: another agency (location-independent filing): intake only, never processing.
DESK = "desk"

ROLE_TITLES = {
    CITIZEN: "Công dân",
    EDITOR: "Biên tập viên",
    RECEPTION: "Cán bộ một cửa",
    SPECIALIST: "Chuyên viên",
    LEADER: "Lãnh đạo",
    ADMIN: "Quản trị",
}
