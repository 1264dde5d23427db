"""URLs of the learning cycle (learning, themes, recommendations, meetings, decisions,
challenges), added to the improvement app's URLconf."""

from django.urls import path

from assurance.improvement import challenge_views, learning_views, meeting_views

S = "p/<slug:partnership_slug>/"
L = S + "learning/"
T = L + "themes/"
R = S + "recommendations/"
M = S + "meetings/"
D = S + "decisions/"
C = S + "challenges/"

urlpatterns = [
    path(L, learning_views.LearningListView.as_view(), name="learning_list"),
    path(L + "new/", learning_views.LearningCreateView.as_view(), name="learning_create"),
    path(L + "<int:pk>/", learning_views.LearningDetailView.as_view(), name="learning_detail"),
    path(
        L + "<int:pk>/change/", learning_views.LearningUpdateView.as_view(), name="learning_update"
    ),
    path(
        L + "<int:pk>/history/",
        learning_views.LearningHistoryView.as_view(),
        name="learning_history",
    ),
    path(
        L + "<int:pk>/documents/new/",
        learning_views.LearningDocumentAddView.as_view(),
        name="learning_document_add",
    ),
    path(
        L + "documents/<int:pk>/",
        learning_views.LearningDocumentDownloadView.as_view(),
        name="learning_document",
    ),
    path(T, learning_views.ThemeListView.as_view(), name="theme_list"),
    path(T + "new/", learning_views.ThemeCreateView.as_view(), name="theme_create"),
    path(T + "<int:pk>/", learning_views.ThemeDetailView.as_view(), name="theme_detail"),
    path(T + "<int:pk>/change/", learning_views.ThemeUpdateView.as_view(), name="theme_update"),
    path(T + "<int:pk>/history/", learning_views.ThemeHistoryView.as_view(), name="theme_history"),
    path(R, learning_views.RecommendationListView.as_view(), name="recommendation_list"),
    path(
        R + "new/",
        learning_views.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path(
        R + "<int:pk>/",
        learning_views.RecommendationDetailView.as_view(),
        name="recommendation_detail",
    ),
    path(
        R + "<int:pk>/history/",
        learning_views.RecommendationHistoryView.as_view(),
        name="recommendation_history",
    ),
    path(M, meeting_views.MeetingListView.as_view(), name="meeting_list"),
    path(M + "new/", meeting_views.MeetingCreateView.as_view(), name="meeting_create"),
    path(M + "<int:pk>/", meeting_views.MeetingDetailView.as_view(), name="meeting_detail"),
    path(M + "<int:pk>/change/", meeting_views.MeetingUpdateView.as_view(), name="meeting_update"),
    path(M + "<int:pk>/agenda/", meeting_views.AgendaView.as_view(), name="meeting_agenda"),
    path(
        M + "<int:pk>/attendance/",
        meeting_views.AttendanceView.as_view(),
        name="meeting_attendance",
    ),
    path(M + "<int:pk>/papers/new/", meeting_views.PaperAddView.as_view(), name="paper_add"),
    path(
        M + "<int:pk>/decisions/new/",
        meeting_views.DecisionCreateView.as_view(),
        name="decision_create",
    ),
    path(
        M + "<int:pk>/history/", meeting_views.MeetingHistoryView.as_view(), name="meeting_history"
    ),
    path(
        M + "<int:pk>/highlight-report/",
        meeting_views.HighlightReportView.as_view(),
        name="highlight_report",
    ),
    path(
        M + "<int:pk>/highlight-report.pdf",
        meeting_views.HighlightPdfView.as_view(),
        name="highlight_pdf",
    ),
    path(
        M + "<int:pk>/highlight-report.docx",
        meeting_views.HighlightDocxView.as_view(),
        name="highlight_docx",
    ),
    path(D, meeting_views.DecisionLogView.as_view(), name="decision_log"),
    path(D + "<int:pk>/", meeting_views.DecisionDetailView.as_view(), name="decision_detail"),
    path(
        D + "<int:pk>/history/",
        meeting_views.DecisionHistoryView.as_view(),
        name="decision_history",
    ),
    path(C, challenge_views.ChallengeListView.as_view(), name="challenge_list"),
    path(C + "new/", challenge_views.ChallengeCreateView.as_view(), name="challenge_create"),
    path(C + "<int:pk>/", challenge_views.ChallengeDetailView.as_view(), name="challenge_detail"),
    path(
        C + "<int:pk>/answer/",
        challenge_views.ChallengeAnswerView.as_view(),
        name="challenge_answer",
    ),
    path(
        C + "<int:pk>/outcome/",
        challenge_views.ChallengeOutcomeView.as_view(),
        name="challenge_outcome",
    ),
    path(
        C + "<int:pk>/history/",
        challenge_views.ChallengeHistoryView.as_view(),
        name="challenge_history",
    ),
]
