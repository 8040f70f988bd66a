"""Reminders of due tasks: a badge on the Tasks page, a bell in the status bar with snooze,
and a tray notification where the desktop has a tray."""
