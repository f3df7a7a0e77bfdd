"""`manage.py check --deploy`: the production settings' refusals, for any settings module."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from .deployment import proxy_problems, security_txt_problems


@register(Tags.security, deploy=True)
def client_addresses_behind_the_front_cache(app_configs, **kwargs):
    problems = proxy_problems(
        getattr(settings, "FRONTEND_CACHE_URLS", []), getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    )
    return [Error(problem, id="security.E101") for problem in problems]


@register(Tags.security, deploy=True)
def security_txt_names_a_real_contact(app_configs, **kwargs):
    contact = settings.SECURITY_CONTACT or settings.DEFAULT_FROM_EMAIL
    problems = security_txt_problems(contact, settings.WAGTAILADMIN_BASE_URL)
    return [Error(problem, id="security.E102") for problem in problems]
