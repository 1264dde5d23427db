from django.urls import path

from assurance.training.bookings import public, views

T = "training/"

urlpatterns = [
    path(T + "courses/<int:pk>/", views.CourseDetailView.as_view(), name="course_detail"),
    path(T + "sessions/<int:pk>/", views.SessionDetailView.as_view(), name="session_detail"),
    path(T + "sessions/<int:pk>/change/", views.SessionEditView.as_view(), name="session_edit"),
    path(T + "sessions/<int:pk>/register/", views.RegisterView.as_view(), name="register"),
    path(
        T + "attendance/<int:year>/<int:quarter>/",
        views.AttendanceView.as_view(),
        name="attendance",
    ),
    path(
        T + "bookings/<int:pk>/certificate/",
        views.CertificateView.as_view(),
        name="certificate",
    ),
    path(
        T + "bookings/<int:pk>/certificate.pdf",
        views.CertificateView.as_view(format="pdf"),
        name="certificate_pdf",
    ),
    path(
        T + "bookings/<int:pk>/certificate.docx",
        views.CertificateView.as_view(format="docx"),
        name="certificate_docx",
    ),
]

# The practitioner's pages, with no account, under /training/ (assurance/urls.py).
public_urlpatterns = [
    path("<slug:slug>/", public.OfferView.as_view(), name="offer"),
    path("book/<str:code>/", public.BookView.as_view(), name="book"),
    path("book/<str:code>/sent/", public.BookingSentView.as_view(), name="booking_sent"),
    path("confirm/<str:token>/", public.ConfirmView.as_view(), name="booking_confirm"),
    path("cancel/<str:token>/", public.CancelView.as_view(), name="booking_cancel"),
]
