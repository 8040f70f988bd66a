"""A new team's first day: every page with nothing to show says what it is for and offers the
next step — import the team's data, add a deal, or (only on a database without deals) load the
demo. ``EmptyState`` is the overlay a page puts over its view area; ``TeamData`` knows, on the
executor, whether the database holds any deal yet."""
