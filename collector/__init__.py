"""The feedback collector: a small web service the support team runs beside the static help centre.

It receives what readers' browsers send when ``extra.helpcentre.feedback_url`` is set (``app``), checks it
against the site and its catalogue (``events``), limits the rate per client without storing who the client is
(``ratelimit``), keeps it in SQLite or PostgreSQL (``store``), and turns it into the team's report and
``data/popularity.csv`` (``report``). ``python -m collector serve|report|popularity`` (``__main__``).
"""
