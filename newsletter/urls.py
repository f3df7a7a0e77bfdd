from django.urls import path

from . import views

urlpatterns = [
    path("newsletter/subscribe/", views.subscribe, name="newsletter_subscribe"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("newsletter/unsubscribe/<str:key>/", views.unsubscribe, name="newsletter_unsubscribe"),
]
