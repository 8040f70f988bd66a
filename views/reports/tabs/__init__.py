"""The report view's second-edition tabs: MRR (Client Success), Reps side by side, and the
plan read backwards. Each shows the bundle of the period chosen on the Monthly tab (a month,
a quarter or a year); the numbers are the engine's, nothing here computes a metric."""
