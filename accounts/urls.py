"""Account routes. Django's auth views keep their own URL names (login, password_reset, ...)."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("delete/", views.delete_account, name="delete_account"),
    path("", include("django.contrib.auth.urls")),
]
