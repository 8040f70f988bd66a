"""The File menu's database work: new, open, recent, back up, restore, export everything."""
