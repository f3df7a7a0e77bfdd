"""`WAGTAIL_FINISH_WORKFLOW_ACTION` (see `review.py`).

Wagtail imports this setting while its own models are still loading, so this module imports
nothing at the top; the work is done in `review.py`.
"""


def publish_workflow_state(workflow_state, user=None):
    from .review import publish_edited_workflow_state

    publish_edited_workflow_state(workflow_state, user=user)
