"""``hirecli lint``: checks for postings and interview questions, driven by the data in ``data/lint``.

Entry points: :func:`hirecli.lint.engine.lint_file` and :func:`~hirecli.lint.engine.lint_posting`
for postings, :func:`hirecli.lint.protected.find_protected_topics` for single questions.
"""
