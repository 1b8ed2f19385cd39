"""Editor: a tool beside the build, the office's form editor (`disclosures edit`).

Sveltia CMS (editor/, bundled from the npm registry) edits the notice files in the browser; its form is
generated from schema/ (formconfig.py), and a local server (server.py) serves it on 127.0.0.1 with the
same check as `disclosures check`, whose messages the form shows beside the fields they concern.

May import: core, numbering, load, importer
"""
