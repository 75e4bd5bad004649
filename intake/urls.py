"""Staff URLs under /staff/, plus the survivor's hand-off (/staff/send/).

Only case ids appear in URLs; never a name, a reference or an answer.
"""

from django.urls import path

from intake import handoff, views

app_name = "intake"

urlpatterns = [
    path("send/", handoff.handoff, name="handoff"),
    path("send/done/", handoff.handoff_done, name="handoff_done"),
    path("login/", views.StaffLoginView.as_view(), name="login"),
    path("logout/", views.logout, name="logout"),
    path("", views.queue, name="queue"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/status/", views.case_status, name="case_status"),
    path("cases/<int:pk>/assign/", views.case_assign, name="case_assign"),
    path("cases/<int:pk>/hold/", views.case_hold, name="case_hold"),
    path("cases/<int:pk>/draft/", views.case_draft, name="case_draft"),
    path("cases/<int:pk>/packet/", views.case_packet, name="case_packet"),
    path("audit/", views.audit_log, name="audit"),
    path("counts/", views.counts, name="counts"),
    path("counts.csv", views.counts_csv, name="counts_csv"),
]
