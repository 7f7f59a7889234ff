"""From decisions and request answers to what to do on each network.

    plan.py      the translation, in order and in batches under the platforms' limits
    settings.py  the choices a person may make otherwise (settings_default.yaml)
    writers.py   plan.yaml, a CSV per network, PLAN.md, Mastodon and Google Contacts imports
    verify.py    a written plan checked against newer exports
"""
