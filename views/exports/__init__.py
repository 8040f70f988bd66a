"""Report exports shared by the report view and ``voronka report``: XLSX, PDF, PNG, CSV."""
