"""Field paths of wagtail-localize's segments ("title", "body.quote.attribution"): the model
field and the blocks they name."""

from django.core.exceptions import FieldDoesNotExist


def resolve(model, field_path):
    """[(name, field or block)] along `field_path`, with None where the path leaves what the
    model declares; [] for no path or no model."""
    parts = field_path.split(".") if field_path else []
    if not parts or model is None:
        return []
    try:
        field = model._meta.get_field(parts[0])
    except FieldDoesNotExist:
        return [(parts[0], None)]
    steps = [(parts[0], field)]
    block = getattr(field, "stream_block", None)
    for part in parts[1:]:
        block = getattr(block, "child_blocks", {}).get(part) if block is not None else None
        steps.append((part, block))
    return steps
