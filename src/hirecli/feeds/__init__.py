"""Publishing a whole catalogue at once: job feeds and applicant-tracking-system payloads.

``hirecli export roles/ --feed indeed|linkedin|jsonld -o feed.xml`` writes one feed of
every role (Indeed's and LinkedIn's XML job feeds, or a schema.org ``ItemList`` of
``JobPosting``s); ``--ats greenhouse -o out/`` writes, per role, the JSON bodies that
Greenhouse's Harvest API takes. Roles that lack what a feed requires are named and left
out. Nothing here talks to the network.
"""

from __future__ import annotations

FEEDS = ("indeed", "linkedin", "jsonld")
ATS = ("greenhouse",)
