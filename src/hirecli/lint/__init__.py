"""``hirecli lint``: checks for postings and interview questions, driven by the data in ``data/lint``.

Entry points: :func:`hirecli.lint.engine.lint_paths` for the command line and the library
API, :func:`hirecli.lint.engine.lint_file` and :func:`~hirecli.lint.engine.lint_posting` for
single files and postings, :func:`hirecli.lint.postings.read_posting` for job ads in text,
Markdown, HTML or Word (read by :mod:`hirecli.readers`, as ``import`` reads them),
:func:`hirecli.lint.rolesource.read_role` for role files,
:func:`hirecli.screening.protected.find_protected_topics` for single questions (also used by
``validate`` and the interview-kit builder), :func:`hirecli.lint.screen.screen` for stated
preferences on protected characteristics, and :func:`hirecli.screening.normalize.normalize` for the
text every check matches on.
"""
