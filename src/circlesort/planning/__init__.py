"""From decisions and request answers to a migration plan, person by person.

steps.py      the plan's words as types: step kinds, phases, states, where a step stands
derive.py     what a person's category and answers ask of each network
reconcile.py  those steps laid over the ones the workspace keeps, judged by the newest export
schedule.py   dependencies, waiting time and batches under the platforms' limits
current.py    the workspace's one current plan
words.py      every word shown for a step
settings.py   the choices a person may make otherwise (settings_default.yaml)
writers.py    plan.yaml and a CSV per network; markdown.py PLAN.md; import_files.py the
              Google Contacts and Mastodon imports; folder.py where they may be written
verify.py     the plan checked against newer exports
"""
