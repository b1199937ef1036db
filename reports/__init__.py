"""Report functions returning plain data, shared by pages and files."""
