from django.urls import path

from . import views

urlpatterns = [
    path("feedback-form/<int:page_id>/", views.submit_feedback, name="feedback_submit"),
]
