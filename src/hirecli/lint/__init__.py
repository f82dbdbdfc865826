"""``hirecli lint``: checks for postings and interview questions, driven by the data in ``data/lint``.

Entry points: :func:`hirecli.lint.engine.lint_paths` for the command line,
:func:`hirecli.lint.engine.lint_file` and :func:`~hirecli.lint.engine.lint_posting` for
postings, :func:`hirecli.lint.protected.find_protected_topics` for single questions (also
used by ``validate`` and the interview-kit builder), :func:`hirecli.lint.screen.screen` for
stated preferences on protected characteristics, and :func:`hirecli.lint.normalize.normalize`
for the text every check matches on.
"""
