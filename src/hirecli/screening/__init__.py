"""The text screen shared by the kit builder, validation and lint.

Text folded as a reader sees it (NFKC, format characters dropped, look-alike letters
folded), patterns that run in linear time, and the protected-topic table: the kit
refuses a custom question on a protected topic, and lint reports it, with one screen.
"""
