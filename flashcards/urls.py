from django.urls import path

from flashcards import views

app_name = "flashcards"

urlpatterns = [
    path("", views.deck_index, name="index"),
    path("<slug:slug>/", views.deck_detail, name="detail"),
    path("<slug:slug>/anki.txt", views.deck_export_anki, name="export_anki"),
]
