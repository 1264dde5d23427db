from django.urls import path

from assurance.dataset import collection_urls, views

app_name = "dataset"

P = "p/<slug:partnership_slug>/data-set/"

urlpatterns = [
    path(P, views.IndicatorListView.as_view(), name="indicator_list"),
    path(P + "<str:code>/", views.IndicatorDetailView.as_view(), name="indicator_detail"),
]

# Quarterly collection (assurance/dataset/collection_urls.py), ahead of the indicator page's
# "<str:code>/" so that "collection/" is never read as an indicator code.
urlpatterns = collection_urls.urlpatterns + urlpatterns
