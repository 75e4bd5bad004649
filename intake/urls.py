"""Staff URLs under /staff/, and the survivor's hand-off under a neutral /send/.

Only case ids appear in URLs; never a name, a reference or an answer.
"""

from django.urls import path

from intake import handoff, staff_questions, views

app_name = "intake"

urlpatterns = [
    path("send/", handoff.handoff, name="handoff"),
    path("send/done/", handoff.handoff_done, name="handoff_done"),
    path("staff/login/", views.StaffLoginView.as_view(), name="login"),
    path("staff/logout/", views.logout, name="logout"),
    path("staff/", views.queue, name="queue"),
    path("staff/cases/<int:pk>/", views.case_detail, name="case"),
    path("staff/cases/<int:pk>/status/", views.case_status, name="case_status"),
    path("staff/cases/<int:pk>/assign/", views.case_assign, name="case_assign"),
    path("staff/cases/<int:pk>/hold/", views.case_hold, name="case_hold"),
    path("staff/cases/<int:pk>/draft/", views.case_draft, name="case_draft"),
    path("staff/cases/<int:pk>/packet/", views.case_packet, name="case_packet"),
    path("staff/cases/<int:pk>/notes/", views.case_note, name="case_note"),
    path(
        "staff/cases/<int:pk>/contact/",
        staff_questions.case_contact,
        name="case_contact",
    ),
    path("staff/cases/<int:pk>/facts/", staff_questions.case_facts, name="case_facts"),
    path(
        "staff/cases/<int:pk>/rescreen/",
        staff_questions.screen_again,
        name="case_rescreen",
    ),
    path("staff/screen/", staff_questions.screen_start, name="screen_start"),
    path("staff/screen/attach/", staff_questions.screen_attach, name="screen_attach"),
    path("staff/audit/", views.audit_log, name="audit"),
    path("staff/counts/", views.counts, name="counts"),
    path("staff/counts.csv", views.counts_csv, name="counts_csv"),
]
