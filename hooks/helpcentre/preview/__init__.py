"""A writer's preview (make serve): what it builds with while the content has errors, the banner naming
them, and what a rebuild keeps from the last one.
"""
