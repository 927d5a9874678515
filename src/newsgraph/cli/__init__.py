"""The command line: one small module per command group, thin over the library."""
