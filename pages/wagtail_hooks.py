from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy


@hooks.register("filter_form_submissions_for_user")
def only_publishers_read_submissions(user, editable_forms):
    """Submissions hold readers' personal data (names, e-mail addresses): only those who may
    publish a form page (the Redaktion, administrators) read them, not every author who may
    edit it."""
    if user.is_superuser:
        return editable_forms
    publishable = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return editable_forms.filter(pk__in=publishable.values("pk"))
