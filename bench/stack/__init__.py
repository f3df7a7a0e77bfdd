"""The production stack's processes for tests and the bench: Varnish with the project's VCL,
gunicorn with the production settings. Not part of the site."""
