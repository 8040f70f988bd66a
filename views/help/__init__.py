"""Help: the user guide window, the list of keyboard shortcuts, and About."""
